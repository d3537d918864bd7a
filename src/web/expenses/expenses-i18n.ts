import { i18n } from '../app/i18n.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** The expense screens keep their texts under the "exp" key, loaded with these screens only. */
i18n.addResourceBundle('fr', 'translation', { exp: fr }, true, false);
i18n.addResourceBundle('en', 'translation', { exp: en }, true, false);

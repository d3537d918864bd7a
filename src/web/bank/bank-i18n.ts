import { i18n } from '../app/i18n.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** The bank screens keep their texts under the "bank" key, loaded with these screens only. */
i18n.addResourceBundle('fr', 'translation', { bank: fr }, true, false);
i18n.addResourceBundle('en', 'translation', { bank: en }, true, false);

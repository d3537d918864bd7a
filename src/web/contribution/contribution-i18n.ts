import { i18n } from '../app/i18n.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** The contribution screens' texts, under the "ctb" key, loaded with these screens only. */
i18n.addResourceBundle('fr', 'translation', { ctb: fr }, true, false);
i18n.addResourceBundle('en', 'translation', { ctb: en }, true, false);

export const contributionTexts = { fr, en };

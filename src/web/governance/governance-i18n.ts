import { i18n } from '../app/i18n.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

/**
 * The governance screens keep their texts in their own files, under the "gov" key of the shared
 * translation, loaded with these screens only (the first load does not carry them).
 */
i18n.addResourceBundle('fr', 'translation', { gov: fr }, true, false);
i18n.addResourceBundle('en', 'translation', { gov: en }, true, false);

export const governanceTexts = { fr, en };

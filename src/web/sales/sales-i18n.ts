import { i18n } from '../app/i18n.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

/**
 * The sales screens keep their texts in their own files, under the "sal" key of the shared translation,
 * loaded with these screens only (the first load does not carry them).
 */
i18n.addResourceBundle('fr', 'translation', { sal: fr }, true, false);
i18n.addResourceBundle('en', 'translation', { sal: en }, true, false);

export const salesTexts = { fr, en };

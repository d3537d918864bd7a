import { i18n } from '../app/i18n.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

/**
 * The ledger screens keep their texts in their own files, under the "ldg" key of the shared translation,
 * loaded with these screens only (the first load does not carry them).
 */
i18n.addResourceBundle('fr', 'translation', { ldg: fr }, true, false);
i18n.addResourceBundle('en', 'translation', { ldg: en }, true, false);

export const ledgerTexts = { fr, en };

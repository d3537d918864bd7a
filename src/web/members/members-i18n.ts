import { i18n } from '../app/i18n.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

/**
 * The members and activities screens keep their texts in their own files, under the "mbr" namespace key
 * of the shared translation: imported by each of these screens, so the first load does not carry them.
 */
i18n.addResourceBundle('fr', 'translation', { mbr: fr }, true, false);
i18n.addResourceBundle('en', 'translation', { mbr: en }, true, false);

export const membersTexts = { fr, en };

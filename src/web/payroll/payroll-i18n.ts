import { i18n } from '../app/i18n.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

/** The payroll screens keep their texts under the "pay" key, loaded with these screens only. */
i18n.addResourceBundle('fr', 'translation', { pay: fr }, true, false);
i18n.addResourceBundle('en', 'translation', { pay: en }, true, false);

export const payrollTexts = { fr, en };

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
// Type only: the zod schema of core/i18n would pull zod into the first load.
import type { Locale } from '../../core/i18n/locale.ts';
import { setApiLanguage } from './api-client.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

const storageKey = 'mutua.locale';
const locales: readonly Locale[] = ['fr', 'en'];
const defaultLocale: Locale = 'fr';

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(storageKey);
    return locales.find((l) => l === value) ?? defaultLocale;
  } catch {
    return defaultLocale;
  }
}

export const i18n = i18next.createInstance();

const initial = storedLocale();
setApiLanguage(initial);
void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** French first; the choice is remembered in the browser (and in the account by the caller). */
export function setUiLanguage(locale: Locale) {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // private browsing: the choice lasts for this page only
  }
  setApiLanguage(locale);
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'fr';
}

document.documentElement.lang = initial;

import { DEFAULT_LOCALE, isLocale, type Locale } from "@bailanys/common/locales";

const KEY = "bailanys.locale";

/** The language chosen on this device, else the browser's if we support it, else the default. */
export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (isLocale(stored)) {
      return stored;
    }
  } catch {
    // Storage can be disabled (private mode, policies); the language then simply is not remembered.
  }
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLocale(browser) ? browser : DEFAULT_LOCALE;
}

/** Remembers the language for the next visit on this device. */
export function writeStoredLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(KEY, locale);
  } catch {
    // See readStoredLocale: not remembering is acceptable.
  }
}

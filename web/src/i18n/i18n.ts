import { isLocale, type Locale, DEFAULT_LOCALE } from "@bailanys/common/locales";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { kk } from "./kk.ts";
import { ru } from "./ru.ts";
import { readStoredLocale } from "./storedLocale.ts";

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
  lng: readStoredLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ["kk", "ru", "en"],
  interpolation: { escapeValue: false },
});

/** The interface language now in use. */
export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}

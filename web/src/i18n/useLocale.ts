import { DEFAULT_LOCALE, isLocale, type Locale } from "@bailanys/common/locales";
import { useTranslation } from "react-i18next";

/** The interface language; components re-render when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}

import type { Locale } from "@bailanys/common/locales";
import dayjs from "dayjs";
import "dayjs/locale/kk";
import "dayjs/locale/ru";
import { i18n } from "./i18n.ts";

/** Switches texts, date-picker month names and the page's lang attribute (screen readers) together. */
export async function applyLocale(locale: Locale): Promise<void> {
  dayjs.locale(locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

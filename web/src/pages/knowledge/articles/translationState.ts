import type { ArticleListItemDto, TranslationStateDto } from "@bailanys/common/api/kb";
import { LOCALES, type Locale } from "@bailanys/common/locales";

/** What one language of an article has, as a badge shows it. */
export type TranslationBadge =
  | { locale: Locale; kind: "missing" }
  | { locale: Locale; kind: "draft" | "review" | "scheduled"; number: number }
  | { locale: Locale; kind: "published"; number: number; pending: "draft" | "review" | "scheduled" | null };

/** One badge per language, kk, ru, en in order: the published version wins, an open draft, review or scheduled version is noted beside it. */
export function translationBadges(translations: readonly TranslationStateDto[]): TranslationBadge[] {
  return LOCALES.map((locale): TranslationBadge => {
    const tr = translations.find((x) => x.locale === locale);
    if (!tr || (tr.published === null && tr.open === null)) {
      return { locale, kind: "missing" };
    }
    if (tr.published !== null) {
      return { locale, kind: "published", number: tr.published.number, pending: tr.open?.state ?? null };
    }
    // The published branch above took every case where `open` could be null.
    const open = tr.open ?? { number: 0, state: "draft" as const, validFrom: null };
    return { locale, kind: open.state, number: open.number };
  });
}

/** The article's title in the interface language, else in the first language that has one. */
export function articleTitle(article: Pick<ArticleListItemDto, "translations" | "code">, locale: Locale): string {
  const own = article.translations.find((x) => x.locale === locale && x.title !== "");
  if (own) {
    return own.title;
  }
  const other = LOCALES.map((l) => article.translations.find((x) => x.locale === l && x.title !== "")).find((x) => x !== undefined);
  return other?.title ?? article.code;
}

/** The earliest review-by date of the published translations (YYYY-MM-DD), or null. */
export function reviewBy(article: Pick<ArticleListItemDto, "translations">): string | null {
  const dates = article.translations.map((x) => x.published?.reviewBy ?? null).filter((d): d is string => d !== null);
  return dates.length === 0 ? null : [...dates].sort()[0] ?? null;
}

/** "overdue" once the date has passed, "due" within `reminderDays` of it, else "ok" (dates as YYYY-MM-DD). */
export function reviewUrgency(date: string | null, today: string, reminderDays: number): "ok" | "due" | "overdue" {
  if (date === null) {
    return "ok";
  }
  if (date < today) {
    return "overdue";
  }
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + reminderDays);
  return date <= soon.toISOString().slice(0, 10) ? "due" : "ok";
}

/** Languages of every text a person reads: Kazakh (state language), Russian (official), English. */
export const LOCALES = ["kk", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ru";

export type Localized = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header value. */
export function localeFromAcceptLanguage(header: string | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!header) {
    return fallback;
  }
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (isLocale(tag)) {
      return tag;
    }
  }
  return fallback;
}

/** Name of a reference row in the reader's language. */
export function localizedName(row: { name_kk: string; name_ru: string; name_en: string }, locale: Locale): string {
  switch (locale) {
    case "kk":
      return row.name_kk;
    case "ru":
      return row.name_ru;
    case "en":
      return row.name_en;
  }
}

import type { Locale } from "./locales.ts";

/** Short names of ISO weekdays 1 (Monday) … 7 (Sunday). */
export const WEEKDAY_SHORT: Record<Locale, readonly string[]> = {
  kk: ["Дс", "Сс", "Ср", "Бс", "Жм", "Сн", "Жс"],
  ru: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

const ROUND_THE_CLOCK: Record<Locale, string> = { kk: "тәулік бойы", ru: "круглосуточно", en: "24 hours" };
const EVERY_DAY: Record<Locale, string> = { kk: "Күн сайын", ru: "Ежедневно", en: "Every day" };

export type WeeklyHours = Record<string, readonly [string, string] | null | undefined>;

/**
 * Opening hours as readable lines, consecutive days with the same hours grouped: "Пн–Пт 09:00–18:00".
 * Days missing from every schedule are left out (closed).
 */
export function hoursLines(hours: WeeklyHours, locale: Locale): string[] {
  const names = WEEKDAY_SHORT[locale];
  const lines: string[] = [];
  let day = 1;
  while (day <= 7) {
    const span = hours[String(day)];
    if (!span) {
      day += 1;
      continue;
    }
    let end = day;
    while (end < 7 && sameSpan(hours[String(end + 1)], span)) {
      end += 1;
    }
    const days = day === 1 && end === 7 ? EVERY_DAY[locale] : end === day ? names[day - 1] : `${names[day - 1]}–${names[end - 1]}`;
    const time = span[0] === "00:00" && span[1] === "24:00" ? ROUND_THE_CLOCK[locale] : `${span[0]}–${span[1]}`;
    lines.push(`${days} ${time}`);
    day = end + 1;
  }
  return lines;
}

function sameSpan(a: readonly [string, string] | null | undefined, b: readonly [string, string]): boolean {
  return Boolean(a) && a?.[0] === b[0] && a[1] === b[1];
}

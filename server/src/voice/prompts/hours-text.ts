import type { Locale } from "@bailanys/common/locales";
import type { OpeningHours } from "../../modules/routing/routing-rules.ts";

const DAYS: Record<Locale, string[]> = {
  kk: ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"],
  ru: ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

const PHRASES: Record<Locale, { always: string; intro: string; closed: string; holidays: string }> = {
  kk: { always: "Байланыс орталығы тәулік бойы, демалыссыз жұмыс істейді.", intro: "Байланыс орталығының жұмыс уақыты:", closed: "демалыс", holidays: "Мереке күндері жұмыс істемейді." },
  ru: { always: "Контакт-центр работает круглосуточно, без выходных.", intro: "Часы работы контакт-центра:", closed: "выходной", holidays: "В праздничные дни не работает." },
  en: { always: "The contact centre works around the clock, every day.", intro: "The contact centre's hours:", closed: "closed", holidays: "Closed on public holidays." },
};

/** Weekly hours spoken day by day, days with the same hours run together: "понедельник – пятница: 09:00 – 18:00; суббота: выходной". */
export function weeklyHoursText(hours: OpeningHours, locale: Locale): string {
  const phrases = PHRASES[locale];
  const spans = [1, 2, 3, 4, 5, 6, 7].map((day) => hours[String(day)] ?? null);
  const parts: string[] = [];
  for (let first = 0; first < 7; ) {
    let last = first;
    const same = (a: [string, string] | null, b: [string, string] | null) => (a === null ? b === null : b !== null && a[0] === b[0] && a[1] === b[1]);
    while (last + 1 < 7 && same(spans[last + 1] ?? null, spans[first] ?? null)) {
      last += 1;
    }
    const days = first === last ? DAYS[locale][first] : `${DAYS[locale][first]} – ${DAYS[locale][last]}`;
    const span = spans[first];
    parts.push(`${days}: ${span ? `${span[0]} – ${span[1]}` : phrases.closed}`);
    first = last + 1;
  }
  return parts.join("; ");
}

/**
 * A queue's weekly hours as a sentence to be spoken (R12.3: working hours in the voice menu): days with the same
 * hours run together ("Monday – Friday 09:00 – 18:00").
 */
export function hoursText(hours: OpeningHours, openOnHolidays: boolean, locale: Locale): string {
  const phrases = PHRASES[locale];
  const spans = [1, 2, 3, 4, 5, 6, 7].map((day) => hours[String(day)] ?? null);
  if (spans.every((span) => span !== null && span[0] === "00:00" && span[1] === "24:00")) {
    return phrases.always;
  }
  return `${phrases.intro} ${weeklyHoursText(hours, locale)}.${openOnHolidays ? "" : ` ${phrases.holidays}`}`;
}

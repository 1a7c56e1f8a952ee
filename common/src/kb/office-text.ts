import type { OfficeHoursDto, OfficeViewDto } from "../api/kb.ts";
import type { Locale, Localized } from "../locales.ts";
import { hoursLines, type WeeklyHours } from "../weekdays.ts";

const BREAK: Localized = { kk: "түскі үзіліс", ru: "перерыв", en: "break" };
const CLOSED: Localized = { kk: "Қабылдау жоқ", ru: "Приём не ведётся", en: "Closed" };

/**
 * An office's hours as readable text: "Пн–Пт 09:00–18:30, перерыв 13:00–14:00; Сб 10:00–14:00". Used by the
 * portal, by messages sent to citizens and by the voice menu, so the three always say the same.
 */
export function officeHoursText(hours: readonly OfficeHoursDto[], locale: Locale): string {
  if (hours.length === 0) {
    return CLOSED[locale];
  }
  const breaks = new Map<string, WeeklyHours>();
  for (const entry of hours) {
    const key = entry.breakFrom !== undefined && entry.breakTo !== undefined ? `${entry.breakFrom}–${entry.breakTo}` : "";
    breaks.set(key, { ...(breaks.get(key) ?? {}), [String(entry.day)]: [entry.open, entry.close] });
  }
  return [...breaks.entries()]
    .map(([lunch, weekly]) => {
      const lines = hoursLines(weekly, locale).join("; ");
      return lunch === "" ? lines : `${lines}, ${BREAK[locale]} ${lunch}`;
    })
    .join("; ");
}

/** One office as a few lines of plain text (name, address, hours, phone). */
export function officeText(office: OfficeViewDto, locale: Locale): string {
  return [office.name, office.address, officeHoursText(office.hours, locale), office.phone ?? ""].filter((line) => line !== "").join("\n");
}

import type { YearResponse } from "@bailanys/common/api/calendar";
import {
  addCalendarDays,
  computeDueDate,
  isWorkingDay,
  localizedHolidayName,
  nonWorkingDays,
  type CalendarRules,
  type DueDateResult,
  type TermUnit,
} from "@bailanys/common/calendar";
import type { Locale } from "@bailanys/common/locales";
import type { Db } from "../../db/database.ts";
import { loadCalendarRules } from "./calendar.repository.ts";

// Deadlines are computed on every registration; the calendar changes a few times a year. Each node keeps the
// rules for a short time and drops them at once when this node changes them; other nodes see a change within
// CACHE_MS.
const CACHE_MS = 10_000;
const cache = new Map<string, { rules: CalendarRules; loadedAt: number }>();

export async function calendarRules(db: Db, tenantId: string): Promise<CalendarRules> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.loadedAt < CACHE_MS) {
    return hit.rules;
  }
  const rules = await loadCalendarRules(db, tenantId);
  cache.set(tenantId, { rules, loadedAt: Date.now() });
  return rules;
}

export function forgetCalendarRules(tenantId: string): void {
  cache.delete(tenantId);
}

/** The legal deadline of a term counted from the moment an appeal was received. */
export async function dueDateFor(db: Db, tenantId: string, input: { received: Date; term: number; unit: TermUnit }): Promise<DueDateResult> {
  return computeDueDate(await calendarRules(db, tenantId), input);
}

/** A year at a glance for the calendar screen: the working-day count and every day that breaks the usual week. */
export function yearOverview(rules: CalendarRules, year: number, locale: Locale): YearResponse {
  let workingDays = 0;
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addCalendarDays(date, 1)) {
    workingDays += isWorkingDay(rules, date) ? 1 : 0;
  }
  return {
    year,
    workingDays,
    days: nonWorkingDays(rules, year).map((day) => ({
      date: day.date,
      working: day.working,
      reason: day.reason,
      name: day.holiday ? localizedHolidayName(day.holiday, locale) : (day.note ?? null),
    })),
  };
}

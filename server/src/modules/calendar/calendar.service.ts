import { computeDueDate, type CalendarRules, type DueDateResult, type TermUnit } from "@bailanys/common/calendar";
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

import { RELAXABLE, type Relaxable } from "@bailanys/common/contacts";
import { dayInfo, toLocal, type CalendarRules } from "@bailanys/common/calendar";

export interface WideningStep {
  after: number;
  relax: string;
}

/** Which requirements are relaxed after waiting `waitedSeconds`, and how many steps that is. */
export function relaxationsAt(widening: readonly WideningStep[], waitedSeconds: number): { step: number; relaxed: Relaxable[] } {
  const relaxed: Relaxable[] = [];
  let step = 0;
  for (const rule of [...widening].sort((a, b) => a.after - b.after)) {
    if (rule.after > waitedSeconds) {
      break;
    }
    step += 1;
    if ((RELAXABLE as readonly string[]).includes(rule.relax) && !relaxed.includes(rule.relax as Relaxable)) {
      relaxed.push(rule.relax as Relaxable);
    }
  }
  return { step, relaxed };
}

/** The seconds of waiting at which the next widening step falls due, or null when none is left. */
export function nextWideningAt(widening: readonly WideningStep[], step: number): number | null {
  const sorted = [...widening].sort((a, b) => a.after - b.after);
  return sorted[step]?.after ?? null;
}

export type OpeningHours = Record<string, [string, string] | null>;

/**
 * Whether a queue is open at `at` (the tenant's wall clock). Holidays and days off by decree are closed unless
 * the queue opens on holidays; a weekend uses that weekday's hours; a weekend made working uses Monday's.
 */
export function isQueueOpen(hours: OpeningHours, openOnHolidays: boolean, rules: CalendarRules, at: Date): boolean {
  const local = toLocal(rules, at);
  const info = dayInfo(rules, local.date);
  const weekday = isoWeekday(local.date);
  let span: [string, string] | null | undefined;
  switch (info.reason) {
    case "holiday":
    case "moved-holiday":
    case "override-off":
      span = openOnHolidays ? (hours[String(weekday)] ?? hours["1"]) : null;
      break;
    case "override-work":
      span = hours["1"];
      break;
    case "weekend":
    case "workday":
      span = hours[String(weekday)];
      break;
  }
  if (!span) {
    return false;
  }
  const minutes = toMinutes(local.time);
  return minutes >= toMinutes(span[0]) && minutes < toMinutes(span[1]);
}

export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function toMinutes(time: string): number {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}

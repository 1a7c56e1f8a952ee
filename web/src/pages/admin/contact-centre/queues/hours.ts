import type { QueueBody } from "@bailanys/common/api/routing-admin";
import type { ErrorCode } from "@bailanys/common/errors";

/** A queue's weekly hours as the API holds them: ISO weekday "1"…"7" → [opens, closes] or null (closed). */
export type WeeklyHours = QueueBody["hours"];

/** One weekday in the form: the times stay while the day is closed, so reopening it brings them back. */
export interface DayHours {
  open: boolean;
  opens: string;
  closes: string;
}

/** Monday first, as ISO numbers them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// The same "HH:MM" the server accepts; 24:00 only makes sense as a closing time, which the order check enforces.
const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ROUND_THE_CLOCK: DayHours = { open: true, opens: "00:00", closes: "24:00" };
const OFFICE: DayHours = { open: true, opens: "09:00", closes: "18:00" };

const minutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The form's seven days from the API's hours; a day the API leaves out is closed. */
export function hoursToForm(hours: WeeklyHours): DayHours[] {
  return WEEKDAYS.map((day) => {
    const span = hours[String(day)];
    return span ? { open: true, opens: span[0], closes: span[1] } : { ...OFFICE, open: false };
  });
}

/** The API's hours from the form: every weekday is sent, closed ones as null. */
export function formToHours(days: readonly DayHours[]): WeeklyHours {
  return Object.fromEntries(WEEKDAYS.map((day, i) => {
    const d = days[i];
    return [String(day), d?.open ? [d.opens, d.closes] : null];
  }));
}

/** Every day 00:00–24:00. */
export function roundTheClock(): DayHours[] {
  return WEEKDAYS.map(() => ({ ...ROUND_THE_CLOCK }));
}

/** Office hours: Monday to Friday 09:00–18:00, the weekend closed (a new queue starts so). */
export function officeHours(): DayHours[] {
  return WEEKDAYS.map((day) => ({ ...OFFICE, open: day <= 5 }));
}

/** A span's problem: both clocks "HH:MM" (24:00 only closing) and the opening before the closing. */
export function spanProblem(opens: string, closes: string): ErrorCode | null {
  if (!CLOCK.test(opens) || !CLOCK.test(closes)) {
    return "FIELD_INVALID";
  }
  return minutes(opens) >= minutes(closes) ? "FIELD_OUT_OF_RANGE" : null;
}

/** Problems of the open days, keyed "<field>.<weekday>" like the server's field paths ("hours.3"). */
export function validateHours(days: readonly DayHours[], field = "hours"): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  WEEKDAYS.forEach((day, i) => {
    const d = days[i];
    const problem = d?.open ? spanProblem(d.opens, d.closes) : null;
    if (problem !== null) {
      problems[`${field}.${day}`] = problem;
    }
  });
  return problems;
}

/** The field keys of weekly hours held under `field`: the whole week and each weekday. */
export function hoursFieldKeys(field: string): string[] {
  return [field, ...WEEKDAYS.map((d) => `${field}.${d}`)];
}

export interface HoursSummaryText {
  /** Short weekday names, Monday first. */
  days: readonly string[];
  closed: string;
  always: string;
}

/**
 * The week in one line: consecutive days with the same times are joined ("Mon–Fri 09:00–18:00, Sat 10:00–14:00");
 * closed days are left out. Seven days round the clock read as the `always` text, no open day as `closed`.
 */
export function hoursSummary(hours: WeeklyHours, text: HoursSummaryText): string {
  const spans = WEEKDAYS.map((day) => hours[String(day)] ?? null);
  if (spans.every((s) => s !== null && s[0] === "00:00" && s[1] === "24:00")) {
    return text.always;
  }
  const groups: { from: number; to: number; span: string }[] = [];
  spans.forEach((s, i) => {
    if (s === null) {
      return;
    }
    const span = `${s[0]}–${s[1]}`;
    const last = groups[groups.length - 1];
    if (last && last.to === i - 1 && last.span === span) {
      last.to = i;
    } else {
      groups.push({ from: i, to: i, span });
    }
  });
  if (groups.length === 0) {
    return text.closed;
  }
  const day = (i: number) => text.days[i] ?? String(i + 1);
  return groups.map((g) => `${g.from === g.to ? day(g.from) : `${day(g.from)}–${day(g.to)}`} ${g.span}`).join(", ");
}

import type { OfficeHoursDto } from "@bailanys/common/api/kb";
import type { ErrorCode } from "@bailanys/common/errors";

/** One weekday of an office in the form: the times stay while the day is closed, so reopening brings them back. */
export interface OfficeDay {
  open: boolean;
  opens: string;
  closes: string;
  lunch: boolean;
  breakFrom: string;
  breakTo: string;
}

export const OFFICE_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAY: OfficeDay = { open: true, opens: "09:00", closes: "18:00", lunch: true, breakFrom: "13:00", breakTo: "14:00" };

/** The form's seven days from the office's hours; a day missing from them is closed. */
export function hoursToDays(hours: readonly OfficeHoursDto[]): OfficeDay[] {
  return OFFICE_WEEKDAYS.map((day) => {
    const h = hours.find((x) => x.day === day);
    if (!h) {
      return { ...WEEKDAY, open: false, lunch: false };
    }
    const lunch = h.breakFrom !== undefined && h.breakTo !== undefined;
    return { open: true, opens: h.open, closes: h.close, lunch, breakFrom: h.breakFrom ?? WEEKDAY.breakFrom, breakTo: h.breakTo ?? WEEKDAY.breakTo };
  });
}

/** The API's hours: the open days only, with the lunch break when the day has one. */
export function daysToHours(days: readonly OfficeDay[]): OfficeHoursDto[] {
  return OFFICE_WEEKDAYS.flatMap((day, i) => {
    const d = days[i];
    if (!d?.open) {
      return [];
    }
    return [d.lunch ? { day, open: d.opens, close: d.closes, breakFrom: d.breakFrom, breakTo: d.breakTo } : { day, open: d.opens, close: d.closes }];
  });
}

/** Monday to Friday 09:00–18:00 with lunch 13:00–14:00; the weekend closed. */
export function standardWeek(): OfficeDay[] {
  return OFFICE_WEEKDAYS.map((day) => ({ ...WEEKDAY, open: day <= 5 }));
}

const minutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** A day's problem: clocks "HH:MM", opening before closing, and a lunch break inside the working time. */
export function dayProblem(d: OfficeDay): ErrorCode | null {
  if (!d.open) {
    return null;
  }
  const clocks = d.lunch ? [d.opens, d.closes, d.breakFrom, d.breakTo] : [d.opens, d.closes];
  if (!clocks.every((c) => CLOCK.test(c))) {
    return "FIELD_INVALID";
  }
  if (minutes(d.opens) >= minutes(d.closes)) {
    return "FIELD_OUT_OF_RANGE";
  }
  if (d.lunch && !(minutes(d.opens) < minutes(d.breakFrom) && minutes(d.breakFrom) < minutes(d.breakTo) && minutes(d.breakTo) < minutes(d.closes))) {
    return "FIELD_OUT_OF_RANGE";
  }
  return null;
}

/** Problems of the days, keyed "hours.<weekday>". */
export function validateDays(days: readonly OfficeDay[]): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  OFFICE_WEEKDAYS.forEach((day, i) => {
    const d = days[i];
    const problem = d ? dayProblem(d) : null;
    if (problem !== null) {
      problems[`hours.${day}`] = problem;
    }
  });
  return problems;
}

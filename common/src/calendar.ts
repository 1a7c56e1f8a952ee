// Kazakhstan working-day calendar and legal deadlines (DOMAIN.md §4).
// Dates are "YYYY-MM-DD" local calendar dates; instants are UTC `Date`s. All arithmetic runs on whole-day numbers
// in UTC so the result never depends on the time zone of the machine that runs it.

export type TermUnit = "WD" | "CD";

export interface HolidayRule {
  month: number;
  day: number;
  movable: boolean;
  nameRu: string;
  nameKk: string;
  nameEn: string;
}

export interface CalendarOverride {
  date: string;
  kind: "off" | "work";
  note?: string;
}

export interface CalendarRules {
  utcOffsetMinutes: number;
  weekendDays: number[];
  holidays: HolidayRule[];
  overrides: CalendarOverride[];
  cutoff: string;
  firstDayCounts: boolean;
  calendarTermEndsOnWorkingDay: boolean;
}

export type DayReason = "workday" | "weekend" | "holiday" | "moved-holiday" | "override-off" | "override-work";

export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  holiday?: HolidayRule;
  note?: string;
}

export interface DueDateResult {
  dueAt: Date;
  dueDate: string;
  firstDay: string;
  term: number;
  unit: TermUnit;
}

/** Asia/Almaty: UTC+5 for the whole country since 1 March 2024. */
export const KZ_UTC_OFFSET_MINUTES = 300;

const DAY_MS = 86_400_000;
const MAX_TERM = 3650;
// A calendar with no working day for a whole year is misconfigured; stop instead of looping forever.
const MAX_NON_WORKING_RUN = 366;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CUTOFF_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function holiday(month: number, day: number, movable: boolean, nameRu: string, nameKk: string, nameEn: string): HolidayRule {
  return { month, day, movable, nameRu, nameKk, nameEn };
}

const NEW_YEAR = ["Новый год", "Жаңа жыл", "New Year"] as const;
const NAURYZ = ["Наурыз мейрамы", "Наурыз мейрамы", "Nauryz"] as const;

export const KZ_DEFAULT_HOLIDAYS: HolidayRule[] = [
  holiday(1, 1, true, ...NEW_YEAR),
  holiday(1, 2, true, ...NEW_YEAR),
  // Labour Code art. 84: Orthodox Christmas is a day off but never moved.
  holiday(1, 7, false, "Православное Рождество", "Православиелік Рождество", "Orthodox Christmas"),
  holiday(3, 8, true, "Международный женский день", "Халықаралық әйелдер күні", "International Women's Day"),
  holiday(3, 21, true, ...NAURYZ),
  holiday(3, 22, true, ...NAURYZ),
  holiday(3, 23, true, ...NAURYZ),
  holiday(5, 1, true, "Праздник единства народа Казахстана", "Қазақстан халқының бірлігі мерекесі", "Kazakhstan People's Unity Day"),
  holiday(5, 7, true, "День защитника Отечества", "Отан қорғаушы күні", "Defender of the Fatherland Day"),
  holiday(5, 9, true, "День Победы", "Жеңіс күні", "Victory Day"),
  holiday(7, 6, true, "День столицы", "Астана күні", "Capital City Day"),
  holiday(8, 30, true, "День Конституции", "Конституция күні", "Constitution Day"),
  holiday(10, 25, true, "День Республики", "Республика күні", "Republic Day"),
  holiday(12, 16, true, "День Независимости", "Тәуелсіздік күні", "Independence Day"),
];

const KURBAN_AIT_NOTE = "Құрбан айт / Курбан айт";

// Kurban ait is lunar, announced each year, and never moved; decree transfers are listed per year as well.
// Only days DOMAIN.md states; administrators add each year's decree transfers and lunar dates.
export const KZ_DEFAULT_OVERRIDES: CalendarOverride[] = [{ date: "2026-05-27", kind: "off", note: KURBAN_AIT_NOTE }];

/** Kazakhstan defaults: five-day week, public holidays, known overrides, eOtinish cut-off 18:30. */
export function defaultCalendarRules(): CalendarRules {
  // Fresh copies so an admin editing one tenant's rules never mutates the shared defaults.
  return {
    utcOffsetMinutes: KZ_UTC_OFFSET_MINUTES,
    weekendDays: [6, 7],
    holidays: KZ_DEFAULT_HOLIDAYS.map((h) => ({ ...h })),
    overrides: KZ_DEFAULT_OVERRIDES.map((o) => ({ ...o })),
    cutoff: "18:30",
    firstDayCounts: true,
    calendarTermEndsOnWorkingDay: true,
  };
}

// ---- whole-day numbers (days since 1970-01-01) ----

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function dayNumber(y: number, m: number, d: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}

function ymdOf(dn: number): Ymd {
  const t = new Date(dn * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function parseYmd(date: string): Ymd | null {
  const match = DATE_RE.exec(date);
  if (!match) {
    return null;
  }
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return null;
  }
  return { y, m, d };
}

function daysInMonth(y: number, m: number): number {
  return dayNumber(y, m + 1, 1) - dayNumber(y, m, 1);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDay(dn: number): string {
  const { y, m, d } = ymdOf(dn);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function toDayNumber(date: string): number {
  const ymd = parseYmd(date);
  if (!ymd) {
    throw new RangeError(`invalid local date "${date}", expected YYYY-MM-DD`);
  }
  return dayNumber(ymd.y, ymd.m, ymd.d);
}

function isoWeekday(dn: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dn + 3) % 7) + 7) % 7) + 1;
}

/** True when `date` is a real calendar date written as YYYY-MM-DD. */
export function isValidLocalDate(date: string): boolean {
  return parseYmd(date) !== null;
}

/** Adds `n` (possibly negative) calendar days to a local date. */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) {
    throw new RangeError(`day count must be an integer, got ${n}`);
  }
  return formatDay(toDayNumber(date) + n);
}

// ---- compiled rules, cached per rules object ----

interface Compiled {
  source: { holidays: HolidayRule[]; overrides: CalendarOverride[]; weekendDays: number[] };
  weekend: Set<number>;
  byMonthDay: Map<number, HolidayRule>;
  overrideByDay: Map<number, CalendarOverride>;
  movedByYear: Map<number, Map<number, HolidayRule>>;
  cutoffSeconds: number;
}

const compiledCache = new WeakMap<CalendarRules, Compiled>();

function compile(rules: CalendarRules): Compiled {
  const cached = compiledCache.get(rules);
  // Rules are treated as immutable; replacing one of the arrays (an admin edit) is still noticed.
  if (
    cached &&
    cached.source.holidays === rules.holidays &&
    cached.source.overrides === rules.overrides &&
    cached.source.weekendDays === rules.weekendDays
  ) {
    return cached;
  }
  const cutoff = CUTOFF_RE.exec(rules.cutoff);
  if (!cutoff) {
    throw new RangeError(`invalid cut-off "${rules.cutoff}", expected HH:MM`);
  }
  if (!Number.isInteger(rules.utcOffsetMinutes) || Math.abs(rules.utcOffsetMinutes) > 14 * 60) {
    throw new RangeError(`invalid UTC offset ${rules.utcOffsetMinutes}`);
  }
  const byMonthDay = new Map<number, HolidayRule>();
  for (const h of rules.holidays) {
    byMonthDay.set(h.month * 100 + h.day, h);
  }
  const overrideByDay = new Map<number, CalendarOverride>();
  for (const o of rules.overrides) {
    // Later entries win, so an appended correction replaces an earlier line for the same date.
    overrideByDay.set(toDayNumber(o.date), o);
  }
  const compiled: Compiled = {
    source: { holidays: rules.holidays, overrides: rules.overrides, weekendDays: rules.weekendDays },
    weekend: new Set(rules.weekendDays),
    byMonthDay,
    overrideByDay,
    movedByYear: new Map(),
    cutoffSeconds: Number(cutoff[1]) * 3600 + Number(cutoff[2]) * 60,
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

function holidayAt(c: Compiled, dn: number): HolidayRule | undefined {
  const { m, d } = ymdOf(dn);
  return c.byMonthDay.get(m * 100 + d);
}

// Moved days off whose new date falls in `year`. December holidays of the previous year are processed too,
// because a holiday late in December can push its day off into January.
function movedDays(c: Compiled, year: number): Map<number, HolidayRule> {
  const cached = c.movedByYear.get(year);
  if (cached) {
    return cached;
  }
  const result = new Map<number, HolidayRule>();
  c.movedByYear.set(year, result);
  if (c.weekend.size >= 7) {
    return result;
  }
  const occurrences: { dn: number; rule: HolidayRule }[] = [];
  for (const y of [year - 1, year]) {
    for (const rule of c.byMonthDay.values()) {
      if (rule.month >= 1 && rule.month <= 12 && rule.day >= 1 && rule.day <= daysInMonth(y, rule.month)) {
        occurrences.push({ dn: dayNumber(y, rule.month, rule.day), rule });
      }
    }
  }
  occurrences.sort((a, b) => a.dn - b.dn);
  const taken = new Set<number>();
  for (const { dn, rule } of occurrences) {
    if (!rule.movable || !c.weekend.has(isoWeekday(dn))) {
      continue;
    }
    let target = dn + 1;
    // An "off" override (Kurban ait, a decree transfer) is already a day off; landing there would lose the day.
    while (
      c.weekend.has(isoWeekday(target)) ||
      holidayAt(c, target) !== undefined ||
      taken.has(target) ||
      c.overrideByDay.get(target)?.kind === "off"
    ) {
      target += 1;
    }
    taken.add(target);
    if (ymdOf(target).y === year) {
      result.set(target, rule);
    }
  }
  return result;
}

function infoAt(c: Compiled, dn: number): Omit<DayInfo, "date"> {
  const rule = holidayAt(c, dn);
  const moved = movedDays(c, ymdOf(dn).y).get(dn);
  const override = c.overrideByDay.get(dn);
  if (override) {
    const info: Omit<DayInfo, "date"> = {
      working: override.kind === "work",
      reason: override.kind === "work" ? "override-work" : "override-off",
    };
    const shadowed = rule ?? moved;
    if (shadowed) {
      info.holiday = shadowed;
    }
    if (override.note !== undefined) {
      info.note = override.note;
    }
    return info;
  }
  if (rule) {
    return { working: false, reason: "holiday", holiday: rule };
  }
  if (moved) {
    return { working: false, reason: "moved-holiday", holiday: moved };
  }
  if (c.weekend.has(isoWeekday(dn))) {
    return { working: false, reason: "weekend" };
  }
  return { working: true, reason: "workday" };
}

function isWorkingAt(c: Compiled, dn: number): boolean {
  return infoAt(c, dn).working;
}

function nextWorkingAt(c: Compiled, dn: number): number {
  for (let next = dn + 1; next <= dn + MAX_NON_WORKING_RUN; next += 1) {
    if (isWorkingAt(c, next)) {
      return next;
    }
  }
  throw new RangeError(`no working day within ${MAX_NON_WORKING_RUN} days after ${formatDay(dn)}`);
}

// ---- public calendar queries ----

/** Whether a local date is a working day, and why. */
export function dayInfo(rules: CalendarRules, date: string): DayInfo {
  return { date, ...infoAt(compile(rules), toDayNumber(date)) };
}

/** True when the local date is a working day under `rules`. */
export function isWorkingDay(rules: CalendarRules, date: string): boolean {
  return isWorkingAt(compile(rules), toDayNumber(date));
}

/** Days of `year` that break the weekly pattern: weekdays off and weekend days made working. */
export function nonWorkingDays(rules: CalendarRules, year: number): DayInfo[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`invalid year ${year}`);
  }
  const c = compile(rules);
  const days: DayInfo[] = [];
  for (let dn = dayNumber(year, 1, 1); dn < dayNumber(year + 1, 1, 1); dn += 1) {
    const info = infoAt(c, dn);
    // A holiday that falls on a weekend costs no working day, so the admin list leaves it out.
    if (info.working === c.weekend.has(isoWeekday(dn))) {
      days.push({ date: formatDay(dn), ...info });
    }
  }
  return days;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(rules: CalendarRules, date: string): string {
  return formatDay(nextWorkingAt(compile(rules), toDayNumber(date)));
}

function localMs(utcOffsetMinutes: number, instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) {
    throw new RangeError("invalid instant");
  }
  return ms + utcOffsetMinutes * 60_000;
}

/** Local calendar date of an instant at a fixed UTC offset (minutes). */
export function localDateAt(instant: Date, utcOffsetMinutes: number = KZ_UTC_OFFSET_MINUTES): string {
  return formatDay(Math.floor(localMs(utcOffsetMinutes, instant) / DAY_MS));
}

/** Local date and wall-clock time (HH:MM:SS) of an instant. */
export function toLocal(rules: CalendarRules, instant: Date): { date: string; time: string } {
  const local = localMs(rules.utcOffsetMinutes, instant);
  const dn = Math.floor(local / DAY_MS);
  const seconds = Math.floor((local - dn * DAY_MS) / 1000);
  const time = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
  return { date: formatDay(dn), time };
}

/** 23:59:59 local time of `date`, as a UTC instant. */
export function localEndOfDay(rules: CalendarRules, date: string): Date {
  return new Date((toDayNumber(date) + 1) * DAY_MS - 1000 - rules.utcOffsetMinutes * 60_000);
}

/** Deadline of a term counted the way eOtinish does (DOMAIN.md §4). */
export function computeDueDate(
  rules: CalendarRules,
  input: { received: Date; term: number; unit: TermUnit },
): DueDateResult {
  const { received, term, unit } = input;
  if (!Number.isInteger(term) || term < 1 || term > MAX_TERM) {
    throw new RangeError(`term must be an integer from 1 to ${MAX_TERM}, got ${term}`);
  }
  const c = compile(rules);
  const local = localMs(rules.utcOffsetMinutes, received);
  const receivedDay = Math.floor(local / DAY_MS);
  const secondsOfDay = Math.floor((local - receivedDay * DAY_MS) / 1000);
  const countsToday = rules.firstDayCounts && isWorkingAt(c, receivedDay) && secondsOfDay < c.cutoffSeconds;
  const firstDay = countsToday ? receivedDay : nextWorkingAt(c, receivedDay);

  let due = firstDay;
  switch (unit) {
    case "WD":
      for (let counted = 1; counted < term; counted += 1) {
        due = nextWorkingAt(c, due);
      }
      break;
    case "CD":
      due = firstDay + term - 1;
      if (rules.calendarTermEndsOnWorkingDay && !isWorkingAt(c, due)) {
        due = nextWorkingAt(c, due);
      }
      break;
    default: {
      const unknown: never = unit;
      throw new RangeError(`unknown term unit ${String(unknown)}`);
    }
  }
  const dueDate = formatDay(due);
  return { dueAt: localEndOfDay(rules, dueDate), dueDate, firstDay: formatDay(firstDay), term, unit };
}

/** A holiday's name in the reader's language. */
export function localizedHolidayName(holiday: HolidayRule, locale: "kk" | "ru" | "en"): string {
  switch (locale) {
    case "kk":
      return holiday.nameKk;
    case "ru":
      return holiday.nameRu;
    case "en":
      return holiday.nameEn;
  }
}

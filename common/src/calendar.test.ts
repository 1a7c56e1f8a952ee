import { describe, expect, it, vi } from "vitest";
import {
  addCalendarDays,
  computeDueDate,
  dayInfo,
  defaultCalendarRules,
  isValidLocalDate,
  isWorkingDay,
  KZ_DEFAULT_HOLIDAYS,
  localDateAt,
  localEndOfDay,
  nextWorkingDay,
  nonWorkingDays,
  toLocal,
  type CalendarRules,
  type TermUnit,
} from "./calendar.ts";

// Local Almaty wall-clock time (UTC+5) as a UTC instant, so the tests read in local time.
function almaty(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+05:00`);
}

function rulesWith(patch: Partial<CalendarRules>): CalendarRules {
  return { ...defaultCalendarRules(), ...patch };
}

function due(rules: CalendarRules, received: Date, term: number, unit: TermUnit) {
  return computeDueDate(rules, { received, term, unit });
}

describe("dates", () => {
  it("validates YYYY-MM-DD strictly", () => {
    expect(isValidLocalDate("2024-02-29")).toBe(true);
    expect(isValidLocalDate("2026-02-29")).toBe(false);
    expect(isValidLocalDate("2026-13-01")).toBe(false);
    expect(isValidLocalDate("2026-1-01")).toBe(false);
    expect(isValidLocalDate("2026-01-01T00:00")).toBe(false);
  });

  it("adds calendar days across month, leap-day and year ends", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addCalendarDays("0050-01-01", 0)).toBe("0050-01-01");
    expect(() => addCalendarDays("2026-02-30", 1)).toThrow(RangeError);
  });

  it("converts instants at the fixed UTC+5 offset", () => {
    const rules = defaultCalendarRules();
    expect(toLocal(rules, new Date("2026-03-20T19:30:05Z"))).toEqual({ date: "2026-03-21", time: "00:30:05" });
    expect(localDateAt(new Date("2026-03-20T18:59:59Z"))).toBe("2026-03-20");
    expect(localEndOfDay(rules, "2026-04-14").toISOString()).toBe("2026-04-14T18:59:59.000Z");
  });

  it("does not depend on the machine's time zone", () => {
    const run = () => due(defaultCalendarRules(), almaty("2026-03-20", "23:30"), 3, "WD").dueAt.toISOString();
    try {
      vi.stubEnv("TZ", "America/Los_Angeles");
      const westOffset = new Date(2026, 0, 1).getTimezoneOffset();
      const west = run();
      vi.stubEnv("TZ", "Pacific/Kiritimati");
      // Guards against a vacuous test: the process zone really changed between the two runs.
      expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(westOffset);
      expect(run()).toBe(west);
      // 23:30 Fri 20 Mar is after cut-off; 21–25 Mar are off, so days 1–3 are 26, 27, 30 Mar.
      expect(west).toBe("2026-03-30T18:59:59.000Z");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("holidays", () => {
  it("lists exactly the 2026 weekday days off of a five-day week", () => {
    const list = nonWorkingDays(defaultCalendarRules(), 2026);
    expect(list.map((d) => d.date)).toEqual([
      "2026-01-01",
      "2026-01-02",
      "2026-01-07",
      "2026-03-09",
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-05-01",
      "2026-05-07",
      "2026-05-11",
      "2026-05-27",
      "2026-07-06",
      "2026-08-31",
      "2026-10-26",
      "2026-12-16",
    ]);
    expect(list.every((d) => !d.working)).toBe(true);
  });

  it("moves weekend holidays to the next free weekday, in date order", () => {
    const rules = defaultCalendarRules();
    // 21 Mar 2026 is a Saturday, 22 a Sunday, 23 a Monday holiday: 21 → 24, 22 → 25.
    expect(dayInfo(rules, "2026-03-24")).toMatchObject({ working: false, reason: "moved-holiday", holiday: { month: 3, day: 21 } });
    expect(dayInfo(rules, "2026-03-25")).toMatchObject({ reason: "moved-holiday", holiday: { month: 3, day: 22 } });
    expect(dayInfo(rules, "2026-03-09")).toMatchObject({ reason: "moved-holiday", holiday: { nameKk: "Халықаралық әйелдер күні" } });
    expect(dayInfo(rules, "2026-05-11")).toMatchObject({ reason: "moved-holiday", holiday: { nameKk: "Жеңіс күні" } });
    expect(dayInfo(rules, "2026-03-21")).toMatchObject({ working: false, reason: "holiday" });
    expect(dayInfo(rules, "2026-03-26")).toEqual({ date: "2026-03-26", working: true, reason: "workday" });
    expect(dayInfo(rules, "2026-05-27")).toEqual({
      date: "2026-05-27",
      working: false,
      reason: "override-off",
      note: "Құрбан айт / Курбан айт",
    });
  });

  it("never moves 7 January", () => {
    const rules = defaultCalendarRules();
    // 2023-01-01 was a Sunday, so 7 Jan 2023 was a Saturday and Mon 9 Jan stayed a working day.
    expect(dayInfo(rules, "2023-01-07")).toMatchObject({ working: false, reason: "holiday", holiday: { movable: false } });
    expect(isWorkingDay(rules, "2023-01-09")).toBe(true);
    // The same year 1 Jan (Sun) did move: 2 Jan (Mon) is itself a holiday, so the day off is Tue 3 Jan.
    expect(dayInfo(rules, "2023-01-03")).toMatchObject({ reason: "moved-holiday", holiday: { month: 1, day: 1 } });
  });

  it("carries a late-December moved day into January", () => {
    const eve = { month: 12, day: 31, movable: true, nameRu: "Канун", nameKk: "Қарсаңы", nameEn: "Eve" };
    const rules = rulesWith({ holidays: [...KZ_DEFAULT_HOLIDAYS, eve] });
    // Sat 31 Dec 2022 comes first in date order: Sun 1 Jan is weekend, Mon 2 Jan a holiday, so it takes Tue 3 Jan;
    // Sun 1 Jan 2023 then finds 3 Jan taken and lands on Wed 4 Jan.
    expect(dayInfo(rules, "2023-01-03")).toMatchObject({ reason: "moved-holiday", holiday: { month: 12, day: 31 } });
    expect(dayInfo(rules, "2023-01-04")).toMatchObject({ reason: "moved-holiday", holiday: { month: 1, day: 1 } });
    expect(nonWorkingDays(rules, 2022).some((d) => d.date.startsWith("2023"))).toBe(false);
  });

  it("lets overrides win: a working Saturday and an extra day off", () => {
    const rules = rulesWith({
      overrides: [
        { date: "2026-03-28", kind: "work", note: "working Saturday" },
        { date: "2026-04-03", kind: "off" },
        { date: "2026-12-16", kind: "work" },
      ],
    });
    expect(dayInfo(rules, "2026-03-28")).toEqual({ date: "2026-03-28", working: true, reason: "override-work", note: "working Saturday" });
    expect(dayInfo(rules, "2026-04-03")).toMatchObject({ working: false, reason: "override-off" });
    expect(isWorkingDay(rules, "2026-12-16")).toBe(true);
    const list = nonWorkingDays(rules, 2026).map((d) => `${d.date}:${d.reason}`);
    expect(list).toContain("2026-03-28:override-work");
    expect(list).toContain("2026-04-03:override-off");
    expect(list).not.toContain("2026-12-16:override-work");
    expect(list).not.toContain("2026-05-27:override-off");
  });

  it("notices when an override list is replaced on the same rules object", () => {
    const rules = defaultCalendarRules();
    expect(isWorkingDay(rules, "2026-04-03")).toBe(true);
    rules.overrides = [...rules.overrides, { date: "2026-04-03", kind: "off" }];
    expect(isWorkingDay(rules, "2026-04-03")).toBe(false);
  });

  it("finds the next working day strictly after a date", () => {
    const rules = defaultCalendarRules();
    expect(nextWorkingDay(rules, "2026-03-20")).toBe("2026-03-26");
    expect(nextWorkingDay(rules, "2026-03-26")).toBe("2026-03-27");
    expect(() => nextWorkingDay(rulesWith({ weekendDays: [1, 2, 3, 4, 5, 6, 7] }), "2026-01-01")).toThrow(RangeError);
  });
});

describe("computeDueDate", () => {
  const rules = defaultCalendarRules();

  it("counts the day of receipt before the 18:30 cut-off, not after it", () => {
    expect(due(rules, almaty("2026-03-20", "17:00"), 1, "WD").firstDay).toBe("2026-03-20");
    expect(due(rules, almaty("2026-03-20", "18:30"), 1, "WD").firstDay).toBe("2026-03-26");
    expect(due(rules, almaty("2026-03-20", "18:45"), 1, "WD").firstDay).toBe("2026-03-26");
    // Saturday morning: not a working day, so counting starts on Monday.
    expect(due(rules, almaty("2026-03-28", "10:00"), 1, "WD").firstDay).toBe("2026-03-30");
  });

  it("counts from a working Saturday", () => {
    const saturday = rulesWith({ overrides: [{ date: "2026-03-28", kind: "work" }] });
    expect(due(saturday, almaty("2026-03-28", "10:00"), 1, "WD").dueDate).toBe("2026-03-28");
  });

  it("gives 14 April for 15 working days from Friday 20 March 2026, 10:00", () => {
    // Day 1 = Fri 20 Mar; 21–25 Mar are off; 26, 27, 30, 31 Mar = days 2–5; 1–3 Apr = 6–8;
    // 6–10 Apr = 9–13; 13, 14 Apr = 14, 15.
    expect(due(rules, almaty("2026-03-20", "10:00"), 15, "WD")).toEqual({
      dueAt: new Date("2026-04-14T18:59:59.000Z"),
      dueDate: "2026-04-14",
      firstDay: "2026-03-20",
      term: 15,
      unit: "WD",
    });
  });

  it("counts calendar days straight through days off", () => {
    // 20 Mar + 14 days = Fri 3 Apr, a working day.
    expect(due(rules, almaty("2026-03-20", "10:00"), 15, "CD").dueDate).toBe("2026-04-03");
  });

  it("moves a calendar term that ends on a day off to the next working day, unless told not to", () => {
    // Mon 27 Apr + 12 days = Sat 9 May (Victory Day); Sun 10 is weekend, Mon 11 the moved day off → Tue 12 May.
    const received = almaty("2026-04-27", "10:00");
    expect(due(rules, received, 13, "CD").dueDate).toBe("2026-05-12");
    // Mon 27 Apr + 10 days = Thu 7 May, a weekday holiday → Fri 8 May.
    expect(due(rules, received, 11, "CD").dueDate).toBe("2026-05-08");
    const strict = rulesWith({ calendarTermEndsOnWorkingDay: false });
    expect(due(strict, received, 13, "CD").dueDate).toBe("2026-05-09");
    expect(due(strict, received, 11, "CD").dueAt.toISOString()).toBe("2026-05-07T18:59:59.000Z");
  });

  it("starts on the next working day when the first day does not count", () => {
    const later = rulesWith({ firstDayCounts: false });
    const result = due(later, almaty("2026-03-20", "10:00"), 15, "WD");
    expect(result.firstDay).toBe("2026-03-26");
    // One working day later than the 14 April of the default rule.
    expect(result.dueDate).toBe("2026-04-15");
  });

  it("crosses the year boundary", () => {
    // Thu 31 Dec 2026, 20:00 is after cut-off. 1 Jan 2027 (Fri) is a holiday; 2 Jan falls on Saturday and moves
    // to Mon 4 Jan; so day 1 is Tue 5 Jan. Then 6 Jan = 2, 7 Jan holiday, 8 Jan = 3, 11 Jan = 4, 12 Jan = 5.
    const result = due(rules, almaty("2026-12-31", "20:00"), 5, "WD");
    expect(result.firstDay).toBe("2027-01-05");
    expect(result.dueDate).toBe("2027-01-12");
    expect(result.dueAt.toISOString()).toBe("2027-01-12T18:59:59.000Z");
  });

  it("rejects terms outside 1..3650 and non-integers", () => {
    const received = almaty("2026-03-20", "10:00");
    for (const term of [0, -1, 1.5, 3651, Number.NaN]) {
      expect(() => due(rules, received, term, "WD")).toThrow(RangeError);
    }
    expect(due(rules, received, 3650, "WD").dueDate > "2040-01-01").toBe(true);
    expect(() => due(rules, new Date(Number.NaN), 1, "WD")).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { daysToHours, dayProblem, hoursToDays, standardWeek, validateDays } from "./officeHours.ts";

describe("office hours in the form", () => {
  it("round-trips: closed days are left out, a day without a break has none", () => {
    const hours = [
      { day: 1, open: "09:00", close: "18:00", breakFrom: "13:00", breakTo: "14:00" },
      { day: 6, open: "10:00", close: "14:00" },
    ];
    const days = hoursToDays(hours);
    expect(days[1]?.open).toBe(false);
    expect(days[5]).toMatchObject({ open: true, lunch: false });
    expect(daysToHours(days)).toEqual(hours);
  });

  it("keeps a closed day's times so reopening it brings them back", () => {
    const days = standardWeek();
    const closed = days.map((d, i) => (i === 0 ? { ...d, open: false } : d));
    expect(daysToHours(closed).map((h) => h.day)).toEqual([2, 3, 4, 5]);
    expect(daysToHours(closed.map((d) => ({ ...d, open: true })))[0]).toEqual({ day: 1, open: "09:00", close: "18:00", breakFrom: "13:00", breakTo: "14:00" });
  });

  it("finds bad clocks, a closing before the opening and a break outside the day", () => {
    const day = { open: true, opens: "09:00", closes: "18:00", lunch: true, breakFrom: "13:00", breakTo: "14:00" };
    expect(dayProblem(day)).toBeNull();
    expect(dayProblem({ ...day, opens: "9" })).toBe("FIELD_INVALID");
    expect(dayProblem({ ...day, closes: "08:00" })).toBe("FIELD_OUT_OF_RANGE");
    expect(dayProblem({ ...day, breakTo: "19:00" })).toBe("FIELD_OUT_OF_RANGE");
    expect(dayProblem({ ...day, breakTo: "19:00", lunch: false })).toBeNull();
    expect(validateDays([{ ...day, closes: "08:00" }, { ...day, open: false, opens: "x" }])).toEqual({ "hours.1": "FIELD_OUT_OF_RANGE" });
  });
});

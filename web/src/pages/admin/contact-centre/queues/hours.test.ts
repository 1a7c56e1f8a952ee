import { describe, expect, it } from "vitest";
import { formToHours, hoursFieldKeys, hoursSummary, hoursToForm, officeHours, roundTheClock, spanProblem, validateHours, type WeeklyHours } from "./hours.ts";

const TEXT = { days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], closed: "closed", always: "24/7" };
const week = (spans: ([string, string] | null)[]): WeeklyHours => Object.fromEntries(spans.map((s, i) => [String(i + 1), s]));

describe("weekly hours", () => {
  it("round-trips the API's hours, sending every weekday and closed days as null", () => {
    const hours = week([["09:00", "18:00"], ["09:00", "18:00"], null, ["08:30", "24:00"], ["09:00", "18:00"], null, null]);
    expect(formToHours(hoursToForm(hours))).toEqual(hours);
    // A weekday the API left out is closed, and is sent back as closed.
    expect(formToHours(hoursToForm({ "1": ["10:00", "12:00"] }))).toEqual(week([["10:00", "12:00"], null, null, null, null, null, null]));
  });

  it("keeps a closed day's times so reopening it brings them back", () => {
    const days = hoursToForm(week([["07:00", "15:00"], null, null, null, null, null, null]));
    const closed = days.map((d, i) => (i === 0 ? { ...d, open: false } : d));
    expect(closed[0]).toEqual({ open: false, opens: "07:00", closes: "15:00" });
    expect(formToHours(closed)["1"]).toBeNull();
  });

  it("offers round the clock and office hours", () => {
    expect(formToHours(roundTheClock())).toEqual(week(Array.from({ length: 7 }, () => ["00:00", "24:00"])));
    expect(formToHours(officeHours())).toEqual(week([...Array.from({ length: 5 }, (): [string, string] => ["09:00", "18:00"]), null, null]));
  });

  it("accepts 24:00 as closing, rejects bad clocks and spans that do not move forward", () => {
    const days = hoursToForm(week([["00:00", "24:00"], ["9:00", "18:00"], ["18:00", "09:00"], ["10:00", "10:00"], ["24:00", "24:00"], ["09:00", "25:00"], null]));
    expect(validateHours(days)).toEqual({ "hours.2": "FIELD_INVALID", "hours.3": "FIELD_OUT_OF_RANGE", "hours.4": "FIELD_OUT_OF_RANGE", "hours.5": "FIELD_OUT_OF_RANGE", "hours.6": "FIELD_INVALID" });
  });

  it("keys the problems by the form's field of the hours, so other weekly hours can use the same editor", () => {
    const days = hoursToForm(week([["18:00", "09:00"], null, null, null, null, null, null]));
    expect(validateHours(days, "outboundHours")).toEqual({ "outboundHours.1": "FIELD_OUT_OF_RANGE" });
    expect(hoursFieldKeys("outboundHours")).toEqual(["outboundHours", ...[1, 2, 3, 4, 5, 6, 7].map((d) => `outboundHours.${d}`)]);
  });

  it("checks a single span the same way as a day", () => {
    expect(spanProblem("08:00", "22:00")).toBeNull();
    expect(spanProblem("08:00", "24:00")).toBeNull();
    expect(spanProblem("8:00", "22:00")).toBe("FIELD_INVALID");
    expect(spanProblem("22:00", "08:00")).toBe("FIELD_OUT_OF_RANGE");
  });

  it("does not check the times of a closed day", () => {
    const days = hoursToForm(week([null, null, null, null, null, null, null])).map((d) => ({ ...d, opens: "nonsense" }));
    expect(validateHours(days)).toEqual({});
  });
});

describe("hoursSummary", () => {
  it("joins consecutive days with the same times and leaves closed days out", () => {
    const hours = week([["09:00", "18:00"], ["09:00", "18:00"], ["09:00", "18:00"], ["09:00", "18:00"], ["09:00", "17:00"], ["10:00", "14:00"], null]);
    expect(hoursSummary(hours, TEXT)).toBe("Mon–Thu 09:00–18:00, Fri 09:00–17:00, Sat 10:00–14:00");
  });

  it("does not join days separated by a closed one", () => {
    const hours = week([["09:00", "18:00"], null, ["09:00", "18:00"], null, null, null, null]);
    expect(hoursSummary(hours, TEXT)).toBe("Mon 09:00–18:00, Wed 09:00–18:00");
  });

  it("says round the clock and closed in words", () => {
    expect(hoursSummary(formToHours(roundTheClock()), TEXT)).toBe("24/7");
    expect(hoursSummary({}, TEXT)).toBe("closed");
    // Round the clock on weekdays only is a span like any other.
    const weekdays = week([...Array.from({ length: 5 }, (): [string, string] => ["00:00", "24:00"]), null, null]);
    expect(hoursSummary(weekdays, TEXT)).toBe("Mon–Fri 00:00–24:00");
  });
});

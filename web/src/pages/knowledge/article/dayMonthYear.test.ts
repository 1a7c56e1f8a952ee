import { describe, expect, it } from "vitest";
import { parseDayMonthYear } from "./dayMonthYear.ts";

describe("parseDayMonthYear", () => {
  it("reads a date typed the way Kazakhstan writes it", () => {
    expect(parseDayMonthYear("05.03.2027")).toBe("2027-03-05");
    expect(parseDayMonthYear(" 5.3.2027 ")).toBe("2027-03-05");
  });

  it("refuses days that do not exist and other text", () => {
    expect(parseDayMonthYear("31.02.2027")).toBeNull();
    expect(parseDayMonthYear("2027-03-05")).toBeNull();
    expect(parseDayMonthYear("")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./formatDateTime.ts";

describe("formatDateTime", () => {
  it("shows an instant in Almaty time (UTC+5) whatever the device's zone", () => {
    expect(formatDateTime("2026-04-14T18:59:59.000Z")).toBe("14.04.2026 23:59");
    expect(formatDateTime("2026-04-14T19:00:00Z")).toBe("15.04.2026 00:00");
    expect(formatDateTime("2026-04-14T23:59:59+05:00")).toBe("14.04.2026 23:59");
  });

  it("answers an empty string for nothing or garbage", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("not a date")).toBe("");
  });
});

describe("formatDate", () => {
  it("formats a local date as is and an instant in Almaty time", () => {
    expect(formatDate("2026-03-20")).toBe("20.03.2026");
    expect(formatDate("2026-03-19T20:30:00Z")).toBe("20.03.2026");
  });
});

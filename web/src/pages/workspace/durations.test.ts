import { describe, expect, it } from "vitest";
import { clockTime, formatDuration, secondsSince, secondsUntil, waitedSeconds } from "./durations.ts";

describe("formatDuration", () => {
  it("shows minutes and seconds, hours only when reached", () => {
    expect(formatDuration(0)).toBe("00:00");
    expect(formatDuration(187)).toBe("03:07");
    expect(formatDuration(3600 + 62)).toBe("1:01:02");
    expect(formatDuration(-5)).toBe("00:00");
  });
});

describe("secondsSince and secondsUntil", () => {
  const now = Date.parse("2026-03-02T10:00:30Z");
  it("counts whole seconds and never goes below zero", () => {
    expect(secondsSince("2026-03-02T10:00:00Z", now)).toBe(30);
    expect(secondsSince("2026-03-02T10:01:00Z", now)).toBe(0);
    expect(secondsSince(null, now)).toBeNull();
    expect(secondsUntil(now + 1200, now)).toBe(2);
    expect(secondsUntil(now - 1, now)).toBe(0);
  });
});

describe("waitedSeconds", () => {
  const now = Date.parse("2026-03-02T10:05:00Z");
  it("stops counting at the answer", () => {
    expect(waitedSeconds({ arrivedAt: "2026-03-02T10:00:00Z", queuedAt: "2026-03-02T10:00:10Z", answeredAt: "2026-03-02T10:01:10Z" }, now)).toBe(60);
  });
  it("runs on while nobody has answered", () => {
    expect(waitedSeconds({ arrivedAt: "2026-03-02T10:00:00Z", queuedAt: null, answeredAt: null }, now)).toBe(300);
  });
});

describe("clockTime", () => {
  it("is Almaty time (UTC+5)", () => {
    expect(clockTime("2026-03-02T10:05:00Z")).toBe("15:05");
  });
});

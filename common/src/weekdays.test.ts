import { describe, expect, it } from "vitest";
import { hoursLines } from "./weekdays.ts";

describe("hoursLines", () => {
  it("groups consecutive days with the same hours and leaves closed days out", () => {
    const weekdays = { "1": ["09:00", "18:00"], "2": ["09:00", "18:00"], "3": ["09:00", "18:00"], "4": ["09:00", "18:00"], "5": ["09:00", "17:00"], "6": ["10:00", "14:00"] } as const;
    expect(hoursLines(weekdays, "ru")).toEqual(["Пн–Чт 09:00–18:00", "Пт 09:00–17:00", "Сб 10:00–14:00"]);
    expect(hoursLines(weekdays, "kk")[0]).toBe("Дс–Бс 09:00–18:00");
    expect(hoursLines({}, "en")).toEqual([]);
    const always = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["00:00", "24:00"] as const]));
    expect(hoursLines(always, "ru")).toEqual(["Ежедневно круглосуточно"]);
  });
});

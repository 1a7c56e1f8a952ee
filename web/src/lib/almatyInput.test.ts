import { describe, expect, it } from "vitest";
import { almatyInputToIso, almatyNowInput, almatyToday, isoToAlmatyInput } from "./almatyInput.ts";

describe("Almaty picker values", () => {
  it("reads a picker value as Almaty wall-clock time", () => {
    expect(almatyInputToIso("2026-04-14 09:30:00")).toBe("2026-04-14T09:30:00+05:00");
    expect(almatyInputToIso("2026-04-14 09:30")).toBe("2026-04-14T09:30:00+05:00");
    expect(new Date(almatyInputToIso("2026-04-14 09:30:00") ?? "").toISOString()).toBe("2026-04-14T04:30:00.000Z");
  });

  it("rejects what is not a picker value", () => {
    expect(almatyInputToIso(null)).toBeNull();
    expect(almatyInputToIso("14.04.2026 09:30")).toBeNull();
  });

  it("writes the current moment and today in Almaty time", () => {
    const late = new Date("2026-04-14T20:15:00Z");
    expect(almatyNowInput(late)).toBe("2026-04-15 01:15:00");
    expect(almatyToday(late)).toBe("2026-04-15");
    expect(isoToAlmatyInput("2026-04-14T18:59:59Z")).toBe("2026-04-14 23:59:59");
  });
});

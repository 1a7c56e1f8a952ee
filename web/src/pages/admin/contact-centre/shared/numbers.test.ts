import { describe, expect, it } from "vitest";
import { numberFrom, numberOrNull, rangeProblem, shown } from "./numbers.ts";

describe("number inputs", () => {
  it("keeps an emptied input empty instead of jumping to a default", () => {
    expect(numberFrom(12)).toBe(12);
    expect(shown(numberFrom(""))).toBe("");
    expect(shown(numberFrom("-"))).toBe("");
    expect(numberOrNull("")).toBeNull();
    expect(shown(null)).toBe("");
  });

  it("asks for a value when empty and a whole number within the range otherwise", () => {
    expect(rangeProblem(Number.NaN, 1, 5)).toBe("FIELD_REQUIRED");
    expect(rangeProblem(0, 1, 5)).toBe("FIELD_OUT_OF_RANGE");
    expect(rangeProblem(2.5, 1, 5)).toBe("FIELD_OUT_OF_RANGE");
    expect(rangeProblem(5, 1, 5)).toBeNull();
  });
});

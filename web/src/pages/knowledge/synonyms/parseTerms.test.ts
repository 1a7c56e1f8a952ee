import { describe, expect, it } from "vitest";
import { parseTerms } from "./parseTerms.ts";

describe("synonym terms", () => {
  it("splits on commas and lines, trims, and drops blanks and repeats", () => {
    expect(parseTerms("пенсия, зейнетақы\n  pension ,,\nПенсия\n")).toEqual(["пенсия", "зейнетақы", "pension"]);
    expect(parseTerms("  ")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { contrastRatio, darkenForContrast } from "./contrast.ts";

describe("contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // Mantine's teal 6 under white text: well below AA.
    expect(contrastRatio("#12b886", "#ffffff")).toBeCloseTo(2.55, 1);
  });

  it("darkens a background until white text on it reaches 4.5:1, and leaves a dark enough one alone", () => {
    for (const color of ["#12b886", "#fd7e14", "#40c057", "#fab005"]) {
      const darker = darkenForContrast(color);
      expect(contrastRatio(darker, "#ffffff")).toBeGreaterThanOrEqual(4.5);
      expect(darker).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(darkenForContrast("#00749a")).toBe("#00749a");
  });
});

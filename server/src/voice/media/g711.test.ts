import { describe, expect, it } from "vitest";
import { alawToLinear, decodeG711, encodeG711, linearToAlaw, linearToUlaw, SILENCE, ulawToLinear } from "./g711.ts";

describe("G.711", () => {
  it("encodes silence as the laws' silence bytes and known values as the standard tables do", () => {
    expect(linearToAlaw(0)).toBe(SILENCE.PCMA);
    expect(linearToUlaw(0)).toBe(SILENCE.PCMU);
    // Full scale: A-law 0xAA / 0x2A, µ-law 0x80 / 0x00 (ITU-T G.711 tables).
    expect([linearToAlaw(32767), linearToAlaw(-32768)]).toEqual([0xaa, 0x2a]);
    expect([linearToUlaw(32767), linearToUlaw(-32768)]).toEqual([0x80, 0x00]);
    expect(alawToLinear(0xd5)).toBe(8);
    expect(ulawToLinear(0xff)).toBe(0);
  });

  it("every byte decodes to a sample that encodes back to the same byte (both laws)", () => {
    for (let byte = 0; byte < 256; byte += 1) {
      expect(linearToAlaw(alawToLinear(byte))).toBe(byte);
      // µ-law has two codes for zero (0x7F and 0xFF); both decode to 0, which encodes as 0xFF.
      expect(linearToUlaw(ulawToLinear(byte))).toBe(byte === 0x7f ? 0xff : byte);
    }
  });

  it("keeps a 440 Hz tone within the laws' quantisation error and its sign", () => {
    const tone = Int16Array.from({ length: 160 }, (_, i) => Math.round(12_000 * Math.sin((2 * Math.PI * 440 * i) / 8000)));
    for (const law of ["PCMA", "PCMU"] as const) {
      const back = decodeG711(encodeG711(tone, law), law);
      tone.forEach((sample, i) => {
        const error = Math.abs((back[i] ?? 0) - sample);
        // Logarithmic steps: the error grows with the amplitude, under 1/16 of it plus the smallest step.
        expect(error).toBeLessThanOrEqual(Math.abs(sample) / 16 + 16);
      });
    }
  });
});

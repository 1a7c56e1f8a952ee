import { describe, expect, it } from "vitest";
import { resample, speechAvailable, synthesize } from "./speech.ts";

/** Root-mean-square level of a stretch of samples. */
const rms = (samples: Int16Array) => Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / Math.max(1, samples.length));

describe("resampling for the telephone", () => {
  it("keeps a 400 Hz tone's level and length from 22 050 Hz to 8 000 Hz, and removes a tone above 4 kHz", () => {
    const at = (hz: number, rate: number) => Int16Array.from({ length: rate }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / rate)));
    const low = resample(at(400, 22_050), 22_050, 8000);
    expect(low.length).toBe(8000);
    expect(rms(low)).toBeGreaterThan(5000);
    // 11 kHz (Nyquist of the source) falls on the box filter's null: next to nothing is left to alias.
    expect(rms(resample(at(11_025, 22_050), 22_050, 8000))).toBeLessThan(100);
  });
});

const required = process.env.BAILANYS_REQUIRE_SIPP === "1";
describe.skipIf(!speechAvailable() && !required)("generated speech (espeak-ng)", () => {
  it("speaks Kazakh and Russian prompts as 8 kHz audio of a plausible length", async () => {
    for (const [text, locale] of [["Сәлеметсіз бе! Қазақ тілі үшін бірді басыңыз.", "kk"], ["Здравствуйте! Для русского языка нажмите два.", "ru"]] as const) {
      const pcm = await synthesize(text, locale);
      const seconds = pcm.length / 8000;
      expect(seconds).toBeGreaterThan(1.5);
      expect(seconds).toBeLessThan(8);
      expect(rms(pcm)).toBeGreaterThan(500);
    }
  });
});

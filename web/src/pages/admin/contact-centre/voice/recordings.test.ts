import { describe, expect, it } from "vitest";
import { durationSeconds, recordingKeys, recordingOf, recordingPath } from "./recordings.ts";

const ITEMS = [
  { key: "topics", locale: "kk" as const, durationMs: 4240, uploadedAt: "2026-12-04T10:00:00.000Z" },
  { key: "old_greeting", locale: "ru" as const, durationMs: 1000, uploadedAt: "2026-12-01T10:00:00.000Z" },
];

describe("prompt recordings", () => {
  it("encodes the key in the path", () => {
    expect(recordingPath("info:hours", "kk")).toBe("/voice/prompts/info%3Ahours/kk");
    expect(recordingPath("topics", "ru")).toBe("/voice/prompts/topics/ru");
  });

  it("lists the menu's keys first, then recordings the menu no longer plays", () => {
    expect(recordingKeys(["choose_language", "topics"], ITEMS)).toEqual(["choose_language", "topics", "old_greeting"]);
  });

  it("finds a recording by key and language and gives its length in seconds", () => {
    expect(recordingOf(ITEMS, "topics", "kk")?.durationMs).toBe(4240);
    expect(recordingOf(ITEMS, "topics", "ru")).toBeUndefined();
    expect(durationSeconds(4240)).toBe(4.2);
  });
});

import type { ServiceNoticeDto } from "@bailanys/common/api/contacts";
import { describe, expect, it } from "vitest";
import { describeSize, describeWait, formatTime, isFinished, isWaiting, mergeNotices } from "./chatFormat.ts";

describe("formatTime", () => {
  it("shows the Asia/Almaty (UTC+5) time whatever the device's zone", () => {
    expect(formatTime("2026-03-02T04:05:00.000Z")).toBe("09:05");
    expect(formatTime("2026-03-02T20:30:00.000Z")).toBe("01:30");
  });
});

describe("describeWait", () => {
  it("is unknown without an estimate", () => {
    expect(describeWait(null)).toEqual({ kind: "unknown" });
  });

  it("rounds up to whole minutes and never promises less than one", () => {
    expect(describeWait(0)).toEqual({ kind: "minutes", minutes: 1 });
    expect(describeWait(61)).toEqual({ kind: "minutes", minutes: 2 });
    expect(describeWait(600)).toEqual({ kind: "minutes", minutes: 10 });
  });

  it("says more than two hours at the server's cap", () => {
    expect(describeWait(7200)).toEqual({ kind: "hours", hours: 2 });
  });
});

describe("describeSize", () => {
  it("picks bytes, kilobytes or megabytes", () => {
    expect(describeSize(900)).toEqual({ unit: "b", value: "900" });
    expect(describeSize(200 * 1024)).toEqual({ unit: "kb", value: "200" });
    expect(describeSize(5 * 1024 * 1024)).toEqual({ unit: "mb", value: "5" });
    expect(describeSize(1.25 * 1024 * 1024)).toEqual({ unit: "mb", value: "1.3" });
  });
});

describe("chat states", () => {
  it("waits while queued or offered and is over in wrap-up, closed or abandoned", () => {
    expect(isWaiting("queued")).toBe(true);
    expect(isWaiting("offered")).toBe(true);
    expect(isWaiting("active")).toBe(false);
    expect(isFinished("wrapup")).toBe(true);
    expect(isFinished("abandoned")).toBe(true);
    expect(isFinished("held")).toBe(false);
  });
});

describe("mergeNotices", () => {
  const notice = (id: string, message: string): ServiceNoticeDto => ({ id, message, alternatives: "", startsAt: "2026-03-02T04:05:00.000Z", resumeAt: null, channels: [] });

  it("uses the config's notices before the chat has a status", () => {
    expect(mergeNotices([notice("a", "A en")], null).map((n) => n.message)).toEqual(["A en"]);
  });

  it("takes which notices are in force from the status and their text from the config", () => {
    const merged = mergeNotices([notice("a", "A en"), notice("gone", "ended")], [notice("a", "A ru"), notice("new", "new ru")]);
    expect(merged.map((n) => n.message)).toEqual(["A en", "new ru"]);
  });
});

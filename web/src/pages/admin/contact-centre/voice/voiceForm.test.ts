import type { VoiceSettingsDto } from "@bailanys/common/api/voice-admin";
import { describe, expect, it } from "vitest";
import { formToSettingsBody, noticeIntervalProblem, outboundTrunkProblem, settingsToForm, validateVoiceForm, voiceChanged, voiceFieldKeys } from "./voiceForm.ts";

const SETTINGS: VoiceSettingsDto = {
  menu: {
    start: "language",
    defaultLocale: "kk",
    nodes: {
      language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru" }, next: "operator", timeoutSeconds: 5, retries: 1 },
      operator: { kind: "queue", prompt: null, queue: "general", topic: null },
    },
    prompts: { choose_language: { kk: "Қазақ тілі үшін бірді басыңыз.", ru: "Для русского языка нажмите два." } },
    spokenInEveryLanguage: ["choose_language"],
  },
  noticeIntervalSeconds: 90,
  waitingFree: true,
  shortAbandonSeconds: 5,
  recordCalls: true,
  recordingRetentionDays: 365,
  numbers: ["109", "1414"],
  trunks: [{ name: "Kazakhtelecom", allowedSources: ["10.0.0.0/8", "192.0.2.10"], active: true }],
  outboundTrunk: "192.0.2.20:5060",
  outboundHours: { "1": ["09:00", "18:00"], "2": ["09:00", "18:00"], "3": ["09:00", "18:00"], "4": ["09:00", "18:00"], "5": ["09:00", "18:00"], "6": null, "7": null },
  agreedSchedule: ["08:00", "21:00"],
};

describe("voice settings form", () => {
  it("turns the settings into the form and back into exactly their body", () => {
    expect(formToSettingsBody(settingsToForm(SETTINGS))).toEqual(SETTINGS);
  });

  it("refuses a waiting notice more often than once a minute (R12.2)", () => {
    expect(noticeIntervalProblem(59)).toBe("NOTICE_INTERVAL_TOO_SHORT");
    expect(noticeIntervalProblem(1)).toBe("NOTICE_INTERVAL_TOO_SHORT");
    expect(noticeIntervalProblem(60)).toBeNull();
    expect(noticeIntervalProblem(3600)).toBeNull();
    expect(noticeIntervalProblem(3601)).toBe("FIELD_OUT_OF_RANGE");
    expect(noticeIntervalProblem(90.5)).toBe("FIELD_OUT_OF_RANGE");
    expect(noticeIntervalProblem(Number.NaN)).toBe("FIELD_REQUIRED");
  });

  it("finds nothing wrong with saved settings", () => {
    expect(validateVoiceForm(settingsToForm(SETTINGS))).toEqual({});
  });

  it("reports each problem at the server's field path, the menu's too", () => {
    const saved = settingsToForm(SETTINGS);
    const form = {
      ...saved,
      noticeIntervalSeconds: 30,
      shortAbandonSeconds: 121,
      recordingRetentionDays: Number.NaN,
      numbers: ["109", "10 9"],
      trunks: [
        { name: " Kazakhtelecom ", allowedSources: ["10.0.0.0/8"], active: true },
        { name: "Kazakhtelecom", allowedSources: ["sip.example.kz"], active: true },
        { name: "", allowedSources: [], active: false },
      ],
      menu: { ...saved.menu, start: "welcome" },
    };
    expect(validateVoiceForm(form)).toEqual({
      noticeIntervalSeconds: "NOTICE_INTERVAL_TOO_SHORT",
      shortAbandonSeconds: "FIELD_OUT_OF_RANGE",
      recordingRetentionDays: "FIELD_REQUIRED",
      numbers: "FIELD_INVALID",
      "trunks.1.name": "ALREADY_EXISTS",
      "trunks.1.allowedSources": "FIELD_INVALID",
      "trunks.2.name": "FIELD_REQUIRED",
      "trunks.2.allowedSources": "FIELD_REQUIRED",
      "menu.start": "IVR_MENU_INVALID",
    });
  });

  it("sends no outbound trunk when none is typed, and every weekday of the calling hours", () => {
    const form = settingsToForm({ ...SETTINGS, outboundTrunk: null, outboundHours: { "1": ["10:00", "16:00"] } });
    expect(form.outboundTrunk).toBe("");
    const body = formToSettingsBody({ ...form, outboundTrunk: "  " });
    expect(body.outboundTrunk).toBeNull();
    expect(body.outboundHours).toEqual({ "1": ["10:00", "16:00"], "2": null, "3": null, "4": null, "5": null, "6": null, "7": null });
    expect(formToSettingsBody({ ...form, outboundTrunk: " 192.0.2.20:5060 " }).outboundTrunk).toBe("192.0.2.20:5060");
  });

  it("takes an outbound trunk only as an IPv4 address and a port", () => {
    expect(outboundTrunkProblem("")).toBeNull();
    expect(outboundTrunkProblem("192.0.2.20:5060")).toBeNull();
    expect(outboundTrunkProblem("255.255.255.255:65535")).toBeNull();
    expect(outboundTrunkProblem("192.0.2.20")).toBe("FIELD_INVALID");
    expect(outboundTrunkProblem("sip.example.kz:5060")).toBe("FIELD_INVALID");
    expect(outboundTrunkProblem("192.0.2.256:5060")).toBe("FIELD_INVALID");
    expect(outboundTrunkProblem("192.0.2.20:0")).toBe("FIELD_INVALID");
    expect(outboundTrunkProblem("192.0.2.20:65536")).toBe("FIELD_INVALID");
  });

  it("reports the outbound rules' problems at the server's field paths (R13.5)", () => {
    const saved = settingsToForm(SETTINGS);
    const outboundHours = saved.outboundHours.map((d, i) => (i === 2 ? { ...d, closes: "08:00" } : d));
    const form = { ...saved, outboundTrunk: "192.0.2.20", outboundHours, agreedSchedule: ["21:00", "8:00"] as [string, string] };
    expect(validateVoiceForm(form)).toEqual({ outboundTrunk: "FIELD_INVALID", "outboundHours.3": "FIELD_OUT_OF_RANGE", agreedSchedule: "FIELD_INVALID" });
    expect(validateVoiceForm({ ...saved, agreedSchedule: ["21:00", "08:00"] })).toEqual({ agreedSchedule: "FIELD_OUT_OF_RANGE" });
  });

  it("trims trunk names in the body", () => {
    const form = settingsToForm(SETTINGS);
    expect(formToSettingsBody({ ...form, trunks: [{ name: " Main ", allowedSources: ["10.0.0.1"], active: false }] }).trunks).toEqual([{ name: "Main", allowedSources: ["10.0.0.1"], active: false }]);
  });

  it("tells a changed form from the saved settings", () => {
    const form = settingsToForm(SETTINGS);
    expect(voiceChanged(form, SETTINGS)).toBe(false);
    expect(voiceChanged({ ...form, waitingFree: false }, SETTINGS)).toBe(true);
    expect(voiceChanged({ ...form, outboundTrunk: "" }, SETTINGS)).toBe(true);
    expect(voiceChanged({ ...form, outboundHours: form.outboundHours.map((d, i) => (i === 5 ? { ...d, open: true } : d)) }, SETTINGS)).toBe(true);
    expect(voiceChanged({ ...form, menu: { ...form.menu, texts: { ...form.menu.texts, extra: { kk: "", ru: "", en: "" } } } }, SETTINGS)).toBe(false);
  });

  it("knows a field key for every trunk and every node", () => {
    const keys = voiceFieldKeys(settingsToForm(SETTINGS));
    expect(keys).toEqual(
      expect.arrayContaining(["noticeIntervalSeconds", "numbers", "trunks.0.name", "trunks.0.allowedSources", "outboundTrunk", "outboundHours", "outboundHours.7", "agreedSchedule", "menu.start", "menu.nodes.language", "menu.nodes.operator"]),
    );
    expect(keys).not.toContain("trunks.1.name");
  });
});

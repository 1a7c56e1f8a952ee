import { MIN_NOTICE_INTERVAL_SECONDS, type VoiceSettingsBody, type VoiceSettingsDto } from "@bailanys/common/api/voice-admin";
import type { ErrorCode } from "@bailanys/common/errors";
import { formToHours, hoursFieldKeys, hoursToForm, spanProblem, validateHours, type DayHours } from "../queues/hours.ts";
import { rangeProblem } from "../shared/numbers.ts";
import { formToMenu, menuFieldKeys, menuToForm, validateMenu, type MenuForm } from "./menuForm.ts";

export type TrunkRow = VoiceSettingsBody["trunks"][number];

/**
 * The voice settings form: the waiting and recording rules, the numbers and trunks, the outbound calling rules
 * and the menu, saved together.
 */
export interface VoiceForm {
  noticeIntervalSeconds: number;
  waitingFree: boolean;
  shortAbandonSeconds: number;
  recordCalls: boolean;
  recordingRetentionDays: number;
  numbers: string[];
  trunks: TrunkRow[];
  /** "IPv4:port" outbound calls go to; empty: no outbound calls. */
  outboundTrunk: string;
  /** The calling hours per weekday (R13.5); public holidays are closed by the server. */
  outboundHours: DayHours[];
  /** [from, to] "HH:MM": within it a call may be placed at a time the citizen asked for (R13.5). */
  agreedSchedule: [string, string];
  menu: MenuForm;
}

const NUMBER = /^[0-9A-Za-z+*#._-]{1,32}$/;
const SOURCE = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;
// The server's pattern; the browser also checks the octets and the port are in range.
const OUTBOUND_TRUNK = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/;
const PORT_MAX = 65535;
const MAX_NUMBERS = 20;
export const MAX_TRUNKS = 20;
const MAX_SOURCES = 50;
const NOTICE_MAX = 3600;

const RANGES = {
  shortAbandonSeconds: [0, 120],
  recordingRetentionDays: [1, 3650],
} as const satisfies Partial<Record<keyof VoiceForm, readonly [number, number]>>;

/** The form for the saved settings. */
export function settingsToForm(settings: VoiceSettingsDto): VoiceForm {
  // Field by field, so that anything the DTO carries besides the body never reaches the PUT.
  return {
    noticeIntervalSeconds: settings.noticeIntervalSeconds,
    waitingFree: settings.waitingFree,
    shortAbandonSeconds: settings.shortAbandonSeconds,
    recordCalls: settings.recordCalls,
    recordingRetentionDays: settings.recordingRetentionDays,
    numbers: [...settings.numbers],
    trunks: settings.trunks.map((t) => ({ name: t.name, allowedSources: [...t.allowedSources], active: t.active })),
    outboundTrunk: settings.outboundTrunk ?? "",
    outboundHours: hoursToForm(settings.outboundHours),
    agreedSchedule: [settings.agreedSchedule[0], settings.agreedSchedule[1]],
    menu: menuToForm(settings.menu),
  };
}

/** The request body: trunk names trimmed, no outbound trunk when none is typed, every weekday, the menu by node id. */
export function formToSettingsBody(form: VoiceForm): VoiceSettingsBody {
  const { menu, trunks, outboundTrunk, outboundHours, ...rest } = form;
  return {
    ...rest,
    trunks: trunks.map((t) => ({ name: t.name.trim(), allowedSources: t.allowedSources, active: t.active })),
    outboundTrunk: outboundTrunk.trim() === "" ? null : outboundTrunk.trim(),
    outboundHours: formToHours(outboundHours),
    menu: formToMenu(menu),
  };
}

/** The outbound trunk's problem: empty (no outbound calls) or an IPv4 address and a port, each part in range. */
export function outboundTrunkProblem(trunk: string): ErrorCode | null {
  const value = trunk.trim();
  if (value === "") {
    return null;
  }
  const parts = OUTBOUND_TRUNK.exec(value);
  if (parts === null) {
    return "FIELD_INVALID";
  }
  const numbers = parts.slice(1).map(Number);
  const port = numbers.pop() ?? 0;
  return numbers.every((octet) => octet <= 255) && port >= 1 && port <= PORT_MAX ? null : "FIELD_INVALID";
}

/** The notice interval's problem: required, at least a minute (R12.2), at most an hour. */
export function noticeIntervalProblem(seconds: number): ErrorCode | null {
  const problem = rangeProblem(seconds, 1, NOTICE_MAX);
  if (problem !== null) {
    return problem;
  }
  return seconds < MIN_NOTICE_INTERVAL_SECONDS ? "NOTICE_INTERVAL_TOO_SHORT" : null;
}

/** Every problem the browser can see before sending, keyed by the server's field paths. */
export function validateVoiceForm(form: VoiceForm): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  const interval = noticeIntervalProblem(form.noticeIntervalSeconds);
  if (interval !== null) {
    problems.noticeIntervalSeconds = interval;
  }
  for (const [key, [min, max]] of Object.entries(RANGES)) {
    const problem = rangeProblem(form[key as keyof typeof RANGES], min, max);
    if (problem !== null) {
      problems[key] = problem;
    }
  }
  if (form.numbers.length > MAX_NUMBERS) {
    problems.numbers = "FIELD_TOO_LONG";
  } else if (form.numbers.some((n) => !NUMBER.test(n))) {
    problems.numbers = "FIELD_INVALID";
  }
  if (form.trunks.length > MAX_TRUNKS) {
    problems.trunks = "FIELD_TOO_LONG";
  }
  form.trunks.forEach((trunk, i) => {
    const name = trunk.name.trim();
    if (name === "") {
      problems[`trunks.${i}.name`] = "FIELD_REQUIRED";
    } else if (name.length > 100) {
      problems[`trunks.${i}.name`] = "FIELD_TOO_LONG";
    } else if (form.trunks.findIndex((t) => t.name.trim() === name) < i) {
      problems[`trunks.${i}.name`] = "ALREADY_EXISTS";
    }
    if (trunk.allowedSources.length === 0) {
      problems[`trunks.${i}.allowedSources`] = "FIELD_REQUIRED";
    } else if (trunk.allowedSources.length > MAX_SOURCES) {
      problems[`trunks.${i}.allowedSources`] = "FIELD_TOO_LONG";
    } else if (trunk.allowedSources.some((s) => !SOURCE.test(s))) {
      problems[`trunks.${i}.allowedSources`] = "FIELD_INVALID";
    }
  });
  const trunk = outboundTrunkProblem(form.outboundTrunk);
  if (trunk !== null) {
    problems.outboundTrunk = trunk;
  }
  const agreed = spanProblem(form.agreedSchedule[0], form.agreedSchedule[1]);
  if (agreed !== null) {
    problems.agreedSchedule = agreed;
  }
  return { ...problems, ...validateHours(form.outboundHours, "outboundHours"), ...validateMenu(form.menu) };
}

/** The field keys the settings have an input for; a server problem elsewhere goes to the notification. */
export function voiceFieldKeys(form: VoiceForm): string[] {
  return [
    "noticeIntervalSeconds",
    "waitingFree",
    ...Object.keys(RANGES),
    "recordCalls",
    "numbers",
    "trunks",
    ...form.trunks.flatMap((_, i) => [`trunks.${i}.name`, `trunks.${i}.allowedSources`, `trunks.${i}.active`]),
    "outboundTrunk",
    ...hoursFieldKeys("outboundHours"),
    "agreedSchedule",
    ...menuFieldKeys(form.menu),
  ];
}

/** Whether the form differs from the saved settings (both turned into bodies the same way, so keys line up). */
export function voiceChanged(form: VoiceForm, saved: VoiceSettingsDto): boolean {
  return JSON.stringify(formToSettingsBody(form)) !== JSON.stringify(formToSettingsBody(settingsToForm(saved)));
}

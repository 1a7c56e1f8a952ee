import { MIN_NOTICE_INTERVAL_SECONDS, type VoiceSettingsBody, type VoiceSettingsDto } from "@bailanys/common/api/voice-admin";
import type { ErrorCode } from "@bailanys/common/errors";
import { rangeProblem } from "../shared/numbers.ts";
import { formToMenu, menuFieldKeys, menuToForm, validateMenu, type MenuForm } from "./menuForm.ts";

export type TrunkRow = VoiceSettingsBody["trunks"][number];

type Edited = "menu" | "noticeIntervalSeconds" | "waitingFree" | "shortAbandonSeconds" | "recordCalls" | "recordingRetentionDays" | "numbers" | "trunks";
/** Settings this tab has no inputs for (the outbound calling rules): sent back as they were loaded. */
export type KeptSettings = Omit<VoiceSettingsBody, Edited>;

/** The voice settings form: the waiting and recording rules, the numbers and trunks, and the menu, saved together. */
export interface VoiceForm {
  noticeIntervalSeconds: number;
  waitingFree: boolean;
  shortAbandonSeconds: number;
  recordCalls: boolean;
  recordingRetentionDays: number;
  numbers: string[];
  trunks: TrunkRow[];
  menu: MenuForm;
  kept: KeptSettings;
}

const NUMBER = /^[0-9A-Za-z+*#._-]{1,32}$/;
const SOURCE = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;
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
  const { menu, noticeIntervalSeconds, waitingFree, shortAbandonSeconds, recordCalls, recordingRetentionDays, numbers, trunks, ...kept } = settings;
  return {
    noticeIntervalSeconds,
    waitingFree,
    shortAbandonSeconds,
    recordCalls,
    recordingRetentionDays,
    numbers: [...numbers],
    trunks: trunks.map((t) => ({ name: t.name, allowedSources: [...t.allowedSources], active: t.active })),
    menu: menuToForm(menu),
    kept,
  };
}

/** The request body: trunk names trimmed, the menu by node id, the settings kept as they came. */
export function formToSettingsBody(form: VoiceForm): VoiceSettingsBody {
  const { kept, menu, trunks, ...edited } = form;
  return {
    ...kept,
    ...edited,
    trunks: trunks.map((t) => ({ name: t.name.trim(), allowedSources: t.allowedSources, active: t.active })),
    menu: formToMenu(menu),
  };
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
  return { ...problems, ...validateMenu(form.menu) };
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
    ...menuFieldKeys(form.menu),
  ];
}

/** Whether the form differs from the saved settings (both turned into bodies the same way, so keys line up). */
export function voiceChanged(form: VoiceForm, saved: VoiceSettingsDto): boolean {
  return JSON.stringify(formToSettingsBody(form)) !== JSON.stringify(formToSettingsBody(settingsToForm(saved)));
}

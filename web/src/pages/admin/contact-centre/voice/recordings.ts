import type { PromptRecordingDto } from "@bailanys/common/api/voice-admin";

/** The languages prompts are recorded in: the ones callers choose on the phone line. */
export const RECORDED_LOCALES = ["kk", "ru"] as const;
export type RecordedLocale = (typeof RECORDED_LOCALES)[number];

/** The API path of a prompt's recording (keys may hold ":" and ".", so they are encoded). */
export function recordingPath(key: string, locale: string): string {
  return `/voice/prompts/${encodeURIComponent(key)}/${locale}`;
}

/** The keys to record: the menu's prompt keys, then keys recorded earlier that the menu no longer plays, to delete. */
export function recordingKeys(menuKeys: readonly string[], items: readonly PromptRecordingDto[]): string[] {
  return [...new Set([...menuKeys, ...items.map((r) => r.key)])];
}

/** The recording of a key in a language, if uploaded. */
export function recordingOf(items: readonly PromptRecordingDto[], key: string, locale: string): PromptRecordingDto | undefined {
  return items.find((r) => r.key === key && r.locale === locale);
}

/** A recording's length in seconds with one decimal. */
export function durationSeconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

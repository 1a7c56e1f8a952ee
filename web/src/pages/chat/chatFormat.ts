import type { ServiceNoticeDto } from "@bailanys/common/api/contacts";
import type { ContactState } from "@bailanys/common/contacts";
import { formatDateTime } from "../../lib/formatDateTime.ts";

/** `HH:mm` of an instant in Asia/Almaty, the time every party of the chat reads. */
export function formatTime(iso: string): string {
  return formatDateTime(iso).slice(11);
}

/** The expected wait to show: whole minutes (at least one), hours past two, or unknown. */
export type WaitText = { kind: "unknown" } | { kind: "minutes"; minutes: number } | { kind: "hours"; hours: number };

export function describeWait(seconds: number | null): WaitText {
  if (seconds === null || seconds < 0) {
    return { kind: "unknown" };
  }
  if (seconds >= 2 * 3600) {
    return { kind: "hours", hours: 2 };
  }
  return { kind: "minutes", minutes: Math.max(1, Math.ceil(seconds / 60)) };
}

/** A file size split into a number and a unit, so that each language places its own unit name. */
export function describeSize(bytes: number): { unit: "b" | "kb" | "mb"; value: string } {
  if (bytes < 1024) {
    return { unit: "b", value: String(bytes) };
  }
  if (bytes < 1024 * 1024) {
    return { unit: "kb", value: String(Math.round(bytes / 1024)) };
  }
  const mb = bytes / (1024 * 1024);
  return { unit: "mb", value: mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10) };
}

/** Waiting for an operator: the queue card with position and wait is shown. */
export function isWaiting(state: ContactState): boolean {
  return state === "queued" || state === "offered";
}

/** The conversation is over for the citizen (wrap-up is the operator's after-work, not theirs). */
export function isFinished(state: ContactState): boolean {
  return state === "wrapup" || state === "closed" || state === "abandoned";
}

/**
 * The interruption notices to show: which ones are in force comes live with the chat's status, but their text
 * is taken from the config when it has them, because the config follows the reader's language and the status
 * the language the chat was started in.
 */
export function mergeNotices(fromConfig: readonly ServiceNoticeDto[], fromStatus: readonly ServiceNoticeDto[] | null): ServiceNoticeDto[] {
  if (fromStatus === null) {
    return [...fromConfig];
  }
  const translated = new Map(fromConfig.map((n) => [n.id, n]));
  return fromStatus.map((n) => translated.get(n.id) ?? n);
}

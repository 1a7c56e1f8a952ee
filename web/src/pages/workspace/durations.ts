import { formatDateTime } from "../../lib/formatDateTime.ts";

const two = (n: number): string => String(n).padStart(2, "0");

/** Seconds as "mm:ss", or "h:mm:ss" from an hour on; negative counts as zero (clocks a little apart). */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** Whole seconds from an ISO instant to `now` (never negative); null when there is no instant. */
export function secondsSince(iso: string | null | undefined, now: number): number | null {
  const at = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, Math.floor((now - at) / 1000));
}

/** Whole seconds left until `deadline` (ms), rounded up so a countdown shows 1 until it really is over. */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** How long the citizen waited for an operator: from joining the queue to the answer, or until now. */
export function waitedSeconds(contact: { arrivedAt: string; queuedAt: string | null; answeredAt: string | null }, now: number): number {
  const from = Date.parse(contact.queuedAt ?? contact.arrivedAt);
  const to = contact.answeredAt ? Date.parse(contact.answeredAt) : now;
  return Number.isNaN(from) || Number.isNaN(to) ? 0 : Math.max(0, Math.floor((to - from) / 1000));
}

/** The wall-clock time of an instant in Asia/Almaty ("14:05"), as the conversation shows it. */
export function clockTime(iso: string): string {
  return formatDateTime(iso).slice(-5);
}

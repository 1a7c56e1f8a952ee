import type { LogEntryDto } from "@bailanys/common/api/contacts";

/** A message typed here that the server has not confirmed yet (sent with the same clientMsgId until it lands). */
export interface PendingMessage {
  clientMsgId: string;
  text: string;
  attachment: ChatAttachment | null;
  /** sending: on its way; waiting: no connection, resent when back; failed: refused, the citizen may retry. */
  state: "sending" | "waiting" | "failed";
  error: string | null;
}

export interface ChatAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** The highest seq held, 0 for none: what a reconnecting client asks the server to continue from. */
export function lastSeqOf(entries: readonly LogEntryDto[]): number {
  return entries.at(-1)?.seq ?? 0;
}

/**
 * Adds entries to a log ordered by seq, one entry per seq: a replay after a reconnect and the answer to a POST
 * may both carry the same entry, and pages may arrive out of order.
 */
export function mergeEntries(current: readonly LogEntryDto[], incoming: readonly LogEntryDto[]): LogEntryDto[] {
  if (incoming.length === 0) {
    return current as LogEntryDto[];
  }
  const last = lastSeqOf(current);
  if (incoming.every((e, i) => e.seq > last && (i === 0 || e.seq > (incoming[i - 1]?.seq ?? 0)))) {
    return [...current, ...incoming];
  }
  const bySeq = new Map<number, LogEntryDto>();
  for (const entry of current) {
    bySeq.set(entry.seq, entry);
  }
  for (const entry of incoming) {
    bySeq.set(entry.seq, entry);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Pending messages whose entry has not arrived yet: a message landed once the log holds its clientMsgId. */
export function settleOutbox(outbox: readonly PendingMessage[], entries: readonly LogEntryDto[]): PendingMessage[] {
  if (outbox.length === 0) {
    return outbox as PendingMessage[];
  }
  const landed = new Set(entries.flatMap((e) => (e.clientMsgId ? [e.clientMsgId] : [])));
  const left = outbox.filter((m) => !landed.has(m.clientMsgId));
  return left.length === outbox.length ? (outbox as PendingMessage[]) : left;
}

/** The registration number of an appeal registered from this chat, if the event carries it. */
export function appealNumber(entry: LogEntryDto): string | null {
  const number = entry.data.number;
  return typeof number === "string" && number !== "" ? number : null;
}

/** True once the operator has joined at some point: only then is there a conversation to rate. */
export function wasAnswered(entries: readonly LogEntryDto[]): boolean {
  return entries.some((e) => e.kind === "event" && e.event === "answered");
}

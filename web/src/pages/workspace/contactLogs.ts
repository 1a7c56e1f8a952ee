import type { LogEntryDto } from "@bailanys/common/api/contacts";

/** How long "typing…" stays up after the citizen's last keystroke signal. */
export const TYPING_SHOWN_MS = 6_000;

/** What the window holds of one contact's log and of the citizen's side of it. */
export interface ContactLog {
  entries: LogEntryDto[];
  /** The first page load is done (until then the conversation shows a loader). */
  loaded: boolean;
  /** The operator has seen everything up to this seq: citizen messages after it are unread. */
  readUpTo: number;
  /** The citizen's receipts: delivered to and read in their window up to these seqs. */
  citizenDelivered: number;
  citizenRead: number;
  /** When the citizen was last reported typing (ms), null once their message arrived. */
  typingAt: number | null;
}

export type ContactLogs = Readonly<Record<string, ContactLog>>;

export type LogAction =
  | { type: "open"; contactId: string }
  | { type: "loaded"; contactId: string; entries: readonly LogEntryDto[] }
  | { type: "entries"; contactId: string; entries: readonly LogEntryDto[] }
  | { type: "typing"; contactId: string; at: number }
  | { type: "receipt"; contactId: string; delivered: number; read: number }
  | { type: "seen"; contactId: string; seq: number }
  | { type: "keep"; contactIds: readonly string[] };

const EMPTY: ContactLog = { entries: [], loaded: false, readUpTo: 0, citizenDelivered: 0, citizenRead: 0, typingAt: null };

/** The highest seq held, 0 for none: what a reconnecting socket asks the server to continue from. */
export function lastSeq(entries: readonly LogEntryDto[]): number {
  return entries.at(-1)?.seq ?? 0;
}

/**
 * Adds entries to a log kept in seq order, one entry per seq: a replay after a reconnect, a page of the HTTP
 * log and the answer to a POST may all carry the same entry, and they may arrive in any order.
 */
export function mergeBySeq(current: readonly LogEntryDto[], incoming: readonly LogEntryDto[]): LogEntryDto[] {
  const last = lastSeq(current);
  const fresh = incoming.filter((e) => e.seq > last);
  if (fresh.length === incoming.length && fresh.every((e, i) => i === 0 || e.seq > (fresh[i - 1]?.seq ?? 0))) {
    return fresh.length === 0 ? (current as LogEntryDto[]) : [...current, ...fresh];
  }
  const bySeq = new Map<number, LogEntryDto>(current.map((e) => [e.seq, e]));
  for (const entry of incoming) {
    bySeq.set(entry.seq, entry);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

const isCitizenMessage = (e: LogEntryDto): boolean => e.kind === "message" && e.author === "citizen";

/** Citizen messages the operator has not seen yet. */
export function unreadCount(log: ContactLog | undefined): number {
  return log ? log.entries.filter((e) => e.seq > log.readUpTo && isCitizenMessage(e)).length : 0;
}

/** The seq of the citizen's latest message, 0 for none: what "read up to" reports to the citizen. */
export function lastCitizenSeq(entries: readonly LogEntryDto[]): number {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry && isCitizenMessage(entry)) {
      return entry.seq;
    }
  }
  return 0;
}

/** True while the citizen's "typing" signal is fresh. */
export function citizenTyping(log: ContactLog | undefined, now: number): boolean {
  return log?.typingAt !== null && log?.typingAt !== undefined && now - log.typingAt < TYPING_SHOWN_MS;
}

/** The tick under an operator's message: read by the citizen, delivered to their window, or only sent. */
export function receiptOf(entry: LogEntryDto, log: ContactLog | undefined, citizenReadSeq = 0): "read" | "delivered" | "sent" {
  if (entry.seq <= Math.max(log?.citizenRead ?? 0, citizenReadSeq)) {
    return "read";
  }
  return entry.seq <= (log?.citizenDelivered ?? 0) ? "delivered" : "sent";
}

function update(state: ContactLogs, contactId: string, change: (log: ContactLog) => ContactLog): ContactLogs {
  const log = state[contactId];
  return log === undefined ? state : { ...state, [contactId]: change(log) };
}

/** The logs of the contacts a window follows; frames for a contact it no longer follows are dropped. */
export function logsReducer(state: ContactLogs, action: LogAction): ContactLogs {
  switch (action.type) {
    case "open":
      return state[action.contactId] ? state : { ...state, [action.contactId]: EMPTY };
    case "loaded":
      // What was already there when the window first opened the contact counts as seen.
      return update(state, action.contactId, (log) => {
        const entries = mergeBySeq(log.entries, action.entries);
        return { ...log, entries, loaded: true, readUpTo: Math.max(log.readUpTo, lastSeq(entries)) };
      });
    case "entries":
      return update(state, action.contactId, (log) => ({
        ...log,
        entries: mergeBySeq(log.entries, action.entries),
        typingAt: action.entries.some(isCitizenMessage) ? null : log.typingAt,
      }));
    case "typing":
      return update(state, action.contactId, (log) => ({ ...log, typingAt: action.at }));
    case "receipt":
      return update(state, action.contactId, (log) => ({
        ...log,
        citizenDelivered: Math.max(log.citizenDelivered, action.delivered),
        citizenRead: Math.max(log.citizenRead, action.read),
      }));
    case "seen":
      return update(state, action.contactId, (log) => (action.seq > log.readUpTo ? { ...log, readUpTo: action.seq } : log));
    case "keep": {
      const keep = new Set(action.contactIds);
      const ids = Object.keys(state);
      return ids.every((id) => keep.has(id)) ? state : Object.fromEntries(Object.entries(state).filter(([id]) => keep.has(id)));
    }
  }
}

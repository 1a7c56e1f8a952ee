import type { ChatStatus, LogEntryDto } from "@bailanys/common/api/contacts";
import { mergeEntries, settleOutbox, type PendingMessage } from "./chatLog.ts";

/** Everything the page knows about the running chat; changed only by the actions below. */
export interface ChatState {
  status: ChatStatus | null;
  entries: LogEntryDto[];
  outbox: PendingMessage[];
  agentTyping: boolean;
  /** Highest seq the operator has read (status and receipt frames may arrive in any order). */
  agentReadSeq: number;
}

export type ChatAction =
  | { type: "log"; entries: readonly LogEntryDto[] }
  | { type: "status"; status: ChatStatus }
  | { type: "receipt"; read: number }
  | { type: "typing"; on: boolean }
  | { type: "queue"; message: PendingMessage }
  | { type: "pending"; clientMsgId: string; state: PendingMessage["state"]; error: string | null }
  | { type: "reset" };

export const initialChatState: ChatState = { status: null, entries: [], outbox: [], agentTyping: false, agentReadSeq: 0 };

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "log": {
      const entries = mergeEntries(state.entries, action.entries);
      if (entries === state.entries) {
        return state;
      }
      // The operator's message ends their typing; a new message of theirs also proves they read ours.
      const agentSpoke = action.entries.some((e) => e.kind === "message" && e.author === "agent");
      return { ...state, entries, outbox: settleOutbox(state.outbox, entries), agentTyping: agentSpoke ? false : state.agentTyping };
    }
    case "status":
      return { ...state, status: action.status, agentReadSeq: Math.max(state.agentReadSeq, action.status.agentReadSeq) };
    case "receipt":
      return action.read > state.agentReadSeq ? { ...state, agentReadSeq: action.read } : state;
    case "typing":
      return state.agentTyping === action.on ? state : { ...state, agentTyping: action.on };
    case "queue":
      return { ...state, outbox: [...state.outbox, action.message] };
    case "pending":
      return {
        ...state,
        outbox: state.outbox.map((m) => (m.clientMsgId === action.clientMsgId ? { ...m, state: action.state, error: action.error } : m)),
      };
    case "reset":
      return initialChatState;
  }
}

import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject } from "react";
import { chatApi, fetchLogSince, isSessionInvalid, type ChatCredentials } from "./chatApi.ts";
import { actionForFrame } from "./chatFrames.ts";
import { lastSeqOf } from "./chatLog.ts";
import type { ChatAction, ChatState } from "./chatReducer.ts";
import { ChatSocket } from "./chatSocket.ts";

/** The operator's "typing…" fades when no new typing frame has come for this long. */
const TYPING_SHOWN_MS = 6_000;

export type Connection = "connecting" | "online" | "offline";

interface Options {
  chat: ChatCredentials | null;
  state: RefObject<ChatState>;
  dispatch: Dispatch<ChatAction>;
  /** Called when the connection is back, to send what was typed meanwhile. */
  onOnline(chat: ChatCredentials): void;
  /** The token no longer opens the chat. */
  onInvalid(): void;
}

/**
 * Loads the chat (status and the whole log over REST), then follows it over the socket, which resumes from the
 * last seq held after every reconnect.
 */
export function useChatSocket({ chat, state, dispatch, onOnline, onInvalid }: Options): { connection: Connection; typing(): void } {
  const [connection, setConnection] = useState<Connection>("connecting");
  const socketRef = useRef<ChatSocket | null>(null);
  const typingTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (chat === null) {
      return undefined;
    }
    let cancelled = false;
    setConnection("connecting");
    const socket = new ChatSocket(chat, {
      since: () => lastSeqOf(state.current.entries),
      onFrame: (frame) => {
        const action = actionForFrame(frame, chat.contactId);
        if (action === null) {
          return;
        }
        dispatch(action);
        if (action.type === "typing") {
          window.clearTimeout(typingTimer.current);
          typingTimer.current = window.setTimeout(() => dispatch({ type: "typing", on: false }), TYPING_SHOWN_MS);
        }
      },
      onOnline: (online) => {
        setConnection(online ? "online" : "offline");
        if (online) {
          onOnline(chat);
        }
      },
      onInvalid,
    });
    socketRef.current = socket;
    const load = async () => {
      try {
        const [status, entries] = await Promise.all([chatApi.status(chat), fetchLogSince(chat, 0)]);
        if (!cancelled) {
          dispatch({ type: "status", status });
          dispatch({ type: "log", entries });
        }
      } catch (error) {
        if (isSessionInvalid(error)) {
          if (!cancelled) {
            onInvalid();
          }
          return;
        }
        // Offline right now: the socket keeps trying, and its hello replays the log and the status.
      }
      if (!cancelled) {
        socket.start();
      }
    };
    void load();
    return () => {
      cancelled = true;
      socket.stop();
      socketRef.current = null;
      window.clearTimeout(typingTimer.current);
    };
  }, [chat, state, dispatch, onOnline, onInvalid]);

  return { connection, typing: useCallback(() => socketRef.current?.typing(), []) };
}

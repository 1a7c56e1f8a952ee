import type { StartChatBody, SurveyBody } from "@bailanys/common/api/contacts";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { i18n } from "../../i18n/i18n.ts";
import { newUuid } from "../../lib/newUuid.ts";
import { chatApi, isSessionInvalid, type ChatCredentials } from "./chatApi.ts";
import { lastSeqOf, type ChatAttachment, type PendingMessage } from "./chatLog.ts";
import { chatReducer, initialChatState, type ChatState } from "./chatReducer.ts";
import { clearStoredChat, readStoredChat, writeStoredChat } from "./chatStorage.ts";
import { useChatSocket, type Connection } from "./useChatSocket.ts";
import { useReadReceipt } from "./useReadReceipt.ts";

export type StartInput = Omit<StartChatBody, "tenant" | "clientMsgId">;

export interface ChatSession {
  chat: ChatCredentials | null;
  state: ChatState;
  connection: Connection;
  /** The stored chat could no longer be opened (ended long ago, token refused). */
  expired: boolean;
  /** Phone and e-mail given in the form, to prefill the call-back and transcript fields. */
  details: { phone: string; email: string };
  start(input: StartInput): Promise<void>;
  send(text: string, attachment: ChatAttachment | null): void;
  retry(clientMsgId: string): void;
  typing(): void;
  end(): Promise<void>;
  requestCallback(phone: string): Promise<void>;
  submitSurvey(body: SurveyBody): Promise<void>;
  sendTranscript(email: string): Promise<void>;
  reset(): void;
}

/** The citizen's chat of one tenant: start, messages with an outbox that survives drops, and the after-chat actions. */
export function useChatSession(tenant: string): ChatSession {
  const [chat, setChat] = useState<ChatCredentials | null>(() => {
    const stored = readStoredChat(tenant);
    return stored ? { contactId: stored.contactId, token: stored.token } : null;
  });
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [expired, setExpired] = useState(false);
  const [details, setDetails] = useState({ phone: "", email: "" });
  const stateRef = useRef(state);
  // One message at a time, in the order typed: parallel POSTs could overtake each other.
  const deliveries = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    stateRef.current = state;
  });

  const forget = useCallback(
    (gone: boolean) => {
      clearStoredChat(tenant);
      dispatch({ type: "reset" });
      setExpired(gone);
      setChat(null);
    },
    [tenant],
  );
  const expire = useCallback(() => forget(true), [forget]);

  const deliver = useCallback(
    (c: ChatCredentials, message: PendingMessage) => {
      deliveries.current = deliveries.current.then(async () => {
        dispatch({ type: "pending", clientMsgId: message.clientMsgId, state: "sending", error: null });
        try {
          const entry = await chatApi.message(c, { text: message.text, clientMsgId: message.clientMsgId, attachmentId: message.attachment?.id });
          dispatch({ type: "log", entries: [entry] });
        } catch (error) {
          if (isSessionInvalid(error)) {
            expire();
            return;
          }
          // No network: keep it and resend with the same id when the socket is back (it lands once).
          const offline = error instanceof ApiError && error.status === 0;
          const text = error instanceof ApiError ? error.message : i18n.t("errors.unexpected");
          dispatch({ type: "pending", clientMsgId: message.clientMsgId, state: offline ? "waiting" : "failed", error: offline ? null : text });
        }
      });
    },
    [expire],
  );

  const flush = useCallback(
    (c: ChatCredentials) => {
      for (const message of stateRef.current.outbox) {
        if (message.state === "waiting") {
          deliver(c, message);
        }
      }
    },
    [deliver],
  );

  const { connection, typing } = useChatSocket({ chat, state: stateRef, dispatch, onOnline: flush, onInvalid: expire });

  const lastSeq = lastSeqOf(state.entries);
  useEffect(() => {
    if (chat !== null) {
      writeStoredChat(tenant, { ...chat, lastSeq });
    }
  }, [tenant, chat, lastSeq]);
  useReadReceipt(state.status ? chat : null, lastSeq);

  /** Runs a call about this chat, then reloads its status so the page moves on without waiting for the socket. */
  const act = useCallback(
    async (action: (c: ChatCredentials) => Promise<unknown>) => {
      if (chat === null) {
        return;
      }
      try {
        await action(chat);
      } catch (error) {
        if (isSessionInvalid(error)) {
          expire();
        }
        throw error;
      }
      const status = await chatApi.status(chat).catch(() => null);
      if (status !== null) {
        dispatch({ type: "status", status });
      }
    },
    [chat, expire],
  );

  const start = useCallback(
    async (input: StartInput) => {
      const clientMsgId = input.message ? newUuid() : undefined;
      const started = await chatApi.start({ ...input, tenant, clientMsgId });
      writeStoredChat(tenant, { ...started, lastSeq: 0 });
      dispatch({ type: "reset" });
      setDetails({ phone: input.phone ?? "", email: input.email ?? "" });
      setExpired(false);
      setChat({ contactId: started.contactId, token: started.token });
    },
    [tenant],
  );

  const send = useCallback(
    (text: string, attachment: ChatAttachment | null) => {
      if (chat !== null) {
        const message: PendingMessage = { clientMsgId: newUuid(), text, attachment, state: "sending", error: null };
        dispatch({ type: "queue", message });
        deliver(chat, message);
      }
    },
    [chat, deliver],
  );

  const retry = useCallback(
    (clientMsgId: string) => {
      const message = stateRef.current.outbox.find((m) => m.clientMsgId === clientMsgId);
      if (chat !== null && message) {
        deliver(chat, message);
      }
    },
    [chat, deliver],
  );

  const submitSurvey = useCallback(
    (body: SurveyBody) =>
      act((c) =>
        chatApi.survey(c, body).catch((error: unknown) => {
          // Rated already (another tab, a resend after a lost answer): the refreshed status shows the thanks.
          if (!(error instanceof ApiError && error.code === "SURVEY_ALREADY_GIVEN")) {
            throw error;
          }
        }),
      ),
    [act],
  );

  return {
    chat,
    state,
    connection,
    expired,
    details,
    start,
    send,
    retry,
    typing,
    end: useCallback(() => act((c) => chatApi.end(c)), [act]),
    requestCallback: useCallback((phone: string) => act((c) => chatApi.callback(c, phone)), [act]),
    submitSurvey,
    sendTranscript: useCallback((email: string) => act((c) => chatApi.transcript(c, email)), [act]),
    reset: useCallback(() => forget(false), [forget]),
  };
}

import type { ChatConfig, ChatStatus, LogEntryDto, LogPage, MessageBody, StartChatBody, StartChatResponse, SurveyBody } from "@bailanys/common/api/contacts";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import { api, ApiError, type RequestOptions } from "../../api/client.ts";

/** The pair that opens one anonymous chat: its id and the secret token its start returned. */
export interface ChatCredentials {
  contactId: string;
  token: string;
}

type Ok = { ok: true };

/** The chat's token no longer opens it (ended more than a day ago, or never valid). */
export const isSessionInvalid = (error: unknown): boolean => error instanceof ApiError && error.code === "CHAT_SESSION_INVALID";

export const chatPath = (c: ChatCredentials) => `/public/chat/sessions/${encodeURIComponent(c.contactId)}`;

// A 401 here means the chat's token no longer opens it, not that a staff session expired: never go to /login.
const withToken = (c: ChatCredentials, options: RequestOptions = {}): RequestOptions => ({
  ...options,
  headers: { "X-Chat-Token": c.token },
  redirectOn401: false,
});

const post = <T,>(c: ChatCredentials, path: string, json: unknown = {}) => api<T>(`${chatPath(c)}${path}`, withToken(c, { method: "POST", json }));

/** The citizen's REST calls; live updates come over the socket (see ChatSocket). */
export const chatApi = {
  config: (tenant: string, locale: string, signal?: AbortSignal) =>
    api<ChatConfig>("/public/chat/config", { query: { tenant, locale }, signal, redirectOn401: false }),
  start: (body: StartChatBody) => api<StartChatResponse>("/public/chat/sessions", { method: "POST", json: body, redirectOn401: false }),
  status: (c: ChatCredentials) => api<ChatStatus>(chatPath(c), withToken(c)),
  logPage: (c: ChatCredentials, since: number) => api<LogPage>(`${chatPath(c)}/log`, withToken(c, { query: { since } })),
  message: (c: ChatCredentials, body: MessageBody) => post<LogEntryDto>(c, "/messages", body),
  typing: (c: ChatCredentials) => post<Ok>(c, "/typing"),
  read: (c: ChatCredentials, seq: number) => post<Ok>(c, "/read", { seq }),
  end: (c: ChatCredentials) => post<Ok>(c, "/end"),
  callback: (c: ChatCredentials, phone: string) => post<Ok>(c, "/callback", { phone }),
  survey: (c: ChatCredentials, body: SurveyBody) => post<Ok>(c, "/survey", body),
  transcript: (c: ChatCredentials, email: string) => post<Ok>(c, "/transcript", { email }),
};

/** Every log entry after `since`, page by page (the server answers at most a replay page at a time). */
export async function fetchLogSince(c: ChatCredentials, since: number): Promise<LogEntryDto[]> {
  const all: LogEntryDto[] = [];
  let from = since;
  for (;;) {
    const page = await chatApi.logPage(c, from);
    all.push(...page.entries);
    const last = page.entries.at(-1)?.seq;
    // Staff-only entries are left out of the citizen's pages, so a short page, not lastSeq, marks the end.
    if (last === undefined || last <= from || page.entries.length < CHAT_LIMITS.replayPage || last >= page.lastSeq) {
      return all;
    }
    from = last;
  }
}

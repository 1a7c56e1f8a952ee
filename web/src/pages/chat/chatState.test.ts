import type { ChatStatus, LogEntryDto } from "@bailanys/common/api/contacts";
import { describe, expect, it } from "vitest";
import { checkStartForm, defaultLanguage } from "./chatForm.ts";
import { actionForFrame } from "./chatFrames.ts";
import { chatReducer, initialChatState } from "./chatReducer.ts";
import { chatSocketUrl } from "./chatSocket.ts";
import { parseStoredChat } from "./chatStorage.ts";

const message = (seq: number, author: LogEntryDto["author"], clientMsgId: string | null = null): LogEntryDto => ({
  seq,
  kind: "message",
  event: null,
  author,
  authorName: null,
  body: "text",
  attachment: null,
  clientMsgId,
  staffOnly: false,
  data: {},
  at: "2026-03-02T04:05:00.000Z",
});

const status = (agentReadSeq: number): ChatStatus => ({
  contactId: "c",
  state: "active",
  position: null,
  expectedWaitSeconds: null,
  agentName: "Айгерим",
  lastSeq: 3,
  agentReadSeq,
  callbackOffered: false,
  callbackRequested: false,
  surveyGiven: false,
  notices: [],
});

describe("chatReducer", () => {
  it("settles a pending message when its entry arrives and stops the typing mark when the operator writes", () => {
    let state = chatReducer(initialChatState, { type: "queue", message: { clientMsgId: "m1", text: "text", attachment: null, state: "sending", error: null } });
    state = chatReducer(state, { type: "typing", on: true });
    state = chatReducer(state, { type: "log", entries: [message(1, "citizen", "m1")] });
    expect(state.outbox).toEqual([]);
    expect(state.agentTyping).toBe(true);
    state = chatReducer(state, { type: "log", entries: [message(2, "agent")] });
    expect(state.agentTyping).toBe(false);
  });

  it("never lowers the operator's read mark when frames arrive out of order", () => {
    let state = chatReducer(initialChatState, { type: "receipt", read: 5 });
    state = chatReducer(state, { type: "status", status: status(3) });
    expect(state.agentReadSeq).toBe(5);
    expect(chatReducer(state, { type: "receipt", read: 7 }).agentReadSeq).toBe(7);
  });

  it("marks a pending message as waiting or failed", () => {
    let state = chatReducer(initialChatState, { type: "queue", message: { clientMsgId: "m1", text: "t", attachment: null, state: "sending", error: null } });
    state = chatReducer(state, { type: "pending", clientMsgId: "m1", state: "failed", error: "Too many" });
    expect(state.outbox[0]).toMatchObject({ state: "failed", error: "Too many" });
  });
});

describe("chatSocketUrl", () => {
  it("follows the page's scheme to the citizen's socket", () => {
    expect(chatSocketUrl({ protocol: "https:", host: "cc.gov.kz" })).toBe("wss://cc.gov.kz/api/v1/public/chat/ws");
    expect(chatSocketUrl({ protocol: "http:", host: "localhost:8080" })).toBe("ws://localhost:8080/api/v1/public/chat/ws");
  });
});

describe("parseStoredChat", () => {
  it("reads a stored chat and rejects anything else", () => {
    expect(parseStoredChat(JSON.stringify({ contactId: "c", token: "t", lastSeq: 4 }))).toEqual({ contactId: "c", token: "t", lastSeq: 4 });
    expect(parseStoredChat(JSON.stringify({ contactId: "c", token: "t" }))).toEqual({ contactId: "c", token: "t", lastSeq: 0 });
    expect(parseStoredChat(JSON.stringify({ contactId: "c" }))).toBeNull();
    expect(parseStoredChat("{not json")).toBeNull();
    expect(parseStoredChat(null)).toBeNull();
  });
});

describe("checkStartForm", () => {
  const valid = { name: "Асель", topicId: null, language: "kk", phone: "", email: "", message: "", consent: true };

  it("accepts a name and consent alone", () => {
    expect(checkStartForm(valid)).toEqual({});
  });

  it("asks for a name and consent and checks phone and e-mail formats", () => {
    expect(checkStartForm({ ...valid, name: "  ", consent: false, phone: "12345", email: "not-an-email" })).toEqual({
      name: "FIELD_REQUIRED",
      consent: "CONSENT_REQUIRED",
      phone: "PHONE_INVALID",
      email: "EMAIL_INVALID",
    });
    expect(checkStartForm({ ...valid, phone: "8 (701) 234-56-78", email: "a@b.kz" })).toEqual({});
  });

  it("preselects the interface language when operators speak it", () => {
    const languages = [{ code: "kk" }, { code: "ru" }];
    expect(defaultLanguage(languages, "ru")).toBe("ru");
    expect(defaultLanguage(languages, "en")).toBe("kk");
    expect(defaultLanguage([], "en")).toBe("");
  });
});

describe("actionForFrame", () => {
  it("takes the operator's typing and receipts of this chat and ignores the citizen's own echoes", () => {
    expect(actionForFrame({ type: "typing", contactId: "c", who: "agent" }, "c")).toEqual({ type: "typing", on: true });
    expect(actionForFrame({ type: "typing", contactId: "c", who: "citizen" }, "c")).toBeNull();
    expect(actionForFrame({ type: "receipt", contactId: "c", who: "agent", delivered: 4, read: 3 }, "c")).toEqual({ type: "receipt", read: 3 });
    expect(actionForFrame({ type: "log", contactId: "other", entries: [], lastSeq: 0 }, "c")).toBeNull();
    expect(actionForFrame({ type: "pong" }, "c")).toBeNull();
  });
});

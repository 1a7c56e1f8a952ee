import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { describe, expect, it } from "vitest";
import { appealNumber, lastSeqOf, mergeEntries, settleOutbox, wasAnswered, type PendingMessage } from "./chatLog.ts";

const entry = (seq: number, extra: Partial<LogEntryDto> = {}): LogEntryDto => ({
  seq,
  kind: "message",
  event: null,
  author: "citizen",
  authorName: null,
  body: `m${seq}`,
  attachment: null,
  clientMsgId: null,
  staffOnly: false,
  data: {},
  at: "2026-03-02T04:05:00.000Z",
  ...extra,
});

const pending = (clientMsgId: string): PendingMessage => ({ clientMsgId, text: "x", attachment: null, state: "sending", error: null });

describe("mergeEntries", () => {
  it("appends newer entries in order", () => {
    expect(mergeEntries([entry(1), entry(2)], [entry(3), entry(4)]).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it("keeps one entry per seq when a replay repeats what the page already has", () => {
    const merged = mergeEntries([entry(1), entry(2), entry(3)], [entry(2), entry(3), entry(4)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it("sorts entries that arrive out of order", () => {
    expect(mergeEntries([entry(5)], [entry(7), entry(2), entry(6)]).map((e) => e.seq)).toEqual([2, 5, 6, 7]);
  });

  it("returns the same array when nothing arrives, so React skips the render", () => {
    const current = [entry(1)];
    expect(mergeEntries(current, [])).toBe(current);
  });
});

describe("lastSeqOf", () => {
  it("is 0 for an empty log and the last seq otherwise", () => {
    expect(lastSeqOf([])).toBe(0);
    expect(lastSeqOf([entry(3), entry(9)])).toBe(9);
  });
});

describe("settleOutbox", () => {
  it("drops the pending messages whose clientMsgId landed in the log", () => {
    const outbox = [pending("a"), pending("b")];
    expect(settleOutbox(outbox, [entry(1, { clientMsgId: "a" })]).map((m) => m.clientMsgId)).toEqual(["b"]);
  });

  it("keeps the same array when nothing landed", () => {
    const outbox = [pending("a")];
    expect(settleOutbox(outbox, [entry(1, { clientMsgId: "z" })])).toBe(outbox);
  });
});

describe("appealNumber and wasAnswered", () => {
  it("reads the registration number of an appeal_registered event", () => {
    expect(appealNumber(entry(4, { kind: "event", event: "appeal_registered", data: { number: "109-2026-00000012" } }))).toBe("109-2026-00000012");
    expect(appealNumber(entry(4, { kind: "event", event: "appeal_registered", data: {} }))).toBeNull();
  });

  it("knows an operator joined from the answered event", () => {
    expect(wasAnswered([entry(1)])).toBe(false);
    expect(wasAnswered([entry(1), entry(2, { kind: "event", event: "answered", author: "agent" })])).toBe(true);
  });
});

import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { describe, expect, it } from "vitest";
import { citizenTyping, lastCitizenSeq, logsReducer, mergeBySeq, receiptOf, unreadCount, type ContactLogs } from "./contactLogs.ts";

function entry(seq: number, author: LogEntryDto["author"] = "citizen", kind: LogEntryDto["kind"] = "message"): LogEntryDto {
  return { seq, kind, event: null, author, authorName: null, body: `#${seq}`, attachment: null, clientMsgId: null, staffOnly: false, data: {}, at: "2026-03-02T10:00:00Z" };
}
const seqs = (entries: readonly LogEntryDto[]) => entries.map((e) => e.seq);

describe("mergeBySeq", () => {
  it("appends entries that follow on", () => {
    expect(seqs(mergeBySeq([entry(1), entry(2)], [entry(3), entry(4)]))).toEqual([1, 2, 3, 4]);
  });
  it("keeps one entry per seq when a replay repeats what is held", () => {
    expect(seqs(mergeBySeq([entry(1), entry(2), entry(3)], [entry(2), entry(3), entry(4)]))).toEqual([1, 2, 3, 4]);
  });
  it("puts a late page in its place", () => {
    expect(seqs(mergeBySeq([entry(5), entry(6)], [entry(3), entry(1), entry(4)]))).toEqual([1, 3, 4, 5, 6]);
  });
  it("returns the same array when nothing is new", () => {
    const held = [entry(1), entry(2)];
    expect(mergeBySeq(held, [])).toBe(held);
  });
});

describe("logsReducer", () => {
  const opened = logsReducer({}, { type: "open", contactId: "c" });

  it("counts history loaded at first sight as seen, later citizen messages as unread", () => {
    let state = logsReducer(opened, { type: "loaded", contactId: "c", entries: [entry(1), entry(2, "agent")] });
    expect(unreadCount(state.c)).toBe(0);
    state = logsReducer(state, { type: "entries", contactId: "c", entries: [entry(3), entry(4, "system", "event"), entry(5)] });
    expect(unreadCount(state.c)).toBe(2);
    state = logsReducer(state, { type: "seen", contactId: "c", seq: lastCitizenSeq(state.c?.entries ?? []) });
    expect(unreadCount(state.c)).toBe(0);
  });

  it("hides the citizen's typing once their message arrives", () => {
    let state = logsReducer(opened, { type: "typing", contactId: "c", at: 1000 });
    expect(citizenTyping(state.c, 2000)).toBe(true);
    expect(citizenTyping(state.c, 9000)).toBe(false);
    state = logsReducer(state, { type: "entries", contactId: "c", entries: [entry(1)] });
    expect(citizenTyping(state.c, 2000)).toBe(false);
  });

  it("keeps the highest receipts and ticks the operator's messages from them", () => {
    let state = logsReducer(opened, { type: "receipt", contactId: "c", delivered: 4, read: 2 });
    state = logsReducer(state, { type: "receipt", contactId: "c", delivered: 3, read: 1 });
    expect(state.c?.citizenDelivered).toBe(4);
    expect(receiptOf(entry(2, "agent"), state.c)).toBe("read");
    expect(receiptOf(entry(4, "agent"), state.c)).toBe("delivered");
    expect(receiptOf(entry(5, "agent"), state.c)).toBe("sent");
    expect(receiptOf(entry(5, "agent"), state.c, 7)).toBe("read");
  });

  it("ignores frames for contacts it does not follow and drops the ones let go", () => {
    const state: ContactLogs = logsReducer(opened, { type: "entries", contactId: "other", entries: [entry(1)] });
    expect(Object.keys(state)).toEqual(["c"]);
    expect(logsReducer(state, { type: "keep", contactIds: [] })).toEqual({});
    expect(logsReducer(state, { type: "keep", contactIds: ["c"] })).toBe(state);
  });
});

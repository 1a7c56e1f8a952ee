import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { describe, expect, it } from "vitest";
import { describeEvent } from "./chatEvents.ts";

const event = (name: string, extra: Partial<LogEntryDto> = {}): LogEntryDto => ({
  seq: 1,
  kind: "event",
  event: name,
  author: "system",
  authorName: null,
  body: null,
  attachment: null,
  clientMsgId: null,
  staffOnly: false,
  data: {},
  at: "2026-03-02T04:05:00.000Z",
  ...extra,
});

describe("describeEvent", () => {
  it("names the operator who answered", () => {
    expect(describeEvent(event("answered", { author: "agent", data: { agentName: "Айгерим" } }))).toEqual({ kind: "text", key: "answered", name: "Айгерим" });
    expect(describeEvent(event("answered", { author: "agent" }))).toEqual({ kind: "text", key: "answeredNoName", name: null });
  });

  it("tells who ended the chat", () => {
    expect(describeEvent(event("ended", { author: "citizen" }))).toMatchObject({ key: "endedByYou" });
    expect(describeEvent(event("ended", { author: "agent" }))).toMatchObject({ key: "endedByAgent" });
    expect(describeEvent(event("ended"))).toMatchObject({ key: "endedBySystem" });
  });

  it("shows a registered appeal with its number", () => {
    expect(describeEvent(event("appeal_registered", { data: { number: "109-2026-00000001" } }))).toEqual({ kind: "appeal", number: "109-2026-00000001" });
  });

  it("hides routing internals and events it does not know", () => {
    for (const name of ["offered", "widened", "overflowed", "wrapped_up", "something_new"]) {
      expect(describeEvent(event(name))).toEqual({ kind: "hidden" });
    }
  });
});

import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { appealNumber } from "./chatLog.ts";

/** Event texts of the `chat.events` section. */
export type EventTextKey =
  | "queued"
  | "answered"
  | "answeredNoName"
  | "transferred"
  | "callback_offered"
  | "callback_requested"
  | "held"
  | "resumed"
  | "endedByYou"
  | "endedByAgent"
  | "endedBySystem"
  | "verified"
  | "survey";

export type EventView = { kind: "hidden" } | { kind: "appeal"; number: string | null } | { kind: "text"; key: EventTextKey; name: string | null };

const SAME_NAME: Record<string, EventTextKey> = {
  queued: "queued",
  transferred: "transferred",
  callback_offered: "callback_offered",
  callback_requested: "callback_requested",
  held: "held",
  resumed: "resumed",
  verified: "verified",
  survey: "survey",
};

/**
 * How a system event reads to the citizen. Routing internals (offers, widening, overflow, wrap-up) and events
 * this page does not know yet are hidden: they would only puzzle someone waiting for an answer.
 */
export function describeEvent(entry: LogEntryDto): EventView {
  const event = entry.event ?? "";
  if (event === "appeal_registered") {
    return { kind: "appeal", number: appealNumber(entry) };
  }
  if (event === "answered") {
    const name = typeof entry.data.agentName === "string" && entry.data.agentName !== "" ? entry.data.agentName : (entry.authorName ?? null);
    return name === null ? { kind: "text", key: "answeredNoName", name: null } : { kind: "text", key: "answered", name };
  }
  if (event === "ended") {
    const key = entry.author === "citizen" ? "endedByYou" : entry.author === "agent" ? "endedByAgent" : "endedBySystem";
    return { kind: "text", key, name: null };
  }
  const key = SAME_NAME[event];
  return key === undefined ? { kind: "hidden" } : { kind: "text", key, name: null };
}

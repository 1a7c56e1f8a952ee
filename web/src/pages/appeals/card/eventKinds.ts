/** Event kinds the server writes to an appeal's history; an unknown one is shown by its code. */
export const EVENT_KINDS = [
  "registered",
  "transition",
  "assigned",
  "forwarded",
  "forward_status",
  "extended",
  "withdrawn",
  "duplicate_linked",
  "duplicate_received",
  "escalated",
  "forward_limit_passed",
  "applicant_merged",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

export const FORWARD_STATUS_VALUES = ["sent", "accepted", "answered", "returned"] as const;
export type ForwardStatusValue = (typeof FORWARD_STATUS_VALUES)[number];

export function isForwardStatus(value: unknown): value is ForwardStatusValue {
  return typeof value === "string" && (FORWARD_STATUS_VALUES as readonly string[]).includes(value);
}

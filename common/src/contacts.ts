/**
 * The contact engine's fixed vocabulary: channels that are routed, contact and operator states, what widening
 * may relax, and limits. Server schemas and web forms both read these lists.
 */

/** Channels whose contacts the routing engine offers to operators (codes of the channels reference list). */
export const ROUTED_CHANNELS = ["web_chat", "phone", "email", "telegram"] as const;
export type RoutedChannel = (typeof ROUTED_CHANNELS)[number];

/**
 * How a channel occupies an operator: an exclusive channel (a call) needs an operator with nothing else open
 * and, while open, blocks every other offer; the others share a per-channel capacity.
 */
export const CHANNEL_RULES: Record<RoutedChannel, { exclusive: boolean; defaultCapacity: number }> = {
  phone: { exclusive: true, defaultCapacity: 1 },
  web_chat: { exclusive: false, defaultCapacity: 3 },
  email: { exclusive: false, defaultCapacity: 5 },
  telegram: { exclusive: false, defaultCapacity: 3 },
};

export function isRoutedChannel(value: unknown): value is RoutedChannel {
  return typeof value === "string" && (ROUTED_CHANNELS as readonly string[]).includes(value);
}

export const CONTACT_STATES = ["queued", "offered", "active", "held", "wrapup", "closed", "abandoned"] as const;
export type ContactState = (typeof CONTACT_STATES)[number];
/** States in which a contact occupies its operator (counts against capacity). */
export const OCCUPYING_STATES = ["offered", "active", "held", "wrapup"] as const satisfies readonly ContactState[];
export const OPEN_STATES = ["queued", "offered", "active", "held", "wrapup"] as const satisfies readonly ContactState[];

/** What an operator chooses; "busy" and "wrap-up" are shown on top of ready from the open contacts. */
export const AGENT_STATES = ["offline", "ready", "not_ready"] as const;
export type AgentState = (typeof AGENT_STATES)[number];
export const AGENT_PRESENCE = ["offline", "ready", "not_ready", "busy", "wrapup"] as const;
export type AgentPresence = (typeof AGENT_PRESENCE)[number];

/** Requirements a queue may relax step by step while a contact waits. */
export const RELAXABLE = ["level", "topic", "language"] as const;
export type Relaxable = (typeof RELAXABLE)[number];

export const CONTACT_OUTCOMES = ["answered", "abandoned", "callback", "transferred_out", "out_of_hours"] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** System events in a contact's log; each has a kk/ru/en text in the web apps. */
export const CONTACT_EVENTS = [
  "voice_menu",
  "outbound_call",
  "outbound_failed",
  "queued",
  "offered",
  "answered",
  "declined",
  "offer_expired",
  "transferred",
  "widened",
  "overflowed",
  "callback_offered",
  "callback_requested",
  "held",
  "resumed",
  "ended",
  "wrapped_up",
  "appeal_registered",
  "verified",
  "citizen_linked",
  "survey",
] as const;
export type ContactEvent = (typeof CONTACT_EVENTS)[number];

export const CHAT_LIMITS = {
  messageMaxLength: 4000,
  attachmentMaxBytes: 5 * 1024 * 1024,
  /** Messages a citizen may send per minute in one chat. */
  messagesPerMinute: 30,
  /** A page of log entries replayed at once; the client asks again for the rest. */
  replayPage: 200,
} as const;

export const SURVEY_RATINGS = [1, 2, 3, 4, 5] as const;

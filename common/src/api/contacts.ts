import { Type, type Static } from "@sinclair/typebox";
import { AGENT_PRESENCE, AGENT_STATES, CHAT_LIMITS, CONTACT_STATES } from "../contacts.ts";
import { Code, IsoDateTime, Literals, Nullable, Uuid } from "./shared.ts";

const NamedRef = Type.Object({ id: Type.String(), name: Type.String() });
const CodedRef = Type.Object({ code: Type.String(), name: Type.String() });

export const ContactStateSchema = Literals(CONTACT_STATES);
export const AgentStateSchema = Literals(AGENT_STATES);
export const AgentPresenceSchema = Literals(AGENT_PRESENCE);
export const ClientMsgId = Type.String({ minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9_-]+$" });

/** One entry of a contact's ordered log (a message, a system event or a staff note). */
export const LogEntryDto = Type.Object({
  seq: Type.Integer(),
  kind: Literals(["message", "event", "note"]),
  event: Nullable(Type.String()),
  author: Literals(["citizen", "agent", "system"]),
  authorName: Nullable(Type.String()),
  body: Nullable(Type.String()),
  attachment: Nullable(Type.Object({ id: Uuid, fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() })),
  clientMsgId: Nullable(Type.String()),
  staffOnly: Type.Boolean(),
  data: Type.Record(Type.String(), Type.Unknown()),
  at: IsoDateTime,
});
export type LogEntryDto = Static<typeof LogEntryDto>;

export const LogPage = Type.Object({
  entries: Type.Array(LogEntryDto),
  /** The contact's last sequence number: a client with fewer entries asks again with since = the last it has. */
  lastSeq: Type.Integer(),
});
export type LogPage = Static<typeof LogPage>;

export const LogQuery = Type.Object({ since: Type.Optional(Type.Integer({ minimum: 0, default: 0 })) }, { additionalProperties: false });

export const MessageBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: CHAT_LIMITS.messageMaxLength }),
    clientMsgId: Type.Optional(ClientMsgId),
    attachmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type MessageBody = Static<typeof MessageBody>;

export const ReadBody = Type.Object({ seq: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

/** A contact as the operator and supervisor see it (personal data included only for those allowed). */
export const ContactDto = Type.Object({
  id: Uuid,
  channel: CodedRef,
  direction: Type.String(),
  state: ContactStateSchema,
  queue: Nullable(NamedRef),
  topic: Nullable(NamedRef),
  language: CodedRef,
  locale: Type.String(),
  priority: Type.Integer(),
  visitor: Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()), email: Nullable(Type.String()) }),
  citizen: Nullable(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      verified: Type.Boolean(),
      verifiedMethod: Nullable(Type.String()),
    }),
  ),
  agent: Nullable(NamedRef),
  arrivedAt: IsoDateTime,
  queuedAt: Nullable(IsoDateTime),
  offeredAt: Nullable(IsoDateTime),
  answeredAt: Nullable(IsoDateTime),
  /** When the current hold began (null when not on hold); holdSeconds is the time of the holds that ended. */
  heldAt: Nullable(IsoDateTime),
  holdSeconds: Type.Integer(),
  holdCount: Type.Integer(),
  endedAt: Nullable(IsoDateTime),
  wrapupDeadline: Nullable(IsoDateTime),
  wrapupDoneAt: Nullable(IsoDateTime),
  endedBy: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  wrapupCode: Nullable(Type.String()),
  resolvedFirstContact: Nullable(Type.Boolean()),
  relaxed: Type.Array(Type.String()),
  lastSeq: Type.Integer(),
  citizenReadSeq: Type.Integer(),
  agentReadSeq: Type.Integer(),
  callbackPhone: Nullable(Type.String()),
  survey: Nullable(Type.Object({ rating: Type.Integer(), solved: Nullable(Type.Boolean()), comment: Nullable(Type.String()) })),
  appeals: Type.Array(Type.Object({ id: Uuid, number: Type.String() })),
});
export type ContactDto = Static<typeof ContactDto>;

export const OfferDto = Type.Object({
  id: Uuid,
  contactId: Uuid,
  expiresAt: IsoDateTime,
  /** Seconds left when the server presented it; the window counts down from here (clocks may differ). */
  secondsLeft: Type.Integer(),
  contact: ContactDto,
});
export type OfferDto = Static<typeof OfferDto>;

/** Everything the operator window needs after (re)connecting. */
export const AgentSnapshot = Type.Object({
  profile: Nullable(
    Type.Object({
      languages: Type.Array(Type.String()),
      line: Type.Integer(),
      channels: Type.Array(Type.Object({ channel: Type.String(), capacity: Type.Integer() })),
      skills: Type.Array(Type.Object({ topic: NamedRef, level: Type.Integer() })),
    }),
  ),
  state: AgentStateSchema,
  presence: AgentPresenceSchema,
  reason: Nullable(CodedRef),
  stateSince: IsoDateTime,
  offers: Type.Array(OfferDto),
  contacts: Type.Array(ContactDto),
});
export type AgentSnapshot = Static<typeof AgentSnapshot>;

export const AgentStateBody = Type.Object(
  { state: AgentStateSchema, reasonCode: Type.Optional(Code) },
  { additionalProperties: false },
);
export type AgentStateBody = Static<typeof AgentStateBody>;

export const WrapupBody = Type.Object(
  {
    wrapupCode: Code,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    resolvedFirstContact: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type WrapupBody = Static<typeof WrapupBody>;

export const TransferBody = Type.Object(
  {
    queueId: Type.Optional(Uuid),
    agentId: Type.Optional(Uuid),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

export const NoteBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

/** Lists the operator window picks from. */
export const WorkspaceOptions = Type.Object({
  queues: Type.Array(Type.Object({ id: Uuid, name: Type.String(), line: Type.Integer(), channels: Type.Array(Type.String()) })),
  wrapupCodes: Type.Array(CodedRef),
  notReadyReasons: Type.Array(CodedRef),
  cannedReplies: Type.Array(Type.Object({ id: Uuid, language: Type.String(), title: Type.String(), body: Type.String(), topicId: Nullable(Uuid) })),
  colleagues: Type.Array(Type.Object({ id: Uuid, name: Type.String(), presence: AgentPresenceSchema })),
});
export type WorkspaceOptions = Static<typeof WorkspaceOptions>;

/** The supervisor's live board. */
export const BoardDto = Type.Object({
  at: IsoDateTime,
  queues: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      waiting: Type.Integer(),
      oldestQueuedAt: Nullable(IsoDateTime),
      offered: Type.Integer(),
      active: Type.Integer(),
      /** Today (tenant's day): answered within the queue's target / all answered and abandoned after the target. */
      serviceLevelPct: Nullable(Type.Number()),
      answeredToday: Type.Integer(),
      abandonedToday: Type.Integer(),
      serviceLevelSeconds: Type.Integer(),
      agentsReady: Type.Integer(),
    }),
  ),
  agents: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      presence: AgentPresenceSchema,
      reason: Nullable(CodedRef),
      since: IsoDateTime,
      contacts: Type.Array(Type.Object({ id: Uuid, channel: Type.String(), state: ContactStateSchema, since: Nullable(IsoDateTime), visitorName: Nullable(Type.String()) })),
    }),
  ),
  /** Today's (tenant's day) faults of the voice service that cut calls, latest first. */
  voiceIncidents: Type.Array(Type.Object({ at: IsoDateTime, kind: Literals(["media_lost"] as const), callsCut: Type.Integer() })),
});
export type BoardDto = Static<typeof BoardDto>;

/** One item of a citizen's timeline across channels: a contact or an appeal. */
export const TimelineItem = Type.Object({
  kind: Literals(["contact", "appeal"]),
  id: Uuid,
  at: IsoDateTime,
  channel: CodedRef,
  /** Contact state or appeal status name. */
  state: Type.String(),
  /** The appeal's number; null for contacts. */
  number: Nullable(Type.String()),
  /** Subject of an appeal or topic of a contact; hidden (null) until the citizen's identity is verified. */
  title: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  agentName: Nullable(Type.String()),
});
export type TimelineItem = Static<typeof TimelineItem>;

/** The citizen card of the operator window (R32.2) — protected data only once identity is verified (R11.1). */
export const CitizenCardDto = Type.Object({
  contactId: Uuid,
  verified: Type.Boolean(),
  verifiedMethod: Nullable(Type.String()),
  citizen: Nullable(
    Type.Object({
      id: Uuid,
      fullName: Type.String(),
      iin: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      email: Nullable(Type.String()),
      address: Nullable(Type.String()),
      preferredLanguage: Type.String(),
      consentGivenAt: Nullable(IsoDateTime),
      /** How the contact was tied to this record: matched by phone/e-mail, linked by an operator, or verified. */
      masked: Type.Boolean(),
    }),
  ),
  timeline: Type.Array(TimelineItem),
});
export type CitizenCardDto = Static<typeof CitizenCardDto>;

export const VerifyBody = Type.Object(
  {
    iin: Type.String({ pattern: "^\\d{12}$", description: "The ИИН the citizen states" }),
    phoneLast4: Type.String({ pattern: "^\\d{4}$", description: "Last four digits of the phone the citizen has on record" }),
  },
  { additionalProperties: false },
);
export type VerifyBody = Static<typeof VerifyBody>;

export const LinkCitizenBody = Type.Object({ citizenId: Uuid }, { additionalProperties: false });

// ---- citizen side (web chat) ----------------------------------------------------------------------------------

export const ChatTopic = Type.Object({ id: Uuid, name: Type.String() });

export const ServiceNoticeDto = Type.Object({
  id: Uuid,
  message: Type.String(),
  alternatives: Type.String(),
  startsAt: IsoDateTime,
  resumeAt: Nullable(IsoDateTime),
  channels: Type.Array(Type.String()),
});
export type ServiceNoticeDto = Static<typeof ServiceNoticeDto>;

export const NoticeBody = Type.Object(
  {
    channels: Type.Array(Code, { maxItems: 20, description: "Channels concerned; empty = every channel" }),
    messageKk: Type.String({ minLength: 1, maxLength: 1000 }),
    messageRu: Type.String({ minLength: 1, maxLength: 1000 }),
    messageEn: Type.String({ minLength: 1, maxLength: 1000 }),
    alternativesKk: Type.Optional(Type.String({ maxLength: 1000 })),
    alternativesRu: Type.Optional(Type.String({ maxLength: 1000 })),
    alternativesEn: Type.Optional(Type.String({ maxLength: 1000 })),
    startsAt: Type.Optional(IsoDateTime),
    resumeAt: Type.Optional(Nullable(IsoDateTime)),
  },
  { additionalProperties: false },
);
export type NoticeBody = Static<typeof NoticeBody>;

/** A notice as its editors see it: every language, and whether it has ended. */
export const NoticeAdminDto = Type.Object({
  id: Uuid,
  channels: Type.Array(Type.String()),
  messageKk: Type.String(),
  messageRu: Type.String(),
  messageEn: Type.String(),
  alternativesKk: Type.String(),
  alternativesRu: Type.String(),
  alternativesEn: Type.String(),
  startsAt: IsoDateTime,
  resumeAt: Nullable(IsoDateTime),
  endedAt: Nullable(IsoDateTime),
});
export type NoticeAdminDto = Static<typeof NoticeAdminDto>;

export const ChatConfig = Type.Object({
  tenant: Type.Object({ code: Type.String(), name: Type.String() }),
  open: Type.Boolean(),
  /** Opening hours of the web-chat queues as lines such as "Mon–Fri 09:00–18:00", in the asked language. */
  hours: Type.Array(Type.String()),
  topics: Type.Array(ChatTopic),
  languages: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  notices: Type.Array(ServiceNoticeDto),
  limits: Type.Object({ messageMaxLength: Type.Integer(), attachmentMaxBytes: Type.Integer() }),
});
export type ChatConfig = Static<typeof ChatConfig>;

export const ChatConfigQuery = Type.Object(
  { tenant: Type.String({ minLength: 1, maxLength: 40 }), locale: Type.Optional(Type.String({ maxLength: 5 })), lang: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const StartChatBody = Type.Object(
  {
    tenant: Type.String({ minLength: 1, maxLength: 40 }),
    locale: Literals(["kk", "ru", "en"]),
    language: Code,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    topicId: Type.Optional(Uuid),
    consent: Type.Boolean({ description: "Consent to the processing of personal data; must be true" }),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: CHAT_LIMITS.messageMaxLength })),
    clientMsgId: Type.Optional(ClientMsgId),
  },
  { additionalProperties: false },
);
export type StartChatBody = Static<typeof StartChatBody>;

export const StartChatResponse = Type.Object({
  contactId: Uuid,
  token: Type.String({ description: "Send as X-Chat-Token with every call about this chat; keep it in the page only" }),
});
export type StartChatResponse = Static<typeof StartChatResponse>;

/** What the citizen sees of their chat. */
export const ChatStatus = Type.Object({
  contactId: Uuid,
  state: ContactStateSchema,
  /** 1 = next; null once an operator answered. */
  position: Nullable(Type.Integer()),
  /** Expected wait in seconds from the recent pace of answers; null when unknown. */
  expectedWaitSeconds: Nullable(Type.Integer()),
  agentName: Nullable(Type.String()),
  lastSeq: Type.Integer(),
  agentReadSeq: Type.Integer(),
  callbackOffered: Type.Boolean(),
  callbackRequested: Type.Boolean(),
  surveyGiven: Type.Boolean(),
  notices: Type.Array(ServiceNoticeDto),
});
export type ChatStatus = Static<typeof ChatStatus>;

export const CallbackBody = Type.Object(
  { phone: Type.String({ minLength: 5, maxLength: 20 }) },
  { additionalProperties: false },
);

export const SurveyBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    solved: Type.Boolean(),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SurveyBody = Static<typeof SurveyBody>;

export const TranscriptBody = Type.Object({ email: Type.String({ minLength: 3, maxLength: 200 }) }, { additionalProperties: false });

// ---- WebSocket protocol ----------------------------------------------------------------------------------------
// Staff: GET /api/v1/ws (session cookie or bearer). Citizens: GET /api/v1/public/chat/ws, then a "hello" frame.
// Every durable item carries the contact's seq; a client resumes with "subscribe" since the last seq it has.

export type ClientFrame =
  | { type: "hello"; contactId: string; token: string; since: number }
  | { type: "subscribe"; contactId: string; since: number }
  | { type: "unsubscribe"; contactId: string }
  | { type: "typing"; contactId: string }
  | { type: "board" }
  | { type: "ping" };

export type ServerFrame =
  | { type: "ready" }
  | { type: "log"; contactId: string; entries: LogEntryDto[]; lastSeq: number }
  | { type: "typing"; contactId: string; who: "citizen" | "agent" }
  | { type: "receipt"; contactId: string; who: "citizen" | "agent"; delivered: number; read: number }
  | { type: "status"; status: ChatStatus }
  | { type: "agent"; snapshot: AgentSnapshot }
  | { type: "offer"; offer: OfferDto }
  | { type: "contact"; contact: ContactDto }
  | { type: "board"; board: BoardDto }
  | { type: "error"; code: string; message: string }
  | { type: "kb"; articleId: string | null; locale: string | null; title: string | null }
  | { type: "pong" };

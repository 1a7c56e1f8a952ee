import { Type, type Static } from "@sinclair/typebox";
import { ClockTime } from "./routing-admin.ts";
import { Nullable, Uuid } from "./shared.ts";

/** R12.2: the "waiting is free" notice may not repeat more often than once a minute. */
export const MIN_NOTICE_INTERVAL_SECONDS = 60;

const Locale = Type.Union([Type.Literal("kk"), Type.Literal("ru"), Type.Literal("en")]);
const Digit = Type.String({ pattern: "^[0-9*#]$" });
const NodeId = Type.String({ pattern: "^[a-z0-9_-]{1,40}$" });
const PromptKey = Type.String({ pattern: "^[a-z0-9_:.-]{1,60}$" });
const Seconds = (max: number) => Type.Integer({ minimum: 1, maximum: max });

/**
 * One node of a voice menu (`server/src/voice/ivr/ivr-menu.ts` is the runtime type). One object with the fields
 * of every kind rather than a union: the validator coerces types while it tries a union's branches, which would
 * turn a null prompt into "" on the way. Which fields a kind needs is checked by the server with the node named.
 */
export const IVR_NODE_KINDS = ["language", "menu", "info", "queue", "hangup"] as const;
export const IvrNodeSchema = Type.Object(
  {
    kind: Type.Union(IVR_NODE_KINDS.map((k) => Type.Literal(k))),
    prompt: Nullable(PromptKey),
    choices: Type.Optional(Type.Record(Digit, Type.String({ maxLength: 40 }), { description: "Digit → node id (menu) or language (language)" })),
    next: Type.Optional(NodeId),
    onFailure: Type.Optional(NodeId),
    timeoutSeconds: Type.Optional(Seconds(60)),
    retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
    queue: Type.Optional(Type.String({ maxLength: 40 })),
    topic: Type.Optional(Nullable(Type.String({ maxLength: 40, description: "Classifier code; null = the general queue" }))),
  },
  { additionalProperties: false },
);
export type IvrNodeDto = Static<typeof IvrNodeSchema>;

export const IvrMenuSchema = Type.Object(
  {
    start: NodeId,
    defaultLocale: Locale,
    nodes: Type.Record(NodeId, IvrNodeSchema),
    prompts: Type.Optional(Type.Record(PromptKey, Type.Object({ kk: Type.Optional(Type.String({ maxLength: 2000 })), ru: Type.Optional(Type.String({ maxLength: 2000 })), en: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }))),
    spokenInEveryLanguage: Type.Optional(Type.Array(PromptKey, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type IvrMenuDto = Static<typeof IvrMenuSchema>;

export const TrunkSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    allowedSources: Type.Array(Type.String({ pattern: "^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$" }), { minItems: 1, maxItems: 50, description: "IPv4 addresses or CIDR blocks" }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const VoiceSettingsBody = Type.Object(
  {
    menu: IvrMenuSchema,
    noticeIntervalSeconds: Type.Integer({ minimum: 1, maximum: 3600, description: "At least 60 (R12.2)" }),
    waitingFree: Type.Boolean(),
    shortAbandonSeconds: Type.Integer({ minimum: 0, maximum: 120 }),
    recordCalls: Type.Boolean(),
    recordingRetentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    numbers: Type.Array(Type.String({ pattern: "^[0-9A-Za-z+*#._-]{1,32}$" }), { maxItems: 20, description: "Dialled numbers that reach this menu" }),
    trunks: Type.Array(TrunkSchema, { maxItems: 20 }),
    outboundTrunk: Nullable(Type.String({ pattern: "^\\d{1,3}(\\.\\d{1,3}){3}:\\d{1,5}$", description: "IPv4:port outbound calls go to; null: no outbound calls" })),
    outboundHours: Type.Record(Type.String({ pattern: "^[1-7]$" }), Nullable(Type.Tuple([ClockTime, ClockTime])), { description: "Calling hours per ISO weekday (R13.5); holidays closed" }),
    agreedSchedule: Type.Tuple([ClockTime, ClockTime], { description: "Within it a call may be placed at a time the citizen asked for (R13.5)" }),
  },
  { additionalProperties: false },
);
export type VoiceSettingsBody = Static<typeof VoiceSettingsBody>;
export const VoiceSettingsDto = VoiceSettingsBody;
export type VoiceSettingsDto = VoiceSettingsBody;

export const ExtensionDto = Type.Object({ extension: Type.String(), userId: Nullable(Uuid), userName: Nullable(Type.String()) });
export type ExtensionDto = Static<typeof ExtensionDto>;

export const ExtensionBody = Type.Object(
  {
    userId: Nullable(Uuid),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 100, description: "New SIP password (only its digest is kept)" })),
  },
  { additionalProperties: false },
);
export type ExtensionBody = Static<typeof ExtensionBody>;

export const PromptRecordingDto = Type.Object({ key: Type.String(), locale: Locale, durationMs: Type.Integer(), uploadedAt: Type.String() });
export type PromptRecordingDto = Static<typeof PromptRecordingDto>;

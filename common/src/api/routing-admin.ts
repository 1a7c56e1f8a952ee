import { Type, type Static } from "@sinclair/typebox";
import { RELAXABLE } from "../contacts.ts";
import { Code, Literals, LocalizedNames, Nullable, Uuid } from "./shared.ts";

/** "HH:MM", 00:00–24:00. */
export const ClockTime = Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$", examples: ["09:00"] });
/** Opening hours per ISO weekday "1" (Monday) … "7" (Sunday): [opens, closes] or null (closed). */
export const WeeklyHoursSchema = Type.Record(Type.String({ pattern: "^[1-7]$" }), Nullable(Type.Tuple([ClockTime, ClockTime])));

export const WideningStepSchema = Type.Object(
  { after: Type.Integer({ minimum: 1, maximum: 86400 }), relax: Literals(RELAXABLE) },
  { additionalProperties: false },
);

export const QueueBody = Type.Object(
  {
    code: Type.String({ pattern: "^[a-z0-9_-]{1,40}$" }),
    ...LocalizedNames,
    channels: Type.Array(Code, { minItems: 1, maxItems: 10 }),
    topicIds: Type.Array(Uuid, { maxItems: 200, description: "Classifier items served (with their children); empty = the general queue" }),
    minLevel: Type.Integer({ minimum: 1, maximum: 5 }),
    line: Type.Integer({ minimum: 1, maximum: 3 }),
    priority: Type.Integer({ minimum: -100, maximum: 100 }),
    offerTimeoutSeconds: Type.Integer({ minimum: 5, maximum: 300 }),
    wrapupSeconds: Type.Integer({ minimum: 0, maximum: 3600 }),
    serviceLevelSeconds: Type.Integer({ minimum: 1, maximum: 3600 }),
    widening: Type.Array(WideningStepSchema, { maxItems: 10 }),
    overflowQueueId: Nullable(Uuid),
    overflowAfterSeconds: Nullable(Type.Integer({ minimum: 1, maximum: 86400 })),
    callbackAfterSeconds: Nullable(Type.Integer({ minimum: 1, maximum: 86400 })),
    hours: WeeklyHoursSchema,
    openOnHolidays: Type.Boolean(),
    sort: Type.Integer({ minimum: 0, maximum: 10000 }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type QueueBody = Static<typeof QueueBody>;

export const QueueDto = Type.Composite([Type.Object({ id: Uuid }), QueueBody]);
export type QueueDto = Static<typeof QueueDto>;

export const AgentProfileBody = Type.Object(
  {
    languages: Type.Array(Code, { minItems: 1, maxItems: 10 }),
    line: Type.Integer({ minimum: 1, maximum: 3 }),
    channels: Type.Array(Type.Object({ channel: Code, capacity: Type.Integer({ minimum: 1, maximum: 20 }) }, { additionalProperties: false }), { maxItems: 10 }),
    skills: Type.Array(Type.Object({ topicId: Uuid, level: Type.Integer({ minimum: 1, maximum: 5 }) }, { additionalProperties: false }), { maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type AgentProfileBody = Static<typeof AgentProfileBody>;

/** A staff member who may handle contacts, with their routing profile (null until one is set). */
export const AgentProfileDto = Type.Object({
  userId: Uuid,
  login: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(Type.String()),
  active: Type.Boolean(),
  profile: Nullable(AgentProfileBody),
  state: Type.String(),
});
export type AgentProfileDto = Static<typeof AgentProfileDto>;

/** An item of a small coded list (wrap-up codes, not-ready reasons), edited as a whole list. */
export const CodedItem = Type.Object({ code: Code, ...LocalizedNames, active: Type.Boolean() }, { additionalProperties: false });
export type CodedItem = Static<typeof CodedItem>;
export const CodedListBody = Type.Object({ items: Type.Array(CodedItem, { maxItems: 200 }) }, { additionalProperties: false });
export type CodedListBody = Static<typeof CodedListBody>;

export const CannedReplyBody = Type.Object(
  {
    language: Code,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 4000 }),
    topicId: Nullable(Uuid),
    sort: Type.Integer({ minimum: 0, maximum: 10000 }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CannedReplyBody = Static<typeof CannedReplyBody>;
export const CannedReplyDto = Type.Composite([Type.Object({ id: Uuid }), CannedReplyBody]);
export type CannedReplyDto = Static<typeof CannedReplyDto>;

import { Type, type Static } from "@sinclair/typebox";
import { LOCALES } from "../locales.ts";
import { Code, IsoDateTime, Literals, LocalDate, LocaleSchema, Nullable, PageQuery, Uuid } from "./shared.ts";

export const APPEAL_FORMS = ["electronic", "oral", "paper", "video"] as const;
export const AppealForm = Literals(APPEAL_FORMS);
export const COMPLAINT_OUTCOMES = ["confirmed", "not_confirmed"] as const;
export const ComplaintOutcome = Literals(COMPLAINT_OUTCOMES);
export const ANSWER_CHARACTERS = ["explained", "satisfied", "refused"] as const;
export const AnswerCharacter = Literals(ANSWER_CHARACTERS);
export const APPEAL_QUEUES = ["all", "mine", "unit", "overdue", "due_soon", "routing"] as const;
export const AppealQueue = Literals(APPEAL_QUEUES);
export type AppealQueue = (typeof APPEAL_QUEUES)[number];

export const Phone = Type.String({ pattern: "^\\+7\\d{10}$", examples: ["+77011234567"] });
export const IinOrBin = Type.String({ pattern: "^\\d{12}$" });

export const CitizenInput = Type.Object(
  {
    kind: Type.Optional(Literals(["person", "organisation"])),
    iin: Type.Optional(Type.String({ maxLength: 20, description: "ИИН of a person or БИН of an organisation" })),
    fullName: Type.String({ minLength: 1, maxLength: 300 }),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    email: Type.Optional(Type.String({ maxLength: 200 })),
    preferredLanguage: Type.Optional(LocaleSchema),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    consent: Type.Optional(
      Type.Object(
        { given: Type.Boolean(), source: Type.Optional(Type.String({ maxLength: 60 })), givenAt: Type.Optional(IsoDateTime) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CitizenInput = Static<typeof CitizenInput>;

export const CreateAppealBody = Type.Object(
  {
    typeCode: Code,
    citizenId: Type.Optional(Uuid),
    citizen: Type.Optional(CitizenInput),
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    text: Type.String({ minLength: 1, maxLength: 20000 }),
    categoryId: Type.Optional(Uuid),
    criticalityCode: Type.Optional(Code),
    languageCode: Type.Optional(Code),
    form: Type.Optional(AppealForm),
    channelCode: Type.Optional(Code),
    bodyId: Type.Optional(Uuid),
    unitId: Type.Optional(Uuid),
    positionId: Type.Optional(Uuid),
    receivedAt: Type.Optional(IsoDateTime),
    contactId: Type.Optional(Type.String({ format: "uuid", description: "The conversation it is registered from (operator window)" })),
  },
  { additionalProperties: false },
);
export type CreateAppealBody = Static<typeof CreateAppealBody>;

export const NamedRef = Type.Object({ id: Type.String(), name: Type.String() });
export const CodedRef = Type.Object({ code: Type.String(), name: Type.String() });

export const CitizenDto = Type.Object({
  id: Uuid,
  kind: Type.String(),
  iin: Nullable(Type.String()),
  fullName: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  preferredLanguage: Type.String(),
  masked: Type.Boolean({ description: "True when the reader may not see personal data" }),
  consentGivenAt: Nullable(IsoDateTime),
  consentSource: Nullable(Type.String()),
});
export type CitizenDto = Static<typeof CitizenDto>;

export const StatusRef = Type.Object({ code: Type.String(), name: Type.String(), phase: Type.String(), color: Type.String() });

export const AppealListItem = Type.Object({
  id: Uuid,
  number: Type.String(),
  subject: Type.String(),
  type: CodedRef,
  kind: CodedRef,
  status: StatusRef,
  criticality: Type.Object({ code: Type.String(), name: Type.String(), rank: Type.Integer(), color: Type.String() }),
  channel: CodedRef,
  applicantName: Nullable(Type.String()),
  body: NamedRef,
  unit: Nullable(NamedRef),
  assignee: Nullable(NamedRef),
  registeredAt: IsoDateTime,
  dueAt: IsoDateTime,
  overdue: Type.Boolean(),
  escalationLevel: Type.Integer(),
  closedAt: Nullable(IsoDateTime),
});
export type AppealListItem = Static<typeof AppealListItem>;

export const AppealListQuery = Type.Object(
  {
    queue: Type.Optional(AppealQueue),
    status: Type.Optional(Code),
    typeCode: Type.Optional(Code),
    kindCode: Type.Optional(Code),
    criticalityCode: Type.Optional(Code),
    channelCode: Type.Optional(Code),
    bodyId: Type.Optional(Uuid),
    unitId: Type.Optional(Uuid),
    citizenId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100, description: "Registration number or words of the subject" })),
    registeredFrom: Type.Optional(LocalDate),
    registeredTo: Type.Optional(LocalDate),
    dueWithinHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 60 })),
    lang: Type.Optional(Type.String()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AppealListQuery = Static<typeof AppealListQuery>;

export const AppealEventDto = Type.Object({
  id: Type.Integer(),
  at: IsoDateTime,
  kind: Type.String(),
  actorName: Nullable(Type.String()),
  fromStatus: Nullable(StatusRef),
  toStatus: Nullable(StatusRef),
  reason: Nullable(Type.String()),
  clientMessage: Nullable(Type.String()),
  clientVisible: Type.Boolean(),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AppealEventDto = Static<typeof AppealEventDto>;

export const ForwardDto = Type.Object({
  id: Uuid,
  scope: Type.String(),
  partDescription: Nullable(Type.String()),
  toBody: Nullable(NamedRef),
  externalBodyName: Nullable(Type.String()),
  childAppeal: Nullable(Type.Object({ id: Uuid, number: Type.String(), status: StatusRef })),
  status: Type.String(),
  reason: Type.String(),
  forwardedAt: IsoDateTime,
  withinLimit: Type.Boolean(),
});
export type ForwardDto = Static<typeof ForwardDto>;

export const ExtensionDto = Type.Object({
  id: Uuid,
  previousDueAt: IsoDateTime,
  newDueAt: IsoDateTime,
  reason: Type.String(),
  actionPlan: Type.String(),
  approvedBy: Nullable(NamedRef),
  approvedAt: IsoDateTime,
});
export type ExtensionDto = Static<typeof ExtensionDto>;

export const AttachmentDto = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedAt: IsoDateTime,
});
export type AttachmentDto = Static<typeof AttachmentDto>;

export const TransitionOption = Type.Object({
  to: StatusRef,
  requiresReason: Type.Boolean(),
  requiresClientMessage: Type.Boolean(),
  requiresOutcome: Type.Boolean(),
});
export type TransitionOption = Static<typeof TransitionOption>;

export const AppealDto = Type.Object({
  ...AppealListItem.properties,
  text: Type.String(),
  form: Type.String(),
  language: CodedRef,
  category: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  position: Nullable(NamedRef),
  citizen: Nullable(CitizenDto),
  receivedAt: IsoDateTime,
  receivedBy: Nullable(Type.String()),
  term: Type.Integer(),
  termUnit: Type.String(),
  originalDueAt: IsoDateTime,
  forwardDueAt: IsoDateTime,
  parent: Nullable(Type.Object({ id: Uuid, number: Type.String() })),
  duplicateOf: Nullable(Type.Object({ id: Uuid, number: Type.String() })),
  outcome: Nullable(Type.String()),
  answerCharacter: Nullable(Type.String()),
  answerText: Nullable(Type.String()),
  version: Type.Integer(),
  events: Type.Array(AppealEventDto),
  forwards: Type.Array(ForwardDto),
  extensions: Type.Array(ExtensionDto),
  attachments: Type.Array(AttachmentDto),
  transitions: Type.Array(TransitionOption),
  extensionLimitDate: LocalDate,
});
export type AppealDto = Static<typeof AppealDto>;

export const AppealPage = Type.Object({ items: Type.Array(AppealListItem), nextCursor: Nullable(Type.String()) });
export type AppealPage = Static<typeof AppealPage>;

const Version = Type.Optional(Type.Integer({ minimum: 1, description: "The version the client saw; a newer one on the server fails with CONFLICT" }));
const Reason = Type.String({ minLength: 1, maxLength: 4000 });
const Message = Type.String({ minLength: 1, maxLength: 20000 });

export const TransitionBody = Type.Object(
  {
    to: Code,
    reason: Type.Optional(Reason),
    clientMessage: Type.Optional(Message),
    outcome: Type.Optional(ComplaintOutcome),
    answerCharacter: Type.Optional(AnswerCharacter),
    version: Version,
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const AssignBody = Type.Object(
  { unitId: Type.Optional(Nullable(Uuid)), positionId: Type.Optional(Nullable(Uuid)), assigneeId: Type.Optional(Nullable(Uuid)), version: Version },
  { additionalProperties: false },
);
export type AssignBody = Static<typeof AssignBody>;

export const ForwardBody = Type.Object(
  {
    scope: Literals(["whole", "part"]),
    toBodyId: Type.Optional(Uuid),
    externalBodyName: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    partDescription: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    reason: Reason,
    clientMessage: Type.Optional(Message),
    version: Version,
  },
  { additionalProperties: false },
);
export type ForwardBody = Static<typeof ForwardBody>;

export const FORWARD_STATUSES = ["sent", "accepted", "answered", "returned"] as const;
export const ForwardStatusBody = Type.Object(
  { status: Literals(FORWARD_STATUSES), note: Type.Optional(Reason) },
  { additionalProperties: false },
);
export type ForwardStatusBody = Static<typeof ForwardStatusBody>;

export const ExtendBody = Type.Object(
  { newDueDate: LocalDate, reason: Reason, actionPlan: Type.String({ minLength: 1, maxLength: 4000 }), version: Version },
  { additionalProperties: false },
);
export type ExtendBody = Static<typeof ExtendBody>;

export const WithdrawBody = Type.Object({ reason: Reason, version: Version }, { additionalProperties: false });
export type WithdrawBody = Static<typeof WithdrawBody>;

export const DuplicateBody = Type.Object(
  { duplicateOf: Type.String({ minLength: 1, maxLength: 60, description: "Id or registration number of the original appeal" }), reason: Reason, version: Version },
  { additionalProperties: false },
);
export type DuplicateBody = Static<typeof DuplicateBody>;

export const PublicAppealQuery = Type.Object(
  {
    iin: Type.Optional(Type.String({ maxLength: 20 })),
    phone: Type.Optional(Type.String({ maxLength: 20, description: "The last four digits of the applicant's phone" })),
    lang: Type.Optional(Literals(LOCALES)),
    tenant: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type PublicAppealQuery = Static<typeof PublicAppealQuery>;

export const PublicAppealDto = Type.Object({
  number: Type.String(),
  registeredAt: IsoDateTime,
  type: Type.String(),
  status: Type.Object({ code: Type.String(), name: Type.String(), phase: Type.String() }),
  dueAt: IsoDateTime,
  dueDate: LocalDate,
  body: Type.String(),
  unit: Nullable(Type.String()),
  position: Nullable(Type.String()),
  closed: Type.Boolean(),
  history: Type.Array(Type.Object({ at: IsoDateTime, status: Nullable(Type.String()), message: Nullable(Type.String()) })),
  forwards: Type.Array(
    Type.Object({
      to: Type.String(),
      scope: Type.String(),
      status: Type.String(),
      at: IsoDateTime,
      childNumber: Nullable(Type.String({ description: "Registration number of the appeal opened for the forwarded part" })),
    }),
  ),
});
export type PublicAppealDto = Static<typeof PublicAppealDto>;

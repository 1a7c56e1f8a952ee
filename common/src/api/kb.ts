import { Type, type Static } from "@sinclair/typebox";
import { IsoDateTime, Literals, LocalDate, LocaleSchema, Nullable, Uuid } from "./shared.ts";

/**
 * The knowledge base (D.kb, R10, R12.3, R22): articles as linked kk/ru/en translations with versions, the
 * official source each published version cites, offices with hours and addresses, search and its analytics.
 */

export const KB_AUDIENCES = ["internal", "public"] as const;
export type KbAudience = (typeof KB_AUDIENCES)[number];
export const KB_VERSION_STATES = ["draft", "review", "scheduled", "published", "superseded", "rejected"] as const;
export type KbVersionState = (typeof KB_VERSION_STATES)[number];
/** What an operator does with an article inside a contact (R10). */
export const KB_USE_KINDS = ["view", "sent", "answered"] as const;
/** A version becomes due for review this many days before its review date; the editors are reminded then. */
export const KB_REVIEW_REMINDER_DAYS = 14;
export const KB_TITLE_MAX = 300;
/**
 * A voice-menu prompt that reads the knowledge base (R12.3): `kb:<article code>` the service's description, fee
 * and term; `kb:<code>:offices` its offices with addresses and hours; `kb:<code>:documents` the documents needed.
 */
export const KB_PROMPT = /^kb:([a-z0-9][a-z0-9_.-]{0,79}?)(?::(offices|documents))?$/;
export const KB_BODY_MAX = 100_000;

const Time = Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$", examples: ["09:00"] });

export const OfficeHoursSchema = Type.Object(
  {
    day: Type.Integer({ minimum: 1, maximum: 7, description: "Monday = 1 … Sunday = 7" }),
    open: Time,
    close: Time,
    breakFrom: Type.Optional(Time),
    breakTo: Type.Optional(Time),
  },
  { additionalProperties: false },
);
export type OfficeHoursDto = Static<typeof OfficeHoursSchema>;

export const KbFactsSchema = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    documents: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 })),
    fee: Type.Optional(Type.String({ maxLength: 1000 })),
    term: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type KbFactsDto = Static<typeof KbFactsSchema>;

const OfficeFields = {
  bodyId: Type.Optional(Nullable(Uuid)),
  nameKk: Type.String({ minLength: 1, maxLength: 300 }),
  nameRu: Type.String({ minLength: 1, maxLength: 300 }),
  nameEn: Type.String({ minLength: 1, maxLength: 300 }),
  addressKk: Type.String({ minLength: 1, maxLength: 500 }),
  addressRu: Type.String({ minLength: 1, maxLength: 500 }),
  addressEn: Type.String({ minLength: 1, maxLength: 500 }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  hours: Type.Array(OfficeHoursSchema, { maxItems: 14 }),
  latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  active: Type.Optional(Type.Boolean()),
};
export const OfficeBody = Type.Object(OfficeFields, { additionalProperties: false });
export type OfficeBody = Static<typeof OfficeBody>;

export const OfficeDto = Type.Object({
  id: Uuid,
  bodyId: Nullable(Uuid),
  nameKk: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  addressKk: Type.String(),
  addressRu: Type.String(),
  addressEn: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  hours: Type.Array(OfficeHoursSchema),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  active: Type.Boolean(),
});
export type OfficeDto = Static<typeof OfficeDto>;

/** An office as a reader sees it, in the reader's language. */
export const OfficeViewDto = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  hours: Type.Array(OfficeHoursSchema),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
});
export type OfficeViewDto = Static<typeof OfficeViewDto>;

const SourceFields = {
  sourceTitle: Type.Optional(Type.String({ maxLength: 500, description: "The legal act or official document (R22.5)" })),
  sourceReference: Type.Optional(Type.String({ maxLength: 1000, description: "Its number, article or address" })),
  sourceDate: Type.Optional(Nullable(LocalDate)),
};

/** The editable text of one translation: what a draft holds. */
export const DraftBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: KB_TITLE_MAX }),
    body: Type.String({ maxLength: KB_BODY_MAX }),
    facts: Type.Optional(KbFactsSchema),
    ...SourceFields,
    validFrom: Type.Optional(Nullable(LocalDate)),
    reviewBy: Type.Optional(Nullable(LocalDate)),
    changeNote: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

const ArticleMetaFields = {
  categoryId: Type.Optional(Nullable(Uuid)),
  audience: Literals(KB_AUDIENCES),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 })),
  relatedIds: Type.Optional(Type.Array(Uuid, { maxItems: 30 })),
  officeIds: Type.Optional(Type.Array(Uuid, { maxItems: 200 })),
};

export const ArticleCreateBody = Type.Object(
  { code: Type.String({ pattern: "^[a-z0-9][a-z0-9_.-]{0,79}$" }), ...ArticleMetaFields, locale: LocaleSchema, draft: DraftBody },
  { additionalProperties: false },
);
export type ArticleCreateBody = Static<typeof ArticleCreateBody>;

export const ArticleMetaBody = Type.Object(ArticleMetaFields, { additionalProperties: false });
export type ArticleMetaBody = Static<typeof ArticleMetaBody>;

export const ReviewBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });

const Person = Type.Object({ id: Uuid, fullName: Type.String() });

/** What a version says, as both the editor and the reader see it. */
const TextFields = {
  title: Type.String(),
  body: Type.String(),
  facts: KbFactsSchema,
  sourceTitle: Type.String(),
  sourceReference: Type.String(),
  sourceDate: Nullable(Type.String()),
  validFrom: Nullable(Type.String()),
  reviewBy: Nullable(Type.String()),
};

export const VersionDto = Type.Object({
  id: Uuid,
  articleId: Uuid,
  locale: LocaleSchema,
  number: Type.Integer(),
  state: Literals(KB_VERSION_STATES),
  ...TextFields,
  changeNote: Type.String(),
  author: Person,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  submittedAt: Nullable(IsoDateTime),
  reviewer: Nullable(Person),
  reviewedAt: Nullable(IsoDateTime),
  reviewComment: Type.String(),
  publishedAt: Nullable(IsoDateTime),
});
export type VersionDto = Static<typeof VersionDto>;

export const VersionSummaryDto = Type.Object({
  id: Uuid,
  locale: LocaleSchema,
  number: Type.Integer(),
  state: Literals(KB_VERSION_STATES),
  title: Type.String(),
  author: Person,
  updatedAt: IsoDateTime,
  publishedAt: Nullable(IsoDateTime),
  changeNote: Type.String(),
  reviewer: Nullable(Person),
  reviewComment: Type.String(),
});
export type VersionSummaryDto = Static<typeof VersionSummaryDto>;

export const TranslationStateDto = Type.Object({
  locale: LocaleSchema,
  title: Type.String(),
  published: Nullable(Type.Object({ id: Uuid, number: Type.Integer(), reviewBy: Nullable(Type.String()), validFrom: Nullable(Type.String()), publishedAt: IsoDateTime })),
  open: Nullable(Type.Object({ id: Uuid, number: Type.Integer(), state: Literals(["draft", "review", "scheduled"] as const), validFrom: Nullable(Type.String()) })),
});
export type TranslationStateDto = Static<typeof TranslationStateDto>;

export const ArticleListItemDto = Type.Object({
  id: Uuid,
  code: Type.String(),
  categoryId: Nullable(Uuid),
  audience: Literals(KB_AUDIENCES),
  tags: Type.Array(Type.String()),
  translations: Type.Array(TranslationStateDto),
  updatedAt: IsoDateTime,
  archived: Type.Boolean(),
});
export type ArticleListItemDto = Static<typeof ArticleListItemDto>;

export const AttachmentInfoDto = Type.Object({ id: Uuid, fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() });

/**
 * Whether a document's text is searched with its article: the worker reads it after the upload (pending, reading),
 * then it is read (as written, or recognised from a scan or photo by OCR), or none (no text in it, or an old
 * .doc/.xls), or failed (damaged, encrypted).
 */
export const KB_DOCUMENT_TEXT_STATES = ["pending", "reading", "read", "none", "failed"] as const;
export type KbDocumentTextState = (typeof KB_DOCUMENT_TEXT_STATES)[number];
/** An attachment as its editors see it: with whether its text is searched, and whether it was recognised by OCR. */
export const EditorAttachmentDto = Type.Object({ ...AttachmentInfoDto.properties, textState: Literals(KB_DOCUMENT_TEXT_STATES), textRecognized: Type.Boolean() });
export type EditorAttachmentDto = Static<typeof EditorAttachmentDto>;
/** The text the search knows of a document: what its editor checks, above all when it was recognised from a scan. */
export const AttachmentTextDto = Type.Object({ ...EditorAttachmentDto.properties, text: Nullable(Type.String()) });
export type AttachmentTextDto = Static<typeof AttachmentTextDto>;

export const ArticleDto = Type.Object({
  ...ArticleListItemDto.properties,
  relatedIds: Type.Array(Uuid),
  officeIds: Type.Array(Uuid),
  versions: Type.Array(VersionSummaryDto),
  attachments: Type.Array(EditorAttachmentDto),
});
export type ArticleDto = Static<typeof ArticleDto>;

export const ArticleListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    state: Type.Optional(Literals(["review", "draft", "scheduled", "published", "due", "archived"] as const)),
    categoryId: Type.Optional(Uuid),
    audience: Type.Optional(Literals(KB_AUDIENCES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** A published article as it is read (by an operator, or by a citizen when it is public). */
export const ArticleViewDto = Type.Object({
  id: Uuid,
  code: Type.String(),
  locale: LocaleSchema,
  availableLocales: Type.Array(LocaleSchema),
  audience: Literals(KB_AUDIENCES),
  ...TextFields,
  publishedAt: IsoDateTime,
  version: Type.Integer(),
  category: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  tags: Type.Array(Type.String()),
  related: Type.Array(Type.Object({ id: Uuid, code: Type.String(), title: Type.String() })),
  offices: Type.Array(OfficeViewDto),
  attachments: Type.Array(AttachmentInfoDto),
});
export type ArticleViewDto = Static<typeof ArticleViewDto>;

export const DiffPartDto = Type.Object({ kind: Literals(["same", "added", "removed"] as const), text: Type.String() });
export type DiffPartDto = Static<typeof DiffPartDto>;
export const VersionDiffDto = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  title: Type.Array(DiffPartDto),
  body: Type.Array(DiffPartDto),
  facts: Type.Array(DiffPartDto),
  source: Type.Array(DiffPartDto),
});
export type VersionDiffDto = Static<typeof VersionDiffDto>;

// ---- search ---------------------------------------------------------------------------------------------------

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    lang: Type.Optional(Type.String()),
    categoryId: Type.Optional(Uuid),
    audience: Type.Optional(Literals(KB_AUDIENCES)),
    contactId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const SearchHitDto = Type.Object({
  articleId: Uuid,
  code: Type.String(),
  locale: LocaleSchema,
  title: Type.String(),
  snippet: Type.String(),
  /** Character ranges of the snippet that matched the query ([start, end)). */
  ranges: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()])),
  audience: Literals(KB_AUDIENCES),
  categoryId: Nullable(Uuid),
  score: Type.Number(),
});
export type SearchHitDto = Static<typeof SearchHitDto>;

export const SearchResultDto = Type.Object({
  items: Type.Array(SearchHitDto),
  /** The words the search used in place of ones no article has (typos), if any. */
  corrections: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
  searchId: Nullable(Uuid),
});
export type SearchResultDto = Static<typeof SearchResultDto>;

export const SuggestQuery = Type.Object({ contactId: Uuid, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })), lang: Type.Optional(Type.String()) }, { additionalProperties: false });

export const UseBody = Type.Object(
  { kind: Literals(KB_USE_KINDS), locale: LocaleSchema, contactId: Type.Optional(Nullable(Uuid)), searchId: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);

export const SendToContactBody = Type.Object(
  {
    articleId: Uuid,
    locale: LocaleSchema,
    /** Send only this fact instead of the article's summary and link. */
    fact: Type.Optional(Literals(["description", "documents", "fee", "term", "offices"] as const)),
  },
  { additionalProperties: false },
);

/** The portal's front page: topics with their number of public articles, and the most used articles. */
export const PortalHomeDto = Type.Object({
  categories: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), articles: Type.Integer() })),
  popular: Type.Array(Type.Object({ id: Uuid, code: Type.String(), title: Type.String(), locale: Type.String() })),
});
export type PortalHomeDto = Static<typeof PortalHomeDto>;

export const PublicFeedbackBody = Type.Object({ helpful: Type.Boolean(), locale: LocaleSchema }, { additionalProperties: false });

// ---- editors' tools -------------------------------------------------------------------------------------------

export const SynonymBody = Type.Object({ terms: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { minItems: 2, maxItems: 20 }) }, { additionalProperties: false });
export const SynonymDto = Type.Object({ id: Uuid, terms: Type.Array(Type.String()), createdAt: IsoDateTime });
export type SynonymDto = Static<typeof SynonymDto>;

export const GapDto = Type.Object({
  query: Type.String(),
  searches: Type.Integer(),
  /** Searches that found nothing. */
  empty: Type.Integer(),
  /** Searches in a contact that then became an appeal or was transferred, with no article marked as the answer. */
  escalated: Type.Integer(),
  lastAt: IsoDateTime,
});
export type GapDto = Static<typeof GapDto>;

export const ArticleStatsDto = Type.Object({
  articleId: Uuid,
  views: Type.Integer(),
  sent: Type.Integer(),
  answered: Type.Integer(),
  helpful: Type.Integer(),
  unhelpful: Type.Integer(),
  lastUsedAt: Nullable(IsoDateTime),
});
export type ArticleStatsDto = Static<typeof ArticleStatsDto>;

/** An import writes drafts of every row or nothing: problems come as VALIDATION_FAILED with `rows.N.column` fields. */
export const ImportResultDto = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
export type ImportResultDto = Static<typeof ImportResultDto>;

/** The staff socket's frame when a version is published: open workspaces refresh what they show (R22). */
export interface KbPublishedFrame {
  type: "kb";
  articleId: string;
  locale: string;
  title: string;
}

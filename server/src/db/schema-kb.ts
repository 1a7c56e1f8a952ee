import type { ColumnType, Generated } from "kysely";

/** Row types of the knowledge-base tables (migration 202612060001_knowledge_base.sql). */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** A calendar date as 'YYYY-MM-DD' (the database drivers keep dates as text). */
type LocalDate = string;

export interface OfficeHours {
  /** Monday = 1 … Sunday = 7. */
  day: number;
  open: string;
  close: string;
  breakFrom?: string;
  breakTo?: string;
}

export interface KbFacts {
  description?: string;
  documents?: string[];
  fee?: string;
  term?: string;
}

export interface KbOfficesTable {
  id: Generated<string>;
  tenant_id: string;
  body_id: string | null;
  name_kk: string;
  name_ru: string;
  name_en: string;
  address_kk: string;
  address_ru: string;
  address_en: string;
  phone: string | null;
  email: string | null;
  hours: Json<OfficeHours[]>;
  latitude: number | null;
  longitude: number | null;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface KbArticlesTable {
  id: Generated<string>;
  tenant_id: string;
  code: string;
  category_id: string | null;
  audience: "internal" | "public";
  tags: Generated<string[]>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  archived_at: NullableTimestamp;
}

export interface KbArticleLinksTable {
  tenant_id: string;
  article_id: string;
  related_id: string;
}

export interface KbArticleOfficesTable {
  tenant_id: string;
  article_id: string;
  office_id: string;
}

export type KbVersionState = "draft" | "review" | "published" | "superseded" | "rejected";

export interface KbVersionsTable {
  id: Generated<string>;
  tenant_id: string;
  article_id: string;
  locale: "kk" | "ru" | "en";
  number: number;
  state: KbVersionState;
  title: string;
  body: string;
  facts: Json<KbFacts>;
  source_title: Generated<string>;
  source_reference: Generated<string>;
  source_date: LocalDate | null;
  valid_from: LocalDate | null;
  review_by: LocalDate | null;
  change_note: Generated<string>;
  author_id: string;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  submitted_at: NullableTimestamp;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_comment: Generated<string>;
  published_at: NullableTimestamp;
  review_reminded_at: NullableTimestamp;
}

export interface KbDocumentsTable {
  article_id: string;
  locale: string;
  tenant_id: string;
  version_id: string;
  audience: string;
  category_id: string | null;
  title: string;
  plain_text: string;
  /** Written with SQL (to_tsvector); never read as a value. */
  search_vector: ColumnType<string, never, never>;
  title_vector: ColumnType<string, never, never>;
  published_at: ColumnType<Date, Date | string, Date | string>;
}

export interface KbLexiconTable {
  tenant_id: string;
  word: string;
  ru_stem: string;
  kk_stem: string;
}

export interface KbSynonymsTable {
  id: Generated<string>;
  tenant_id: string;
  terms: string[];
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface KbSearchesTable {
  id: Generated<string>;
  tenant_id: string;
  at: GeneratedTimestamp;
  audience: "staff" | "public";
  locale: string;
  query: string;
  normalized: string;
  results: number;
  user_id: string | null;
  contact_id: string | null;
}

export type KbUsageKind = "view" | "sent" | "answered" | "helpful" | "unhelpful";

export interface KbUsageTable {
  id: Generated<string>;
  tenant_id: string;
  article_id: string;
  locale: string;
  kind: KbUsageKind;
  contact_id: string | null;
  user_id: string | null;
  at: GeneratedTimestamp;
}

export interface KbAttachmentsTable {
  id: Generated<string>;
  tenant_id: string;
  article_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Uint8Array;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface KbTables {
  kb_offices: KbOfficesTable;
  kb_articles: KbArticlesTable;
  kb_article_links: KbArticleLinksTable;
  kb_article_offices: KbArticleOfficesTable;
  kb_versions: KbVersionsTable;
  kb_documents: KbDocumentsTable;
  kb_lexicon: KbLexiconTable;
  kb_synonyms: KbSynonymsTable;
  kb_searches: KbSearchesTable;
  kb_usage: KbUsageTable;
  kb_attachments: KbAttachmentsTable;
}

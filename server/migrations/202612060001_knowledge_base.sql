-- The unified knowledge base (issue 5; D.kb, R5.5, R10, R12.3, R22): articles as linked kk/ru/en translations,
-- each translation with its versions (draft → review → published), the official source every published version
-- cites (R22.5), a directory of offices with addresses, hours and coordinates, search documents, synonyms, and
-- the usage and search figures that tell editors what is missing.

-- Trigram similarity finds what was meant under a typo. A trusted extension: a database owner may create it.
create extension if not exists pg_trgm;

-- Offices where citizens are served: the facts behind "working hours and branch addresses" (R12.3).
create table kb_offices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  body_id uuid,
  name_kk text not null check (name_kk <> ''),
  name_ru text not null check (name_ru <> ''),
  name_en text not null check (name_en <> ''),
  address_kk text not null check (address_kk <> ''),
  address_ru text not null check (address_ru <> ''),
  address_en text not null check (address_en <> ''),
  phone text,
  email text,
  -- [{"day": 1..7 (Monday = 1), "open": "09:00", "close": "18:30", "breakFrom"?: "13:00", "breakTo"?: "14:00"}]
  hours jsonb not null default '[]',
  latitude numeric(8, 6) check (latitude between -90 and 90),
  longitude numeric(9, 6) check (longitude between -180 and 180),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, body_id) references bodies (tenant_id, id)
);

-- An article is what its translations have in common: the category from the service classifier, who may read it
-- (operators only, or everyone), tags, related articles and offices.
create table kb_articles (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  code text not null check (code ~ '^[a-z0-9][a-z0-9_.-]{0,79}$'),
  category_id uuid,
  audience text not null check (audience in ('internal', 'public')),
  tags text[] not null default '{}',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (tenant_id, code),
  unique (tenant_id, id),
  foreign key (tenant_id, category_id) references classifier_items (tenant_id, id)
);
create index kb_articles_category_idx on kb_articles (tenant_id, category_id);

create table kb_article_links (
  tenant_id uuid not null,
  article_id uuid not null,
  related_id uuid not null check (related_id <> article_id),
  primary key (article_id, related_id),
  foreign key (tenant_id, article_id) references kb_articles (tenant_id, id) on delete cascade,
  foreign key (tenant_id, related_id) references kb_articles (tenant_id, id) on delete cascade
);

create table kb_article_offices (
  tenant_id uuid not null,
  article_id uuid not null,
  office_id uuid not null,
  primary key (article_id, office_id),
  foreign key (tenant_id, article_id) references kb_articles (tenant_id, id) on delete cascade,
  foreign key (tenant_id, office_id) references kb_offices (tenant_id, id) on delete cascade
);

-- Every version of one translation. A draft is edited in place; submitting it for review freezes it; the approver
-- publishes it (the previous published version becomes superseded) or sends it back with a comment. R22.5: a
-- version under review or published cites the legal act or official document it rests on.
create table kb_versions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  article_id uuid not null,
  locale text not null check (locale in ('kk', 'ru', 'en')),
  number integer not null check (number > 0),
  state text not null check (state in ('draft', 'review', 'published', 'superseded', 'rejected')),
  title text not null check (title <> ''),
  -- Markdown (GFM: tables, links); the web renders it without raw HTML.
  body text not null,
  -- Structured facts a script or the voice menu can use: {"description", "documents": [], "fee", "term"}.
  facts jsonb not null default '{}',
  source_title text not null default '',
  source_reference text not null default '',
  source_date date,
  valid_from date,
  review_by date,
  change_note text not null default '',
  author_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  review_comment text not null default '',
  published_at timestamptz,
  -- The staff reminder that the review date is near went out (once per version).
  review_reminded_at timestamptz,
  unique (article_id, locale, number),
  unique (tenant_id, id),
  foreign key (tenant_id, article_id) references kb_articles (tenant_id, id),
  check (state in ('draft', 'rejected') or (source_title <> '' and source_reference <> '')),
  check (review_by is null or valid_from is null or review_by > valid_from)
);
-- One published and at most one open (draft or under review) version per translation.
create unique index kb_versions_published_idx on kb_versions (article_id, locale) where state = 'published';
create unique index kb_versions_open_idx on kb_versions (article_id, locale) where state in ('draft', 'review');
create index kb_versions_review_idx on kb_versions (tenant_id, state, submitted_at) where state = 'review';
create index kb_versions_due_idx on kb_versions (review_by) where state = 'published';

-- What search reads: one row per published translation, rewritten when a version is published. Russian text is
-- stemmed by PostgreSQL's Snowball configuration; Kazakh, which PostgreSQL has no stemmer for, by
-- common/src/kb/kazakh-stemmer.ts before it is stored with the 'simple' configuration.
create table kb_documents (
  article_id uuid not null,
  locale text not null,
  tenant_id uuid not null,
  version_id uuid not null,
  audience text not null,
  category_id uuid,
  title text not null,
  plain_text text not null,
  search_vector tsvector not null,
  -- The title alone: a common word matches thousands of texts, and ranking every one of them costs more than a
  -- search may; titles that match are always ranked, other texts up to a bound (kb-search.service.ts).
  title_vector tsvector not null,
  published_at timestamptz not null,
  primary key (article_id, locale),
  foreign key (tenant_id, article_id) references kb_articles (tenant_id, id) on delete cascade,
  foreign key (tenant_id, version_id) references kb_versions (tenant_id, id)
);
create index kb_documents_search_idx on kb_documents using gin (search_vector);
create index kb_documents_title_idx on kb_documents using gin (title_vector);
create index kb_documents_title_trgm_idx on kb_documents using gin (title gin_trgm_ops);
create index kb_documents_tenant_idx on kb_documents (tenant_id, audience, category_id);

-- The words of published texts, for typo tolerance: a query word that no text has is replaced by the nearest
-- words that some text has (trigram similarity), as the PostgreSQL documentation suggests for spelling.
-- A word counts as known when some text has a word of the same stem (Russian by Snowball, Kazakh by ours), so
-- that only words no text has in any form are corrected.
create table kb_lexicon (
  tenant_id uuid not null references tenants (id),
  word text not null,
  ru_stem text not null,
  kk_stem text not null,
  primary key (tenant_id, word)
);
create index kb_lexicon_trgm_idx on kb_lexicon using gin (word gin_trgm_ops);
create index kb_lexicon_ru_idx on kb_lexicon (tenant_id, ru_stem);
create index kb_lexicon_kk_idx on kb_lexicon (tenant_id, kk_stem);

-- Words that mean the same to a citizen ("пенсия", "зейнетақы", "пенсионное обеспечение"), edited by editors.
create table kb_synonyms (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  terms text[] not null check (cardinality(terms) between 2 and 20),
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index kb_synonyms_tenant_idx on kb_synonyms (tenant_id);

-- Searches, for the editors' gap list (R10). The query is stored with personal data masked (runs of digits,
-- e-mail addresses); staff searches name the contact they were made in, so a search followed by an appeal or a
-- transfer shows as a gap too.
create table kb_searches (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  at timestamptz not null default now(),
  audience text not null check (audience in ('staff', 'public')),
  locale text not null,
  query text not null,
  normalized text not null,
  results integer not null,
  user_id uuid references users (id),
  contact_id uuid,
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
create index kb_searches_tenant_idx on kb_searches (tenant_id, at desc);
create index kb_searches_contact_idx on kb_searches (contact_id) where contact_id is not null;

-- How articles were used (R10): opened, sent to a citizen, "this answered it" (linked to the contact), and the
-- public portal's helpful / not helpful votes.
create table kb_usage (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  article_id uuid not null,
  locale text not null,
  kind text not null check (kind in ('view', 'sent', 'answered', 'helpful', 'unhelpful')),
  contact_id uuid,
  user_id uuid references users (id),
  at timestamptz not null default now(),
  foreign key (tenant_id, article_id) references kb_articles (tenant_id, id) on delete cascade,
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
create index kb_usage_article_idx on kb_usage (article_id, kind);
create index kb_usage_tenant_idx on kb_usage (tenant_id, at desc);
-- "This answered it" once per contact and article.
create unique index kb_usage_answered_idx on kb_usage (contact_id, article_id) where kind = 'answered';

create table kb_attachments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  article_id uuid not null,
  file_name text not null check (file_name <> ''),
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  content bytea not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, article_id) references kb_articles (tenant_id, id) on delete cascade
);
create index kb_attachments_article_idx on kb_attachments (article_id);

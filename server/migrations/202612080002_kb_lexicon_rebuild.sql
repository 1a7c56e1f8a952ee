-- The typo check's lexicon only grows as versions are published: the words of a superseded version or an archived
-- article stay, and the words known before 202612070002 count as both Kazakh and Russian. A tenant whose texts
-- lost words is marked stale here, and the worker rebuilds its lexicon from what is published (kb-lexicon.ts).
-- Every tenant with a lexicon starts stale, which rebuilds the rows of before 202612070002 with their languages.
create table kb_lexicon_state (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  stale_since timestamptz,
  rebuilt_at timestamptz
);
insert into kb_lexicon_state (tenant_id, stale_since) select distinct tenant_id, now() from kb_lexicon;
create index kb_lexicon_state_stale_idx on kb_lexicon_state (stale_since) where stale_since is not null;

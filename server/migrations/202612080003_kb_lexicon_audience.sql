-- Whether a lexicon word is in a public article's text. A citizen's typo is corrected only to words of public
-- texts: "did you mean" must not show a citizen a word that only an internal script has. Words already known
-- count as public until the worker rebuilds the lexicon, which every tenant's is marked for here.
alter table kb_lexicon add column in_public boolean not null default true;
insert into kb_lexicon_state (tenant_id, stale_since) select distinct tenant_id, now() from kb_lexicon
  on conflict (tenant_id) do update set stale_since = now();

-- Kazakh typed without Kazakh letters ("комеги" for «көмегі», "уй" for «үй»), as on a keyboard with only the
-- Russian layout: every lexicon word that has a Kazakh letter is also kept with those letters folded to the
-- Russian ones people type instead, so the search can tell which real word was meant.
alter table kb_lexicon add column folded text generated always as (translate(word, 'әғқңөұүһі', 'агкноуухи')) stored;
create index kb_lexicon_folded_idx on kb_lexicon (tenant_id, folded) where folded <> word;

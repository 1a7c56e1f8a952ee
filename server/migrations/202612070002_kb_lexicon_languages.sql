-- Which languages' texts a lexicon word comes from. A Kazakh word run through the Russian stemmer gives a
-- meaningless stem that may equal a real Russian one (and the reverse), so the typo check compares Russian stems
-- only among words of Russian or English texts and Kazakh stems only among words of Kazakh texts. Words already
-- in the lexicon count as both, as before; republishing cannot narrow them.
alter table kb_lexicon add column in_kk boolean not null default true;
alter table kb_lexicon add column in_other boolean not null default true;

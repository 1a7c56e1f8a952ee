-- An approved version whose "valid from" date is still ahead waits as 'scheduled' and is published by the worker
-- on that date (Asia/Almaty), so an article about a rule that takes effect next month can be approved now and
-- citizens still read the rule in force until then. While scheduled it is the translation's open version: a new
-- draft waits until it is published or withdrawn.
alter table kb_versions drop constraint kb_versions_state_check;
alter table kb_versions add constraint kb_versions_state_check check (state in ('draft', 'review', 'scheduled', 'published', 'superseded', 'rejected'));
drop index kb_versions_open_idx;
create unique index kb_versions_open_idx on kb_versions (article_id, locale) where state in ('draft', 'review', 'scheduled');
create index kb_versions_scheduled_idx on kb_versions (valid_from) where state = 'scheduled';

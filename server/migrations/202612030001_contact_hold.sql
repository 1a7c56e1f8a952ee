-- Hold (R5.4: the time of every state). `held_at` is when the current hold began (null when not on hold); the
-- total time on hold and the number of holds are kept on the contact so that handling-time reports need not
-- replay the log.
alter table contacts
  add column hold_seconds integer not null default 0 check (hold_seconds >= 0),
  add column hold_count integer not null default 0 check (hold_count >= 0);

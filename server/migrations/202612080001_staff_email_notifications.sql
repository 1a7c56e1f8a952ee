-- Staff notifications (appeal escalations, knowledge review reminders) also reach each staff member of the
-- addressed roles who has an e-mail address, as an e-mail of their own in their own language. The row addressed
-- to the roles stays as the centre's record of what was due; each e-mail row names its recipient, whose current
-- address is read when it is sent.
alter table notification_outbox add column recipient_user_id uuid references users (id) on delete cascade;

-- A staff member's choice to receive staff notifications (escalations, knowledge review reminders) by e-mail,
-- made on their own account page; on by default, as before this column.
alter table users add column email_notifications boolean not null default true;

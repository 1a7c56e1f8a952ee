-- The contact engine: queues, operators' routing profiles, contacts with their ordered log, offers, and the
-- reference lists operators pick from (wrap-up codes, not-ready reasons, canned replies, interruption notices).

-- Queues ---------------------------------------------------------------------------------------------------------

create table contact_queues (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  code text not null check (code ~ '^[a-z0-9_-]{1,40}$'),
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  -- Channels whose contacts this queue takes; topics (classifier items, with their children) it serves.
  channels text[] not null default '{web_chat}',
  topic_ids uuid[] not null default '{}',
  -- Required skill level on the contact's topic, and the line (1st, 2nd) an operator must be on.
  min_level integer not null default 1 check (min_level between 1 and 5),
  line integer not null default 1 check (line between 1 and 3),
  priority integer not null default 0 check (priority between -100 and 100),
  offer_timeout_seconds integer not null default 20 check (offer_timeout_seconds between 5 and 300),
  wrapup_seconds integer not null default 60 check (wrapup_seconds between 0 and 3600),
  service_level_seconds integer not null default 30 check (service_level_seconds between 1 and 3600),
  -- Steps that relax the requirements while a contact waits: [{"after": seconds, "relax": "level|topic|language"}].
  widening jsonb not null default '[]',
  overflow_queue_id uuid,
  overflow_after_seconds integer check (overflow_after_seconds between 1 and 86400),
  callback_after_seconds integer check (callback_after_seconds between 1 and 86400),
  -- Opening hours per ISO weekday {"1": ["09:00", "18:00"], …}; a missing day is closed. Holidays of the
  -- tenant's calendar are closed unless open_on_holidays.
  hours jsonb not null default '{}',
  open_on_holidays boolean not null default false,
  sort integer not null default 0,
  active boolean not null default true,
  unique (tenant_id, code),
  unique (tenant_id, id),
  foreign key (tenant_id, overflow_queue_id) references contact_queues (tenant_id, id)
);

-- Operators' routing profiles -------------------------------------------------------------------------------------

create table agents (
  user_id uuid primary key,
  tenant_id uuid not null,
  languages text[] not null default '{ru}',
  line integer not null default 1 check (line between 1 and 3),
  state text not null default 'offline' check (state in ('offline', 'ready', 'not_ready')),
  reason_code text,
  state_since timestamptz not null default now(),
  -- When the operator last had nothing to do: the longest-idle competent operator is offered first.
  idle_since timestamptz not null default now(),
  last_seen_at timestamptz,
  unique (tenant_id, user_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index agents_ready_idx on agents (tenant_id, idle_since) where state = 'ready';

create table agent_skills (
  tenant_id uuid not null,
  user_id uuid not null,
  topic_id uuid not null,
  level integer not null check (level between 1 and 5),
  primary key (user_id, topic_id),
  foreign key (tenant_id, user_id) references agents (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, topic_id) references classifier_items (tenant_id, id)
);

create table agent_channels (
  tenant_id uuid not null,
  user_id uuid not null,
  channel text not null,
  capacity integer not null check (capacity between 1 and 20),
  primary key (user_id, channel),
  foreign key (tenant_id, user_id) references agents (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, channel) references channels (tenant_id, code)
);

-- Reference lists ---------------------------------------------------------------------------------------------------

create table wrapup_codes (
  tenant_id uuid not null references tenants (id),
  code text not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  sort integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code)
);

create table not_ready_reasons (
  tenant_id uuid not null references tenants (id),
  code text not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  sort integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code)
);

create table canned_replies (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  language text not null,
  title text not null,
  body text not null,
  topic_id uuid,
  sort integer not null default 0,
  active boolean not null default true,
  foreign key (tenant_id, topic_id) references classifier_items (tenant_id, id)
);
create index canned_replies_tenant_idx on canned_replies (tenant_id, language, sort);

-- R34: an interruption of service is announced wherever citizens contact the centre, with alternatives and the
-- expected time of resumption.
create table service_notices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  channels text[] not null default '{}',
  message_kk text not null,
  message_ru text not null,
  message_en text not null,
  alternatives_kk text not null default '',
  alternatives_ru text not null default '',
  alternatives_en text not null default '',
  starts_at timestamptz not null default now(),
  resume_at timestamptz,
  ended_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now()
);
create index service_notices_active_idx on service_notices (tenant_id, starts_at) where ended_at is null;

-- Contacts --------------------------------------------------------------------------------------------------------

-- No separate foreign key to tenants: the channel's composite key pins the tenant (one check fewer per row).
create table contacts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  channel text not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  state text not null check (state in ('queued', 'offered', 'active', 'held', 'wrapup', 'closed', 'abandoned')),
  queue_id uuid,
  original_queue_id uuid,
  topic_id uuid,
  -- The topic and its ancestors: an operator skilled in a parent topic is competent for its children.
  topic_path uuid[] not null default '{}',
  language text not null,
  -- The language of what the citizen reads (system messages, transcript): kk, ru or en.
  locale text not null default 'ru' check (locale in ('kk', 'ru', 'en')),
  priority integer not null default 0,
  criticality_code text,
  -- Requirements relaxed so far while waiting ('level', 'topic', 'language'), and how many widening steps ran.
  relaxed text[] not null default '{}',
  widen_step integer not null default 0,
  -- When the routing sweep must look at this waiting contact again (next widening, overflow or callback offer).
  next_review_at timestamptz,
  citizen_id uuid,
  visitor_name text,
  visitor_phone text,
  visitor_email text,
  visitor_address text,
  agent_id uuid,
  -- Every state's time (R5.4); the full history is in contact_log.
  arrived_at timestamptz not null default now(),
  queued_at timestamptz,
  offered_at timestamptz,
  answered_at timestamptz,
  held_at timestamptz,
  transferred_at timestamptz,
  ended_at timestamptz,
  wrapup_deadline timestamptz,
  wrapup_done_at timestamptz,
  ended_by text check (ended_by in ('citizen', 'agent', 'system')),
  outcome text check (outcome in ('answered', 'abandoned', 'callback', 'transferred_out', 'out_of_hours')),
  wrapup_code text,
  wrapup_note text,
  resolved_first_contact boolean,
  callback_offered_at timestamptz,
  callback_phone text,
  callback_contact_id uuid,
  -- The citizen's secret for this conversation (web chat), stored as a SHA-256 hash.
  access_token_hash text,
  -- Last sign of life from the citizen's side (web chat): a waiting chat nobody watches is abandoned.
  citizen_seen_at timestamptz,
  last_seq integer not null default 0,
  citizen_delivered_seq integer not null default 0,
  citizen_read_seq integer not null default 0,
  agent_read_seq integer not null default 0,
  survey_rating integer check (survey_rating between 1 and 5),
  survey_solved boolean,
  survey_comment text,
  survey_at timestamptz,
  verified_at timestamptz,
  verified_by uuid,
  verified_method text,
  unique (tenant_id, id),
  foreign key (tenant_id, queue_id) references contact_queues (tenant_id, id),
  foreign key (tenant_id, original_queue_id) references contact_queues (tenant_id, id),
  foreign key (tenant_id, topic_id) references classifier_items (tenant_id, id),
  foreign key (tenant_id, citizen_id) references citizens (tenant_id, id),
  foreign key (tenant_id, agent_id) references users (tenant_id, id),
  foreign key (tenant_id, channel) references channels (tenant_id, code),
  foreign key (tenant_id, language) references languages (tenant_id, code)
);
-- Waiting contacts in routing order; an operator's load per channel; a citizen's timeline.
create index contacts_waiting_idx on contacts (tenant_id, priority desc, queued_at) where state = 'queued';
create index contacts_agent_load_idx on contacts (agent_id, channel) where state in ('offered', 'active', 'held', 'wrapup');
create index contacts_citizen_idx on contacts (citizen_id, arrived_at desc) where citizen_id is not null;
create index contacts_tenant_arrived_idx on contacts (tenant_id, arrived_at desc);
create index contacts_review_idx on contacts (next_review_at) where state = 'queued';
create index contacts_wrapup_idx on contacts (wrapup_deadline) where state = 'wrapup';

-- A citizen writing in chat is matched to their record by phone or e-mail.
create index citizens_email_idx on citizens (tenant_id, email);

-- One ordered log per contact: messages, state changes, transfers, notes. The sequence number makes a
-- reconnecting client's "since N" exact; client_msg_id makes a resent message land once.
create table contact_log (
  contact_id uuid not null,
  seq integer not null,
  tenant_id uuid not null,
  kind text not null check (kind in ('message', 'event', 'note')),
  event text,
  author_kind text not null check (author_kind in ('citizen', 'agent', 'system')),
  author_id uuid,
  body text,
  attachment_id uuid,
  client_msg_id text,
  staff_only boolean not null default false,
  data jsonb not null default '{}',
  delivery_state text check (delivery_state in ('pending', 'sent', 'delivered', 'read', 'failed')),
  created_at timestamptz not null default now(),
  primary key (contact_id, seq),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
create unique index contact_log_client_msg_idx on contact_log (contact_id, client_msg_id) where client_msg_id is not null;

create table contact_attachments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  contact_id uuid not null,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by_kind text not null check (uploaded_by_kind in ('citizen', 'agent')),
  uploaded_by uuid,
  uploaded_at timestamptz not null default now(),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
create index contact_attachments_contact_idx on contact_attachments (contact_id);

-- An offer of a contact to one operator. The partial unique index is the guarantee that a contact is never
-- offered to two operators at once, whatever the number of dispatching processes.
create table contact_offers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  contact_id uuid not null,
  agent_id uuid not null,
  state text not null default 'pending' check (state in ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
  offered_at timestamptz not null default now(),
  expires_at timestamptz not null,
  decided_at timestamptz,
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, agent_id) references users (tenant_id, id)
);
create unique index contact_offers_one_pending_idx on contact_offers (contact_id) where state = 'pending';
create index contact_offers_expiry_idx on contact_offers (expires_at) where state = 'pending';
create index contact_offers_agent_idx on contact_offers (agent_id) where state = 'pending';
create index contact_offers_contact_idx on contact_offers (contact_id, agent_id);

create table contact_appeals (
  tenant_id uuid not null,
  contact_id uuid not null,
  appeal_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (contact_id, appeal_id),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, appeal_id) references appeals (tenant_id, id)
);
create index contact_appeals_appeal_idx on contact_appeals (appeal_id);

-- Defaults for the centres that exist already; new tenants get them from the reference defaults.
insert into wrapup_codes (tenant_id, code, name_kk, name_ru, name_en, sort)
select t.id, v.code, v.kk, v.ru, v.en, v.sort
from tenants t
cross join (values
  ('consultation', 'Кеңес берілді', 'Консультация', 'Consultation given', 1),
  ('appeal_registered', 'Өтініш тіркелді', 'Зарегистрировано обращение', 'Appeal registered', 2),
  ('redirected', 'Басқа органға бағытталды', 'Перенаправлен в другой орган', 'Redirected to another body', 3),
  ('no_response', 'Азамат жауап бермеді', 'Гражданин не ответил', 'Citizen did not respond', 4),
  ('not_our_topic', 'Құзыретке жатпайды', 'Вне компетенции', 'Outside our competence', 5),
  ('auto', 'Уақыт бітті', 'Истекло время', 'Timed out', 99)
) as v (code, kk, ru, en, sort);

insert into not_ready_reasons (tenant_id, code, name_kk, name_ru, name_en, sort)
select t.id, v.code, v.kk, v.ru, v.en, v.sort
from tenants t
cross join (values
  ('break', 'Үзіліс', 'Перерыв', 'Break', 1),
  ('lunch', 'Түскі ас', 'Обед', 'Lunch', 2),
  ('training', 'Оқу', 'Обучение', 'Training', 3),
  ('meeting', 'Жиналыс', 'Совещание', 'Meeting', 4),
  ('back_office', 'Өтініштермен жұмыс', 'Работа с обращениями', 'Back-office work', 5),
  ('missed_offer', 'Ұсыныс қабылданбады', 'Пропущено предложение', 'Missed an offer', 98)
) as v (code, kk, ru, en, sort);

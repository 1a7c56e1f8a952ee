-- Foundation: tenancy, people, access, audit, reference data, calendar, citizens, appeals, timers, outbox.
-- Every business row carries tenant_id; foreign keys include tenant_id so that a row can only point at rows of
-- its own tenant, whatever the code does.

create table tenants (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  number_prefix text not null,
  settings jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create table bodies (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  bin text check (bin ~ '^[0-9]{12}$'),
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  is_external boolean not null default false,
  email text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (tenant_id, id)
);

create table units (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  body_id uuid not null,
  parent_id uuid,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  active boolean not null default true,
  unique (tenant_id, id),
  foreign key (tenant_id, body_id) references bodies (tenant_id, id),
  foreign key (tenant_id, parent_id) references units (tenant_id, id)
);

create table positions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  unit_id uuid not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  active boolean not null default true,
  unique (tenant_id, id),
  foreign key (tenant_id, unit_id) references units (tenant_id, id)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  login text not null,
  full_name text not null,
  email text,
  roles text[] not null,
  locale text not null default 'ru',
  body_id uuid,
  unit_id uuid,
  position_id uuid,
  password_hash text,
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, body_id) references bodies (tenant_id, id),
  foreign key (tenant_id, unit_id) references units (tenant_id, id),
  foreign key (tenant_id, position_id) references positions (tenant_id, id)
);
create unique index users_login_key on users (lower(login));

create table sessions (
  id text primary key, -- sha-256 of the token; the token itself is never stored
  tenant_id uuid not null references tenants (id),
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text,
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  user_id uuid not null,
  name text not null,
  token_hash text not null unique,
  token_prefix text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);

-- Audit log: append-only. Rows are written inside the business transaction without a hash so that writers do
-- not serialise on a chain lock; the worker seals them in commit order into a per-tenant hash chain
-- (chain_seq, prev_hash, hash). The trigger forbids deleting rows and changing anything but the one-time seal.
create table audit_log (
  id bigint generated always as identity primary key,
  tenant_id uuid references tenants (id),
  at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  actor_login text,
  actor_kind text not null check (actor_kind in ('user', 'token', 'citizen', 'system', 'anonymous')),
  action text not null,
  entity text,
  entity_id text,
  ip text,
  user_agent text,
  request_id text,
  details jsonb not null default '{}',
  chain text not null,
  chain_seq bigint,
  prev_hash text,
  hash text
);
-- Partial: rows enter unsealed (no seq), so the insert pays for no entry here; sealing adds it.
create unique index audit_log_chain_seq_key on audit_log (chain, chain_seq) where chain_seq is not null;
create index audit_log_unsealed_idx on audit_log (chain, id) where hash is null;
create index audit_log_tenant_at_idx on audit_log (tenant_id, at desc, id desc);
create index audit_log_entity_idx on audit_log (tenant_id, entity, entity_id);

create table audit_chain_heads (
  chain text primary key,
  last_seq bigint not null,
  last_hash text not null
);

create function audit_log_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
    raise exception 'audit_log is append-only' using errcode = 'P0001';
  end if;
  if old.hash is not null
     or new.hash is null
     or new.id is distinct from old.id
     or new.tenant_id is distinct from old.tenant_id
     or new.at is distinct from old.at
     or new.actor_id is distinct from old.actor_id
     or new.actor_login is distinct from old.actor_login
     or new.actor_kind is distinct from old.actor_kind
     or new.action is distinct from old.action
     or new.entity is distinct from old.entity
     or new.entity_id is distinct from old.entity_id
     or new.ip is distinct from old.ip
     or new.user_agent is distinct from old.user_agent
     or new.request_id is distinct from old.request_id
     or new.details is distinct from old.details
     or new.chain is distinct from old.chain then
    raise exception 'audit_log is append-only' using errcode = 'P0001';
  end if;
  return new;
end;
$$;
create trigger audit_log_no_update before update on audit_log for each row execute function audit_log_guard();
create trigger audit_log_no_delete before delete on audit_log for each row execute function audit_log_guard();
create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_guard();

-- Reference data ------------------------------------------------------------------------------------------------

create table appeal_kinds (
  tenant_id uuid not null references tenants (id),
  code text not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  requires_category boolean not null default false,
  requires_outcome boolean not null default false,
  sort integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code)
);

create table appeal_types (
  tenant_id uuid not null references tenants (id),
  code text not null,
  kind_code text not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  term integer not null check (term between 1 and 3650),
  term_unit text not null check (term_unit in ('WD', 'CD')),
  sort integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code),
  foreign key (tenant_id, kind_code) references appeal_kinds (tenant_id, code)
);

create table appeal_statuses (
  tenant_id uuid not null references tenants (id),
  code text not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  phase text not null check (phase in ('new', 'routing', 'in_progress', 'awaiting_confirmation', 'closed')),
  -- Statuses reached only through a dedicated action (forwarding, withdrawal, duplicate linking).
  action text check (action in ('forward', 'withdraw', 'duplicate')),
  is_initial boolean not null default false,
  client_visible boolean not null default true,
  color text not null default 'gray',
  sort integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code)
);
create unique index appeal_statuses_action_key on appeal_statuses (tenant_id, action) where action is not null;
create unique index appeal_statuses_initial_key on appeal_statuses (tenant_id) where is_initial;

create table appeal_transitions (
  tenant_id uuid not null references tenants (id),
  from_status text not null,
  to_status text not null,
  permission text not null,
  requires_reason boolean not null default false,
  requires_client_message boolean not null default false,
  primary key (tenant_id, from_status, to_status),
  foreign key (tenant_id, from_status) references appeal_statuses (tenant_id, code),
  foreign key (tenant_id, to_status) references appeal_statuses (tenant_id, code)
);

create table criticality_levels (
  tenant_id uuid not null references tenants (id),
  code text not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  rank integer not null,
  color text not null default 'gray',
  sort integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code)
);

create table channels (
  tenant_id uuid not null references tenants (id),
  code text not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  sort integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code)
);

create table languages (
  tenant_id uuid not null references tenants (id),
  code text not null,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  sort integer not null default 0,
  active boolean not null default true,
  primary key (tenant_id, code)
);

create table classifier_items (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  code text not null,
  parent_id uuid,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  body_id uuid,
  unit_id uuid,
  default_type_code text,
  sort integer not null default 0,
  active boolean not null default true,
  unique (tenant_id, code),
  unique (tenant_id, id),
  foreign key (tenant_id, parent_id) references classifier_items (tenant_id, id),
  foreign key (tenant_id, body_id) references bodies (tenant_id, id),
  foreign key (tenant_id, unit_id) references units (tenant_id, id),
  foreign key (tenant_id, default_type_code) references appeal_types (tenant_id, code)
);

create table escalation_rules (
  tenant_id uuid not null references tenants (id),
  level integer not null check (level between 1 and 9),
  threshold_pct integer not null check (threshold_pct between 1 and 1000),
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  notify_roles text[] not null default '{}',
  active boolean not null default true,
  primary key (tenant_id, level)
);

create table calendar_settings (
  tenant_id uuid primary key references tenants (id),
  cutoff text not null default '18:30' check (cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  first_day_counts boolean not null default true,
  cd_ends_on_working_day boolean not null default true,
  weekend_days integer[] not null default '{6,7}',
  utc_offset_minutes integer not null default 300
);

create table calendar_holidays (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  month integer not null check (month between 1 and 12),
  day integer not null check (day between 1 and 31),
  movable boolean not null default true,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  unique (tenant_id, month, day)
);

create table calendar_overrides (
  tenant_id uuid not null references tenants (id),
  date date not null,
  kind text not null check (kind in ('off', 'work')),
  note text,
  primary key (tenant_id, date)
);

-- Citizens ------------------------------------------------------------------------------------------------------

create table citizens (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  kind text not null check (kind in ('person', 'organisation')),
  iin text check (iin ~ '^[0-9]{12}$'),
  full_name text not null,
  phone text,
  email text,
  preferred_language text not null default 'ru',
  address text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, iin)
);
create index citizens_phone_idx on citizens (tenant_id, phone);

create table consents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  citizen_id uuid not null,
  purpose text not null,
  source text not null,
  given_at timestamptz not null,
  recorded_by uuid,
  withdrawn_at timestamptz,
  foreign key (tenant_id, citizen_id) references citizens (tenant_id, id)
);
create index consents_citizen_idx on consents (citizen_id);

-- Appeals -------------------------------------------------------------------------------------------------------

-- One sequence for the whole installation: numbers never repeat and never make registrations wait on each
-- other; a rolled-back registration leaves a gap, which the registry tolerates.
create sequence appeal_number_seq;

-- No separate foreign key to tenants on the high-volume tables whose composite keys already pin the tenant
-- (an appeal's type, status, body … all belong to its tenant; an event's appeal does): one check fewer per row.
create table appeals (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  number text not null,
  citizen_id uuid,
  type_code text not null,
  kind_code text not null,
  category_id uuid,
  criticality_code text not null,
  language_code text not null,
  form text not null check (form in ('electronic', 'oral', 'paper', 'video')),
  channel_code text not null,
  body_id uuid not null,
  unit_id uuid,
  position_id uuid,
  assignee_id uuid,
  subject text not null,
  text text not null,
  status_code text not null,
  received_at timestamptz not null,
  registered_at timestamptz not null default now(),
  registered_by uuid,
  received_by_name text,
  term integer not null,
  term_unit text not null,
  due_at timestamptz not null,
  original_due_at timestamptz not null,
  forward_due_at timestamptz not null,
  escalation_level integer not null default 0,
  parent_id uuid,
  duplicate_of uuid,
  outcome text check (outcome in ('confirmed', 'not_confirmed')),
  answer_character text check (answer_character in ('explained', 'satisfied', 'refused')),
  answer_text text,
  answered_at timestamptz,
  closed_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, citizen_id) references citizens (tenant_id, id),
  foreign key (tenant_id, type_code) references appeal_types (tenant_id, code),
  foreign key (tenant_id, kind_code) references appeal_kinds (tenant_id, code),
  foreign key (tenant_id, category_id) references classifier_items (tenant_id, id),
  foreign key (tenant_id, criticality_code) references criticality_levels (tenant_id, code),
  foreign key (tenant_id, language_code) references languages (tenant_id, code),
  foreign key (tenant_id, channel_code) references channels (tenant_id, code),
  foreign key (tenant_id, body_id) references bodies (tenant_id, id),
  foreign key (tenant_id, unit_id) references units (tenant_id, id),
  foreign key (tenant_id, position_id) references positions (tenant_id, id),
  foreign key (tenant_id, assignee_id) references users (tenant_id, id),
  foreign key (tenant_id, status_code) references appeal_statuses (tenant_id, code),
  foreign key (tenant_id, parent_id) references appeals (tenant_id, id),
  foreign key (tenant_id, duplicate_of) references appeals (tenant_id, id)
);
create index appeals_registry_idx on appeals (tenant_id, registered_at desc, id desc);
create index appeals_open_due_idx on appeals (tenant_id, due_at, id) where closed_at is null;
create index appeals_assignee_idx on appeals (tenant_id, assignee_id, due_at, id) where closed_at is null;
create index appeals_unit_idx on appeals (tenant_id, unit_id, due_at, id) where closed_at is null;
create index appeals_status_idx on appeals (tenant_id, status_code, due_at, id);
create index appeals_citizen_idx on appeals (tenant_id, citizen_id);

create table appeal_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  appeal_id uuid not null,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  kind text not null,
  from_status text,
  to_status text,
  reason text,
  client_message text,
  client_visible boolean not null default false,
  details jsonb not null default '{}',
  foreign key (tenant_id, appeal_id) references appeals (tenant_id, id)
);
create index appeal_events_appeal_idx on appeal_events (appeal_id, id);

create table appeal_extensions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  appeal_id uuid not null,
  previous_due_at timestamptz not null,
  new_due_at timestamptz not null,
  reason text not null,
  action_plan text not null,
  approved_by uuid not null,
  approved_at timestamptz not null default now(),
  foreign key (tenant_id, appeal_id) references appeals (tenant_id, id)
);
create index appeal_extensions_appeal_idx on appeal_extensions (appeal_id);

create table appeal_forwards (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  appeal_id uuid not null,
  scope text not null check (scope in ('whole', 'part')),
  part_description text,
  to_body_id uuid,
  external_body_name text,
  child_appeal_id uuid,
  status text not null check (status in ('sent', 'accepted', 'answered', 'returned')),
  reason text not null,
  forwarded_at timestamptz not null default now(),
  forwarded_by uuid,
  within_limit boolean not null,
  updated_at timestamptz not null default now(),
  check ((to_body_id is null) <> (external_body_name is null)),
  foreign key (tenant_id, appeal_id) references appeals (tenant_id, id),
  foreign key (tenant_id, to_body_id) references bodies (tenant_id, id),
  foreign key (tenant_id, child_appeal_id) references appeals (tenant_id, id)
);
create index appeal_forwards_appeal_idx on appeal_forwards (appeal_id);

create table appeal_attachments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  appeal_id uuid not null,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid,
  uploaded_at timestamptz not null default now(),
  foreign key (tenant_id, appeal_id) references appeals (tenant_id, id)
);
create index appeal_attachments_appeal_idx on appeal_attachments (appeal_id);

-- Timers and outbox ---------------------------------------------------------------------------------------------

-- Durable timers: a due row is claimed with FOR UPDATE SKIP LOCKED and marked fired in the same transaction as
-- its effect, so it fires once across nodes and still fires after a restart.
create table timers (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants (id),
  kind text not null,
  ref_id uuid not null,
  payload jsonb not null default '{}',
  fire_at timestamptz not null,
  fired_at timestamptz,
  cancelled_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index timers_due_idx on timers (fire_at) where fired_at is null and cancelled_at is null;
create index timers_ref_idx on timers (ref_id, kind);

create table notification_outbox (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  appeal_id uuid,
  citizen_id uuid,
  audience text not null check (audience in ('citizen', 'staff')),
  recipient_roles text[] not null default '{}',
  channel text not null,
  locale text not null,
  template text not null,
  params jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index notification_outbox_pending_idx on notification_outbox (next_attempt_at) where status = 'pending';
create index notification_outbox_tenant_idx on notification_outbox (tenant_id, created_at desc, id);

create table idempotency_keys (
  tenant_id uuid not null references tenants (id),
  key text not null,
  actor_id uuid,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key)
);

-- Rate limiting of the public status page by registration number (per-IP limits live in memory).
create table public_lookup_failures (
  tenant_id uuid not null references tenants (id),
  number text not null,
  window_start timestamptz not null,
  failures integer not null default 0,
  primary key (tenant_id, number)
);

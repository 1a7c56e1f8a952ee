-- The single number (issue 4): how a body's calls reach Bailanys, its voice menu and announcements, its
-- operators' phone extensions, and one row per call with what the contact row does not hold (time in the menu,
-- keys pressed, the recording).

-- Per tenant: the voice menu (the IVR as data, `voice/ivr/ivr-menu.ts`) and the rules of waiting. R12.2: the
-- "waiting is free" notice repeats no more often than once a minute, so the check refuses a shorter interval.
create table voice_settings (
  tenant_id uuid primary key references tenants (id),
  menu jsonb not null,
  notice_interval_seconds integer not null default 60 check (notice_interval_seconds >= 60),
  waiting_free boolean not null default true,
  -- A caller who hangs up within this many seconds of entering the queue is a short abandon (A1.5 leaves
  -- them out of the abandoned rate: a misdial, not a failure to answer).
  short_abandon_seconds integer not null default 5 check (short_abandon_seconds between 0 and 120),
  record_calls boolean not null default true,
  recording_retention_days integer not null default 365 check (recording_retention_days between 1 and 3650),
  updated_at timestamptz not null default now()
);

-- Carrier trunks and PBXes that may send calls for a tenant: calls from any other address are refused.
create table voice_trunks (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  name text not null check (name <> ''),
  -- IPv4 addresses or CIDR blocks ("10.0.0.0/8").
  allowed_sources text[] not null,
  active boolean not null default true,
  unique (tenant_id, name)
);

-- A dialled number (the user part of the request URI, "109") leads to one tenant's menu. Numbers are unique
-- across the gateway: it is the number that tells whose call it is.
create table voice_entry_points (
  number text primary key check (number ~ '^[0-9A-Za-z+*#._-]{1,32}$'),
  tenant_id uuid not null references tenants (id)
);

-- Operators' phone extensions. The phone authenticates with digest (RFC 8760/2617): only HA1 =
-- MD5(extension:realm:password) is kept, never the password. Extensions are unique across the gateway (a
-- phone registers as "1001", without a tenant in it); a hosted gateway gives each body a range.
create table voice_extensions (
  extension text primary key check (extension ~ '^[0-9]{2,8}$'),
  tenant_id uuid not null references tenants (id),
  user_id uuid,
  realm text not null,
  ha1 text not null check (ha1 ~ '^[0-9a-f]{32}$'),
  created_at timestamptz not null default now(),
  unique (user_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index voice_extensions_tenant_idx on voice_extensions (tenant_id);

-- One row per call the gateway answered or placed. The queue, operator and state timestamps live on the contact (made when
-- the caller leaves the menu for a queue); a call that never reached a queue has no contact.
create table voice_calls (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  -- A contact may have several calls (a callback tried twice); a call that never reached a queue has none.
  contact_id uuid,
  sip_call_id text not null,
  caller_number text,
  dialled_number text not null,
  started_at timestamptz not null default now(),
  ivr_ended_at timestamptz,
  ivr_digits text[] not null default '{}',
  locale text,
  -- queue: left the menu for a queue; hangup: the menu ended the call; abandoned: the caller hung up in the menu;
  -- closed: out of hours (told so and hung up).
  ivr_outcome text check (ivr_outcome in ('queue', 'hangup', 'abandoned', 'closed')),
  -- How many times an operator's phone was called for it (each no-answer or busy is one more).
  operator_attempts integer not null default 0,
  ended_at timestamptz,
  ended_by text check (ended_by in ('caller', 'operator', 'gateway')),
  short_abandon boolean not null default false,
  unique (tenant_id, id),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
create index voice_calls_tenant_started_idx on voice_calls (tenant_id, started_at);
create index voice_calls_contact_idx on voice_calls (contact_id);

-- A call's stereo recording (caller left, operator or prompts right) for quality control and speech analytics.
-- Each listen is audited; past `delete_after` the worker removes it.
create table call_recordings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  call_id uuid not null unique,
  content_type text not null default 'audio/wav',
  duration_ms integer not null check (duration_ms >= 0),
  size_bytes integer not null check (size_bytes >= 0),
  content bytea not null,
  created_at timestamptz not null default now(),
  delete_after timestamptz not null,
  foreign key (tenant_id, call_id) references voice_calls (tenant_id, id) on delete cascade
);
create index call_recordings_delete_after_idx on call_recordings (delete_after);

-- A body's own recordings of its prompts (R12: the menu in Kazakh and Russian), by the menu's prompt key and
-- language: 8 kHz 16-bit mono WAV after upload (any rate is resampled). Where none exists, generated speech
-- reads the menu's text.
create table voice_prompts (
  tenant_id uuid not null references tenants (id),
  key text not null check (key ~ '^[a-z0-9_:.-]{1,60}$'),
  locale text not null check (locale in ('kk', 'ru', 'en')),
  duration_ms integer not null check (duration_ms >= 0),
  content bytea not null,
  uploaded_by uuid references users (id),
  uploaded_at timestamptz not null default now(),
  primary key (tenant_id, key, locale)
);

-- Outbound calls (R13.3–R13.5): where they leave for the carrier, the body's calling hours (a weekly schedule
-- like a queue's; holidays closed) and the agreed schedule within which a citizen may ask for another time.
alter table voice_settings
  add column outbound_trunk text check (outbound_trunk ~ '^[0-9.]{7,15}:[0-9]{1,5}$'),
  add column outbound_hours jsonb not null default '{"1":["09:00","18:00"],"2":["09:00","18:00"],"3":["09:00","18:00"],"4":["09:00","18:00"],"5":["09:00","18:00"],"6":null,"7":null}',
  add column agreed_schedule text[] not null default '{08:00,22:00}' check (cardinality(agreed_schedule) = 2);

-- The time a citizen asked to be called back in (R13.5: outside the calling hours only then).
alter table contacts
  add column callback_window_start timestamptz,
  add column callback_window_end timestamptz,
  add constraint contacts_callback_window_check check (callback_window_end is null or callback_window_end > callback_window_start);

-- R13.4: numbers that asked not to be called; an outbound call to one is refused.
create table do_not_call (
  tenant_id uuid not null references tenants (id),
  phone text not null check (phone ~ '^\+[0-9]{11,15}$'),
  note text not null default '',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (tenant_id, phone)
);

-- An operator's outbound call, from the request (with its stated reason, R13.3) to its end. The voice process
-- claims requested rows, rings the operator's phone, then calls the citizen through the tenant's trunk.
create table voice_outbound_calls (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  contact_id uuid not null,
  agent_id uuid not null references users (id),
  phone text not null,
  reason text not null check (length(trim(reason)) > 0),
  state text not null default 'requested' check (state in ('requested', 'ringing_operator', 'ringing_citizen', 'connected', 'ended', 'failed')),
  failure text,
  created_at timestamptz not null default now(),
  connected_at timestamptz,
  ended_at timestamptz,
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id)
);
create index voice_outbound_calls_requested_idx on voice_outbound_calls (created_at) where state = 'requested';

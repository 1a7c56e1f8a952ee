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

-- One row per call the gateway answered. The queue, operator and state timestamps live on the contact (made when
-- the caller leaves the menu for a queue); a call that never reached a queue has no contact.
create table voice_calls (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  contact_id uuid unique,
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

-- Faults of the voice service that cut calls, for the supervisors' board: today only the media thread's death
-- (every call's audio stops; the gateway hangs the calls up and starts a new thread). One row per tenant whose
-- calls were cut, with how many.
create table voice_incidents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id) on delete cascade,
  at timestamptz not null default now(),
  kind text not null check (kind in ('media_lost')),
  calls_cut integer not null check (calls_cut > 0)
);
create index voice_incidents_tenant_at on voice_incidents (tenant_id, at desc);

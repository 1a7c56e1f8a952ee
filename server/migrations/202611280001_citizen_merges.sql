-- Two records of one person merged by hand (a chat matched by phone, an appeal registered by ИИН): the merged
-- record is deleted once its contacts, appeals, consents and notifications point at the kept one. This row keeps
-- who merged what and why, and lets the old id still lead to the person. When a kept record is merged in its
-- turn, its rows are re-pointed, so an old id is always one step from a live record.
create table citizen_merges (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  merged_id uuid not null,
  kept_id uuid not null,
  merged_by uuid not null references users (id),
  merged_at timestamptz not null default now(),
  reason text not null,
  moved jsonb not null,
  unique (tenant_id, merged_id),
  foreign key (tenant_id, kept_id) references citizens (tenant_id, id)
);
create index citizen_merges_kept_idx on citizen_merges (kept_id);

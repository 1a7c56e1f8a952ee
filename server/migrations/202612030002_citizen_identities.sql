-- A person's ids on messenger channels (R32.2: one timeline whichever channel they used). Telegram and the
-- messengers after it name a sender by a user id of that channel, not by a phone, so the id an operator has tied
-- to a record (by a hand link or a verification) is kept here, and the next contact from it finds the record by
-- an exact match. One id on one channel belongs to one record; a person may have several ids on a channel.
-- No separate foreign key to tenants: the citizen's composite key pins the tenant.
create table citizen_identities (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  citizen_id uuid not null,
  channel text not null,
  external_id text not null check (external_id <> ''),
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  unique (tenant_id, channel, external_id),
  foreign key (tenant_id, citizen_id) references citizens (tenant_id, id),
  foreign key (tenant_id, channel) references channels (tenant_id, code)
);
create index citizen_identities_citizen_idx on citizen_identities (citizen_id);

-- The sender's id on its channel as the channel adapter received it (null for web chat, which has none).
alter table contacts add column visitor_external_id text check (visitor_external_id <> '');

-- Where each extension's phone registered over UDP, so that a call arriving at any voice process can ring it (a
-- phone on TCP stays with the process that holds its connection: nothing else can reach it). A REGISTER replaces
-- the extension's rows; rows past expires_at are ignored and go at the extension's next REGISTER.
create table voice_registrations (
  extension text not null references voice_extensions (extension) on delete cascade,
  contact text not null,
  source_address text not null,
  source_port integer not null check (source_port between 1 and 65535),
  expires_at timestamptz not null,
  registered_at timestamptz not null default now(),
  primary key (extension, contact)
);

-- The sweep looks for waiting web chats whose citizen has gone silent every few seconds; without an index of
-- its own that is a scan of every contact ever made.
create index contacts_silent_chats_idx on contacts (citizen_seen_at) where state in ('queued', 'offered') and channel = 'web_chat';

-- Whether the operator has nothing open: a hint that lets routing find the longest-idle free operator by walking
-- this index instead of counting every ready operator's load. Cleared with every offer, set when the last open
-- contact is wrapped up, and brought back in step by the routing sweep; offers still count the real load.
alter table agents add column free boolean not null default true;
create index agents_free_idx on agents (tenant_id, idle_since) where state = 'ready' and free;

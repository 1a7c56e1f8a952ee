import type { ColumnType, Generated } from "kysely";

/** Row types of the contact engine's tables (migration 202611260001_contacts.sql). */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | undefined, string>;

interface Names {
  name_kk: string;
  name_ru: string;
  name_en: string;
}

export interface WideningStepRow {
  after: number;
  relax: string;
}

export interface ContactQueuesTable extends Names {
  id: Generated<string>;
  tenant_id: string;
  code: string;
  channels: Generated<string[]>;
  topic_ids: Generated<string[]>;
  min_level: Generated<number>;
  line: Generated<number>;
  priority: Generated<number>;
  offer_timeout_seconds: Generated<number>;
  wrapup_seconds: Generated<number>;
  service_level_seconds: Generated<number>;
  widening: Json<WideningStepRow[]>;
  overflow_queue_id: string | null;
  overflow_after_seconds: number | null;
  callback_after_seconds: number | null;
  hours: Json<Record<string, [string, string] | null>>;
  open_on_holidays: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface AgentsTable {
  user_id: string;
  tenant_id: string;
  languages: Generated<string[]>;
  line: Generated<number>;
  state: Generated<string>;
  reason_code: string | null;
  state_since: GeneratedTimestamp;
  idle_since: GeneratedTimestamp;
  last_seen_at: NullableTimestamp;
  free: Generated<boolean>;
}

export interface AgentSkillsTable {
  tenant_id: string;
  user_id: string;
  topic_id: string;
  level: number;
}

export interface AgentChannelsTable {
  tenant_id: string;
  user_id: string;
  channel: string;
  capacity: number;
}

export interface CodedNamesTable extends Names {
  tenant_id: string;
  code: string;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface CannedRepliesTable {
  id: Generated<string>;
  tenant_id: string;
  language: string;
  title: string;
  body: string;
  topic_id: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface ServiceNoticesTable {
  id: Generated<string>;
  tenant_id: string;
  channels: Generated<string[]>;
  message_kk: string;
  message_ru: string;
  message_en: string;
  alternatives_kk: Generated<string>;
  alternatives_ru: Generated<string>;
  alternatives_en: Generated<string>;
  starts_at: GeneratedTimestamp;
  resume_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface ContactsTable {
  id: Generated<string>;
  tenant_id: string;
  channel: string;
  direction: string;
  state: string;
  queue_id: string | null;
  original_queue_id: string | null;
  topic_id: string | null;
  topic_path: Generated<string[]>;
  language: string;
  locale: Generated<string>;
  priority: Generated<number>;
  criticality_code: string | null;
  relaxed: Generated<string[]>;
  widen_step: Generated<number>;
  next_review_at: NullableTimestamp;
  citizen_id: string | null;
  visitor_name: string | null;
  visitor_phone: string | null;
  visitor_email: string | null;
  visitor_address: string | null;
  visitor_external_id: string | null;
  agent_id: string | null;
  arrived_at: GeneratedTimestamp;
  queued_at: NullableTimestamp;
  offered_at: NullableTimestamp;
  answered_at: NullableTimestamp;
  held_at: NullableTimestamp;
  hold_seconds: Generated<number>;
  hold_count: Generated<number>;
  transferred_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  wrapup_deadline: NullableTimestamp;
  callback_window_start: NullableTimestamp;
  callback_window_end: NullableTimestamp;
  wrapup_done_at: NullableTimestamp;
  ended_by: string | null;
  outcome: string | null;
  wrapup_code: string | null;
  wrapup_note: string | null;
  resolved_first_contact: boolean | null;
  callback_offered_at: NullableTimestamp;
  callback_phone: string | null;
  callback_contact_id: string | null;
  access_token_hash: string | null;
  citizen_seen_at: NullableTimestamp;
  last_seq: Generated<number>;
  citizen_delivered_seq: Generated<number>;
  citizen_read_seq: Generated<number>;
  agent_read_seq: Generated<number>;
  survey_rating: number | null;
  survey_solved: boolean | null;
  survey_comment: string | null;
  survey_at: NullableTimestamp;
  verified_at: NullableTimestamp;
  verified_by: string | null;
  verified_method: string | null;
}

export interface ContactLogTable {
  contact_id: string;
  seq: number;
  tenant_id: string;
  kind: string;
  event: string | null;
  author_kind: string;
  author_id: string | null;
  body: string | null;
  attachment_id: string | null;
  client_msg_id: string | null;
  staff_only: Generated<boolean>;
  data: Json;
  delivery_state: string | null;
  created_at: GeneratedTimestamp;
}

export interface ContactAttachmentsTable {
  id: Generated<string>;
  tenant_id: string;
  contact_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by_kind: string;
  uploaded_by: string | null;
  uploaded_at: GeneratedTimestamp;
}

export interface ContactOffersTable {
  id: Generated<string>;
  tenant_id: string;
  contact_id: string;
  agent_id: string;
  state: Generated<string>;
  offered_at: GeneratedTimestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  decided_at: NullableTimestamp;
}

export interface ContactAppealsTable {
  tenant_id: string;
  contact_id: string;
  appeal_id: string;
  created_at: GeneratedTimestamp;
}

export interface ContactTables {
  contact_queues: ContactQueuesTable;
  agents: AgentsTable;
  agent_skills: AgentSkillsTable;
  agent_channels: AgentChannelsTable;
  wrapup_codes: CodedNamesTable;
  not_ready_reasons: CodedNamesTable;
  canned_replies: CannedRepliesTable;
  service_notices: ServiceNoticesTable;
  contacts: ContactsTable;
  contact_log: ContactLogTable;
  contact_attachments: ContactAttachmentsTable;
  contact_offers: ContactOffersTable;
  contact_appeals: ContactAppealsTable;
}

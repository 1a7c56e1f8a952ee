import type { ColumnType, Generated } from "kysely";
import type { ContactTables } from "./schema-contacts.ts";
import type { KbTables } from "./schema-kb.ts";
import type { VoiceTables } from "./schema-voice.ts";

/** Row types of every table, kept in step with server/migrations by hand (reviewed with each migration). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = Record<string, unknown>> = ColumnType<T, string, string>;

interface Names {
  name_kk: string;
  name_ru: string;
  name_en: string;
}

export interface TenantsTable extends Names {
  id: Generated<string>;
  code: string;
  number_prefix: string;
  settings: Json;
  created_at: CreatedAt;
}

export interface BodiesTable extends Names {
  id: Generated<string>;
  tenant_id: string;
  bin: string | null;
  is_external: Generated<boolean>;
  email: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UnitsTable extends Names {
  id: Generated<string>;
  tenant_id: string;
  body_id: string;
  parent_id: string | null;
  active: Generated<boolean>;
}

export interface PositionsTable extends Names {
  id: Generated<string>;
  tenant_id: string;
  unit_id: string;
  active: Generated<boolean>;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  login: string;
  full_name: string;
  email: string | null;
  /** Staff notifications by e-mail (migration 202612090003); the user turns them off on their account page. */
  email_notifications: Generated<boolean>;
  roles: string[];
  locale: Generated<string>;
  body_id: string | null;
  unit_id: string | null;
  position_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface SessionsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  tenant_id: string | null;
  at: GeneratedTimestamp;
  actor_id: string | null;
  actor_login: string | null;
  actor_kind: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Json;
  chain: string;
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface AuditChainHeadsTable {
  chain: string;
  last_seq: number;
  last_hash: string;
}

export interface AppealKindsTable extends Names {
  tenant_id: string;
  code: string;
  requires_category: Generated<boolean>;
  requires_outcome: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface AppealTypesTable extends Names {
  tenant_id: string;
  code: string;
  kind_code: string;
  term: number;
  term_unit: string;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface AppealStatusesTable extends Names {
  tenant_id: string;
  code: string;
  phase: string;
  action: string | null;
  is_initial: Generated<boolean>;
  client_visible: Generated<boolean>;
  color: Generated<string>;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface AppealTransitionsTable {
  tenant_id: string;
  from_status: string;
  to_status: string;
  permission: string;
  requires_reason: Generated<boolean>;
  requires_client_message: Generated<boolean>;
}

export interface CriticalityLevelsTable extends Names {
  tenant_id: string;
  code: string;
  rank: number;
  color: Generated<string>;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface SimpleReferenceTable extends Names {
  tenant_id: string;
  code: string;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface ClassifierItemsTable extends Names {
  id: Generated<string>;
  tenant_id: string;
  code: string;
  parent_id: string | null;
  body_id: string | null;
  unit_id: string | null;
  default_type_code: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface EscalationRulesTable extends Names {
  tenant_id: string;
  level: number;
  threshold_pct: number;
  notify_roles: Generated<string[]>;
  active: Generated<boolean>;
}

export interface CalendarSettingsTable {
  tenant_id: string;
  cutoff: Generated<string>;
  first_day_counts: Generated<boolean>;
  cd_ends_on_working_day: Generated<boolean>;
  weekend_days: Generated<number[]>;
  utc_offset_minutes: Generated<number>;
}

export interface CalendarHolidaysTable extends Names {
  id: Generated<string>;
  tenant_id: string;
  month: number;
  day: number;
  movable: Generated<boolean>;
}

export interface CalendarOverridesTable {
  tenant_id: string;
  date: ColumnType<string, string, string>;
  kind: string;
  note: string | null;
}

export interface CitizensTable {
  id: Generated<string>;
  tenant_id: string;
  kind: string;
  iin: string | null;
  full_name: string;
  phone: string | null;
  email: string | null;
  preferred_language: Generated<string>;
  address: string | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface CitizenMergesTable {
  id: Generated<string>;
  tenant_id: string;
  merged_id: string;
  kept_id: string;
  merged_by: string;
  merged_at: GeneratedTimestamp;
  reason: string;
  moved: Json;
}

export interface CitizenIdentitiesTable {
  id: Generated<string>;
  tenant_id: string;
  citizen_id: string;
  channel: string;
  external_id: string;
  created_at: GeneratedTimestamp;
  created_by: string | null;
}

export interface ConsentsTable {
  id: Generated<string>;
  tenant_id: string;
  citizen_id: string;
  purpose: string;
  source: string;
  given_at: Timestamp;
  recorded_by: string | null;
  withdrawn_at: NullableTimestamp;
}

export interface AppealsTable {
  id: Generated<string>;
  tenant_id: string;
  number: string;
  citizen_id: string | null;
  type_code: string;
  kind_code: string;
  category_id: string | null;
  criticality_code: string;
  language_code: string;
  form: string;
  channel_code: string;
  body_id: string;
  unit_id: string | null;
  position_id: string | null;
  assignee_id: string | null;
  subject: string;
  text: string;
  status_code: string;
  received_at: Timestamp;
  registered_at: GeneratedTimestamp;
  registered_by: string | null;
  received_by_name: string | null;
  term: number;
  term_unit: string;
  due_at: Timestamp;
  original_due_at: Timestamp;
  forward_due_at: Timestamp;
  escalation_level: Generated<number>;
  parent_id: string | null;
  duplicate_of: string | null;
  outcome: string | null;
  answer_character: string | null;
  answer_text: string | null;
  answered_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  version: Generated<number>;
  updated_at: GeneratedTimestamp;
}

export interface AppealEventsTable {
  id: Generated<number>;
  tenant_id: string;
  appeal_id: string;
  at: GeneratedTimestamp;
  actor_id: string | null;
  actor_name: string | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  client_message: string | null;
  client_visible: Generated<boolean>;
  details: Json;
}

export interface AppealExtensionsTable {
  id: Generated<string>;
  tenant_id: string;
  appeal_id: string;
  previous_due_at: Timestamp;
  new_due_at: Timestamp;
  reason: string;
  action_plan: string;
  approved_by: string;
  approved_at: GeneratedTimestamp;
}

export interface AppealForwardsTable {
  id: Generated<string>;
  tenant_id: string;
  appeal_id: string;
  scope: string;
  part_description: string | null;
  to_body_id: string | null;
  external_body_name: string | null;
  child_appeal_id: string | null;
  status: string;
  reason: string;
  forwarded_at: GeneratedTimestamp;
  forwarded_by: string | null;
  within_limit: boolean;
  updated_at: GeneratedTimestamp;
}

export interface AppealAttachmentsTable {
  id: Generated<string>;
  tenant_id: string;
  appeal_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: GeneratedTimestamp;
}

export interface TimersTable {
  id: Generated<number>;
  tenant_id: string;
  kind: string;
  ref_id: string;
  payload: Json;
  fire_at: Timestamp;
  fired_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface NotificationOutboxTable {
  id: Generated<string>;
  tenant_id: string;
  appeal_id: string | null;
  citizen_id: string | null;
  audience: string;
  recipient_roles: Generated<string[]>;
  /** A staff e-mail's recipient (null: a citizen's message, or the row addressed to roles). */
  recipient_user_id: string | null;
  channel: string;
  locale: string;
  template: string;
  params: Json;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: GeneratedTimestamp;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  actor_id: string | null;
  request_hash: string;
  status_code: number;
  response: Json<unknown>;
  // Updatable: a retry that takes over an abandoned claim renews it.
  created_at: GeneratedTimestamp;
}

export interface PublicLookupFailuresTable {
  tenant_id: string;
  number: string;
  window_start: Timestamp;
  failures: number;
}

export interface DB extends ContactTables, VoiceTables, KbTables {
  tenants: TenantsTable;
  bodies: BodiesTable;
  units: UnitsTable;
  positions: PositionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadsTable;
  appeal_kinds: AppealKindsTable;
  appeal_types: AppealTypesTable;
  appeal_statuses: AppealStatusesTable;
  appeal_transitions: AppealTransitionsTable;
  criticality_levels: CriticalityLevelsTable;
  channels: SimpleReferenceTable;
  languages: SimpleReferenceTable;
  classifier_items: ClassifierItemsTable;
  escalation_rules: EscalationRulesTable;
  calendar_settings: CalendarSettingsTable;
  calendar_holidays: CalendarHolidaysTable;
  calendar_overrides: CalendarOverridesTable;
  citizens: CitizensTable;
  citizen_merges: CitizenMergesTable;
  citizen_identities: CitizenIdentitiesTable;
  consents: ConsentsTable;
  appeals: AppealsTable;
  appeal_events: AppealEventsTable;
  appeal_extensions: AppealExtensionsTable;
  appeal_forwards: AppealForwardsTable;
  appeal_attachments: AppealAttachmentsTable;
  timers: TimersTable;
  notification_outbox: NotificationOutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  public_lookup_failures: PublicLookupFailuresTable;
}

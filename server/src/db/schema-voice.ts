import type { ColumnType, Generated } from "kysely";

/** Row types of the voice tables (migrations 202612040001_voice.sql, 202612050101_voice_registrations.sql). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface VoiceSettingsTable {
  tenant_id: string;
  /** An `IvrMenu` (voice/ivr/ivr-menu.ts). */
  menu: Json<unknown>;
  notice_interval_seconds: Generated<number>;
  waiting_free: Generated<boolean>;
  short_abandon_seconds: Generated<number>;
  record_calls: Generated<boolean>;
  recording_retention_days: Generated<number>;
  outbound_trunk: string | null;
  outbound_hours: ColumnType<Record<string, [string, string] | null>, string | undefined, string>;
  agreed_schedule: Generated<string[]>;
  updated_at: GeneratedTimestamp;
}

export interface DoNotCallTable {
  tenant_id: string;
  phone: string;
  note: Generated<string>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface VoiceOutboundCallsTable {
  id: Generated<string>;
  tenant_id: string;
  contact_id: string;
  agent_id: string;
  phone: string;
  reason: string;
  state: Generated<string>;
  failure: string | null;
  created_at: GeneratedTimestamp;
  connected_at: NullableTimestamp;
  ended_at: NullableTimestamp;
}

export interface VoiceTrunksTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  allowed_sources: string[];
  active: Generated<boolean>;
}

export interface VoiceEntryPointsTable {
  number: string;
  tenant_id: string;
}

export interface VoiceExtensionsTable {
  extension: string;
  tenant_id: string;
  user_id: string | null;
  realm: string;
  ha1: string;
  created_at: GeneratedTimestamp;
}

export interface VoiceRegistrationsTable {
  extension: string;
  contact: string;
  source_address: string;
  source_port: number;
  expires_at: Timestamp;
  registered_at: GeneratedTimestamp;
}

export interface VoiceCallsTable {
  id: Generated<string>;
  tenant_id: string;
  contact_id: string | null;
  sip_call_id: string;
  caller_number: string | null;
  dialled_number: string;
  started_at: GeneratedTimestamp;
  ivr_ended_at: NullableTimestamp;
  ivr_digits: Generated<string[]>;
  locale: string | null;
  ivr_outcome: string | null;
  operator_attempts: Generated<number>;
  ended_at: NullableTimestamp;
  ended_by: string | null;
  short_abandon: Generated<boolean>;
}

export interface CallRecordingsTable {
  id: Generated<string>;
  tenant_id: string;
  call_id: string;
  content_type: Generated<string>;
  duration_ms: number;
  size_bytes: number;
  content: Buffer;
  created_at: GeneratedTimestamp;
  delete_after: Date | string;
}

export interface VoicePromptsTable {
  tenant_id: string;
  key: string;
  locale: string;
  duration_ms: number;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: GeneratedTimestamp;
}

/** A fault of the voice service that cut a tenant's calls (migration 202612090002). */
export interface VoiceIncidentsTable {
  id: Generated<string>;
  tenant_id: string;
  at: GeneratedTimestamp;
  kind: "media_lost";
  calls_cut: number;
}

export interface VoiceTables {
  do_not_call: DoNotCallTable;
  voice_outbound_calls: VoiceOutboundCallsTable;
  voice_prompts: VoicePromptsTable;
  voice_settings: VoiceSettingsTable;
  voice_trunks: VoiceTrunksTable;
  voice_entry_points: VoiceEntryPointsTable;
  voice_extensions: VoiceExtensionsTable;
  voice_registrations: VoiceRegistrationsTable;
  voice_calls: VoiceCallsTable;
  call_recordings: CallRecordingsTable;
  voice_incidents: VoiceIncidentsTable;
}

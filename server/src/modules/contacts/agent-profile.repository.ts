import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

export interface AgentProfileRow {
  state: string;
  state_since: Date;
  languages: string[];
  line: number;
  channels: { channel: string; capacity: number }[];
  skills: { topic_id: string; level: number }[];
  /** The not-ready reason with its names, when the operator is not ready. */
  reason: { code: string; name_kk: string; name_ru: string; name_en: string } | null;
}

/** An operator's routing profile and state in one statement (their window asks for it on every change). */
export async function agentProfile(db: Db, tenantId: string, userId: string): Promise<AgentProfileRow | undefined> {
  return db
    .selectFrom("agents as a")
    .select([
      "a.state",
      "a.state_since",
      "a.languages",
      "a.line",
      sql<AgentProfileRow["channels"]>`coalesce((
        select json_agg(json_build_object('channel', ch.channel, 'capacity', ch.capacity) order by ch.channel)
        from agent_channels ch where ch.user_id = a.user_id), '[]')`.as("channels"),
      sql<AgentProfileRow["skills"]>`coalesce((
        select json_agg(json_build_object('topic_id', s.topic_id, 'level', s.level))
        from agent_skills s where s.user_id = a.user_id), '[]')`.as("skills"),
      sql<AgentProfileRow["reason"]>`(
        select json_build_object('code', r.code, 'name_kk', r.name_kk, 'name_ru', r.name_ru, 'name_en', r.name_en)
        from not_ready_reasons r where r.tenant_id = a.tenant_id and r.code = a.reason_code)`.as("reason"),
    ])
    .where("a.user_id", "=", userId)
    .where("a.tenant_id", "=", tenantId)
    .executeTakeFirst();
}

import { CHANNEL_RULES, OCCUPYING_STATES, ROUTED_CHANNELS } from "@bailanys/common/contacts";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

const EXCLUSIVE_CHANNELS = ROUTED_CHANNELS.filter((c) => CHANNEL_RULES[c].exclusive);
/** An operator who declined or missed a contact is not offered the same contact again for this long. */
export const DECLINE_MEMORY_SECONDS = 120;

/** A waiting contact with its queue's rules, locked for this transaction. */
export interface QueuedContact {
  id: string;
  tenant_id: string;
  channel: string;
  language: string;
  topic_path: string[];
  relaxed: string[];
  queue_id: string;
  min_level: number;
  line: number;
  offer_timeout_seconds: number;
}

export async function lockQueuedContact(trx: Db, contactId: string): Promise<QueuedContact | undefined> {
  return trx
    .selectFrom("contacts as c")
    .innerJoin("contact_queues as q", "q.id", "c.queue_id")
    .select(["c.id", "c.tenant_id", "c.channel", "c.language", "c.topic_path", "c.relaxed", "q.id as queue_id", "q.min_level", "q.line", "q.offer_timeout_seconds"])
    .where("c.id", "=", contactId)
    .where("c.state", "=", "queued")
    .forUpdate("c")
    .executeTakeFirst();
}

/**
 * The competent ready operator with room on the contact's channel who should get it next — least loaded on that
 * channel, then longest idle — locked, skipping operators another process is offering to right now.
 */
export async function lockCandidateAgent(trx: Db, contact: QueuedContact, excluded: readonly string[]): Promise<string | undefined> {
  const isExclusive = EXCLUSIVE_CHANNELS.some((c) => c === contact.channel);
  const relaxLevel = contact.relaxed.includes("level");
  const relaxTopic = contact.relaxed.includes("topic");
  const relaxLanguage = contact.relaxed.includes("language");
  const result = await sql<{ user_id: string }>`
    select a.user_id
    from agents a
    join agent_channels ch on ch.user_id = a.user_id and ch.channel = ${contact.channel}
    cross join lateral (
      select count(*) filter (where x.channel = ${contact.channel})::int as on_channel,
             count(*) filter (where x.channel = any(${EXCLUSIVE_CHANNELS}::text[]))::int as on_exclusive,
             count(*)::int as total
      from contacts x
      where x.agent_id = a.user_id and x.state in (${sql.join(OCCUPYING_STATES)})
    ) load
    where a.tenant_id = ${contact.tenant_id}
      and a.state = 'ready'
      and a.line >= ${contact.line}
      and load.on_exclusive = 0
      and (case when ${isExclusive} then load.total = 0 else load.on_channel < ch.capacity end)
      and (${relaxLanguage} or ${contact.language} = any(a.languages))
      and (cardinality(${contact.topic_path}::uuid[]) = 0 or ${relaxTopic} or exists (
            select 1 from agent_skills s
            where s.user_id = a.user_id and s.topic_id = any(${contact.topic_path}::uuid[])
              and s.level >= ${relaxLevel ? 1 : contact.min_level}))
      and not (a.user_id = any(${excluded}::uuid[]))
      and not exists (
            select 1 from contact_offers o
            where o.contact_id = ${contact.id} and o.agent_id = a.user_id and o.state in ('declined', 'expired')
              and o.decided_at > now() - make_interval(secs => ${DECLINE_MEMORY_SECONDS}))
    order by load.on_channel, a.idle_since
    limit 1
    for update of a skip locked`.execute(trx);
  return result.rows[0]?.user_id;
}

export interface LockedAgent {
  user_id: string;
  tenant_id: string;
  languages: string[];
  line: number;
}

/** Locks a ready operator for offering; undefined when not ready or another process holds it. */
export async function lockReadyAgent(trx: Db, agentId: string): Promise<LockedAgent | undefined> {
  return trx
    .selectFrom("agents")
    .select(["user_id", "tenant_id", "languages", "line"])
    .where("user_id", "=", agentId)
    .where("state", "=", "ready")
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

/** Capacity and current load per channel, read afresh (after the operator's row is locked). */
export async function agentCapacityAndLoad(trx: Db, agentId: string): Promise<{ capacity: Map<string, number>; load: Map<string, number> }> {
  const [capacities, loads] = await Promise.all([
    trx.selectFrom("agent_channels").select(["channel", "capacity"]).where("user_id", "=", agentId).execute(),
    trx
      .selectFrom("contacts")
      .select(["channel", sql<number>`count(*)::int`.as("n")])
      .where("agent_id", "=", agentId)
      .where("state", "in", OCCUPYING_STATES)
      .groupBy("channel")
      .execute(),
  ]);
  return {
    capacity: new Map(capacities.map((r) => [r.channel, r.capacity])),
    load: new Map(loads.map((r) => [r.channel, r.n])),
  };
}

/** The waiting contact an operator should take next — highest priority, then longest waiting — locked. */
export async function lockContactForAgent(trx: Db, agent: LockedAgent, channels: readonly string[]): Promise<QueuedContact | undefined> {
  if (channels.length === 0) {
    return undefined;
  }
  const result = await sql<QueuedContact>`
    select c.id, c.tenant_id, c.channel, c.language, c.topic_path, c.relaxed,
           q.id as queue_id, q.min_level, q.line, q.offer_timeout_seconds
    from contacts c
    join contact_queues q on q.id = c.queue_id
    where c.tenant_id = ${agent.tenant_id}
      and c.state = 'queued'
      and c.channel = any(${channels}::text[])
      and q.line <= ${agent.line}
      and ('language' = any(c.relaxed) or c.language = any(${agent.languages}::text[]))
      and (cardinality(c.topic_path) = 0 or 'topic' = any(c.relaxed) or exists (
            select 1 from agent_skills s
            where s.user_id = ${agent.user_id} and s.topic_id = any(c.topic_path)
              and s.level >= case when 'level' = any(c.relaxed) then 1 else q.min_level end))
      and not exists (
            select 1 from contact_offers o
            where o.contact_id = c.id and o.agent_id = ${agent.user_id} and o.state in ('declined', 'expired')
              and o.decided_at > now() - make_interval(secs => ${DECLINE_MEMORY_SECONDS}))
    order by c.priority desc, c.queued_at
    limit 1
    for update of c skip locked`.execute(trx);
  return result.rows[0];
}

/** Ready operators of a tenant with any room left, longest idle first (the sweep offers them waiting work). */
export async function readyAgentIds(db: Db, tenantId: string | null): Promise<string[]> {
  let query = db.selectFrom("agents").select("user_id").where("state", "=", "ready").orderBy("idle_since").limit(1000);
  if (tenantId !== null) {
    query = query.where("tenant_id", "=", tenantId);
  }
  return (await query.execute()).map((r) => r.user_id);
}

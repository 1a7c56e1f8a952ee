import { CHANNEL_RULES, ROUTED_CHANNELS } from "@bailanys/common/contacts";
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database.ts";
import { OCCUPYING_SQL } from "../contacts/contact.repository.ts";

const EXCLUSIVE_CHANNELS = ROUTED_CHANNELS.filter((c) => CHANNEL_RULES[c].exclusive);

/**
 * The operator's open contacts counted for a channel, as a lateral subquery named `load` (on_channel,
 * on_exclusive, total). `agent` and `channel` are columns of the outer query or values.
 */
function loadOf(agent: RawBuilder<unknown>, channel: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`cross join lateral (
      select count(*) filter (where x.channel = ${channel})::int as on_channel,
             count(*) filter (where x.channel = any(${EXCLUSIVE_CHANNELS}::text[]))::int as on_exclusive,
             count(*)::int as total
      from contacts x
      where x.agent_id = ${agent} and x.state in (${OCCUPYING_SQL})
    ) load`;
}

/**
 * With `load` and the operator's capacity row `ch` in scope: room for one more contact on `channel`. An
 * exclusive channel (a call) open blocks everything, an exclusive channel needs nothing open, others their
 * capacity.
 */
function hasRoom(channel: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`load.on_exclusive = 0
      and (case when ${channel} = any(${EXCLUSIVE_CHANNELS}::text[]) then load.total = 0 else load.on_channel < ch.capacity end)`;
}
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
 * The competent ready operator with room on the contact's channel who should get it next, locked, skipping
 * operators another process is offering to right now: the longest idle of those with nothing open, else the
 * least loaded on that channel, then longest idle. The first question walks the index of operators marked free
 * (checking that they are) and stops at the first; only when nobody is free are everyone's loads counted.
 */
export async function lockCandidateAgent(trx: Db, contact: QueuedContact, excluded: readonly string[]): Promise<string | undefined> {
  const free = await freeCandidateQuery(contact, excluded).execute(trx);
  return free.rows[0]?.user_id ?? (await lockLeastLoadedAgent(trx, contact, excluded));
}

/** Who may take the contact: ready, on its line, speaking its language, skilled in its topic, not excluded. */
function competentFor(contact: QueuedContact, excluded: readonly string[]): RawBuilder<boolean> {
  const relaxLevel = contact.relaxed.includes("level");
  const relaxTopic = contact.relaxed.includes("topic");
  const relaxLanguage = contact.relaxed.includes("language");
  return sql<boolean>`
      a.tenant_id = ${contact.tenant_id}
      and a.state = 'ready'
      and a.line >= ${contact.line}
      and (${relaxLanguage} or ${contact.language} = any(a.languages))
      and (cardinality(${contact.topic_path}::uuid[]) = 0 or ${relaxTopic} or exists (
            select 1 from agent_skills s
            where s.user_id = a.user_id and s.topic_id = any(${contact.topic_path}::uuid[])
              and s.level >= ${relaxLevel ? 1 : contact.min_level}))
      and not (a.user_id = any(${excluded}::uuid[]))
      and not exists (
            select 1 from contact_offers o
            where o.contact_id = ${contact.id} and o.agent_id = a.user_id and o.state in ('declined', 'expired')
              and o.decided_at > now() - make_interval(secs => ${DECLINE_MEMORY_SECONDS}))`;
}

/**
 * The longest idle competent operator with nothing open, locked (skipping those another process is offering to
 * right now): a walk of the index of operators marked free that stops at the first who is. A query of its own,
 * or a part of the statement that registers a new contact (`with cand as (…)`), which saves a round trip.
 */
export function freeCandidateQuery(contact: QueuedContact, excluded: readonly string[]): RawBuilder<{ user_id: string }> {
  return sql<{ user_id: string }>`
        select a.user_id
        from agents a
        join agent_channels ch on ch.user_id = a.user_id and ch.channel = ${contact.channel} and ch.capacity > 0
        where ${competentFor(contact, excluded)}
          and a.free
          and not exists (select 1 from contacts x where x.agent_id = a.user_id and x.state in (${OCCUPYING_SQL}))
        order by a.idle_since
        limit 1
        for update of a skip locked`;
}

/** The least loaded on the contact's channel, then longest idle, of the competent operators with room, locked. */
export async function lockLeastLoadedAgent(trx: Db, contact: QueuedContact, excluded: readonly string[]): Promise<string | undefined> {
  const result = await sql<{ user_id: string }>`
        select a.user_id
        from agents a
        join agent_channels ch on ch.user_id = a.user_id and ch.channel = ${contact.channel}
        ${loadOf(sql.ref("a.user_id"), sql`${contact.channel}`)}
        where ${competentFor(contact, excluded)}
          and ${hasRoom(sql`${contact.channel}`)}
        order by load.on_channel, a.idle_since
        limit 1
        for update of a skip locked`.execute(trx);
  return result.rows[0]?.user_id;
}

/**
 * Whether the operator has room for one more contact on the channel, counted by the statement that uses it:
 * written into the statement that creates an offer, after the operator's row is locked, so the count sees every
 * offer committed before the lock.
 */
export function roomFor(agentId: string, channel: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1
    from agent_channels ch
    ${loadOf(sql`${agentId}::uuid`, sql`${channel}`)}
    where ch.user_id = ${agentId} and ch.channel = ${channel} and ${hasRoom(sql`${channel}`)})`;
}

/**
 * The waiting contact a ready operator should take next — highest priority, then longest waiting — among those
 * they are competent for and have room for. With `lock`, the operator's row and the contact's are locked (both
 * skipped when another process holds them); without, it only tells whether there is anything to take.
 */
export async function nextContactForAgent(db: Db, agentId: string, lock: boolean): Promise<QueuedContact | undefined> {
  const result = await sql<QueuedContact>`
    select c.id, c.tenant_id, c.channel, c.language, c.topic_path, c.relaxed,
           q.id as queue_id, q.min_level, q.line, q.offer_timeout_seconds
    from agents a
    join contacts c on c.tenant_id = a.tenant_id and c.state = 'queued'
    join contact_queues q on q.id = c.queue_id
    join agent_channels ch on ch.user_id = a.user_id and ch.channel = c.channel
    ${loadOf(sql.ref("a.user_id"), sql.ref("c.channel"))}
    where a.user_id = ${agentId}
      and a.state = 'ready'
      and ${hasRoom(sql.ref("c.channel"))}
      and q.line <= a.line
      and ('language' = any(c.relaxed) or c.language = any(a.languages))
      and (cardinality(c.topic_path) = 0 or 'topic' = any(c.relaxed) or exists (
            select 1 from agent_skills s
            where s.user_id = a.user_id and s.topic_id = any(c.topic_path)
              and s.level >= case when 'level' = any(c.relaxed) then 1 else q.min_level end))
      and not exists (
            select 1 from contact_offers o
            where o.contact_id = c.id and o.agent_id = a.user_id and o.state in ('declined', 'expired')
              and o.decided_at > now() - make_interval(secs => ${DECLINE_MEMORY_SECONDS}))
    order by c.priority desc, c.queued_at
    limit 1
    ${lock ? sql`for update of a, c skip locked` : sql``}`.execute(db);
  return result.rows[0];
}

/**
 * Brings the `free` hint back in step with the operators' open contacts (a seat freed by a decline, a missed
 * offer, a transfer or a citizen leaving before an answer is not marked at once).
 */
export async function resyncFreeAgents(db: Db): Promise<void> {
  await sql`
    update agents a set free = not a.free
    where a.state = 'ready'
      and a.free = exists (select 1 from contacts x where x.agent_id = a.user_id and x.state in (${OCCUPYING_SQL}))`.execute(db);
}

/** Ready operators of a tenant with any room left, longest idle first (the sweep offers them waiting work). */
export async function readyAgentIds(db: Db, tenantId: string | null): Promise<string[]> {
  let query = db.selectFrom("agents").select("user_id").where("state", "=", sql.lit("ready")).orderBy("idle_since").limit(1000);
  if (tenantId !== null) {
    query = query.where("tenant_id", "=", tenantId);
  }
  return (await query.execute()).map((r) => r.user_id);
}

import type { BoardDto } from "@bailanys/common/api/contacts";
import type { ContactState } from "@bailanys/common/contacts";
import { KZ_UTC_OFFSET_MINUTES, localDateAt } from "@bailanys/common/calendar";
import { localizedName, type Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { presenceOf } from "../contacts/agent-workspace.service.ts";

interface QueueStatsRow {
  id: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  service_level_seconds: number;
  waiting: number;
  oldest_queued_at: Date | null;
  offered: number;
  active: number;
  answered_today: number;
  answered_in_target: number;
  abandoned_today: number;
  abandoned_after_target: number;
}

interface AgentRow {
  id: string;
  name: string;
  state: string;
  reason_code: string | null;
  state_since: Date;
  contacts: { id: string; channel: string; state: string; since: string | null; visitorName: string | null }[] | null;
}

/** Midnight of the tenant's current day (Asia/Almaty) as a UTC instant. */
export function startOfLocalDay(now: Date): Date {
  return new Date(Date.parse(`${localDateAt(now)}T00:00:00Z`) - KZ_UTC_OFFSET_MINUTES * 60_000);
}

/**
 * The supervisor's live board: per queue what waits, how long the oldest has waited, service level today
 * (answered within the queue's target over everything answered or abandoned after the target), abandoned;
 * per operator the state, time in it and the contacts they hold; today's faults of the voice service that cut calls.
 */
export async function buildBoard(db: Db, tenantId: string, locale: Locale): Promise<BoardDto> {
  const now = new Date();
  const dayStart = startOfLocalDay(now);
  const [queues, agents, reasons, readyPerQueue, incidents] = await Promise.all([
    sql<QueueStatsRow>`
      select q.id, q.name_kk, q.name_ru, q.name_en, q.service_level_seconds,
        count(*) filter (where c.state = 'queued')::int as waiting,
        min(c.queued_at) filter (where c.state = 'queued') as oldest_queued_at,
        count(*) filter (where c.state = 'offered')::int as offered,
        count(*) filter (where c.state in ('active', 'held'))::int as active,
        count(*) filter (where c.answered_at >= ${dayStart})::int as answered_today,
        count(*) filter (where c.answered_at >= ${dayStart}
                           and c.answered_at - c.queued_at <= make_interval(secs => q.service_level_seconds))::int as answered_in_target,
        count(*) filter (where c.outcome = 'abandoned' and c.ended_at >= ${dayStart})::int as abandoned_today,
        count(*) filter (where c.outcome = 'abandoned' and c.ended_at >= ${dayStart}
                           and c.ended_at - c.queued_at > make_interval(secs => q.service_level_seconds))::int as abandoned_after_target
      from contact_queues q
      left join contacts c on c.queue_id = q.id and (c.state in ('queued', 'offered', 'active', 'held') or c.arrived_at >= ${dayStart})
      where q.tenant_id = ${tenantId} and q.active
      group by q.id
      order by q.sort, q.code`.execute(db),
    sql<AgentRow>`
      select u.id, u.full_name as name, a.state, a.reason_code, a.state_since,
        json_agg(json_build_object('id', c.id, 'channel', c.channel, 'state', c.state,
                                   'since', coalesce(c.answered_at, c.offered_at), 'visitorName', c.visitor_name)
                 order by c.answered_at) filter (where c.id is not null) as contacts
      from agents a
      join users u on u.id = a.user_id
      left join contacts c on c.agent_id = a.user_id and c.state in ('offered', 'active', 'held', 'wrapup')
      where a.tenant_id = ${tenantId} and u.active
      group by u.id, u.full_name, a.state, a.reason_code, a.state_since
      order by (a.state = 'offline'), u.full_name`.execute(db),
    db.selectFrom("not_ready_reasons").selectAll().where("tenant_id", "=", tenantId).execute(),
    readyAgentsPerQueue(db, tenantId),
    db.selectFrom("voice_incidents").select(["at", "kind", "calls_cut"]).where("tenant_id", "=", tenantId).where("at", ">=", dayStart).orderBy("at", "desc").limit(10).execute(),
  ]);
  return {
    at: now.toISOString(),
    queues: queues.rows.map((q) => {
      const measured = q.answered_today + q.abandoned_after_target;
      return {
        id: q.id,
        name: localizedName(q, locale),
        waiting: q.waiting,
        oldestQueuedAt: q.oldest_queued_at?.toISOString() ?? null,
        offered: q.offered,
        active: q.active,
        serviceLevelPct: measured === 0 ? null : Math.round((1000 * q.answered_in_target) / measured) / 10,
        answeredToday: q.answered_today,
        abandonedToday: q.abandoned_today,
        serviceLevelSeconds: q.service_level_seconds,
        agentsReady: readyPerQueue.get(q.id) ?? 0,
      };
    }),
    agents: agents.rows.map((a) => {
      const contacts = a.contacts ?? [];
      const reason = a.reason_code ? reasons.find((r) => r.code === a.reason_code) : undefined;
      return {
        id: a.id,
        name: a.name,
        presence: presenceOf(a.state, contacts.map((c) => c.state)),
        reason: reason ? { code: reason.code, name: localizedName(reason, locale) } : null,
        since: a.state_since.toISOString(),
        contacts: contacts.map((c) => ({ id: c.id, channel: c.channel, state: c.state as ContactState, since: c.since === null ? null : new Date(c.since).toISOString(), visitorName: c.visitorName })),
      };
    }),
    voiceIncidents: incidents.map((incident) => ({ at: incident.at.toISOString(), kind: incident.kind, callsCut: incident.calls_cut })),
  };
}

/** Ready operators who serve each queue's channels (skills aside): how many could take its next contact. */
async function readyAgentsPerQueue(db: Db, tenantId: string): Promise<Map<string, number>> {
  const rows = await sql<{ queue_id: string; n: number }>`
    select q.id as queue_id, count(distinct a.user_id)::int as n
    from contact_queues q
    join agent_channels ch on ch.tenant_id = q.tenant_id and ch.channel = any(q.channels)
    join agents a on a.user_id = ch.user_id and a.state = 'ready' and a.line >= q.line
    where q.tenant_id = ${tenantId}
    group by q.id`.execute(db);
  return new Map(rows.rows.map((r) => [r.queue_id, r.n]));
}

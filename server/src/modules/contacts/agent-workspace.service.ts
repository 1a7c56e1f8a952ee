import type { AgentSnapshot, OfferDto, WorkspaceOptions } from "@bailanys/common/api/contacts";
import type { AgentPresence, AgentState } from "@bailanys/common/contacts";
import { localizedName } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { presentContacts } from "./contact.presenter.ts";

/** What an operator shows as: their chosen state, or busy / wrap-up from what they have open. */
export function presenceOf(state: string, openStates: readonly string[]): AgentPresence {
  if (state === "offline") {
    return "offline";
  }
  if (openStates.some((s) => s === "active" || s === "held" || s === "offered")) {
    return "busy";
  }
  if (openStates.includes("wrapup")) {
    return "wrapup";
  }
  return state === "ready" ? "ready" : "not_ready";
}

/** Everything the operator window needs after (re)connecting: state, pending offers, open contacts. */
export async function agentSnapshot(db: Db, actor: Actor): Promise<AgentSnapshot> {
  const [agent, ref, offers, open] = await Promise.all([
    db.selectFrom("agents").selectAll().where("user_id", "=", actor.userId).where("tenant_id", "=", actor.tenantId).executeTakeFirst(),
    referenceSnapshot(db, actor.tenantId),
    db
      .selectFrom("contact_offers")
      .select(["id", "contact_id", "expires_at", sql<number>`greatest(0, extract(epoch from expires_at - now()))::int`.as("seconds_left")])
      .where("agent_id", "=", actor.userId)
      .where("state", "=", "pending")
      .orderBy("offered_at")
      .execute(),
    db
      .selectFrom("contacts")
      .select(["id", "state"])
      .where("agent_id", "=", actor.userId)
      .where("state", "in", ["active", "held", "wrapup"])
      .orderBy("answered_at")
      .execute(),
  ]);
  const [channels, skills, reasons] = agent
    ? await Promise.all([
        db.selectFrom("agent_channels").select(["channel", "capacity"]).where("user_id", "=", actor.userId).orderBy("channel").execute(),
        db.selectFrom("agent_skills").select(["topic_id", "level"]).where("user_id", "=", actor.userId).execute(),
        db.selectFrom("not_ready_reasons").selectAll().where("tenant_id", "=", actor.tenantId).execute(),
      ])
    : [[], [], []];
  const contactIds = [...offers.map((o) => o.contact_id), ...open.map((c) => c.id)];
  const views = new Map((await presentContacts(db, actor.tenantId, contactIds, actor.locale)).map((c) => [c.id, c]));
  const state = (agent?.state ?? "offline") as AgentState;
  const reason = agent?.reason_code ? reasons.find((r) => r.code === agent.reason_code) : undefined;
  return {
    profile: agent
      ? {
          languages: agent.languages,
          line: agent.line,
          channels,
          skills: skills.map((s) => {
            const topic = ref.classifier.get(s.topic_id);
            return { topic: { id: s.topic_id, name: topic ? localizedName(topic, actor.locale) : "" }, level: s.level };
          }),
        }
      : null,
    state,
    presence: presenceOf(state, [...open.map((c) => c.state), ...offers.map(() => "offered")]),
    reason: reason ? { code: reason.code, name: localizedName(reason, actor.locale) } : null,
    stateSince: (agent?.state_since ?? new Date()).toISOString(),
    offers: offers.flatMap((o) => {
      const contact = views.get(o.contact_id);
      return contact ? [{ id: o.id, contactId: o.contact_id, expiresAt: o.expires_at.toISOString(), secondsLeft: o.seconds_left, contact }] : [];
    }),
    contacts: open.flatMap((c) => views.get(c.id) ?? []),
  };
}

/** One pending offer as the operator's window shows it (the offer frame), or null when it is gone. */
export async function presentOffer(db: Db, actor: Actor, offerId: string): Promise<OfferDto | null> {
  const offer = await db
    .selectFrom("contact_offers")
    .select(["id", "contact_id", "expires_at", sql<number>`greatest(0, extract(epoch from expires_at - now()))::int`.as("seconds_left")])
    .where("id", "=", offerId)
    .where("agent_id", "=", actor.userId)
    .where("state", "=", "pending")
    .executeTakeFirst();
  if (!offer) {
    return null;
  }
  const [contact] = await presentContacts(db, actor.tenantId, [offer.contact_id], actor.locale);
  return contact ? { id: offer.id, contactId: offer.contact_id, expiresAt: offer.expires_at.toISOString(), secondsLeft: offer.seconds_left, contact } : null;
}

/** Queues to transfer to, wrap-up codes, not-ready reasons, canned replies and colleagues' presence. */
export async function workspaceOptions(db: Db, actor: Actor): Promise<WorkspaceOptions> {
  const [queues, wrapups, reasons, canned, colleagues] = await Promise.all([
    db.selectFrom("contact_queues").selectAll().where("tenant_id", "=", actor.tenantId).where("active", "=", true).orderBy("sort").execute(),
    db.selectFrom("wrapup_codes").selectAll().where("tenant_id", "=", actor.tenantId).where("active", "=", true).where("code", "<>", "auto").orderBy("sort").execute(),
    db.selectFrom("not_ready_reasons").selectAll().where("tenant_id", "=", actor.tenantId).where("active", "=", true).where("code", "<>", "missed_offer").orderBy("sort").execute(),
    db.selectFrom("canned_replies").selectAll().where("tenant_id", "=", actor.tenantId).where("active", "=", true).orderBy("sort").orderBy("title").execute(),
    sql<{ id: string; name: string; state: string; open_states: string[] }>`
      select u.id, u.full_name as name, a.state,
             coalesce(array_agg(c.state) filter (where c.id is not null), '{}') as open_states
      from agents a
      join users u on u.id = a.user_id
      left join contacts c on c.agent_id = a.user_id and c.state in ('offered', 'active', 'held', 'wrapup')
      where a.tenant_id = ${actor.tenantId} and a.user_id <> ${actor.userId} and u.active
      group by u.id, u.full_name, a.state
      order by u.full_name`.execute(db),
  ]);
  return {
    queues: queues.map((q) => ({ id: q.id, name: localizedName(q, actor.locale), line: q.line, channels: q.channels })),
    wrapupCodes: wrapups.map((w) => ({ code: w.code, name: localizedName(w, actor.locale) })),
    notReadyReasons: reasons.map((r) => ({ code: r.code, name: localizedName(r, actor.locale) })),
    cannedReplies: canned.map((c) => ({ id: c.id, language: c.language, title: c.title, body: c.body, topicId: c.topic_id })),
    colleagues: colleagues.rows.map((c) => ({ id: c.id, name: c.name, presence: presenceOf(c.state, c.open_states) })),
  };
}

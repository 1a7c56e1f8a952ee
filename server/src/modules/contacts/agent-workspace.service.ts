import type { AgentSnapshot, OfferDto, WorkspaceOptions } from "@bailanys/common/api/contacts";
import type { AgentPresence, AgentState } from "@bailanys/common/contacts";
import { localizedName } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { agentProfile } from "./agent-profile.repository.ts";
import { presentContactRows } from "./contact.presenter.ts";
import { agentWork } from "./contact-view.repository.ts";

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
  const [profile, ref, work] = await Promise.all([agentProfile(db, actor.tenantId, actor.userId), referenceSnapshot(db, actor.tenantId), agentWork(db, actor.tenantId, actor.userId)]);
  const views = new Map((await presentContactRows(db, actor.tenantId, work, actor.locale)).map((c) => [c.id, c]));
  const offers = work.flatMap((row) => {
    const contact = views.get(row.id);
    return row.offer_id !== null && row.offer_expires_at !== null && contact
      ? [{ id: row.offer_id, contactId: row.id, expiresAt: row.offer_expires_at.toISOString(), secondsLeft: row.offer_seconds_left ?? 0, contact }]
      : [];
  });
  const open = work.filter((row) => row.state !== "offered");
  const state = (profile?.state ?? "offline") as AgentState;
  return {
    profile: profile
      ? {
          languages: profile.languages,
          line: profile.line,
          channels: profile.channels,
          skills: profile.skills.map((s) => {
            const topic = ref.classifier.get(s.topic_id);
            return { topic: { id: s.topic_id, name: topic ? localizedName(topic, actor.locale) : "" }, level: s.level };
          }),
        }
      : null,
    state,
    presence: presenceOf(state, [...open.map((c) => c.state), ...offers.map(() => "offered")]),
    reason: profile?.reason ? { code: profile.reason.code, name: localizedName(profile.reason, actor.locale) } : null,
    stateSince: (profile?.state_since ?? new Date()).toISOString(),
    offers,
    contacts: open.flatMap((c) => views.get(c.id) ?? []),
  };
}

/** One pending offer as the operator's window shows it (the offer frame), or null when it is gone. */
export async function presentOffer(db: Db, actor: Actor, offerId: string): Promise<OfferDto | null> {
  const [row] = await agentWork(db, actor.tenantId, actor.userId, offerId);
  if (!row || row.offer_id === null || row.offer_expires_at === null) {
    return null;
  }
  const [contact] = await presentContactRows(db, actor.tenantId, [row], actor.locale);
  return contact ? { id: row.offer_id, contactId: row.id, expiresAt: row.offer_expires_at.toISOString(), secondsLeft: row.offer_seconds_left ?? 0, contact } : null;
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

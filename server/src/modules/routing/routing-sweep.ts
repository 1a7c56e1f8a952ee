import { sql } from "kysely";
import { abandonSilentChats, closeOverdueWrapups } from "../contacts/contact-end.service.ts";
import { appendLog } from "../contacts/contact-log.repository.ts";
import { expireOffers } from "../contacts/contact-offer.service.ts";
import { dispatchContact, type RoutingDeps } from "./dispatch.ts";
import { nextReviewAt } from "./queue-review.ts";
import { relaxationsAt, type WideningStep } from "./routing-rules.ts";
import { resyncFreeAgents } from "./routing.repository.ts";
import { transact } from "../../realtime/event-bus.ts";

export interface SweepOptions {
  /** A waiting web chat whose page has not been heard from for this long is abandoned. */
  silentChatSeconds: number;
  /** An operator not seen (no open window) for this long is taken offline. */
  staleAgentSeconds: number;
}

/** A waiting contact older than this is one the event-driven dispatch did not place; the sweep retries it. */
const STALE_AFTER_SECONDS = 1;

export const DEFAULT_SWEEP: SweepOptions = { silentChatSeconds: 90, staleAgentSeconds: 120 };

/**
 * The routing engine's clock, run by every worker: offers that timed out, waiting contacts due for widening,
 * overflow or a callback offer, wrap-ups past their limit, abandoned chats, vanished operators, and contacts
 * still waiting after the event-driven dispatch (which also recovers anything a dead process left behind).
 */
export async function sweepRouting(deps: RoutingDeps, options: SweepOptions = DEFAULT_SWEEP): Promise<number> {
  let work = 0;
  work += await expireOffers(deps);
  work += await reviewWaiting(deps);
  work += await closeOverdueWrapups(deps);
  work += await abandonSilentChats(deps, options.silentChatSeconds);
  work += await takeStaleAgentsOffline(deps, options.staleAgentSeconds);
  work += await offerStaleContacts(deps);
  await resyncFreeAgents(deps.db);
  return work;
}

/** Widening steps, overflow and callback offers of contacts that have waited long enough. */
export async function reviewWaiting(deps: RoutingDeps, limit = 200): Promise<number> {
  const due = await deps.db
    .selectFrom("contacts")
    .select("id")
    .where("state", "=", sql.lit("queued"))
    .where("next_review_at", "<=", sql<Date>`now()`)
    .orderBy("next_review_at")
    .limit(limit)
    .execute();
  let reviewed = 0;
  for (const { id } of due) {
    const changed = await transact(deps, async (trx) => {
      const contact = await trx.selectFrom("contacts").selectAll().where("id", "=", id).where("state", "=", "queued").forUpdate().skipLocked().executeTakeFirst();
      if (!contact || contact.queue_id === null || contact.queued_at === null) {
        return false;
      }
      let queue = await trx.selectFrom("contact_queues").selectAll().where("id", "=", contact.queue_id).executeTakeFirstOrThrow();
      const now = new Date();
      const ref = { id: contact.id, tenantId: contact.tenant_id };
      let queuedAt = contact.queued_at;
      const waited = (now.getTime() - queuedAt.getTime()) / 1000;
      let { step, relaxed } = relaxationsAt(queue.widening as WideningStep[], waited);
      let callbackOfferedAt = contact.callback_offered_at;
      let queueId = queue.id;
      let priority = contact.priority;
      if (queue.overflow_queue_id !== null && queue.overflow_after_seconds !== null && waited >= queue.overflow_after_seconds) {
        const target = await trx.selectFrom("contact_queues").selectAll().where("id", "=", queue.overflow_queue_id).where("active", "=", true).executeTakeFirst();
        if (target && target.channels.includes(contact.channel)) {
          priority = contact.priority - queue.priority + target.priority;
          queue = target;
          queueId = target.id;
          queuedAt = now;
          ({ step, relaxed } = { step: 0, relaxed: [] });
          await appendLog(trx, deps.bus, ref, { kind: "event", event: "overflowed", authorKind: "system", staffOnly: true, data: { queueId } });
        }
      }
      if (step > contact.widen_step) {
        await appendLog(trx, deps.bus, ref, { kind: "event", event: "widened", authorKind: "system", staffOnly: true, data: { relaxed } });
      }
      const callbackDue = queue.callback_after_seconds !== null && callbackOfferedAt === null && (now.getTime() - queuedAt.getTime()) / 1000 >= queue.callback_after_seconds;
      if (callbackDue) {
        callbackOfferedAt = now;
        // Shown to the citizen: the widget offers to leave a number instead of waiting (R13.1).
        await appendLog(trx, deps.bus, ref, { kind: "event", event: "callback_offered", authorKind: "system" });
      }
      await trx
        .updateTable("contacts")
        .set({
          queue_id: queueId,
          queued_at: queuedAt,
          priority,
          relaxed,
          widen_step: step,
          callback_offered_at: callbackOfferedAt,
          next_review_at: nextReviewAt(queue, queuedAt, step, callbackOfferedAt),
        })
        .where("id", "=", contact.id)
        .execute();
      await deps.bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId: null, state: "queued" });
      return true;
    });
    if (changed) {
      reviewed += 1;
      await dispatchContact(deps, id);
    }
  }
  return reviewed;
}

/** Operators whose windows have all been closed for a while go offline, so that nothing is offered to them. */
export async function takeStaleAgentsOffline(deps: RoutingDeps, staleSeconds: number): Promise<number> {
  const gone = await transact(deps, async (trx) => {
    const rows = await sql<{ user_id: string; tenant_id: string }>`
      update agents set state = 'offline', reason_code = null, state_since = now()
      where user_id in (
        select user_id from agents
        where state <> 'offline' and (last_seen_at is null or last_seen_at < now() - make_interval(secs => ${staleSeconds}))
        for update skip locked)
      returning user_id, tenant_id`.execute(trx);
    for (const row of rows.rows) {
      await deps.bus.publish(trx, { type: "agent.changed", tenantId: row.tenant_id, agentId: row.user_id });
    }
    return rows.rows.length;
  });
  return gone;
}

/**
 * Contacts that have waited past the event-driven dispatch (a process died before dispatching, nobody was free
 * when they arrived and nothing has freed since, a lost notification): each is offered to whoever can take it
 * now. Bounded by the stale contacts, not by the free operators, so a quiet centre with many ready operators
 * costs nothing.
 */
export async function offerStaleContacts(deps: RoutingDeps, limit = 50): Promise<number> {
  const stale = await deps.db
    .selectFrom("contacts")
    .select("id")
    .where("state", "=", sql.lit("queued"))
    .where("queued_at", "<", sql<Date>`now() - make_interval(secs => ${STALE_AFTER_SECONDS})`)
    .orderBy("priority", "desc")
    .orderBy("queued_at")
    .limit(limit)
    .execute();
  let offers = 0;
  for (const { id } of stale) {
    offers += (await dispatchContact(deps, id)) === null ? 0 : 1;
  }
  return offers;
}

import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { createOffer, dispatchContact, type RoutingDeps } from "../routing/dispatch.ts";
import { nextReviewAt } from "../routing/queue-review.ts";
import { endHoldColumns } from "./contact-hold.service.ts";
import { writeLog, type NewLogEntry } from "./contact-log.repository.ts";
import { lockOwnActiveContact } from "./contact.repository.ts";
import { transact } from "../../realtime/event-bus.ts";

export type TransferTarget = { queueId: string } | { agentId: string };

/**
 * Hands an active contact on with its whole log and a note for the next operator: to a queue (the 2nd line is
 * a queue of a higher line) or straight to an operator who is ready and has room (offered to them; if they
 * decline or miss it, it waits in its queue).
 */
export async function transferContact(deps: RoutingDeps, actor: Actor, contactId: string, target: TransferTarget, note: string | null): Promise<void> {
  const requeued = await transact(deps, async (trx) => {
    const contact = await lockOwnActiveContact(trx, actor.tenantId, actor.userId, contactId);
    const queueId = "queueId" in target ? target.queueId : contact.queue_id;
    const queue = await trx.selectFrom("contact_queues").selectAll().where("tenant_id", "=", actor.tenantId).where("id", "=", queueId ?? "").where("active", "=", true).executeTakeFirst();
    if (!queue || !queue.channels.includes(contact.channel)) {
      throw AppError.field("queueId", "REFERENCE_UNKNOWN");
    }
    if ("agentId" in target && target.agentId === actor.userId) {
      throw AppError.field("agentId", "FIELD_INVALID");
    }
    const now = new Date();
    const entries: NewLogEntry[] = [
      {
        kind: "event",
        event: "transferred",
        authorKind: "agent",
        authorId: actor.userId,
        data: "agentId" in target ? { toAgentId: target.agentId, queueId: queue.id } : { queueId: queue.id },
      },
      ...(note ? [{ kind: "note", authorKind: "agent", authorId: actor.userId, body: note, staffOnly: true } as const] : []),
    ];
    await writeLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, entries, {
      state: "queued",
      agent_id: null,
      queue_id: queue.id,
      queued_at: now,
      transferred_at: now,
      ...endHoldColumns(),
      relaxed: [],
      widen_step: 0,
      // The contact keeps its criticality bonus on top of the new queue's priority.
      priority: queue.priority + contact.priority - (await queuePriority(trx, contact.queue_id)),
      next_review_at: nextReviewAt(queue, now, 0, contact.callback_offered_at),
    });
    await deps.bus.publish(trx, { type: "agent.changed", tenantId: actor.tenantId, agentId: actor.userId });
    await deps.bus.publish(trx, { type: "contact.changed", tenantId: actor.tenantId, contactId: contact.id, agentId: null, state: "queued" });
    if (!("agentId" in target)) {
      return true;
    }
    // Straight to a colleague: they must be ready with room now; their row is locked without waiting.
    const colleague = await sql<{ user_id: string }>`
      select user_id from agents where user_id = ${target.agentId} and tenant_id = ${actor.tenantId} and state = 'ready'
      for update skip locked`.execute(trx);
    if (colleague.rows.length === 0) {
      throw new AppError("AGENT_NO_ROOM");
    }
    const offerId = await createOffer(trx, deps.bus, {
      id: contact.id,
      tenant_id: contact.tenant_id,
      channel: contact.channel,
      language: contact.language,
      topic_path: contact.topic_path,
      relaxed: [],
      queue_id: queue.id,
      min_level: queue.min_level,
      line: queue.line,
      offer_timeout_seconds: queue.offer_timeout_seconds,
    }, target.agentId);
    if (offerId === null) {
      throw new AppError("AGENT_NO_ROOM");
    }
    return false;
  });
  if (requeued) {
    await dispatchContact(deps, contactId);
  }
}

async function queuePriority(trx: Db, queueId: string | null): Promise<number> {
  if (queueId === null) {
    return 0;
  }
  const row = await trx.selectFrom("contact_queues").select("priority").where("id", "=", queueId).executeTakeFirst();
  return row?.priority ?? 0;
}

import { sql } from "kysely";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact } from "../../realtime/event-bus.ts";
import type { RoutingDeps } from "../routing/dispatch.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { canReadAppeal } from "../appeals/appeal.policy.ts";
import { findAppeal } from "../appeals/appeal.repository.ts";
import { activeQueues, pickQueue } from "../contacts/contact-queues.repository.ts";
import { OCCUPYING_SQL } from "../contacts/contact.repository.ts";
import { queueOutboundCall, statedReason, type OutboundCallInput } from "./outbound-call.service.ts";

/**
 * An operator calls the citizen of an appeal (a follow-up) with no contact open: an outbound phone contact is
 * opened for them, active in their window and linked to the appeal and the citizen, and the call is requested as
 * for any contact they hold (`queueOutboundCall`: R13.3 reason, R13.4 do-not-call, R13.5 hours), all in one
 * transaction, so a refused call leaves no contact behind. A call takes the operator whole, as routing has it:
 * an operator with anything open is refused.
 */
export async function callAppealCitizen(deps: RoutingDeps, actor: Actor, meta: RequestMeta, appealId: string, input: OutboundCallInput): Promise<{ id: string; contactId: string }> {
  const reason = statedReason(input);
  const appeal = await findAppeal(deps.db, actor.tenantId, appealId);
  if (!appeal || !canReadAppeal(actor, appeal)) {
    throw new AppError("NOT_FOUND");
  }
  const citizen =
    appeal.citizen_id === null
      ? undefined
      : await deps.db.selectFrom("citizens").select(["id", "full_name", "phone", "preferred_language"]).where("tenant_id", "=", actor.tenantId).where("id", "=", appeal.citizen_id).executeTakeFirst();
  if (citizen) {
    // The citizen's number is read to be called: recorded like a read of the card, whether the call goes ahead or not.
    await recordAudit(deps.db, actor, meta, { action: "citizen.read", entity: "appeal", entityId: appeal.id, details: { citizenId: citizen.id } });
  }
  const [rules, queues] = await Promise.all([calendarRules(deps.db, actor.tenantId), activeQueues(deps.db, actor.tenantId)]);
  const queue = pickQueue(queues, "phone", []);
  return transact(deps, async (trx) => {
    // The operator's row, locked: two calls asked at once do not both find them free.
    const agent = await trx.selectFrom("agents").select("user_id").where("tenant_id", "=", actor.tenantId).where("user_id", "=", actor.userId).forUpdate().executeTakeFirst();
    if (!agent) {
      throw new AppError("AGENT_PROFILE_MISSING");
    }
    const open = await trx.selectFrom("contacts").select("id").where("agent_id", "=", actor.userId).where(sql<boolean>`state in (${OCCUPYING_SQL})`).executeTakeFirst();
    if (open) {
      throw new AppError("AGENT_NO_ROOM");
    }
    const phone = input.phone ?? citizen?.phone ?? null;
    const contact = await trx
      .insertInto("contacts")
      .values({
        tenant_id: actor.tenantId,
        channel: "phone",
        direction: "outbound",
        state: "active",
        queue_id: queue?.id ?? null,
        original_queue_id: queue?.id ?? null,
        language: appeal.language_code,
        locale: citizen?.preferred_language ?? appeal.language_code,
        agent_id: actor.userId,
        citizen_id: citizen?.id ?? null,
        visitor_name: citizen?.full_name ?? null,
        visitor_phone: phone,
        queued_at: sql<Date>`now()`,
        answered_at: sql<Date>`now()`,
      })
      .returning(["id", "callback_window_start", "callback_window_end"])
      .executeTakeFirstOrThrow();
    await trx.insertInto("contact_appeals").values({ tenant_id: actor.tenantId, contact_id: contact.id, appeal_id: appeal.id }).execute();
    const call = await queueOutboundCall(trx, deps.bus, actor, meta, { contact, phone, reason, rules });
    await deps.bus.publish(trx, { type: "contact.changed", tenantId: actor.tenantId, contactId: contact.id, agentId: actor.userId, state: "active" });
    return { id: call.id, contactId: contact.id };
  });
}

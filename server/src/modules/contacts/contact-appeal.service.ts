import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { can } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import type { EventBus } from "../../realtime/event-bus.ts";
import { appendLog } from "./contact-log.repository.ts";
import { lockContact, type ContactRow } from "./contact.repository.ts";

/**
 * Locks the contact an appeal is being registered from: the operator handling it (or a supervisor) may do so
 * while it is open or in wrap-up, or after it closed. Runs before the registration, in its transaction.
 */
export async function lockContactForAppeal(trx: Db, actor: Actor, contactId: string): Promise<ContactRow> {
  const contact = await lockContact(trx, actor.tenantId, contactId).catch(() => {
    throw AppError.field("contactId", "REFERENCE_UNKNOWN");
  });
  if (contact.agent_id !== actor.userId && !can(actor, "contact.monitor")) {
    throw AppError.field("contactId", "REFERENCE_UNKNOWN");
  }
  return contact;
}

/**
 * Links a just-registered appeal to its conversation: the citizen sees the registration number in the chat,
 * and an unmatched contact takes the appeal's citizen record, so the timeline joins them.
 */
export async function linkAppealToContact(trx: Db, bus: EventBus, contact: ContactRow, appeal: { id: string; number: string; citizen_id: string | null }): Promise<void> {
  await trx.insertInto("contact_appeals").values({ tenant_id: contact.tenant_id, contact_id: contact.id, appeal_id: appeal.id }).execute();
  if (contact.citizen_id === null && appeal.citizen_id !== null) {
    await trx.updateTable("contacts").set({ citizen_id: appeal.citizen_id }).where("id", "=", contact.id).execute();
  }
  await appendLog(trx, bus, { id: contact.id, tenantId: contact.tenant_id }, {
    kind: "event",
    event: "appeal_registered",
    authorKind: "agent",
    authorId: contact.agent_id,
    data: { appealId: appeal.id, number: appeal.number },
  });
  await bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId: contact.agent_id, state: contact.state });
}

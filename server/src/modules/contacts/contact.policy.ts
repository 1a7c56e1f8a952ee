import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { can } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";

/**
 * Who may read a contact: supervisors and QA (contact.monitor) any of their tenant's; an operator the contacts
 * offered to them or that they handled. Anything else is NOT_FOUND, so ids reveal nothing.
 */
export async function assertCanReadContact(db: Db, actor: Actor, contactId: string): Promise<void> {
  const contact = await db.selectFrom("contacts").select(["id", "agent_id"]).where("id", "=", contactId).where("tenant_id", "=", actor.tenantId).executeTakeFirst();
  if (!contact) {
    throw new AppError("NOT_FOUND");
  }
  if (can(actor, "contact.monitor") || contact.agent_id === actor.userId) {
    return;
  }
  const handled = await db
    .selectFrom("contact_offers")
    .select("id")
    .where("contact_id", "=", contactId)
    .where("agent_id", "=", actor.userId)
    .where("state", "in", ["pending", "accepted"])
    .executeTakeFirst();
  if (!handled) {
    throw new AppError("NOT_FOUND");
  }
}

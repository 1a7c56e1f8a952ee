import { OCCUPYING_STATES, OPEN_STATES } from "@bailanys/common/contacts";
import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ContactsTable } from "../../db/schema-contacts.ts";
import { AppError } from "../../platform/app-error.ts";

export type ContactRow = Selectable<ContactsTable>;

/**
 * The states that hold an operator's seat, as SQL literals rather than parameters: the statements are prepared,
 * and only with the values written in can a generic plan use the partial index on them (the operator's load).
 */
export const OCCUPYING_SQL = sql.join(OCCUPYING_STATES.map((state) => sql.lit(state)));

/** Locks a contact of the tenant for a change; NOT_FOUND when it does not exist there. */
export async function lockContact(trx: Db, tenantId: string, contactId: string): Promise<ContactRow> {
  const row = await trx.selectFrom("contacts").selectAll().where("id", "=", contactId).where("tenant_id", "=", tenantId).forUpdate().executeTakeFirst();
  if (!row) {
    throw new AppError("NOT_FOUND");
  }
  return row;
}

/** Locks a contact the operator is handling now (active or on hold). */
export async function lockOwnActiveContact(trx: Db, tenantId: string, agentId: string, contactId: string): Promise<ContactRow> {
  const row = await lockContact(trx, tenantId, contactId);
  if (row.agent_id !== agentId) {
    throw new AppError("NOT_YOUR_CONTACT");
  }
  if (row.state !== "active" && row.state !== "held") {
    throw new AppError("CONTACT_NOT_ACTIVE");
  }
  return row;
}

export function isOpen(state: string): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

/** Withdraws a contact's pending offer (the citizen left, the operator went offline). Returns the operator. */
export async function withdrawPendingOffer(trx: Db, contactId: string): Promise<string | null> {
  const offer = await trx
    .updateTable("contact_offers")
    .set({ state: "withdrawn", decided_at: new Date() })
    .where("contact_id", "=", contactId)
    .where("state", "=", "pending")
    .returning("agent_id")
    .executeTakeFirst();
  return offer?.agent_id ?? null;
}

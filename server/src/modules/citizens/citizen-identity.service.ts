import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/** What tying a sender's id to a record did, for the audit record (ids of records only, never the sender's id). */
export type IdentityTie = { identity: "added" } | { identity: "kept" } | { identity: "moved"; identityFromCitizenId: string };

/** The record a sender's id on a channel is tied to: an exact match, since one id belongs to one record. */
export async function citizenByIdentity(trx: Db, tenantId: string, channel: string, externalId: string): Promise<string | null> {
  const row = await trx
    .selectFrom("citizen_identities")
    .select("citizen_id")
    .where("tenant_id", "=", tenantId)
    .where("channel", "=", channel)
    .where("external_id", "=", externalId)
    .executeTakeFirst();
  return row?.citizen_id ?? null;
}

/**
 * Ties the sender of a contact to the record the operator has just put the contact in, so that the next contact
 * from the same id lands in that record. A verification is certain; a hand link is the operator's judgement and
 * is recorded too, because it is the latest word on who this sender is — a tie left on the old record would file
 * the next message where the operator has just said it does not belong. An id tied to another record therefore
 * moves (who and when are those of the move) and the result says from where. Contacts without a sender id (web
 * chat) tie nothing and cost no statement.
 */
export async function tieContactSender(
  trx: Db,
  contact: { tenant_id: string; channel: string; visitor_external_id: string | null },
  citizenId: string,
  actorId: string,
): Promise<IdentityTie | null> {
  if (contact.visitor_external_id === null) {
    return null;
  }
  const key = { tenant_id: contact.tenant_id, channel: contact.channel, external_id: contact.visitor_external_id };
  // One statement: the CTE reads the tie as it was, the upsert writes it (no row back when it was already there).
  const row = await trx
    .with("before", (db) =>
      db.selectFrom("citizen_identities").select("citizen_id").where("tenant_id", "=", key.tenant_id).where("channel", "=", key.channel).where("external_id", "=", key.external_id),
    )
    .insertInto("citizen_identities")
    .values({ ...key, citizen_id: citizenId, created_by: actorId })
    .onConflict((oc) =>
      oc
        .columns(["tenant_id", "channel", "external_id"])
        .doUpdateSet({ citizen_id: (eb) => eb.ref("excluded.citizen_id"), created_by: (eb) => eb.ref("excluded.created_by"), created_at: sql<Date>`now()` })
        .whereRef("citizen_identities.citizen_id", "<>", "excluded.citizen_id"),
    )
    .returning((eb) => eb.selectFrom("before").select("citizen_id").as("previous"))
    .executeTakeFirst();
  if (!row) {
    return { identity: "kept" };
  }
  return row.previous ? { identity: "moved", identityFromCitizenId: row.previous } : { identity: "added" };
}

/** Moves a merged record's sender ids to the kept one (a person may have several ids on one channel); returns how many. */
export async function moveIdentities(trx: Db, tenantId: string, fromCitizenId: string, toCitizenId: string): Promise<number> {
  const result = await trx.updateTable("citizen_identities").set({ citizen_id: toCitizenId }).where("tenant_id", "=", tenantId).where("citizen_id", "=", fromCitizenId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

import { mergeConflict, mergeSide, type MergeCitizensBody, type MergeField, type MergeResultDto } from "@bailanys/common/api/citizens";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { CitizensTable } from "../../db/schema.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { moveIdentities } from "./citizen-identity.service.ts";
import { citizenQuery, presentCitizen } from "./citizen-lookup.service.ts";

type Row = Pick<CitizensTable, "kind" | "iin" | "full_name" | "phone" | "email" | "address"> & { id: string; preferred_language: string };

const COLUMN = {
  fullName: "full_name",
  phone: "phone",
  email: "email",
  address: "address",
  preferredLanguage: "preferred_language",
} as const satisfies Record<MergeField, keyof Row>;

/**
 * The details of the merged person, each from the side `mergeSide` chooses, and the names of those taken from
 * the merged record. The ИИН/БИН is whichever record has it (two different ones are refused before this).
 */
export function mergedDetails(kept: Row, merged: Row, take: MergeCitizensBody["take"] = {}) {
  const taken: MergeField[] = [];
  const choose = <F extends MergeField>(field: F): Row[(typeof COLUMN)[F]] => {
    const column = COLUMN[field];
    const fromMerged = mergeSide(kept[column], merged[column], take[field]) === "merged";
    if (fromMerged && merged[column] !== kept[column]) {
      taken.push(field);
    }
    return fromMerged ? merged[column] : kept[column];
  };
  const values = {
    iin: kept.iin ?? merged.iin,
    full_name: choose("fullName"),
    phone: choose("phone"),
    email: choose("email"),
    address: choose("address"),
    preferred_language: choose("preferredLanguage"),
  };
  return { values, taken };
}

/**
 * Merges two records of one person (R32.2: one timeline whichever channel they used). Everything that points at
 * the merged record moves to the kept one, the merged record is deleted, and the merge is kept with its reason
 * and audited — all in one transaction. Records with different ИИН/БИН, or a person and an organisation, are
 * different applicants and are refused. Open conversations of the merged record are told, so their cards reload.
 */
export async function mergeCitizens(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, input: MergeCitizensBody): Promise<MergeResultDto> {
  if (input.keptId === input.mergedId) {
    throw AppError.field("mergedId", "CITIZEN_MERGE_SAME");
  }
  const reason = input.reason.trim();
  if (reason === "") {
    throw AppError.field("reason", "FIELD_REQUIRED");
  }
  const tenantId = actor.tenantId;
  return transact(deps, async (trx) => {
    // Both rows locked in id order, so two merges of the same pair cannot deadlock.
    const rows = await trx.selectFrom("citizens").selectAll().where("tenant_id", "=", tenantId).where("id", "in", [input.keptId, input.mergedId]).orderBy("id").forUpdate().execute();
    const kept = rows.find((r) => r.id === input.keptId);
    const merged = rows.find((r) => r.id === input.mergedId);
    if (!kept) {
      throw AppError.field("keptId", "CITIZEN_NOT_FOUND");
    }
    if (!merged) {
      throw AppError.field("mergedId", "CITIZEN_NOT_FOUND");
    }
    const conflict = mergeConflict(kept, merged);
    if (conflict !== null) {
      throw AppError.field("mergedId", conflict);
    }
    const { values, taken } = mergedDetails(kept, merged, input.take);

    const contacts = await trx
      .updateTable("contacts")
      .set({ citizen_id: kept.id })
      .where("tenant_id", "=", tenantId)
      .where("citizen_id", "=", merged.id)
      .returning(["id", "state", "agent_id"])
      .execute();
    const appeals = await trx
      .updateTable("appeals")
      .set({ citizen_id: kept.id, updated_at: sql<Date>`now()` })
      .where("tenant_id", "=", tenantId)
      .where("citizen_id", "=", merged.id)
      .returning("id")
      .execute();
    if (appeals.length > 0) {
      await trx
        .insertInto("appeal_events")
        .values(
          appeals.map((a) => ({
            tenant_id: tenantId,
            appeal_id: a.id,
            actor_id: actor.userId,
            actor_name: actor.fullName,
            kind: "applicant_merged",
            reason,
            client_visible: false,
            details: JSON.stringify({ mergedId: merged.id, keptId: kept.id }),
          })),
        )
        .execute();
    }
    const consents = await trx.updateTable("consents").set({ citizen_id: kept.id }).where("tenant_id", "=", tenantId).where("citizen_id", "=", merged.id).executeTakeFirst();
    const notifications = await trx
      .updateTable("notification_outbox")
      .set({ citizen_id: kept.id })
      .where("tenant_id", "=", tenantId)
      .where("citizen_id", "=", merged.id)
      .executeTakeFirst();
    // The merged record's messenger ids: the next message from any of them lands in the kept record.
    const identities = await moveIdentities(trx, tenantId, merged.id, kept.id);
    // Records merged earlier into the one now merged lead to the kept record directly.
    await trx.updateTable("citizen_merges").set({ kept_id: kept.id }).where("tenant_id", "=", tenantId).where("kept_id", "=", merged.id).execute();
    // Deleted before the update: the ИИН may move to the kept record, and it is unique per tenant.
    await trx.deleteFrom("citizens").where("id", "=", merged.id).execute();
    await trx
      .updateTable("citizens")
      .set({ ...values, updated_at: sql<Date>`now()` })
      .where("id", "=", kept.id)
      .execute();

    const moved = {
      contacts: contacts.length,
      appeals: appeals.length,
      consents: Number(consents.numUpdatedRows),
      notifications: Number(notifications.numUpdatedRows),
      identities,
    };
    await trx
      .insertInto("citizen_merges")
      .values({ tenant_id: tenantId, merged_id: merged.id, kept_id: kept.id, merged_by: actor.userId, reason, moved: JSON.stringify(moved) })
      .execute();
    // Ids, counts and the names of the details taken, never the details themselves.
    await recordAudit(trx, actor, meta, { action: "citizen.merge", entity: "citizen", entityId: kept.id, details: { mergedId: merged.id, moved, taken } });
    for (const contact of contacts) {
      if (contact.state !== "closed" && contact.state !== "abandoned") {
        await deps.bus.publish(trx, { type: "contact.changed", tenantId, contactId: contact.id, agentId: contact.agent_id, state: contact.state });
      }
    }
    const citizen = await citizenQuery(trx, tenantId).where("c.id", "=", kept.id).executeTakeFirstOrThrow();
    return { citizen: presentCitizen(citizen), moved };
  });
}

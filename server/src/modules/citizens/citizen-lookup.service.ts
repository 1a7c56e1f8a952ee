import type { CitizenDto } from "@bailanys/common/api/appeals";
import { normalizePhone } from "@bailanys/common/contact-details";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** Citizen records of a tenant with the consent in force (latest not withdrawn), ready to present. */
export function citizenQuery(db: Db, tenantId: string) {
  return db
    .selectFrom("citizens as c")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("consents as k")
          .select(["k.given_at as consent_given_at", "k.source as consent_source"])
          .whereRef("k.citizen_id", "=", "c.id")
          .where("k.withdrawn_at", "is", null)
          .orderBy("k.given_at", "desc")
          .limit(1)
          .as("k"),
      (join) => join.onTrue(),
    )
    .selectAll("c")
    .select(["k.consent_given_at", "k.consent_source"])
    .where("c.tenant_id", "=", tenantId);
}

type CitizenRow = Awaited<ReturnType<ReturnType<typeof citizenQuery>["executeTakeFirstOrThrow"]>>;

export function presentCitizen(row: CitizenRow): CitizenDto {
  return {
    id: row.id,
    kind: row.kind,
    iin: row.iin,
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    preferredLanguage: row.preferred_language,
    masked: false,
    consentGivenAt: row.consent_given_at ? new Date(row.consent_given_at).toISOString() : null,
    consentSource: row.consent_source ?? null,
  };
}

/**
 * Exact lookups only (no browsing of the citizen base); each one leaves an audit record of who looked for whom.
 * An id of a record merged into another finds the record it was merged into.
 */
export async function findCitizens(db: Db, actor: Actor, meta: RequestMeta, query: { iin?: string; phone?: string; id?: string }): Promise<CitizenDto[]> {
  let q = citizenQuery(db, actor.tenantId);
  if (query.id) {
    const id = query.id;
    q = q.where((eb) =>
      eb.or([
        eb("c.id", "=", id),
        eb("c.id", "in", eb.selectFrom("citizen_merges as m").select("m.kept_id").where("m.tenant_id", "=", actor.tenantId).where("m.merged_id", "=", id)),
      ]),
    );
  } else if (query.iin) {
    q = q.where("c.iin", "=", query.iin);
  } else if (query.phone) {
    const phone = normalizePhone(query.phone);
    if (phone === null) {
      throw AppError.field("query.phone", "PHONE_INVALID");
    }
    q = q.where("c.phone", "=", phone);
  } else {
    throw AppError.field("query.iin", "FIELD_REQUIRED");
  }
  const rows = await q.limit(20).execute();
  if (rows.length > 0) {
    await recordAudit(db, actor, meta, {
      action: "citizen.lookup",
      entity: "citizen",
      details: { citizenIds: rows.map((r) => r.id), by: query.id ? "id" : query.iin ? "iin" : "phone" },
    });
  }
  return rows.map(presentCitizen);
}

import type { CitizenDto } from "@bailanys/common/api/appeals";
import { normalizePhone } from "@bailanys/common/contact-details";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** Exact lookups only (no browsing of the citizen base); each one leaves an audit record of who looked for whom. */
export async function findCitizens(db: Db, actor: Actor, meta: RequestMeta, query: { iin?: string; phone?: string; id?: string }): Promise<CitizenDto[]> {
  let q = db
    .selectFrom("citizens as c")
    .selectAll("c")
    .select((eb) =>
      eb
        .selectFrom("consents as k")
        .select("k.given_at")
        .whereRef("k.citizen_id", "=", "c.id")
        .where("k.withdrawn_at", "is", null)
        .orderBy("k.given_at", "desc")
        .limit(1)
        .as("consent_given_at"),
    )
    .select((eb) =>
      eb
        .selectFrom("consents as k")
        .select("k.source")
        .whereRef("k.citizen_id", "=", "c.id")
        .where("k.withdrawn_at", "is", null)
        .orderBy("k.given_at", "desc")
        .limit(1)
        .as("consent_source"),
    )
    .where("c.tenant_id", "=", actor.tenantId);
  if (query.id) {
    q = q.where("c.id", "=", query.id);
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
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    iin: r.iin,
    fullName: r.full_name,
    phone: r.phone,
    email: r.email,
    preferredLanguage: r.preferred_language,
    masked: false,
    consentGivenAt: r.consent_given_at ? new Date(r.consent_given_at).toISOString() : null,
    consentSource: r.consent_source ?? null,
  }));
}

import type { CitizenDto } from "@bailanys/common/api/appeals";
import { normalizePhone } from "@bailanys/common/contact-details";
import type { Db } from "../../db/database.ts";
import { can, type Actor, type RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { maskCitizen } from "./citizen.presenter.ts";

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

export interface CitizenLookup {
  iin?: string;
  phone?: string;
  id?: string;
  /** With `iin`: the last four digits of the phone on record, as the citizen states them (the second factor). */
  phoneLast4?: string;
}

/**
 * Exact lookups only (no browsing of the citizen base); each one leaves an audit record of who looked for whom
 * and which records were shown in full. An id of a record merged into another finds the record it was merged
 * into.
 *
 * What a caller says about themselves is not proof (R11.1): one identifier — a ИИН, or the phone a call or chat
 * came from — shows a masked record, enough to tell records apart and to link a conversation to one. The full
 * record takes two factors, the ИИН and the last four digits of the phone on record (the same check as the
 * verification in a conversation), or a lookup by id by someone who may merge records (a senior comparing two
 * records of one person).
 */
export async function findCitizens(db: Db, actor: Actor, meta: RequestMeta, query: CitizenLookup): Promise<CitizenDto[]> {
  let q = citizenQuery(db, actor.tenantId);
  if (query.phoneLast4 !== undefined && !query.iin) {
    throw AppError.field("query.iin", "FIELD_REQUIRED");
  }
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
  const disclosed = rows.filter((row) => mayDisclose(actor, query, row.phone)).map((row) => row.id);
  if (rows.length > 0) {
    await recordAudit(db, actor, meta, {
      action: "citizen.lookup",
      entity: "citizen",
      details: { citizenIds: rows.map((r) => r.id), disclosedIds: disclosed, by: query.id ? "id" : query.iin ? (query.phoneLast4 ? "iin_phone" : "iin") : "phone" },
    });
  }
  return rows.map((row) => (disclosed.includes(row.id) ? presentCitizen(row) : maskCitizen(presentCitizen(row))));
}

function mayDisclose(actor: Actor, query: CitizenLookup, phoneOnRecord: string | null): boolean {
  if (query.id) {
    return can(actor, "citizen.merge");
  }
  return query.iin !== undefined && query.phoneLast4 !== undefined && phoneOnRecord !== null && phoneOnRecord.endsWith(query.phoneLast4);
}

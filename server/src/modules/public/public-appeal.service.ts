import type { PublicAppealDto, PublicAppealQuery } from "@bailanys/common/api/appeals";
import { toLocal } from "@bailanys/common/calendar";
import { localizedName, type Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAnonymousAudit } from "../audit/audit.service.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { resolvePublicTenant } from "../tenants/tenant.repository.ts";

/** Wrong guesses allowed per registration number and hour before the number is locked for lookups. */
const MAX_FAILURES_PER_HOUR = 10;

async function tooManyFailures(db: Db, tenantId: string, number: string): Promise<boolean> {
  const row = await db
    .selectFrom("public_lookup_failures")
    .select("failures")
    .where("tenant_id", "=", tenantId)
    .where("number", "=", number)
    .where("window_start", ">", sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst();
  return (row?.failures ?? 0) >= MAX_FAILURES_PER_HOUR;
}

async function countFailure(db: Db, tenantId: string, number: string): Promise<void> {
  await sql`
    insert into public_lookup_failures (tenant_id, number, window_start, failures)
    values (${tenantId}, ${number}, now(), 1)
    on conflict (tenant_id, number) do update
       set failures = case when public_lookup_failures.window_start > now() - interval '1 hour'
                           then public_lookup_failures.failures + 1 else 1 end,
           window_start = case when public_lookup_failures.window_start > now() - interval '1 hour'
                               then public_lookup_failures.window_start else now() end`.execute(db);
}

/**
 * The citizen's status page (R6.3). Two factors are required: the registration number and the applicant's ИИН
 * or the last four digits of their phone. Any mismatch answers the same "not found", so the page reveals nothing
 * about which numbers exist; wrong guesses are limited per number as well as per address.
 */
export async function publicAppealStatus(db: Db, meta: RequestMeta, number: string, query: PublicAppealQuery, locale: Locale): Promise<PublicAppealDto> {
  // A factor counts only in full: a phone "fragment" of one digit would match one applicant in ten.
  const iin = query.iin?.trim() ?? "";
  const phoneTail = query.phone?.replace(/\D/g, "") ?? "";
  const byIin = /^\d{12}$/.test(iin);
  const byPhone = /^\d{4}$/.test(phoneTail);
  if (!byIin && !byPhone) {
    throw new AppError("VALIDATION_FAILED", [{ field: "query.iin", code: "FIELD_REQUIRED" }]);
  }
  const factor = byIin ? "iin" : "phone";
  const tenant = await resolvePublicTenant(db, query.tenant);
  if (!tenant) {
    throw new AppError("PUBLIC_LOOKUP_FAILED");
  }
  if (await tooManyFailures(db, tenant.id, number)) {
    throw new AppError("RATE_LIMITED");
  }
  const row = await db
    .selectFrom("appeals as a")
    .innerJoin("citizens as c", "c.id", "a.citizen_id")
    .selectAll("a")
    .select(["c.iin as citizen_iin", "c.phone as citizen_phone"])
    .where("a.tenant_id", "=", tenant.id)
    .where("a.number", "=", number)
    .executeTakeFirst();
  const matches =
    row !== undefined && ((byIin && row.citizen_iin === iin) || (byPhone && row.citizen_phone !== null && row.citizen_phone.endsWith(phoneTail)));
  const audit = {
    tenantId: tenant.id,
    actorId: null,
    actorLogin: null,
    actorKind: "citizen" as const,
    entity: "appeal",
    entityId: row?.id ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent,
    requestId: meta.requestId,
  };
  if (!row || !matches) {
    await db.transaction().execute(async (trx) => {
      await countFailure(trx, tenant.id, number);
      await recordAnonymousAudit(trx, { ...audit, action: "public.appeal_lookup_failed", details: { factor } });
    });
    throw new AppError("PUBLIC_LOOKUP_FAILED");
  }
  const [ref, rules, events, forwards] = await Promise.all([
    referenceSnapshot(db, tenant.id),
    calendarRules(db, tenant.id),
    db
      .selectFrom("appeal_events")
      .select(["at", "to_status", "client_message", "kind"])
      .where("appeal_id", "=", row.id)
      .where("client_visible", "=", true)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("appeal_forwards as f")
      .leftJoin("appeals as child", "child.id", "f.child_appeal_id")
      .select(["f.to_body_id", "f.external_body_name", "f.scope", "f.status", "f.forwarded_at", "child.number as child_number"])
      .where("f.appeal_id", "=", row.id)
      .orderBy("f.forwarded_at")
      .execute(),
  ]);
  await recordAnonymousAudit(db, { ...audit, action: "public.appeal_lookup", details: { factor } });

  const name = (entry: { name_kk: string; name_ru: string; name_en: string } | undefined): string | null =>
    entry ? localizedName(entry, locale) : null;
  const status = ref.statuses.get(row.status_code);
  const type = ref.types.get(row.type_code);
  return {
    number: row.number,
    registeredAt: new Date(row.registered_at).toISOString(),
    type: name(type) ?? row.type_code,
    status: { code: row.status_code, name: name(status) ?? row.status_code, phase: status?.phase ?? "in_progress" },
    dueAt: new Date(row.due_at).toISOString(),
    dueDate: toLocal(rules, new Date(row.due_at)).date,
    body: name(ref.bodies.get(row.body_id)) ?? "",
    unit: row.unit_id ? name(ref.units.get(row.unit_id)) : null,
    position: row.position_id ? name(ref.positions.get(row.position_id)) : null,
    closed: row.closed_at !== null,
    history: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      status: e.to_status ? (name(ref.statuses.get(e.to_status)) ?? e.to_status) : null,
      message: e.client_message,
    })),
    forwards: forwards.map((f) => ({
      to: f.to_body_id ? (name(ref.bodies.get(f.to_body_id)) ?? "") : (f.external_body_name ?? ""),
      scope: f.scope,
      status: f.status,
      at: new Date(f.forwarded_at).toISOString(),
      childNumber: f.child_number,
    })),
  };
}

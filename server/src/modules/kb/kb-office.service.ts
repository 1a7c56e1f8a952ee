import type { OfficeBody, OfficeDto } from "@bailanys/common/api/kb";
import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { KbOfficesTable, OfficeHours } from "../../db/schema-kb.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";

type Deps = { db: Db; bus: EventBus };

export function presentOffice(row: Selectable<KbOfficesTable>): OfficeDto {
  return {
    id: row.id,
    bodyId: row.body_id,
    nameKk: row.name_kk,
    nameRu: row.name_ru,
    nameEn: row.name_en,
    addressKk: row.address_kk,
    addressRu: row.address_ru,
    addressEn: row.address_en,
    phone: row.phone,
    email: row.email,
    hours: row.hours,
    latitude: row.latitude,
    longitude: row.longitude,
    active: row.active,
  };
}

/** Opening hours that contradict themselves (closing before opening, a break outside the day, a day twice). */
export function hoursProblems(hours: OfficeHours[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  hours.forEach((entry, index) => {
    if (seen.has(entry.day)) {
      problems.push({ field: `hours.${index}.day`, code: "FIELD_INVALID" });
    }
    seen.add(entry.day);
    if (entry.close <= entry.open) {
      problems.push({ field: `hours.${index}.close`, code: "FIELD_OUT_OF_RANGE" });
    }
    if ((entry.breakFrom === undefined) !== (entry.breakTo === undefined)) {
      problems.push({ field: `hours.${index}.${entry.breakFrom === undefined ? "breakFrom" : "breakTo"}`, code: "FIELD_REQUIRED" });
    } else if (entry.breakFrom !== undefined && entry.breakTo !== undefined && (entry.breakFrom <= entry.open || entry.breakTo >= entry.close || entry.breakTo <= entry.breakFrom)) {
      problems.push({ field: `hours.${index}.breakFrom`, code: "FIELD_OUT_OF_RANGE" });
    }
  });
  return problems;
}

function columns(input: OfficeBody) {
  return {
    body_id: input.bodyId ?? null,
    name_kk: input.nameKk.trim(),
    name_ru: input.nameRu.trim(),
    name_en: input.nameEn.trim(),
    address_kk: input.addressKk.trim(),
    address_ru: input.addressRu.trim(),
    address_en: input.addressEn.trim(),
    phone: input.phone?.trim() || null,
    email: input.email?.trim() || null,
    hours: JSON.stringify([...input.hours].sort((a, b) => a.day - b.day)),
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
}

async function check(db: Db, tenantId: string, input: OfficeBody): Promise<void> {
  const problems = hoursProblems(input.hours);
  if ((input.latitude === null || input.latitude === undefined) !== (input.longitude === null || input.longitude === undefined)) {
    problems.push({ field: input.latitude == null ? "latitude" : "longitude", code: "FIELD_REQUIRED" });
  }
  if (input.bodyId) {
    const body = await db.selectFrom("bodies").select("id").where("tenant_id", "=", tenantId).where("id", "=", input.bodyId).executeTakeFirst();
    if (!body) {
      problems.push({ field: "bodyId", code: "REFERENCE_UNKNOWN" });
    }
  }
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
}

export async function listOffices(db: Db, tenantId: string, activeOnly = false): Promise<Selectable<KbOfficesTable>[]> {
  return db
    .selectFrom("kb_offices")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .$if(activeOnly, (q) => q.where("active", "=", true))
    .orderBy("name_ru")
    .execute();
}

export async function createOffice(deps: Deps, actor: Actor, meta: RequestMeta, input: OfficeBody): Promise<OfficeDto> {
  await check(deps.db, actor.tenantId, input);
  return transact(deps, async (trx) => {
    const row = await trx.insertInto("kb_offices").values({ tenant_id: actor.tenantId, ...columns(input) }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, meta, { action: "kb.office.create", entity: "kb_office", entityId: row.id });
    await deps.bus.publish(trx, { type: "kb.changed", tenantId: actor.tenantId, articleId: null });
    return presentOffice(row);
  });
}

export async function updateOffice(deps: Deps, actor: Actor, meta: RequestMeta, id: string, input: OfficeBody): Promise<OfficeDto> {
  await check(deps.db, actor.tenantId, input);
  return transact(deps, async (trx) => {
    const row = await trx
      .updateTable("kb_offices")
      .set({ ...columns(input), updated_at: sql<Date>`now()` })
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "kb.office.update", entity: "kb_office", entityId: id });
    await deps.bus.publish(trx, { type: "kb.changed", tenantId: actor.tenantId, articleId: null });
    return presentOffice(row);
  });
}

import type { BodyBody, PositionBody, UnitBody } from "@bailanys/common/api/org";
import { isPlausibleEmail } from "@bailanys/common/contact-details";
import { validateBin } from "@bailanys/common/identity-number";
import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../../db/pg-errors.ts";
import type { BodiesTable, PositionsTable, UnitsTable } from "../../db/schema.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { forgetReferenceSnapshot } from "../reference/reference.snapshot.ts";

export type BodyRow = Selectable<BodiesTable>;
export type UnitRow = Selectable<UnitsTable>;
export type PositionRow = Selectable<PositionsTable>;

type OrgEntity = "body" | "unit" | "position";

/**
 * Every org edit: one transaction and one audit record. The org tree is part of the cached reference snapshot,
 * so it is dropped afterwards. A foreign-key failure means a row was referenced (delete) or vanished meanwhile.
 */
async function orgChange<T extends { id: string }>(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  audit: { entity: OrgEntity; verb: "create" | "update" | "delete"; details?: Record<string, unknown> },
  onForeignKey: AppError,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const value = await work(trx);
      await recordAudit(trx, actor, meta, {
        action: `org.${audit.entity}.${audit.verb}`,
        entity: audit.entity,
        entityId: value.id,
        details: audit.details ?? {},
      });
      return value;
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw onForeignKey;
    }
    // The only unique key an org edit can break is a body's БИН within the tenant.
    if (isUniqueViolation(error)) {
      throw AppError.field("bin", "ALREADY_EXISTS");
    }
    throw error;
  } finally {
    forgetReferenceSnapshot(actor.tenantId);
  }
}

const inUse = () => new AppError("IN_USE");

function throwProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
}

function names(input: { nameKk: string; nameRu: string; nameEn: string }) {
  return { name_kk: input.nameKk, name_ru: input.nameRu, name_en: input.nameEn };
}

// An omitted `active` keeps the stored value on update and takes the column default on create.
function activeColumn(active: boolean | undefined): { active?: boolean } {
  return active === undefined ? {} : { active };
}

function bodyRow(input: BodyBody) {
  const email = input.email?.trim() ?? "";
  const problems: FieldProblem[] = [];
  if (input.bin !== undefined && input.bin !== null) {
    const bin = validateBin(input.bin);
    if (!bin.ok) {
      problems.push({ field: "bin", code: bin.code });
    }
  }
  if (email !== "" && !isPlausibleEmail(email)) {
    problems.push({ field: "email", code: "EMAIL_INVALID" });
  }
  throwProblems(problems);
  return {
    bin: input.bin ?? null,
    ...names(input),
    is_external: input.isExternal,
    email: email === "" ? null : email,
    ...activeColumn(input.active),
  };
}

/** Adds a state body or an outside organisation. */
export async function createBody(db: Db, actor: Actor, meta: RequestMeta, input: BodyBody): Promise<BodyRow> {
  const row = bodyRow(input);
  return orgChange(db, actor, meta, { entity: "body", verb: "create", details: { bin: row.bin } }, inUse(), async (trx) =>
    trx
      .insertInto("bodies")
      .values({ tenant_id: actor.tenantId, ...row })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export async function updateBody(db: Db, actor: Actor, meta: RequestMeta, id: string, input: BodyBody): Promise<BodyRow> {
  const row = bodyRow(input);
  return orgChange(db, actor, meta, { entity: "body", verb: "update", details: { bin: row.bin, active: input.active } }, inUse(), async (trx) => {
    const updated = await trx.updateTable("bodies").set(row).where("tenant_id", "=", actor.tenantId).where("id", "=", id).returningAll().executeTakeFirst();
    if (!updated) {
      throw new AppError("NOT_FOUND");
    }
    return updated;
  });
}

/** Deletes a body nothing refers to; one in use (units, users, appeals, classifier) is deactivated instead. */
export async function deleteBody(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await orgChange(db, actor, meta, { entity: "body", verb: "delete" }, inUse(), async (trx) => {
    const deleted = await trx.deleteFrom("bodies").where("tenant_id", "=", actor.tenantId).where("id", "=", id).returning("id").executeTakeFirst();
    if (!deleted) {
      throw new AppError("NOT_FOUND");
    }
    return deleted;
  });
}

/** True when `unitId` is `candidateId` or one of its ancestors; `union` (not `union all`) stops on a cycle. */
async function isAncestorOrSelf(trx: Db, tenantId: string, unitId: string, candidateId: string): Promise<boolean> {
  const hit = await trx
    .withRecursive("ancestors(id, parent_id)", (qb) =>
      qb
        .selectFrom("units")
        .select(["id", "parent_id"])
        .where("tenant_id", "=", tenantId)
        .where("id", "=", candidateId)
        .union((eb) =>
          eb
            .selectFrom("units")
            .innerJoin("ancestors", "ancestors.parent_id", "units.id")
            .select(["units.id", "units.parent_id"])
            .where("units.tenant_id", "=", tenantId),
        ),
    )
    .selectFrom("ancestors")
    .select("id")
    .where("id", "=", unitId)
    .executeTakeFirst();
  return hit !== undefined;
}

// A unit lives in a body of the tenant; its parent is in the same body and, on update, not below the unit itself.
async function checkUnitPlacement(trx: Db, tenantId: string, input: UnitBody, unitId: string | null): Promise<void> {
  const body = await trx.selectFrom("bodies").select("id").where("tenant_id", "=", tenantId).where("id", "=", input.bodyId).executeTakeFirst();
  if (!body) {
    throw AppError.field("bodyId", "REFERENCE_UNKNOWN");
  }
  const parentId = input.parentId ?? null;
  if (parentId === null) {
    return;
  }
  const parent = await trx.selectFrom("units").select("body_id").where("tenant_id", "=", tenantId).where("id", "=", parentId).executeTakeFirst();
  if (!parent || parent.body_id !== input.bodyId) {
    throw AppError.field("parentId", "REFERENCE_UNKNOWN");
  }
  if (unitId !== null && (await isAncestorOrSelf(trx, tenantId, unitId, parentId))) {
    throw AppError.field("parentId", "FIELD_INVALID");
  }
}

function unitRow(input: UnitBody) {
  return { body_id: input.bodyId, parent_id: input.parentId ?? null, ...names(input), ...activeColumn(input.active) };
}

/** Adds a department to a body, optionally under another department of the same body. */
export async function createUnit(db: Db, actor: Actor, meta: RequestMeta, input: UnitBody): Promise<UnitRow> {
  const details = { bodyId: input.bodyId, parentId: input.parentId ?? null };
  return orgChange(db, actor, meta, { entity: "unit", verb: "create", details }, AppError.field("bodyId", "REFERENCE_UNKNOWN"), async (trx) => {
    await checkUnitPlacement(trx, actor.tenantId, input, null);
    return trx
      .insertInto("units")
      .values({ tenant_id: actor.tenantId, ...unitRow(input) })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function updateUnit(db: Db, actor: Actor, meta: RequestMeta, id: string, input: UnitBody): Promise<UnitRow> {
  const details = { bodyId: input.bodyId, parentId: input.parentId ?? null, active: input.active };
  return orgChange(db, actor, meta, { entity: "unit", verb: "update", details }, AppError.field("bodyId", "REFERENCE_UNKNOWN"), async (trx) => {
    const current = await trx.selectFrom("units").select("body_id").where("tenant_id", "=", actor.tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!current) {
      throw new AppError("NOT_FOUND");
    }
    await checkUnitPlacement(trx, actor.tenantId, input, id);
    if (current.body_id !== input.bodyId) {
      // Sub-units and staff are tied to the unit's body; moving the unit alone would split them from it.
      const child = await trx.selectFrom("units").select("id").where("tenant_id", "=", actor.tenantId).where("parent_id", "=", id).executeTakeFirst();
      const member = await trx.selectFrom("users").select("id").where("tenant_id", "=", actor.tenantId).where("unit_id", "=", id).executeTakeFirst();
      if (child || member) {
        throw AppError.field("bodyId", "FIELD_INVALID");
      }
    }
    return trx
      .updateTable("units")
      .set(unitRow(input))
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Deletes a unit nothing refers to (sub-units, positions, users, appeals, classifier). */
export async function deleteUnit(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await orgChange(db, actor, meta, { entity: "unit", verb: "delete" }, inUse(), async (trx) => {
    const deleted = await trx.deleteFrom("units").where("tenant_id", "=", actor.tenantId).where("id", "=", id).returning("id").executeTakeFirst();
    if (!deleted) {
      throw new AppError("NOT_FOUND");
    }
    return deleted;
  });
}

async function checkPositionUnit(trx: Db, tenantId: string, unitId: string): Promise<void> {
  const unit = await trx.selectFrom("units").select("id").where("tenant_id", "=", tenantId).where("id", "=", unitId).executeTakeFirst();
  if (!unit) {
    throw AppError.field("unitId", "REFERENCE_UNKNOWN");
  }
}

function positionRow(input: PositionBody) {
  return { unit_id: input.unitId, ...names(input), ...activeColumn(input.active) };
}

/** Adds a staff position to a unit. */
export async function createPosition(db: Db, actor: Actor, meta: RequestMeta, input: PositionBody): Promise<PositionRow> {
  const details = { unitId: input.unitId };
  return orgChange(db, actor, meta, { entity: "position", verb: "create", details }, AppError.field("unitId", "REFERENCE_UNKNOWN"), async (trx) => {
    await checkPositionUnit(trx, actor.tenantId, input.unitId);
    return trx
      .insertInto("positions")
      .values({ tenant_id: actor.tenantId, ...positionRow(input) })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function updatePosition(db: Db, actor: Actor, meta: RequestMeta, id: string, input: PositionBody): Promise<PositionRow> {
  const details = { unitId: input.unitId, active: input.active };
  return orgChange(db, actor, meta, { entity: "position", verb: "update", details }, AppError.field("unitId", "REFERENCE_UNKNOWN"), async (trx) => {
    const current = await trx.selectFrom("positions").select("unit_id").where("tenant_id", "=", actor.tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!current) {
      throw new AppError("NOT_FOUND");
    }
    await checkPositionUnit(trx, actor.tenantId, input.unitId);
    if (current.unit_id !== input.unitId) {
      // Users holding the position are placed in its unit; moving the position would leave them in the old one.
      const holder = await trx.selectFrom("users").select("id").where("tenant_id", "=", actor.tenantId).where("position_id", "=", id).executeTakeFirst();
      if (holder) {
        throw AppError.field("unitId", "FIELD_INVALID");
      }
    }
    return trx
      .updateTable("positions")
      .set(positionRow(input))
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Deletes a position nothing refers to (users, appeals). */
export async function deletePosition(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await orgChange(db, actor, meta, { entity: "position", verb: "delete" }, inUse(), async (trx) => {
    const deleted = await trx.deleteFrom("positions").where("tenant_id", "=", actor.tenantId).where("id", "=", id).returning("id").executeTakeFirst();
    if (!deleted) {
      throw new AppError("NOT_FOUND");
    }
    return deleted;
  });
}

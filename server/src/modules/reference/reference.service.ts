import type { ClassifierItemBody, EscalationRuleDto, ReferenceListName, TransitionDto } from "@bailanys/common/api/reference";
import { PERMISSIONS, ROLES } from "@bailanys/common/permissions";
import type { Static } from "@sinclair/typebox";
import type { REFERENCE_LIST_BODIES } from "@bailanys/common/api/reference";
import type { Db } from "../../db/database.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../../db/pg-errors.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { forgetReferenceSnapshot } from "./reference.snapshot.ts";

type ListBody<L extends ReferenceListName> = Static<(typeof REFERENCE_LIST_BODIES)[L]>;
type AnyListBody = ListBody<ReferenceListName>;

const TABLES = {
  kinds: "appeal_kinds",
  types: "appeal_types",
  statuses: "appeal_statuses",
  criticality: "criticality_levels",
  channels: "channels",
  languages: "languages",
} as const;

/** Translates constraint failures into field errors; everything in one transaction, audited, cache dropped. */
async function referenceChange<T>(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  audit: { action: string; entityId: string; details?: Record<string, unknown> },
  fields: { unique: FieldProblem; foreignKey: FieldProblem },
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  try {
    const result = await db.transaction().execute(async (trx) => {
      const value = await work(trx);
      await recordAudit(trx, actor, meta, { action: audit.action, entity: "reference", entityId: audit.entityId, details: audit.details ?? {} });
      return value;
    });
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("VALIDATION_FAILED", [fields.unique]);
    }
    if (isForeignKeyViolation(error)) {
      throw new AppError("VALIDATION_FAILED", [fields.foreignKey]);
    }
    throw error;
  } finally {
    forgetReferenceSnapshot(actor.tenantId);
  }
}

function listRow(list: ReferenceListName, body: AnyListBody): Record<string, unknown> {
  const row: Record<string, unknown> = { name_kk: body.nameKk, name_ru: body.nameRu, name_en: body.nameEn };
  if (body.sort !== undefined) {
    row.sort = body.sort;
  }
  if (body.active !== undefined) {
    row.active = body.active;
  }
  if ("requiresCategory" in body) {
    row.requires_category = body.requiresCategory;
    row.requires_outcome = body.requiresOutcome;
  }
  if ("kindCode" in body) {
    row.kind_code = body.kindCode;
    row.term = body.term;
    row.term_unit = body.termUnit;
  }
  if ("phase" in body) {
    row.phase = body.phase;
    row.action = body.action ?? null;
    // Like clientVisible and color: an omitted flag keeps the stored value (false for a new status).
    if (body.isInitial !== undefined) {
      row.is_initial = body.isInitial;
    }
    if (body.clientVisible !== undefined) {
      row.client_visible = body.clientVisible;
    }
  }
  if ("rank" in body) {
    row.rank = body.rank;
  }
  if ("color" in body && body.color !== undefined) {
    row.color = body.color;
  }
  void list;
  return row;
}

/** Creates or replaces one entry of a code list (appeal kinds, types, statuses, criticality, channels, languages). */
export async function upsertListItem(db: Db, actor: Actor, meta: RequestMeta, list: ReferenceListName, code: string, body: AnyListBody): Promise<void> {
  const table = TABLES[list];
  const row = listRow(list, body);
  const foreignKeyField = list === "types" ? "kindCode" : "code";
  await referenceChange(
    db,
    actor,
    meta,
    { action: `reference.${list}.upsert`, entityId: code },
    { unique: { field: list === "statuses" ? "action" : "code", code: "ALREADY_EXISTS" }, foreignKey: { field: foreignKeyField, code: "REFERENCE_UNKNOWN" } },
    async (trx) => {
      if (list === "statuses" && row.is_initial === true) {
        // One initial status per tenant: choosing a new one demotes the old one.
        await trx.updateTable("appeal_statuses").set({ is_initial: false }).where("tenant_id", "=", actor.tenantId).where("code", "!=", code).execute();
      }
      if (list === "statuses" && row.is_initial === false && (await isInitialStatus(trx, actor.tenantId, code))) {
        // Registration needs an initial status; the way to change it is to make another status initial.
        throw AppError.field("isInitial", "FIELD_INVALID");
      }
      // The table name comes from the fixed TABLES map; the row keys from listRow above.
      await trx
        .insertInto(table as "channels")
        .values({ tenant_id: actor.tenantId, code, ...(row as { name_kk: string; name_ru: string; name_en: string }) })
        .onConflict((oc) => oc.columns(["tenant_id", "code"]).doUpdateSet(row as { name_kk: string }))
        .execute();
    },
  );
}

async function isInitialStatus(db: Db, tenantId: string, code: string): Promise<boolean> {
  const row = await db.selectFrom("appeal_statuses").select("is_initial").where("tenant_id", "=", tenantId).where("code", "=", code).executeTakeFirst();
  return row?.is_initial === true;
}

export async function deleteListItem(db: Db, actor: Actor, meta: RequestMeta, list: ReferenceListName, code: string): Promise<void> {
  if (list === "statuses" && (await isInitialStatus(db, actor.tenantId, code))) {
    // Every new appeal starts in it; another status must become initial first.
    throw new AppError("IN_USE");
  }
  try {
    await referenceChange(
      db,
      actor,
      meta,
      { action: `reference.${list}.delete`, entityId: code },
      { unique: { field: "code", code: "ALREADY_EXISTS" }, foreignKey: { field: "code", code: "IN_USE" } },
      async (trx) => {
        const result = await trx
          .deleteFrom(TABLES[list] as "channels")
          .where("tenant_id", "=", actor.tenantId)
          .where("code", "=", code)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) {
          throw new AppError("NOT_FOUND");
        }
      },
    );
  } catch (error) {
    // A code list entry in use cannot go; the administrator deactivates it instead.
    if (error instanceof AppError && error.fields[0]?.code === "IN_USE") {
      throw new AppError("IN_USE", error.fields);
    }
    throw error;
  }
}

/** Replaces the whole status graph at once, so it is never half-edited. */
export async function replaceTransitions(db: Db, actor: Actor, meta: RequestMeta, transitions: TransitionDto[]): Promise<void> {
  const problems: FieldProblem[] = [];
  transitions.forEach((t, i) => {
    if (!(PERMISSIONS as readonly string[]).includes(t.permission)) {
      problems.push({ field: `transitions.${i}.permission`, code: "REFERENCE_UNKNOWN" });
    }
  });
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  await referenceChange(
    db,
    actor,
    meta,
    { action: "reference.transitions.replace", entityId: "transitions", details: { count: transitions.length } },
    { unique: { field: "transitions", code: "ALREADY_EXISTS" }, foreignKey: { field: "transitions", code: "REFERENCE_UNKNOWN" } },
    async (trx) => {
      await trx.deleteFrom("appeal_transitions").where("tenant_id", "=", actor.tenantId).execute();
      if (transitions.length > 0) {
        await trx
          .insertInto("appeal_transitions")
          .values(
            transitions.map((t) => ({
              tenant_id: actor.tenantId,
              from_status: t.fromStatus,
              to_status: t.toStatus,
              permission: t.permission,
              requires_reason: t.requiresReason,
              requires_client_message: t.requiresClientMessage,
            })),
          )
          .execute();
      }
    },
  );
}

export async function replaceEscalationRules(db: Db, actor: Actor, meta: RequestMeta, rules: EscalationRuleDto[]): Promise<void> {
  const problems: FieldProblem[] = [];
  rules.forEach((r, i) => {
    r.notifyRoles.forEach((role, j) => {
      if (!(ROLES as readonly string[]).includes(role)) {
        problems.push({ field: `rules.${i}.notifyRoles.${j}`, code: "REFERENCE_UNKNOWN" });
      }
    });
  });
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  await referenceChange(
    db,
    actor,
    meta,
    { action: "reference.escalation.replace", entityId: "escalation", details: { levels: rules.map((r) => r.level) } },
    { unique: { field: "rules", code: "ALREADY_EXISTS" }, foreignKey: { field: "rules", code: "REFERENCE_UNKNOWN" } },
    async (trx) => {
      await trx.deleteFrom("escalation_rules").where("tenant_id", "=", actor.tenantId).execute();
      if (rules.length > 0) {
        await trx
          .insertInto("escalation_rules")
          .values(
            rules.map((r) => ({
              tenant_id: actor.tenantId,
              level: r.level,
              threshold_pct: r.thresholdPct,
              name_kk: r.nameKk,
              name_ru: r.nameRu,
              name_en: r.nameEn,
              notify_roles: r.notifyRoles,
              active: r.active,
            })),
          )
          .execute();
      }
    },
  );
}

function classifierRow(body: ClassifierItemBody) {
  return {
    code: body.code,
    parent_id: body.parentId ?? null,
    name_kk: body.nameKk,
    name_ru: body.nameRu,
    name_en: body.nameEn,
    body_id: body.bodyId ?? null,
    unit_id: body.unitId ?? null,
    default_type_code: body.defaultTypeCode ?? null,
    ...(body.sort !== undefined ? { sort: body.sort } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
  };
}

const classifierFields = { unique: { field: "code", code: "ALREADY_EXISTS" }, foreignKey: { field: "parentId", code: "REFERENCE_UNKNOWN" } } as const;

export async function createClassifierItem(db: Db, actor: Actor, meta: RequestMeta, body: ClassifierItemBody): Promise<string> {
  return referenceChange(db, actor, meta, { action: "reference.classifier.create", entityId: body.code }, classifierFields, async (trx) => {
    const row = await trx.insertInto("classifier_items").values({ tenant_id: actor.tenantId, ...classifierRow(body) }).returning("id").executeTakeFirstOrThrow();
    return row.id;
  });
}

/** True when `candidateId` is `id` or lies below it; `union` (not `union all`) stops on an existing cycle. */
async function isSelfOrDescendant(trx: Db, tenantId: string, id: string, candidateId: string): Promise<boolean> {
  const hit = await trx
    .withRecursive("ancestors(id, parent_id)", (qb) =>
      qb
        .selectFrom("classifier_items")
        .select(["id", "parent_id"])
        .where("tenant_id", "=", tenantId)
        .where("id", "=", candidateId)
        .union((eb) =>
          eb
            .selectFrom("classifier_items")
            .innerJoin("ancestors", "ancestors.parent_id", "classifier_items.id")
            .select(["classifier_items.id", "classifier_items.parent_id"])
            .where("classifier_items.tenant_id", "=", tenantId),
        ),
    )
    .selectFrom("ancestors")
    .select("id")
    .where("id", "=", id)
    .executeTakeFirst();
  return hit !== undefined;
}

export async function updateClassifierItem(db: Db, actor: Actor, meta: RequestMeta, id: string, body: ClassifierItemBody): Promise<void> {
  if (body.parentId === id) {
    throw AppError.field("parentId", "FIELD_INVALID");
  }
  await referenceChange(db, actor, meta, { action: "reference.classifier.update", entityId: body.code }, classifierFields, async (trx) => {
    // A parent below the item itself would detach the branch into a loop that no tree view can show.
    if (body.parentId && (await isSelfOrDescendant(trx, actor.tenantId, id, body.parentId))) {
      throw AppError.field("parentId", "FIELD_INVALID");
    }
    const result = await trx.updateTable("classifier_items").set(classifierRow(body)).where("tenant_id", "=", actor.tenantId).where("id", "=", id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
  });
}

export async function deleteClassifierItem(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  try {
    await referenceChange(
      db,
      actor,
      meta,
      { action: "reference.classifier.delete", entityId: id },
      { unique: { field: "id", code: "ALREADY_EXISTS" }, foreignKey: { field: "id", code: "IN_USE" } },
      async (trx) => {
        const result = await trx.deleteFrom("classifier_items").where("tenant_id", "=", actor.tenantId).where("id", "=", id).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) {
          throw new AppError("NOT_FOUND");
        }
      },
    );
  } catch (error) {
    // An item with sub-items or appeals cannot go (409, as for the code lists); the administrator deactivates it.
    if (error instanceof AppError && error.fields[0]?.code === "IN_USE") {
      throw new AppError("IN_USE", error.fields);
    }
    throw error;
  }
}

export { referenceChange };

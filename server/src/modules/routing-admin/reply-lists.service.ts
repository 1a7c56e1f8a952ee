import type { CannedReplyBody, CannedReplyDto, CodedItem } from "@bailanys/common/api/routing-admin";
import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { CannedRepliesTable } from "../../db/schema-contacts.ts";
import { isForeignKeyViolation } from "../../db/pg-errors.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";

export type CodedListTable = "wrapup_codes" | "not_ready_reasons";

/** Codes the engine itself sets: they stay, active, whatever the list an administrator sends. */
const SYSTEM_CODES: Record<CodedListTable, string> = { wrapup_codes: "auto", not_ready_reasons: "missed_offer" };

export async function readCodedList(db: Db, table: CodedListTable, tenantId: string): Promise<CodedItem[]> {
  const rows = await db.selectFrom(table).selectAll().where("tenant_id", "=", tenantId).orderBy("sort").orderBy("code").execute();
  return rows.map((r) => ({ code: r.code, nameKk: r.name_kk, nameRu: r.name_ru, nameEn: r.name_en, active: r.active }));
}

/**
 * Replaces a wrap-up code or not-ready reason list as a whole, in one transaction. A code already used by a
 * contact or an operator stays (deactivate it instead): removing it is refused with IN_USE.
 */
export async function replaceCodedList(db: Db, table: CodedListTable, actor: Actor, meta: RequestMeta, items: CodedItem[]): Promise<CodedItem[]> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code)) {
      problems.push({ field: `items.${i}.code`, code: "ALREADY_EXISTS" });
    }
    seen.add(item.code);
    if (item.code === SYSTEM_CODES[table] && !item.active) {
      problems.push({ field: `items.${i}.active`, code: "FIELD_INVALID" });
    }
  });
  if (!seen.has(SYSTEM_CODES[table])) {
    problems.push({ field: "items", code: "FIELD_REQUIRED" });
  }
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom(table).select("code").where("tenant_id", "=", actor.tenantId).execute();
    const removed = existing.map((r) => r.code).filter((code) => !seen.has(code));
    if (removed.length > 0) {
      const used =
        table === "wrapup_codes"
          ? await trx.selectFrom("contacts").select("wrapup_code as code").where("tenant_id", "=", actor.tenantId).where("wrapup_code", "in", removed).limit(1).executeTakeFirst()
          : await trx.selectFrom("agents").select("reason_code as code").where("tenant_id", "=", actor.tenantId).where("reason_code", "in", removed).limit(1).executeTakeFirst();
      if (used) {
        throw new AppError("IN_USE");
      }
      await trx.deleteFrom(table).where("tenant_id", "=", actor.tenantId).where("code", "in", removed).execute();
    }
    for (const [sort, item] of items.entries()) {
      const row = { name_kk: item.nameKk.trim(), name_ru: item.nameRu.trim(), name_en: item.nameEn.trim(), active: item.active, sort: sort + 1 };
      await trx
        .insertInto(table)
        .values({ tenant_id: actor.tenantId, code: item.code, ...row })
        .onConflict((oc) => oc.columns(["tenant_id", "code"]).doUpdateSet(row))
        .execute();
    }
    await recordAudit(trx, actor, meta, { action: `${table}.replace`, details: { count: items.length } });
  });
  return readCodedList(db, table, actor.tenantId);
}

function presentReply(row: Selectable<CannedRepliesTable>): CannedReplyDto {
  return { id: row.id, language: row.language, title: row.title, body: row.body, topicId: row.topic_id, sort: row.sort, active: row.active };
}

export async function listCannedReplies(db: Db, tenantId: string): Promise<CannedReplyDto[]> {
  const rows = await db.selectFrom("canned_replies").selectAll().where("tenant_id", "=", tenantId).orderBy("language").orderBy("sort").orderBy("title").execute();
  return rows.map(presentReply);
}

/** Creates (id null) or changes a canned reply. */
export async function saveCannedReply(db: Db, actor: Actor, meta: RequestMeta, id: string | null, input: CannedReplyBody): Promise<CannedReplyDto> {
  const ref = await referenceSnapshot(db, actor.tenantId);
  const problems: FieldProblem[] = [];
  if (!ref.languages.get(input.language) && input.language !== "en") {
    problems.push({ field: "language", code: "REFERENCE_UNKNOWN" });
  }
  if (input.topicId !== null && !ref.classifier.get(input.topicId)) {
    problems.push({ field: "topicId", code: "REFERENCE_UNKNOWN" });
  }
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  const values = { language: input.language, title: input.title.trim(), body: input.body, topic_id: input.topicId, sort: input.sort, active: input.active };
  return db.transaction().execute(async (trx) => {
    const row =
      id === null
        ? await trx.insertInto("canned_replies").values({ tenant_id: actor.tenantId, ...values }).returningAll().executeTakeFirstOrThrow()
        : await trx.updateTable("canned_replies").set(values).where("tenant_id", "=", actor.tenantId).where("id", "=", id).returningAll().executeTakeFirst();
    if (!row) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: id === null ? "canned_reply.create" : "canned_reply.update", entity: "canned_reply", entityId: row.id });
    return presentReply(row);
  });
}

export async function deleteCannedReply(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom("canned_replies").where("tenant_id", "=", actor.tenantId).where("id", "=", id).returning("id").executeTakeFirst().catch((error: unknown) => {
      throw isForeignKeyViolation(error) ? new AppError("IN_USE") : error;
    });
    if (!deleted) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "canned_reply.delete", entity: "canned_reply", entityId: id });
  });
}

import type { SynonymDto } from "@bailanys/common/api/kb";
import { tokenize } from "@bailanys/common/kb/search-text";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** Searches read synonyms on every query; a change on another node is seen within this time. */
const CACHE_MS = 10_000;
const cache = new Map<string, { at: number; map: Map<string, string[][]> }>();

/**
 * Per word, the other terms of its synonym groups, each as its words ("пенсия" → [["зейнетақы"], ["пенсионное",
 * "обеспечение"]]). A group's multi-word term is matched when the query has its first word.
 */
export async function synonymsOf(db: Db, tenantId: string): Promise<Map<string, string[][]>> {
  const cached = cache.get(tenantId);
  if (cached && Date.now() - cached.at < CACHE_MS) {
    return cached.map;
  }
  const rows = await db.selectFrom("kb_synonyms").select("terms").where("tenant_id", "=", tenantId).execute();
  const map = new Map<string, string[][]>();
  for (const row of rows) {
    const terms = row.terms.map((term) => tokenize(term)).filter((words) => words.length > 0);
    for (const term of terms) {
      const key = term.length === 1 ? term[0] : undefined;
      if (key === undefined) {
        continue;
      }
      const others = terms.filter((other) => other !== term);
      map.set(key, [...(map.get(key) ?? []), ...others]);
    }
  }
  cache.set(tenantId, { at: Date.now(), map });
  return map;
}

function present(row: { id: string; terms: string[]; created_at: Date }): SynonymDto {
  return { id: row.id, terms: row.terms, createdAt: row.created_at.toISOString() };
}

export async function listSynonyms(db: Db, tenantId: string): Promise<SynonymDto[]> {
  const rows = await db.selectFrom("kb_synonyms").select(["id", "terms", "created_at"]).where("tenant_id", "=", tenantId).orderBy("created_at", "desc").execute();
  return rows.map(present);
}

export async function createSynonyms(db: Db, actor: Actor, meta: RequestMeta, terms: string[]): Promise<SynonymDto> {
  const cleaned = [...new Set(terms.map((term) => tokenize(term).join(" ")).filter((term) => term !== ""))];
  if (cleaned.length < 2) {
    throw AppError.field("terms", "FIELD_TOO_SHORT");
  }
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto("kb_synonyms").values({ tenant_id: actor.tenantId, terms: cleaned, created_by: actor.userId }).returning(["id", "terms", "created_at"]).executeTakeFirstOrThrow();
    await recordAudit(trx, actor, meta, { action: "kb.synonyms.create", entity: "kb_synonyms", entityId: inserted.id });
    return inserted;
  });
  cache.delete(actor.tenantId);
  return present(row);
}

export async function deleteSynonyms(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom("kb_synonyms").where("tenant_id", "=", actor.tenantId).where("id", "=", id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "kb.synonyms.delete", entity: "kb_synonyms", entityId: id });
  });
  cache.delete(actor.tenantId);
}

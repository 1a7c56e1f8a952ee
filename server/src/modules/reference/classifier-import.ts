import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { parseCsv, readXlsx } from "../../platform/table-file.ts";
import { referenceChange } from "./reference.service.ts";

const COLUMNS = ["code", "parent_code", "name_kk", "name_ru", "name_en", "body_bin", "default_type"] as const;
type Column = (typeof COLUMNS)[number];
type ImportRow = Record<Column, string>;
const MAX_ROWS = 20_000;

function toRecords(table: string[][]): ImportRow[] {
  const [header, ...body] = table;
  if (!header) {
    throw AppError.field("file", "FIELD_REQUIRED");
  }
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = (["code", "name_kk", "name_ru"] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new AppError("VALIDATION_FAILED", missing.map((c) => ({ field: `columns.${c}`, code: "FIELD_REQUIRED" })));
  }
  if (body.length > MAX_ROWS) {
    throw AppError.field("file", "FIELD_TOO_LONG");
  }
  return body.map((cells) => {
    const record = {} as ImportRow;
    for (const column of COLUMNS) {
      const i = index.get(column);
      record[column] = i === undefined ? "" : (cells[i] ?? "").trim();
    }
    return record;
  });
}

/**
 * Imports or updates the service classifier (A4) by code in one transaction: parents before children, every
 * problem reported with its row (numbered as in the file, header = 1), nothing written if any row is wrong.
 */
export async function importClassifier(db: Db, actor: Actor, meta: RequestMeta, kind: "csv" | "xlsx", content: string | Buffer): Promise<{ created: number; updated: number }> {
  const table = kind === "xlsx" ? await readXlsx(Buffer.isBuffer(content) ? content : Buffer.from(content)) : parseCsv(String(content));
  const records = toRecords(table);
  const [existing, bodies, types] = await Promise.all([
    db.selectFrom("classifier_items").select(["id", "code"]).where("tenant_id", "=", actor.tenantId).execute(),
    db.selectFrom("bodies").select(["id", "bin"]).where("tenant_id", "=", actor.tenantId).execute(),
    db.selectFrom("appeal_types").select("code").where("tenant_id", "=", actor.tenantId).execute(),
  ]);
  const existingCodes = new Map(existing.map((e) => [e.code, e.id]));
  const fileCodes = new Set(records.map((r) => r.code));
  const bodyByBin = new Map(bodies.filter((b) => b.bin !== null).map((b) => [b.bin, b.id]));
  const typeCodes = new Set(types.map((t) => t.code));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const at = (column: string) => `rows.${i + 2}.${column}`;
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(r.code)) {
      problems.push({ field: at("code"), code: "FIELD_INVALID" });
    } else if (seen.has(r.code)) {
      problems.push({ field: at("code"), code: "ALREADY_EXISTS" });
    }
    seen.add(r.code);
    if (r.name_ru === "") {
      problems.push({ field: at("name_ru"), code: "FIELD_REQUIRED" });
    }
    if (r.name_kk === "") {
      problems.push({ field: at("name_kk"), code: "FIELD_REQUIRED" });
    }
    if (r.parent_code !== "" && (r.parent_code === r.code || (!fileCodes.has(r.parent_code) && !existingCodes.has(r.parent_code)))) {
      problems.push({ field: at("parent_code"), code: "REFERENCE_UNKNOWN" });
    }
    if (r.body_bin !== "" && !bodyByBin.has(r.body_bin)) {
      problems.push({ field: at("body_bin"), code: "REFERENCE_UNKNOWN" });
    }
    if (r.default_type !== "" && !typeCodes.has(r.default_type)) {
      problems.push({ field: at("default_type"), code: "REFERENCE_UNKNOWN" });
    }
  });
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems.slice(0, 200));
  }
  const ordered = orderParentsFirst(records);
  if (ordered === null) {
    throw AppError.field("rows", "FIELD_INVALID");
  }
  return referenceChange(
    db,
    actor,
    meta,
    { action: "reference.classifier.import", entityId: "classifier", details: { rows: records.length } },
    { unique: { field: "rows", code: "ALREADY_EXISTS" }, foreignKey: { field: "rows", code: "REFERENCE_UNKNOWN" } },
    async (trx) => {
      const ids = new Map(existingCodes);
      let created = 0;
      let updated = 0;
      for (const r of ordered) {
        const values = {
          parent_id: r.parent_code === "" ? null : (ids.get(r.parent_code) ?? null),
          name_kk: r.name_kk,
          name_ru: r.name_ru,
          name_en: r.name_en || r.name_ru,
          body_id: r.body_bin === "" ? null : (bodyByBin.get(r.body_bin) ?? null),
          default_type_code: r.default_type === "" ? null : r.default_type,
        };
        const row = await trx
          .insertInto("classifier_items")
          .values({ tenant_id: actor.tenantId, code: r.code, ...values })
          .onConflict((oc) => oc.columns(["tenant_id", "code"]).doUpdateSet(values))
          .returning("id")
          .executeTakeFirstOrThrow();
        if (ids.has(r.code)) {
          updated += 1;
        } else {
          created += 1;
        }
        ids.set(r.code, row.id);
      }
      // The file alone has no loop (checked above), but with the items already stored it can close one.
      const looped = await itemsInLoops(trx, actor.tenantId);
      if (looped.size > 0) {
        const problems = records.flatMap((r, i) => (looped.has(r.code) && r.parent_code !== "" ? [{ field: `rows.${i + 2}.parent_code`, code: "FIELD_INVALID" as const }] : []));
        throw new AppError("VALIDATION_FAILED", problems.length > 0 ? problems : [{ field: "rows", code: "FIELD_INVALID" }]);
      }
      return { created, updated };
    },
  );
}

/** Codes of the tenant's classifier items that are their own ancestor. */
async function itemsInLoops(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await sql<{ code: string }>`
    with recursive walk (start_id, parent_id, depth) as (
      select id, parent_id, 1 from classifier_items where tenant_id = ${tenantId} and parent_id is not null
      union all
      select w.start_id, c.parent_id, w.depth + 1
        from walk w join classifier_items c on c.tenant_id = ${tenantId} and c.id = w.parent_id
       where c.parent_id is not null and w.parent_id <> w.start_id and w.depth < 100
    )
    select distinct c.code from walk w join classifier_items c on c.id = w.start_id where w.parent_id = w.start_id`.execute(db);
  return new Set(rows.rows.map((r) => r.code));
}

/** Rows sorted so that every parent comes before its children; null when the parents form a cycle. */
function orderParentsFirst(records: ImportRow[]): ImportRow[] | null {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const done = new Set<string>();
  const result: ImportRow[] = [];
  const visit = (r: ImportRow, path: Set<string>): boolean => {
    if (done.has(r.code)) {
      return true;
    }
    if (path.has(r.code)) {
      return false;
    }
    path.add(r.code);
    const parent = byCode.get(r.parent_code);
    if (parent && !visit(parent, path)) {
      return false;
    }
    done.add(r.code);
    result.push(r);
    return true;
  };
  for (const r of records) {
    if (!visit(r, new Set())) {
      return null;
    }
  }
  return result;
}

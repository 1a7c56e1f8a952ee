import { isValidLocalDate } from "@bailanys/common/calendar";
import { isLocale, type Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { parseCsv, readXlsx, writeCsv, writeXlsx } from "../../platform/table-file.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { draftColumns, insertDraft } from "./kb-version.service.ts";
import { parseMarkdownArticle, renderMarkdownArticle, type MarkdownArticle } from "./kb-markdown.ts";
import { openVersion } from "./kb.repository.ts";

/** The columns of a table export and import, one row per translation. */
export const TABLE_COLUMNS = [
  "code",
  "locale",
  "audience",
  "category",
  "tags",
  "title",
  "body",
  "description",
  "documents",
  "fee",
  "term",
  "source_title",
  "source_reference",
  "source_date",
  "valid_from",
  "review_by",
] as const;
const EXPORT_COLUMNS = [...TABLE_COLUMNS, "state", "version"] as const;
const MAX_ROWS = 5_000;

const list = (cell: string): string[] =>
  cell
    .split(/\r?\n|;/)
    .map((item) => item.trim())
    .filter((item) => item !== "");

function fromTable(table: string[][]): MarkdownArticle[] {
  const [header, ...body] = table;
  if (!header) {
    throw AppError.field("file", "FIELD_REQUIRED");
  }
  const index = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = (["code", "locale", "title"] as const).filter((column) => !index.has(column));
  if (missing.length > 0) {
    throw new AppError("VALIDATION_FAILED", missing.map((column) => ({ field: `columns.${column}`, code: "FIELD_REQUIRED" })));
  }
  if (body.length > MAX_ROWS) {
    throw AppError.field("file", "FIELD_TOO_LONG");
  }
  return body.map((cells) => {
    const cell = (column: string) => {
      const i = index.get(column);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const documents = list(cell("documents"));
    return {
      code: cell("code"),
      locale: cell("locale"),
      audience: cell("audience"),
      category: cell("category"),
      tags: list(cell("tags").replace(/,/g, ";")),
      title: cell("title"),
      body: cell("body"),
      facts: {
        ...(cell("description") ? { description: cell("description") } : {}),
        ...(documents.length > 0 ? { documents } : {}),
        ...(cell("fee") ? { fee: cell("fee") } : {}),
        ...(cell("term") ? { term: cell("term") } : {}),
      },
      sourceTitle: cell("source_title"),
      sourceReference: cell("source_reference"),
      sourceDate: cell("source_date"),
      validFrom: cell("valid_from"),
      reviewBy: cell("review_by"),
    };
  });
}

/** Reads an uploaded base: Markdown (one translation with its front matter), CSV or XLSX (one row per translation). */
export async function readImportFile(kind: "markdown" | "csv" | "xlsx", content: Buffer): Promise<MarkdownArticle[]> {
  if (kind === "markdown") {
    const article = parseMarkdownArticle(content.toString("utf8"));
    if (!article) {
      throw AppError.field("file", "KB_IMPORT_UNREADABLE");
    }
    return [article];
  }
  const table = kind === "xlsx" ? await readXlsx(content).catch(() => null) : parseCsv(content.toString("utf8"));
  if (table === null) {
    throw AppError.field("file", "KB_IMPORT_UNREADABLE");
  }
  return fromTable(table);
}

function recordProblems(records: MarkdownArticle[], categories: Map<string, string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const at = (field: string) => `rows.${i + 2}.${field}`;
    if (!/^[a-z0-9][a-z0-9_.-]{0,79}$/.test(record.code)) {
      problems.push({ field: at("code"), code: "FIELD_INVALID" });
    }
    if (!isLocale(record.locale)) {
      problems.push({ field: at("locale"), code: "FIELD_INVALID" });
    }
    if (seen.has(`${record.code}/${record.locale}`)) {
      problems.push({ field: at("code"), code: "ALREADY_EXISTS" });
    }
    seen.add(`${record.code}/${record.locale}`);
    if (record.audience !== "" && record.audience !== "public" && record.audience !== "internal") {
      problems.push({ field: at("audience"), code: "FIELD_INVALID" });
    }
    if (record.category !== "" && !categories.has(record.category)) {
      problems.push({ field: at("category"), code: "REFERENCE_UNKNOWN" });
    }
    if (record.title === "") {
      problems.push({ field: at("title"), code: "FIELD_REQUIRED" });
    }
    for (const [field, value] of [["source_date", record.sourceDate], ["valid_from", record.validFrom], ["review_by", record.reviewBy]] as const) {
      if (value !== "" && !isValidLocalDate(value)) {
        problems.push({ field: at(field), code: "FIELD_INVALID" });
      }
    }
    if (record.validFrom !== "" && record.reviewBy !== "" && record.reviewBy <= record.validFrom) {
      problems.push({ field: at("review_by"), code: "FIELD_OUT_OF_RANGE" });
    }
  });
  return problems;
}

/**
 * Brings an existing base in as drafts (never published: an approver still checks each against its source, R22):
 * a new code makes an article, a known one gets the next draft of that translation. One transaction; every
 * problem is reported with its row (the header is row 1) and nothing is written if any row is wrong.
 */
export async function importArticles(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, records: MarkdownArticle[]): Promise<{ created: number; updated: number }> {
  const categoryRows = await deps.db.selectFrom("classifier_items").select(["id", "code"]).where("tenant_id", "=", actor.tenantId).execute();
  const categories = new Map(categoryRows.map((row) => [row.code, row.id]));
  const problems = recordProblems(records, categories);
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems.slice(0, 200));
  }
  return transact(deps, async (trx) => {
    let created = 0;
    let updated = 0;
    for (const [i, record] of records.entries()) {
      const locale = record.locale as Locale;
      const metaColumns = {
        ...(record.audience !== "" ? { audience: record.audience as "public" | "internal" } : {}),
        ...(record.category !== "" ? { category_id: categories.get(record.category) ?? null } : {}),
        ...(record.tags.length > 0 ? { tags: record.tags.map((tag) => tag.toLowerCase()) } : {}),
      };
      let article = await trx.selectFrom("kb_articles").selectAll().where("tenant_id", "=", actor.tenantId).where("code", "=", record.code).forUpdate().executeTakeFirst();
      if (article) {
        article = await trx.updateTable("kb_articles").set({ ...metaColumns, updated_at: sql<Date>`now()` }).where("id", "=", article.id).returningAll().executeTakeFirstOrThrow();
        updated += 1;
      } else {
        article = await trx
          .insertInto("kb_articles")
          .values({ tenant_id: actor.tenantId, code: record.code, audience: "public", ...metaColumns, created_by: actor.userId })
          .returningAll()
          .executeTakeFirstOrThrow();
        created += 1;
      }
      const draft = {
        title: record.title,
        body: record.body,
        facts: record.facts,
        sourceTitle: record.sourceTitle,
        sourceReference: record.sourceReference,
        sourceDate: record.sourceDate || null,
        validFrom: record.validFrom || null,
        reviewBy: record.reviewBy || null,
        changeNote: "import",
      };
      const open = await openVersion(trx, article.id, locale);
      if (open?.state === "review") {
        throw AppError.field(`rows.${i + 2}.code`, "KB_VERSION_STATE");
      }
      if (open) {
        await trx.updateTable("kb_versions").set({ ...draftColumns(draft), updated_at: sql<Date>`now()` }).where("id", "=", open.id).execute();
      } else {
        await insertDraft(trx, actor, article, locale, draft);
      }
    }
    await recordAudit(trx, actor, meta, { action: "kb.import", entity: "kb_article", details: { rows: records.length, created, updated } });
    return { created, updated };
  });
}

interface ExportRow {
  code: string;
  audience: string;
  category: string | null;
  tags: string[];
  locale: Locale;
  number: number;
  state: string;
  title: string;
  body: string;
  facts: MarkdownArticle["facts"];
  source_title: string;
  source_reference: string;
  source_date: string | null;
  valid_from: string | null;
  review_by: string | null;
}

/** Per translation the published version, else the open draft (what an editor would carry to another system). */
async function exportRows(db: Db, tenantId: string, articleId: string | null): Promise<ExportRow[]> {
  const result = await sql<ExportRow>`
    select distinct on (a.id, v.locale) a.code, a.audience, c.code as category, a.tags, v.locale, v.number, v.state, v.title, v.body, v.facts,
      v.source_title, v.source_reference, v.source_date, v.valid_from, v.review_by
    from kb_articles a
    join kb_versions v on v.article_id = a.id and v.state in ('published', 'draft', 'review')
    left join classifier_items c on c.id = a.category_id
    where a.tenant_id = ${tenantId} and a.archived_at is null ${articleId !== null ? sql`and a.id = ${articleId}` : sql``}
    order by a.id, v.locale, (v.state = 'published') desc, v.number desc`.execute(db);
  return result.rows.sort((a, b) => a.code.localeCompare(b.code) || a.locale.localeCompare(b.locale));
}

function asMarkdownArticle(row: ExportRow): MarkdownArticle {
  return {
    code: row.code,
    locale: row.locale,
    audience: row.audience,
    category: row.category ?? "",
    tags: row.tags,
    title: row.title,
    body: row.body,
    facts: row.facts,
    sourceTitle: row.source_title,
    sourceReference: row.source_reference,
    sourceDate: row.source_date ?? "",
    validFrom: row.valid_from ?? "",
    reviewBy: row.review_by ?? "",
  };
}

/** The whole base as CSV or XLSX, one row per translation, in the columns the import reads. */
export async function exportTable(db: Db, tenantId: string, format: "csv" | "xlsx"): Promise<Buffer> {
  const rows = (await exportRows(db, tenantId, null)).map((row) => {
    const article = asMarkdownArticle(row);
    const values: Record<(typeof EXPORT_COLUMNS)[number], string> = {
      code: article.code,
      locale: article.locale,
      audience: article.audience,
      category: article.category,
      tags: article.tags.join("; "),
      title: article.title,
      body: article.body,
      description: article.facts.description ?? "",
      documents: (article.facts.documents ?? []).join("\n"),
      fee: article.facts.fee ?? "",
      term: article.facts.term ?? "",
      source_title: article.sourceTitle,
      source_reference: article.sourceReference,
      source_date: article.sourceDate,
      valid_from: article.validFrom,
      review_by: article.reviewBy,
      state: row.state,
      version: String(row.number),
    };
    return EXPORT_COLUMNS.map((column) => values[column]);
  });
  const table = [[...EXPORT_COLUMNS], ...rows];
  return format === "xlsx" ? writeXlsx("knowledge", table) : Buffer.from(writeCsv(table), "utf8");
}

/** One translation as a Markdown file. */
export async function exportMarkdown(db: Db, tenantId: string, articleId: string, locale: Locale): Promise<{ fileName: string; text: string }> {
  const row = (await exportRows(db, tenantId, articleId)).find((r) => r.locale === locale);
  if (!row) {
    throw new AppError("NOT_FOUND");
  }
  return { fileName: `${row.code}.${locale}.md`, text: renderMarkdownArticle(asMarkdownArticle(row)) };
}

import type { ArticleViewDto, OfficeViewDto } from "@bailanys/common/api/kb";
import type { Locale } from "@bailanys/common/locales";
import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { KbOfficesTable } from "../../db/schema-kb.ts";
import { AppError } from "../../platform/app-error.ts";

/** When the reader's language has no published text, the article is shown in the first of these that has one. */
const FALLBACK: Record<Locale, Locale[]> = { kk: ["kk", "ru", "en"], ru: ["ru", "kk", "en"], en: ["en", "ru", "kk"] };

export function presentOfficeView(row: Selectable<KbOfficesTable>, locale: Locale): OfficeViewDto {
  return {
    id: row.id,
    name: row[`name_${locale}`],
    address: row[`address_${locale}`],
    phone: row.phone,
    email: row.email,
    hours: row.hours,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

export interface ReadOptions {
  /** The article's id or its code. */
  ref: string;
  locale: Locale;
  publicOnly: boolean;
}

/** A published article in the reader's language (or the nearest one published), with its offices and links. */
export async function readPublished(db: Db, tenantId: string, options: ReadOptions): Promise<ArticleViewDto> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.ref);
  let articleQuery = db.selectFrom("kb_articles").selectAll().where("tenant_id", "=", tenantId).where("archived_at", "is", null);
  articleQuery = isUuid ? articleQuery.where("id", "=", options.ref) : articleQuery.where("code", "=", options.ref);
  const article = await articleQuery.executeTakeFirst();
  if (!article || (options.publicOnly && article.audience !== "public")) {
    throw new AppError("NOT_FOUND");
  }
  const versions = await db.selectFrom("kb_versions").selectAll().where("article_id", "=", article.id).where("state", "=", "published").execute();
  const version = FALLBACK[options.locale].map((locale) => versions.find((v) => v.locale === locale)).find((v) => v !== undefined);
  if (!version || version.published_at === null) {
    throw new AppError("KB_NOT_PUBLISHED");
  }
  const locale = version.locale;
  const [category, related, offices, attachments] = await Promise.all([
    article.category_id === null
      ? Promise.resolve(undefined)
      : db.selectFrom("classifier_items").select(["id", "code", "name_kk", "name_ru", "name_en"]).where("id", "=", article.category_id).executeTakeFirst(),
    db
      .selectFrom("kb_article_links as l")
      .innerJoin("kb_articles as r", "r.id", "l.related_id")
      .innerJoin("kb_documents as d", "d.article_id", "r.id")
      .select(["r.id", "r.code", "d.title", "d.locale"])
      .where("l.article_id", "=", article.id)
      .where("r.archived_at", "is", null)
      .$if(options.publicOnly, (q) => q.where("r.audience", "=", "public"))
      .execute(),
    db
      .selectFrom("kb_article_offices as ao")
      .innerJoin("kb_offices as o", "o.id", "ao.office_id")
      .selectAll("o")
      .where("ao.article_id", "=", article.id)
      .where("o.active", "=", true)
      .orderBy(`o.name_${locale}`)
      .execute(),
    db.selectFrom("kb_attachments").select(["id", "file_name", "content_type", "size_bytes"]).where("article_id", "=", article.id).orderBy("created_at").execute(),
  ]);
  const relatedOnce = new Map<string, { id: string; code: string; title: string }>();
  for (const locale of [...FALLBACK[options.locale]].reverse()) {
    for (const row of related.filter((r) => r.locale === locale)) {
      relatedOnce.set(row.id, { id: row.id, code: row.code, title: row.title });
    }
  }
  return {
    id: article.id,
    code: article.code,
    locale,
    availableLocales: versions.map((v) => v.locale),
    audience: article.audience,
    title: version.title,
    body: version.body,
    facts: version.facts,
    sourceTitle: version.source_title,
    sourceReference: version.source_reference,
    sourceDate: version.source_date,
    validFrom: version.valid_from,
    reviewBy: version.review_by,
    publishedAt: version.published_at.toISOString(),
    version: version.number,
    category: category ? { id: category.id, code: category.code, name: category[`name_${locale}`] } : null,
    tags: article.tags,
    related: [...relatedOnce.values()],
    offices: offices.map((office) => presentOfficeView(office, locale)),
    attachments: attachments.map((row) => ({ id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes })),
  };
}

/** An attachment of an article the reader may see (public articles' files are public). */
export async function readAttachment(db: Db, tenantId: string, articleRef: string, attachmentId: string, publicOnly: boolean): Promise<{ fileName: string; contentType: string; content: Uint8Array }> {
  const row = await db
    .selectFrom("kb_attachments as f")
    .innerJoin("kb_articles as a", "a.id", "f.article_id")
    .select(["f.file_name", "f.content_type", "f.content", "a.audience", "a.archived_at"])
    .where("f.tenant_id", "=", tenantId)
    .where("f.id", "=", attachmentId)
    .where((eb) => eb.or([eb("a.id", "=", /^[0-9a-f-]{36}$/i.test(articleRef) ? articleRef : null), eb("a.code", "=", articleRef)]))
    .executeTakeFirst();
  if (!row || (publicOnly && (row.audience !== "public" || row.archived_at !== null))) {
    throw new AppError("NOT_FOUND");
  }
  return { fileName: row.file_name, contentType: row.content_type, content: row.content };
}

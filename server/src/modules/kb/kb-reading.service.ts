import type { ArticleViewDto, OfficeViewDto, PortalHomeDto } from "@bailanys/common/api/kb";
import type { Locale } from "@bailanys/common/locales";
import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { KbOfficesTable } from "../../db/schema-kb.ts";
import { AppError } from "../../platform/app-error.ts";

/** When the reader's language has no published text, the article is shown in the first of these that has one. */
/** An article is named by its id or its code; only an id can be compared with a uuid column. */
const isUuid = (ref: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);

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
  let articleQuery = db.selectFrom("kb_articles").selectAll().where("tenant_id", "=", tenantId).where("archived_at", "is", null);
  articleQuery = isUuid(options.ref) ? articleQuery.where("id", "=", options.ref) : articleQuery.where("code", "=", options.ref);
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
    .where(isUuid(articleRef) ? "a.id" : "a.code", "=", articleRef)
    .executeTakeFirst();
  if (!row || (publicOnly && (row.audience !== "public" || row.archived_at !== null))) {
    throw new AppError("NOT_FOUND");
  }
  return { fileName: row.file_name, contentType: row.content_type, content: row.content };
}

/** How many articles the portal's front page offers as frequent answers. */
const POPULAR = 8;

/**
 * The portal's front page: the topics that have public articles, and the public articles used most in the last 90
 * days (then the newest, while there are fewer), each in the reader's language where it is published.
 */
export async function portalHome(db: Db, tenantId: string, locale: Locale): Promise<PortalHomeDto> {
  const categories = await sql<PortalHomeDto["categories"][number]>`
    select c.id, c.code, ${sql.ref(`c.name_${locale}`)} as name, count(distinct d.article_id)::int as articles
    from kb_documents d join classifier_items c on c.id = d.category_id
    where d.tenant_id = ${tenantId} and d.audience = 'public'
    group by c.id order by c.sort, c.code`.execute(db);
  // Usage is counted first (its index by tenant and time), so the documents are read for eight articles only.
  const popular = await sql<PortalHomeDto["popular"][number]>`
    with used as (
      select u.article_id, row_number() over (order by count(*) desc) as place from kb_usage u
      where u.tenant_id = ${tenantId} and u.at > now() - interval '90 days'
        and exists (select 1 from kb_documents d where d.article_id = u.article_id and d.audience = 'public')
      group by u.article_id order by place limit ${POPULAR}
    ),
    newest as (
      select d.article_id, ${POPULAR} + row_number() over (order by max(d.published_at) desc) as place from kb_documents d
      where d.tenant_id = ${tenantId} and d.audience = 'public' and d.article_id not in (select article_id from used)
      group by d.article_id order by place limit ${POPULAR}
    ),
    top as (select * from (select * from used union all select * from newest) x order by place limit ${POPULAR})
    select distinct on (top.place) top.article_id as id, a.code, d.title, d.locale
    from top join kb_documents d on d.article_id = top.article_id join kb_articles a on a.id = top.article_id
    order by top.place, (d.locale = ${locale}) desc`.execute(db);
  return { categories: categories.rows, popular: popular.rows };
}

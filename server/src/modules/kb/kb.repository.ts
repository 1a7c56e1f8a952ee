import type { Locale } from "@bailanys/common/locales";
import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { KbArticlesTable, KbVersionsTable } from "../../db/schema-kb.ts";

export type ArticleRow = Selectable<KbArticlesTable>;
export type VersionRow = Selectable<KbVersionsTable>;
export type VersionWithPeople = VersionRow & { author_name: string; reviewer_name: string | null };

/** The article, locked for the change that follows when `forUpdate`. */
export async function findArticle(db: Db, tenantId: string, id: string, forUpdate = false): Promise<ArticleRow | undefined> {
  let query = db.selectFrom("kb_articles").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id);
  if (forUpdate) {
    query = query.forUpdate();
  }
  return query.executeTakeFirst();
}

export async function findArticleByCode(db: Db, tenantId: string, code: string): Promise<ArticleRow | undefined> {
  return db.selectFrom("kb_articles").selectAll().where("tenant_id", "=", tenantId).where("code", "=", code).executeTakeFirst();
}

function versionsWithPeople(db: Db) {
  return db
    .selectFrom("kb_versions as v")
    .innerJoin("users as a", "a.id", "v.author_id")
    .leftJoin("users as r", "r.id", "v.reviewed_by")
    .selectAll("v")
    .select(["a.full_name as author_name", "r.full_name as reviewer_name"]);
}

export async function findVersion(db: Db, tenantId: string, id: string): Promise<VersionWithPeople | undefined> {
  return versionsWithPeople(db).where("v.tenant_id", "=", tenantId).where("v.id", "=", id).executeTakeFirst();
}

export async function articleVersions(db: Db, articleId: string): Promise<VersionWithPeople[]> {
  return versionsWithPeople(db).where("v.article_id", "=", articleId).orderBy("v.locale").orderBy("v.number", "desc").execute();
}

/** The open (draft, under review or scheduled) version of a translation, locked. */
export async function openVersion(db: Db, articleId: string, locale: Locale): Promise<VersionRow | undefined> {
  return db.selectFrom("kb_versions").selectAll().where("article_id", "=", articleId).where("locale", "=", locale).where("state", "in", ["draft", "review", "scheduled"]).forUpdate().executeTakeFirst();
}

export async function nextVersionNumber(db: Db, articleId: string, locale: Locale): Promise<number> {
  const row = await db
    .selectFrom("kb_versions")
    .select(sql<number>`coalesce(max(number), 0) + 1`.as("next"))
    .where("article_id", "=", articleId)
    .where("locale", "=", locale)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export async function articleLinks(db: Db, articleIds: string[]): Promise<{ related: Map<string, string[]>; offices: Map<string, string[]> }> {
  const related = new Map<string, string[]>();
  const offices = new Map<string, string[]>();
  if (articleIds.length === 0) {
    return { related, offices };
  }
  for (const row of await db.selectFrom("kb_article_links").select(["article_id", "related_id"]).where("article_id", "in", articleIds).execute()) {
    related.set(row.article_id, [...(related.get(row.article_id) ?? []), row.related_id]);
  }
  for (const row of await db.selectFrom("kb_article_offices").select(["article_id", "office_id"]).where("article_id", "in", articleIds).execute()) {
    offices.set(row.article_id, [...(offices.get(row.article_id) ?? []), row.office_id]);
  }
  return { related, offices };
}

/** Replaces an article's related articles and offices; every id must be the tenant's (field names the one that is not). */
export async function replaceLinks(trx: Db, article: ArticleRow, relatedIds: string[] | undefined, officeIds: string[] | undefined): Promise<string | null> {
  if (relatedIds !== undefined) {
    const ids = [...new Set(relatedIds)].filter((id) => id !== article.id);
    if (ids.length > 0) {
      const found = await trx.selectFrom("kb_articles").select("id").where("tenant_id", "=", article.tenant_id).where("id", "in", ids).execute();
      if (found.length !== ids.length) {
        return "relatedIds";
      }
    }
    await trx.deleteFrom("kb_article_links").where("article_id", "=", article.id).execute();
    if (ids.length > 0) {
      await trx.insertInto("kb_article_links").values(ids.map((id) => ({ tenant_id: article.tenant_id, article_id: article.id, related_id: id }))).execute();
    }
  }
  if (officeIds !== undefined) {
    const ids = [...new Set(officeIds)];
    if (ids.length > 0) {
      const found = await trx.selectFrom("kb_offices").select("id").where("tenant_id", "=", article.tenant_id).where("id", "in", ids).execute();
      if (found.length !== ids.length) {
        return "officeIds";
      }
    }
    await trx.deleteFrom("kb_article_offices").where("article_id", "=", article.id).execute();
    if (ids.length > 0) {
      await trx.insertInto("kb_article_offices").values(ids.map((id) => ({ tenant_id: article.tenant_id, article_id: article.id, office_id: id }))).execute();
    }
  }
  return null;
}

export async function categoryExists(db: Db, tenantId: string, categoryId: string): Promise<boolean> {
  const row = await db.selectFrom("classifier_items").select("id").where("tenant_id", "=", tenantId).where("id", "=", categoryId).executeTakeFirst();
  return row !== undefined;
}

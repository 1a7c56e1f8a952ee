import type { ArticleCreateBody, ArticleDto, ArticleListItemDto, ArticleMetaBody } from "@bailanys/common/api/kb";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/pg-errors.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { reindexArticle } from "./kb-index.ts";
import { markLexiconStale } from "./kb-lexicon.ts";
import { insertDraft } from "./kb-version.service.ts";
import { presentArticle, presentEditorAttachment, presentListItem } from "./kb.presenter.ts";
import { articleLinks, articleVersions, categoryExists, findArticle, replaceLinks, type ArticleRow } from "./kb.repository.ts";

type Deps = { db: Db; bus: EventBus };

async function checkCategory(db: Db, tenantId: string, categoryId: string | null | undefined): Promise<void> {
  if (categoryId && !(await categoryExists(db, tenantId, categoryId))) {
    throw AppError.field("categoryId", "REFERENCE_UNKNOWN");
  }
}

function normaliseTags(tags: string[] | undefined): string[] | undefined {
  return tags === undefined ? undefined : [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ""))];
}

/** A new article with the first draft of one translation, in one transaction. */
export async function createArticle(deps: Deps, actor: Actor, meta: RequestMeta, input: ArticleCreateBody): Promise<ArticleDto> {
  await checkCategory(deps.db, actor.tenantId, input.categoryId);
  const articleId = await transact(deps, async (trx) => {
    let article: ArticleRow;
    try {
      article = await trx
        .insertInto("kb_articles")
        .values({
          tenant_id: actor.tenantId,
          code: input.code,
          category_id: input.categoryId ?? null,
          audience: input.audience,
          tags: normaliseTags(input.tags) ?? [],
          created_by: actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      throw isUniqueViolation(error) ? new AppError("VALIDATION_FAILED", [{ field: "code", code: "KB_CODE_TAKEN" }]) : error;
    }
    const badField = await replaceLinks(trx, article, input.relatedIds, input.officeIds);
    if (badField !== null) {
      throw AppError.field(badField, "REFERENCE_UNKNOWN");
    }
    const draft = await insertDraft(trx, actor, article, input.locale, input.draft);
    await recordAudit(trx, actor, meta, [
      { action: "kb.article.create", entity: "kb_article", entityId: article.id, details: { code: article.code } },
      { action: "kb.version.draft", entity: "kb_version", entityId: draft.id, details: { locale: draft.locale, number: draft.number } },
    ]);
    return article.id;
  });
  return readArticle(deps.db, actor.tenantId, articleId);
}

/** Category, audience, tags, related articles and offices; the published texts are indexed again. */
export async function updateArticleMeta(deps: Deps, actor: Actor, meta: RequestMeta, id: string, input: ArticleMetaBody): Promise<ArticleDto> {
  await checkCategory(deps.db, actor.tenantId, input.categoryId);
  await transact(deps, async (trx) => {
    const current = await findArticle(trx, actor.tenantId, id, true);
    if (!current) {
      throw new AppError("NOT_FOUND");
    }
    const article = await trx
      .updateTable("kb_articles")
      .set({
        audience: input.audience,
        ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
        ...(input.tags !== undefined ? { tags: normaliseTags(input.tags) ?? [] } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const badField = await replaceLinks(trx, article, input.relatedIds, input.officeIds);
    if (badField !== null) {
      throw AppError.field(badField, "REFERENCE_UNKNOWN");
    }
    await reindexArticle(trx, article);
    if (current.audience === "public" && article.audience !== "public") {
      // Its words may be in no public text any more: a citizen's typo must not be corrected to them.
      await markLexiconStale(trx, actor.tenantId);
    }
    await recordAudit(trx, actor, meta, {
      action: "kb.article.update",
      entity: "kb_article",
      entityId: id,
      details: current.audience !== article.audience ? { audience: [current.audience, article.audience] } : {},
    });
    await deps.bus.publish(trx, { type: "kb.changed", tenantId: actor.tenantId, articleId: id });
  });
  return readArticle(deps.db, actor.tenantId, id);
}

/** Archived articles leave search and the portal at once; their versions stay for the record. */
export async function setArchived(deps: Deps, actor: Actor, meta: RequestMeta, id: string, archived: boolean): Promise<ArticleDto> {
  await transact(deps, async (trx) => {
    const article = await trx
      .updateTable("kb_articles")
      .set({ archived_at: archived ? sql<Date>`now()` : null, updated_at: sql<Date>`now()` })
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!article) {
      throw new AppError("NOT_FOUND");
    }
    if (archived) {
      await trx.deleteFrom("kb_documents").where("article_id", "=", id).execute();
      await markLexiconStale(trx, actor.tenantId);
    } else {
      await reindexArticle(trx, article);
    }
    await recordAudit(trx, actor, meta, { action: archived ? "kb.article.archive" : "kb.article.restore", entity: "kb_article", entityId: id });
    await deps.bus.publish(trx, { type: "kb.changed", tenantId: actor.tenantId, articleId: id });
  });
  return readArticle(deps.db, actor.tenantId, id);
}

/** The editor's view of an article: every version of every translation, links and attachments. */
export async function readArticle(db: Db, tenantId: string, id: string): Promise<ArticleDto> {
  const article = await findArticle(db, tenantId, id);
  if (!article) {
    throw new AppError("NOT_FOUND");
  }
  const [versions, links, attachments] = await Promise.all([
    articleVersions(db, id),
    articleLinks(db, [id]),
    db.selectFrom("kb_attachments").select(["id", "file_name", "content_type", "size_bytes", "text_state", "text_recognized"]).where("article_id", "=", id).orderBy("created_at").execute(),
  ]);
  return presentArticle(
    article,
    versions,
    { relatedIds: links.related.get(id) ?? [], officeIds: links.offices.get(id) ?? [] },
    attachments.map(presentEditorAttachment),
  );
}

export interface ArticleListFilter {
  q?: string;
  state?: "review" | "draft" | "scheduled" | "published" | "due" | "archived";
  categoryId?: string;
  audience?: "internal" | "public";
  limit?: number;
}

/** The editors' list: filtered by state (under review, drafts, due for review, archived), category, audience, title. */
export async function listArticles(db: Db, tenantId: string, filter: ArticleListFilter, today: string, reminderDays: number): Promise<ArticleListItemDto[]> {
  let query = db.selectFrom("kb_articles as a").selectAll("a").where("a.tenant_id", "=", tenantId);
  query = filter.state === "archived" ? query.where("a.archived_at", "is not", null) : query.where("a.archived_at", "is", null);
  if (filter.categoryId) {
    query = query.where("a.category_id", "=", filter.categoryId);
  }
  if (filter.audience) {
    query = query.where("a.audience", "=", filter.audience);
  }
  const withVersion = (condition: ReturnType<typeof sql<boolean>>) =>
    sql<boolean>`exists (select 1 from kb_versions v where v.article_id = a.id and ${condition})`;
  if (filter.q) {
    // The editor's words are matched as typed: % and _ are not wildcards here.
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("a.code", "ilike", pattern), withVersion(sql`v.state <> 'superseded' and v.title ilike ${pattern}`)]));
  }
  if (filter.state === "review" || filter.state === "draft" || filter.state === "scheduled" || filter.state === "published") {
    query = query.where(withVersion(sql`v.state = ${filter.state}`));
  } else if (filter.state === "due") {
    query = query.where(withVersion(sql`v.state = 'published' and v.review_by <= ${today}::date + ${reminderDays}::int`));
  }
  const articles = await query.orderBy("a.updated_at", "desc").limit(filter.limit ?? 100).execute();
  if (articles.length === 0) {
    return [];
  }
  const versions = await db
    .selectFrom("kb_versions")
    .select(["id", "article_id", "locale", "number", "state", "title", "review_by", "valid_from", "published_at"])
    .where("article_id", "in", articles.map((a) => a.id))
    .where("state", "in", ["draft", "review", "scheduled", "published"])
    .execute();
  return articles.map((article) => presentListItem(article, versions.filter((v) => v.article_id === article.id)));
}

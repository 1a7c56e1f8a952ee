import type { DraftBody, VersionDto } from "@bailanys/common/api/kb";
import { localDateAt } from "@bailanys/common/calendar";
import type { Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAnonymousAudit, recordAudit } from "../audit/audit.service.ts";
import { indexPublishedVersion } from "./kb-index.ts";
import { markLexiconStale } from "./kb-lexicon.ts";
import { presentVersion } from "./kb.presenter.ts";
import { findArticle, findVersion, nextVersionNumber, openVersion, type ArticleRow, type VersionRow } from "./kb.repository.ts";

type Deps = { db: Db; bus: EventBus };

function draftProblems(input: DraftBody): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.title.trim() === "") {
    problems.push({ field: "title", code: "FIELD_REQUIRED" });
  }
  if (input.validFrom && input.reviewBy && input.reviewBy <= input.validFrom) {
    problems.push({ field: "reviewBy", code: "FIELD_OUT_OF_RANGE" });
  }
  return problems;
}

/** R22.5: what may go to review and be published — an official source, and a date by which it is reviewed again. */
function publicationProblems(version: Pick<VersionRow, "source_title" | "source_reference" | "review_by" | "body" | "facts">): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (version.source_title.trim() === "") {
    problems.push({ field: "sourceTitle", code: "KB_SOURCE_REQUIRED" });
  }
  if (version.source_reference.trim() === "") {
    problems.push({ field: "sourceReference", code: "KB_SOURCE_REQUIRED" });
  }
  if (version.review_by === null) {
    problems.push({ field: "reviewBy", code: "FIELD_REQUIRED" });
  }
  if (version.body.trim() === "" && !version.facts.description) {
    problems.push({ field: "body", code: "FIELD_REQUIRED" });
  }
  return problems;
}

/** The columns a draft's text is stored in. */
export function draftColumns(input: DraftBody) {
  return {
    title: input.title.trim(),
    body: input.body,
    facts: JSON.stringify(input.facts ?? {}),
    source_title: input.sourceTitle?.trim() ?? "",
    source_reference: input.sourceReference?.trim() ?? "",
    source_date: input.sourceDate ?? null,
    valid_from: input.validFrom ?? null,
    review_by: input.reviewBy ?? null,
    change_note: input.changeNote?.trim() ?? "",
  };
}

/** Inserts the next version of a translation as a draft. */
export async function insertDraft(trx: Db, actor: Actor, article: ArticleRow, locale: Locale, input: DraftBody): Promise<VersionRow> {
  const problems = draftProblems(input);
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  return trx
    .insertInto("kb_versions")
    .values({
      tenant_id: article.tenant_id,
      article_id: article.id,
      locale,
      number: await nextVersionNumber(trx, article.id, locale),
      state: "draft",
      author_id: actor.userId,
      ...draftColumns(input),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Saves the draft of a translation: edits the open draft in place, or starts the next version (from nothing, or
 * after the last one was published or sent back). A version under review is frozen until it is decided, and a
 * scheduled one until it is published or withdrawn.
 */
export async function saveDraft(deps: Deps, actor: Actor, meta: RequestMeta, articleId: string, locale: Locale, input: DraftBody): Promise<VersionDto> {
  const problems = draftProblems(input);
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  const id = await transact(deps, async (trx) => {
    const article = await findArticle(trx, actor.tenantId, articleId, true);
    if (!article) {
      throw new AppError("NOT_FOUND");
    }
    const open = await openVersion(trx, articleId, locale);
    if (open?.state === "review" || open?.state === "scheduled") {
      throw new AppError("KB_VERSION_STATE");
    }
    let version: VersionRow;
    if (open) {
      version = await trx
        .updateTable("kb_versions")
        .set({ ...draftColumns(input), updated_at: sql<Date>`now()` })
        .where("id", "=", open.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      version = await insertDraft(trx, actor, article, locale, input);
    }
    await trx.updateTable("kb_articles").set({ updated_at: sql<Date>`now()` }).where("id", "=", articleId).execute();
    await recordAudit(trx, actor, meta, { action: "kb.version.draft", entity: "kb_version", entityId: version.id, details: { locale, number: version.number } });
    return version.id;
  });
  return readVersion(deps.db, actor.tenantId, id);
}

export async function readVersion(db: Db, tenantId: string, id: string): Promise<VersionDto> {
  const row = await findVersion(db, tenantId, id);
  if (!row) {
    throw new AppError("NOT_FOUND");
  }
  return presentVersion(row);
}

async function lockVersion(trx: Db, tenantId: string, id: string): Promise<VersionRow> {
  const version = await trx.selectFrom("kb_versions").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
  if (!version) {
    throw new AppError("NOT_FOUND");
  }
  return version;
}

/** The author hands a draft to an approver; it must cite its official source (R22.5) and say when it is reviewed. */
export async function submitVersion(deps: Deps, actor: Actor, meta: RequestMeta, id: string): Promise<VersionDto> {
  await transact(deps, async (trx) => {
    const version = await lockVersion(trx, actor.tenantId, id);
    if (version.state !== "draft") {
      throw new AppError("KB_VERSION_STATE");
    }
    const problems = publicationProblems(version);
    if (problems.length > 0) {
      throw new AppError("VALIDATION_FAILED", problems);
    }
    await trx.updateTable("kb_versions").set({ state: "review", submitted_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }).where("id", "=", id).execute();
    await recordAudit(trx, actor, meta, { action: "kb.version.submit", entity: "kb_version", entityId: id });
  });
  return readVersion(deps.db, actor.tenantId, id);
}

/**
 * The approver publishes a version under review: the previous published version is superseded, the search
 * document rewritten, and every open workspace hears of it at once (R22: one current text for all sites).
 * Nobody approves their own version.
 */
export async function approveVersion(deps: Deps, actor: Actor, meta: RequestMeta, id: string, comment: string): Promise<VersionDto> {
  await transact(deps, async (trx) => {
    const version = await lockVersion(trx, actor.tenantId, id);
    if (version.state !== "review") {
      throw new AppError("KB_VERSION_STATE");
    }
    if (version.author_id === actor.userId) {
      throw new AppError("KB_OWN_VERSION");
    }
    const article = await findArticle(trx, actor.tenantId, version.article_id, true);
    if (!article) {
      throw new AppError("NOT_FOUND");
    }
    const problems = publicationProblems(version);
    if (problems.length > 0) {
      throw new AppError("VALIDATION_FAILED", problems);
    }
    const decision = { reviewed_by: actor.userId, reviewed_at: sql<Date>`now()`, review_comment: comment };
    if (version.valid_from !== null && version.valid_from > localDateAt(new Date())) {
      // Approved now, in force later: citizens read the current rule until then (the worker publishes it).
      await trx.updateTable("kb_versions").set({ ...decision, state: "scheduled", updated_at: sql<Date>`now()` }).where("id", "=", id).execute();
      await recordAudit(trx, actor, meta, { action: "kb.version.schedule", entity: "kb_version", entityId: id, details: { articleId: article.id, locale: version.locale, number: version.number, validFrom: version.valid_from } });
      return;
    }
    await trx.updateTable("kb_versions").set(decision).where("id", "=", id).execute();
    const published = await publishApproved(trx, deps.bus, { ...version, article });
    await recordAudit(trx, actor, meta, { action: "kb.version.publish", entity: "kb_version", entityId: id, details: { articleId: article.id, locale: published.locale, number: published.number } });
  });
  return readVersion(deps.db, actor.tenantId, id);
}

/**
 * Makes an approved version the published one of its translation: the previous one is superseded, the search
 * document rewritten (unless the article is archived) and every open staff window told (`kb.changed`).
 */
async function publishApproved(trx: Db, bus: EventBus, version: VersionRow & { article: ArticleRow }): Promise<VersionRow> {
  const { article } = version;
  const superseded = await trx
    .updateTable("kb_versions")
    .set({ state: "superseded", updated_at: sql<Date>`now()` })
    .where("article_id", "=", version.article_id)
    .where("locale", "=", version.locale)
    .where("state", "=", "published")
    .executeTakeFirst();
  if (Number(superseded.numUpdatedRows) > 0) {
    // Words of the superseded text may be gone from every published one: the worker rebuilds the lexicon.
    await markLexiconStale(trx, version.tenant_id);
  }
  const published = await trx
    .updateTable("kb_versions")
    .set({ state: "published", published_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where("id", "=", version.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.updateTable("kb_articles").set({ updated_at: sql<Date>`now()` }).where("id", "=", article.id).execute();
  if (article.archived_at === null) {
    await indexPublishedVersion(trx, article, published);
  }
  await bus.publish(trx, { type: "kb.changed", tenantId: version.tenant_id, articleId: article.id, published: { locale: published.locale, title: published.title } });
  return published;
}

const SCHEDULED_BATCH = 50;

/**
 * Worker job: scheduled versions whose "valid from" date has come (Asia/Almaty) are published, each in its own
 * transaction and audited as the system's doing. Claimed with SKIP LOCKED, so any number of workers may run it.
 */
export async function publishScheduledVersions(deps: Deps, now: Date = new Date()): Promise<number> {
  const today = localDateAt(now);
  let published = 0;
  for (;;) {
    const done = await transact(deps, async (trx) => {
      const version = await trx
        .selectFrom("kb_versions")
        .selectAll()
        .where("state", "=", "scheduled")
        .where("valid_from", "<=", today)
        .orderBy("valid_from")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!version) {
        return false;
      }
      const article = await findArticle(trx, version.tenant_id, version.article_id, true);
      if (!article) {
        return false;
      }
      await publishApproved(trx, deps.bus, { ...version, article });
      await recordAnonymousAudit(trx, {
        tenantId: version.tenant_id,
        actorId: null,
        actorLogin: "system",
        actorKind: "system",
        action: "kb.version.publish",
        entity: "kb_version",
        entityId: version.id,
        ip: null,
        userAgent: null,
        requestId: null,
        details: { articleId: article.id, locale: version.locale, number: version.number, scheduledFor: version.valid_from },
      });
      return true;
    });
    if (!done || ++published >= SCHEDULED_BATCH) {
      return published;
    }
  }
}

/** The approver sends a version back with a comment; the author's next save starts a new draft from it. */
export async function rejectVersion(deps: Deps, actor: Actor, meta: RequestMeta, id: string, comment: string): Promise<VersionDto> {
  if (comment.trim() === "") {
    throw AppError.field("comment", "FIELD_REQUIRED");
  }
  await transact(deps, async (trx) => {
    const version = await lockVersion(trx, actor.tenantId, id);
    if (version.state !== "review") {
      throw new AppError("KB_VERSION_STATE");
    }
    await trx
      .updateTable("kb_versions")
      .set({ state: "rejected", reviewed_by: actor.userId, reviewed_at: sql<Date>`now()`, review_comment: comment.trim(), updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, meta, { action: "kb.version.reject", entity: "kb_version", entityId: id });
  });
  return readVersion(deps.db, actor.tenantId, id);
}

/** The author takes a version back from review to edit it further. */
export async function withdrawVersion(deps: Deps, actor: Actor, meta: RequestMeta, id: string): Promise<VersionDto> {
  await transact(deps, async (trx) => {
    const version = await lockVersion(trx, actor.tenantId, id);
    // A scheduled version comes back as a draft too (its date or text must change): it needs approving again.
    if (version.state !== "review" && version.state !== "scheduled") {
      throw new AppError("KB_VERSION_STATE");
    }
    await trx
      .updateTable("kb_versions")
      .set({ state: "draft", submitted_at: null, reviewed_by: null, reviewed_at: null, review_comment: "", updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, meta, { action: "kb.version.withdraw", entity: "kb_version", entityId: id });
  });
  return readVersion(deps.db, actor.tenantId, id);
}

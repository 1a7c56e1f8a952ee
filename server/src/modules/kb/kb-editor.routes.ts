import {
  ArticleCreateBody,
  ArticleDto,
  ArticleListItemDto,
  ArticleListQuery,
  ArticleMetaBody,
  ArticleStatsDto,
  DraftBody,
  GapDto,
  KB_REVIEW_REMINDER_DAYS,
  OfficeBody,
  OfficeDto,
  ReviewBody,
  SynonymBody,
  SynonymDto,
  VersionDiffDto,
  VersionDto,
} from "@bailanys/common/api/kb";
import { LocaleSchema, Uuid } from "@bailanys/common/api/shared";
import { localDateAt } from "@bailanys/common/calendar";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { createArticle, listArticles, readArticle, setArchived, updateArticleMeta } from "./kb-article.service.ts";
import { diffVersions } from "./kb-diff.service.ts";
import { createOffice, updateOffice } from "./kb-office.service.ts";
import { createSynonyms, deleteSynonyms, listSynonyms } from "./kb-synonym.service.ts";
import { articleStats, knowledgeGaps } from "./kb-usage.service.ts";
import { approveVersion, readVersion, rejectVersion, saveDraft, submitVersion, withdrawVersion } from "./kb-version.service.ts";

const tags = ["knowledge base: editing"];
const read = { permission: "kb.read" as const };
const write = { permission: "kb.write" as const };
const publish = { permission: "kb.publish" as const };
const IdParams = Type.Object({ id: Uuid });

/** Editors write articles and offices; approvers publish (never their own version); analysts see gaps and usage. */
export const kbEditorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { db: app.db, bus: app.bus };

  app.get("/kb/articles", { config: read, schema: { tags, summary: "Articles with the state of each translation", querystring: ArticleListQuery, response: { 200: Type.Object({ items: Type.Array(ArticleListItemDto) }) } } }, async (request) => ({
    items: await listArticles(app.db, requireActor(request).tenantId, request.query, localDateAt(new Date()), KB_REVIEW_REMINDER_DAYS),
  }));
  app.post("/kb/articles", { config: { ...write, idempotent: true }, schema: { tags, summary: "A new article with the first draft of one translation", body: ArticleCreateBody, response: { 201: ArticleDto } } }, async (request, reply) =>
    reply.status(201).send(await createArticle(deps, requireActor(request), request.meta, request.body)),
  );
  app.get("/kb/articles/:id", { config: read, schema: { tags, summary: "An article with every version of every translation", params: IdParams, response: { 200: ArticleDto } } }, async (request) =>
    readArticle(app.db, requireActor(request).tenantId, request.params.id),
  );
  app.put("/kb/articles/:id", { config: write, schema: { tags, summary: "Category, audience, tags, related articles and offices", params: IdParams, body: ArticleMetaBody, response: { 200: ArticleDto } } }, async (request) =>
    updateArticleMeta(deps, requireActor(request), request.meta, request.params.id, request.body),
  );
  app.post("/kb/articles/:id/archive", { config: publish, schema: { tags, summary: "Withdraw an article from search and the portal", params: IdParams, response: { 200: ArticleDto } } }, async (request) =>
    setArchived(deps, requireActor(request), request.meta, request.params.id, true),
  );
  app.post("/kb/articles/:id/restore", { config: publish, schema: { tags, summary: "Bring an archived article back", params: IdParams, response: { 200: ArticleDto } } }, async (request) =>
    setArchived(deps, requireActor(request), request.meta, request.params.id, false),
  );
  app.put(
    "/kb/articles/:id/translations/:locale/draft",
    { config: write, schema: { tags, summary: "Save the draft of a translation (starts the next version when none is open)", params: Type.Object({ id: Uuid, locale: LocaleSchema }), body: DraftBody, response: { 200: VersionDto } } },
    async (request) => saveDraft(deps, requireActor(request), request.meta, request.params.id, request.params.locale, request.body),
  );

  app.get("/kb/versions/:id", { config: read, schema: { tags, summary: "One version", params: IdParams, response: { 200: VersionDto } } }, async (request) =>
    readVersion(app.db, requireActor(request).tenantId, request.params.id),
  );
  app.get(
    "/kb/versions/:id/diff",
    { config: read, schema: { tags, summary: "What changed from another version of the same translation", params: IdParams, querystring: Type.Object({ from: Uuid, lang: Type.Optional(Type.String()) }, { additionalProperties: false }), response: { 200: VersionDiffDto } } },
    async (request) => diffVersions(app.db, requireActor(request).tenantId, request.query.from, request.params.id, request.locale),
  );
  app.post("/kb/versions/:id/submit", { config: write, schema: { tags, summary: "Send a draft for approval (needs its official source, R22.5)", params: IdParams, response: { 200: VersionDto } } }, async (request) =>
    submitVersion(deps, requireActor(request), request.meta, request.params.id),
  );
  app.post("/kb/versions/:id/withdraw", { config: write, schema: { tags, summary: "Take a version back from review", params: IdParams, response: { 200: VersionDto } } }, async (request) =>
    withdrawVersion(deps, requireActor(request), request.meta, request.params.id),
  );
  app.post("/kb/versions/:id/approve", { config: publish, schema: { tags, summary: "Publish a version under review (not one's own)", params: IdParams, body: ReviewBody, response: { 200: VersionDto } } }, async (request) =>
    approveVersion(deps, requireActor(request), request.meta, request.params.id, request.body.comment?.trim() ?? ""),
  );
  app.post("/kb/versions/:id/reject", { config: publish, schema: { tags, summary: "Send a version back with a comment", params: IdParams, body: ReviewBody, response: { 200: VersionDto } } }, async (request) =>
    rejectVersion(deps, requireActor(request), request.meta, request.params.id, request.body.comment ?? ""),
  );

  app.post("/kb/offices", { config: write, schema: { tags, summary: "Add an office", body: OfficeBody, response: { 201: OfficeDto } } }, async (request, reply) =>
    reply.status(201).send(await createOffice(deps, requireActor(request), request.meta, request.body)),
  );
  app.put("/kb/offices/:id", { config: write, schema: { tags, summary: "Change an office (address, hours, coordinates; inactive hides it)", params: IdParams, body: OfficeBody, response: { 200: OfficeDto } } }, async (request) =>
    updateOffice(deps, requireActor(request), request.meta, request.params.id, request.body),
  );

  app.get("/kb/synonyms", { config: write, schema: { tags, summary: "Synonym groups used by search", response: { 200: Type.Object({ items: Type.Array(SynonymDto) }) } } }, async (request) => ({
    items: await listSynonyms(app.db, requireActor(request).tenantId),
  }));
  app.post("/kb/synonyms", { config: write, schema: { tags, summary: "Add a group of words search treats as one", body: SynonymBody, response: { 201: SynonymDto } } }, async (request, reply) =>
    reply.status(201).send(await createSynonyms(app.db, requireActor(request), request.meta, request.body.terms)),
  );
  app.delete("/kb/synonyms/:id", { config: write, schema: { tags, summary: "Remove a synonym group", params: IdParams, response: { 204: Type.Null() } } }, async (request, reply) => {
    await deleteSynonyms(app.db, requireActor(request), request.meta, request.params.id);
    return reply.code(204).send(null);
  });

  const analytics = { permission: "kb.analytics" as const };
  app.get(
    "/kb/gaps",
    { config: analytics, schema: { tags, summary: "Searches that found nothing or ended in an appeal or transfer (R10)", querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })), lang: Type.Optional(Type.String()) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(GapDto) }) } } },
    async (request) => ({ items: await knowledgeGaps(app.db, requireActor(request).tenantId, request.query.days ?? 30) }),
  );
  app.get("/kb/stats", { config: analytics, schema: { tags, summary: "Use of every article: opened, sent, answered, citizens' votes", response: { 200: Type.Object({ items: Type.Array(ArticleStatsDto) }) } } }, async (request) => ({
    items: await articleStats(app.db, requireActor(request).tenantId, null),
  }));
};

import {
  ArticleViewDto,
  OfficeDto,
  SearchHitDto,
  SearchQuery,
  SearchResultDto,
  SendToContactBody,
  SuggestQuery,
  UseBody,
} from "@bailanys/common/api/kb";
import { Uuid } from "@bailanys/common/api/shared";
import { isLocale } from "@bailanys/common/locales";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { attachmentHeaders } from "../../platform/multipart-file.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { sendArticleToContact, suggestForContact } from "./kb-contact.service.ts";
import { listOffices, presentOffice } from "./kb-office.service.ts";
import { readAttachment, readPublished } from "./kb-reading.service.ts";
import { searchKnowledge } from "./kb-search.service.ts";
import { checkContact, logSearch, recordUse } from "./kb-usage.service.ts";

const tags = ["knowledge base"];
const read = { permission: "kb.read" as const };
const Ref = Type.String({ minLength: 1, maxLength: 80 });

/** What operators use during a conversation: search, suggestions, reading, sending to the citizen, feedback. */
export const kbRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/kb/search",
    { config: read, schema: { tags, summary: "Search the published articles (both audiences), the reader's language first", querystring: SearchQuery, response: { 200: SearchResultDto } } },
    async (request) => {
      const actor = requireActor(request);
      const { q, categoryId, audience, contactId, limit = 10 } = request.query;
      await checkContact(app.db, actor.tenantId, contactId);
      const locale = request.query.lang && isLocale(request.query.lang) ? request.query.lang : request.locale;
      const outcome = await searchKnowledge(app.db, actor.tenantId, { q, locale, audience: audience ?? null, categoryId, limit });
      const searchId = await logSearch(app.db, { tenantId: actor.tenantId, audience: "staff", locale, query: q, results: outcome.hits.length, userId: actor.userId, contactId: contactId ?? null });
      return { items: outcome.hits, corrections: outcome.corrections, searchId };
    },
  );
  app.get(
    "/kb/suggestions",
    { config: read, schema: { tags, summary: "Articles for a conversation, from its topic and the citizen's words", querystring: SuggestQuery, response: { 200: Type.Object({ items: Type.Array(SearchHitDto) }) } } },
    async (request) => ({ items: await suggestForContact(app.db, requireActor(request), request.query.contactId, request.query.limit ?? 5) }),
  );
  app.get(
    "/kb/read/:ref",
    {
      config: read,
      schema: {
        tags,
        summary: "A published article by id or code, in the requested language or the nearest one published (counted as a view)",
        params: Type.Object({ ref: Ref }),
        querystring: Type.Object({ lang: Type.Optional(Type.String()), contactId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: ArticleViewDto },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const locale = request.query.lang && isLocale(request.query.lang) ? request.query.lang : request.locale;
      const article = await readPublished(app.db, actor.tenantId, { ref: request.params.ref, locale, publicOnly: false });
      await recordUse(app.db, actor, article.id, { kind: "view", locale: article.locale, contactId: request.query.contactId });
      return article;
    },
  );
  app.post(
    "/kb/articles/:id/use",
    { config: read, schema: { tags, summary: "Record that an article answered a contact (R10), or was opened or sent", params: Type.Object({ id: Uuid }), body: UseBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await recordUse(app.db, requireActor(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  app.get(
    "/kb/articles/:id/attachments/:attachmentId",
    { config: read, schema: { tags, summary: "Download an article's attachment", params: Type.Object({ id: Ref, attachmentId: Uuid }) } },
    async (request, reply) => {
      const file = await readAttachment(app.db, requireActor(request).tenantId, request.params.id, request.params.attachmentId, false);
      return reply.headers(attachmentHeaders(file.fileName, file.contentType)).send(Buffer.from(file.content));
    },
  );
  app.get(
    "/kb/offices",
    { config: read, schema: { tags, summary: "The directory of offices (addresses, hours, coordinates)", response: { 200: Type.Object({ items: Type.Array(OfficeDto) }) } } },
    async (request) => ({ items: (await listOffices(app.db, requireActor(request).tenantId)).map(presentOffice) }),
  );
  app.post(
    "/contacts/:id/kb-send",
    {
      config: { permission: "contact.handle" },
      schema: { tags, summary: "Send a public article, or one of its facts, to the citizen of the conversation", params: Type.Object({ id: Uuid }), body: SendToContactBody, response: { 200: Type.Object({ seq: Type.Integer() }) } },
    },
    async (request) => {
      // Without a configured public address, the one the operator reached us at (the citizen's chat is served there too).
      const publicUrl = app.config.publicUrl !== "" ? app.config.publicUrl : `${request.protocol}://${request.host}`;
      const entry = await sendArticleToContact({ db: app.db, bus: app.bus, publicUrl }, requireActor(request), request.params.id, request.body);
      return { seq: entry.seq };
    },
  );
};

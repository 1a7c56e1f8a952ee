import { ArticleViewDto, OfficeViewDto, PortalHomeDto, PublicFeedbackBody, SearchResultDto } from "@bailanys/common/api/kb";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { attachmentHeaders } from "../../platform/multipart-file.ts";
import { AppError } from "../../platform/app-error.ts";
import { tenantByCode } from "../chat/chat-config.service.ts";
import { listOffices } from "./kb-office.service.ts";
import { portalHome, presentOfficeView, readAttachment, readPublished } from "./kb-reading.service.ts";
import { browseCategory, searchKnowledge } from "./kb-search.service.ts";
import { logSearch, recordPublicFeedback } from "./kb-usage.service.ts";

const tags = ["knowledge base: public"];
const Tenant = Type.String({ minLength: 1, maxLength: 40 });
const TenantQuery = Type.Object({ tenant: Tenant, lang: Type.Optional(Type.String()) }, { additionalProperties: false });


/** Citizens' self-service (R12.3): the public articles of a centre, searchable without signing in, rate-limited. */
export const kbPublicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limit = (max: number) => ({ public: true, rateLimit: { max, timeWindow: "1 minute" } });

  app.get(
    "/public/kb/search",
    {
      config: limit(60),
      schema: {
        tags,
        summary: "Search the public articles, in the citizen's language first (an empty q with a categoryId lists that topic's articles)",
        querystring: Type.Object({ tenant: Tenant, q: Type.String({ maxLength: 200 }), lang: Type.Optional(Type.String()), categoryId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })) }, { additionalProperties: false }),
        response: { 200: SearchResultDto },
      },
    },
    async (request) => {
      const tenant = await tenantByCode(app.db, request.query.tenant);
      const { q, categoryId, limit = 10 } = request.query;
      if (q.trim() === "") {
        if (!categoryId) {
          throw AppError.field("q", "FIELD_REQUIRED");
        }
        return { items: await browseCategory(app.db, tenant.id, { categoryId, locale: request.locale, publicOnly: true, limit }), corrections: [], searchId: null };
      }
      const outcome = await searchKnowledge(app.db, tenant.id, { q, locale: request.locale, audience: "public", categoryId, limit });
      const searchId = await logSearch(app.db, { tenantId: tenant.id, audience: "public", locale: request.locale, query: request.query.q, results: outcome.hits.length, userId: null, contactId: null });
      return { items: outcome.hits, corrections: outcome.corrections, searchId };
    },
  );
  app.get(
    "/public/kb/articles/:ref",
    { config: limit(120), schema: { tags, summary: "A public article by its code (or id)", params: Type.Object({ ref: Type.String({ minLength: 1, maxLength: 80 }) }), querystring: TenantQuery, response: { 200: ArticleViewDto } } },
    async (request) => {
      const tenant = await tenantByCode(app.db, request.query.tenant);
      return readPublished(app.db, tenant.id, { ref: request.params.ref, locale: request.locale, publicOnly: true });
    },
  );
  app.get(
    "/public/kb/articles/:ref/attachments/:attachmentId",
    { config: limit(60), schema: { tags, summary: "Download a public article's attachment", params: Type.Object({ ref: Type.String({ minLength: 1, maxLength: 80 }), attachmentId: Uuid }), querystring: TenantQuery } },
    async (request, reply) => {
      const tenant = await tenantByCode(app.db, request.query.tenant);
      const file = await readAttachment(app.db, tenant.id, request.params.ref, request.params.attachmentId, true);
      return reply.headers(attachmentHeaders(file.fileName, file.contentType)).send(Buffer.from(file.content));
    },
  );
  app.post(
    "/public/kb/articles/:id/feedback",
    { config: limit(20), schema: { tags, summary: "Was this article helpful?", params: Type.Object({ id: Uuid }), querystring: TenantQuery, body: PublicFeedbackBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const tenant = await tenantByCode(app.db, request.query.tenant);
      await recordPublicFeedback(app.db, tenant.id, request.params.id, request.body.helpful, request.body.locale);
      return reply.code(204).send(null);
    },
  );
  app.get(
    "/public/kb/home",
    {
      config: limit(120),
      schema: { tags, summary: "The portal's front page: categories with public articles and the most used ones", querystring: TenantQuery, response: { 200: PortalHomeDto } },
    },
    async (request) => {
      const tenant = await tenantByCode(app.db, request.query.tenant);
      return portalHome(app.db, tenant.id, request.locale);
    },
  );
  app.get(
    "/public/kb/offices",
    { config: limit(60), schema: { tags, summary: "Where to apply: offices with addresses, hours and coordinates", querystring: TenantQuery, response: { 200: Type.Object({ items: Type.Array(OfficeViewDto) }) } } },
    async (request) => {
      const tenant = await tenantByCode(app.db, request.query.tenant);
      return { items: (await listOffices(app.db, tenant.id, true)).map((row) => presentOfficeView(row, request.locale)) };
    },
  );
};

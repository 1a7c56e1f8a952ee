import { NoticeAdminDto, NoticeBody, ServiceNoticeDto } from "@bailanys/common/api/contacts";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type, type Static } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { tenantByCode } from "../chat/chat-config.service.ts";
import { activeNotices, createNotice, endNotice, listNotices } from "./notice.service.ts";

type NoticeRow = Awaited<ReturnType<typeof listNotices>>[number];
const tags = ["notices"];

function present(row: NoticeRow): Static<typeof NoticeAdminDto> {
  return {
    id: row.id,
    channels: row.channels,
    messageKk: row.message_kk,
    messageRu: row.message_ru,
    messageEn: row.message_en,
    alternativesKk: row.alternatives_kk,
    alternativesRu: row.alternatives_ru,
    alternativesEn: row.alternatives_en,
    startsAt: row.starts_at.toISOString(),
    resumeAt: row.resume_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}

/** Service-interruption notices (R34): supervisors announce and end them; every public channel shows them. */
export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { db: app.db, bus: app.bus };
  app.get(
    "/notices",
    { config: { permission: "notice.manage" }, schema: { tags, summary: "Interruption notices, current and past", querystring: Type.Object({ lang: Type.Optional(Type.String()) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(NoticeAdminDto) }) } } },
    async (request) => ({ items: (await listNotices(app.db, requireActor(request).tenantId)).map(present) }),
  );
  app.post(
    "/notices",
    { config: { permission: "notice.manage", idempotent: true }, schema: { tags, summary: "Announce an interruption of service with alternatives and the expected resumption", body: NoticeBody, response: { 201: NoticeAdminDto } } },
    async (request, reply) => reply.status(201).send(present(await createNotice(deps, requireActor(request), request.meta, request.body))),
  );
  app.post(
    "/notices/:id/end",
    { config: { permission: "notice.manage" }, schema: { tags, summary: "End a notice: service is back", params: Type.Object({ id: Uuid }), response: { 200: NoticeAdminDto } } },
    async (request) => present(await endNotice(deps, requireActor(request), request.meta, request.params.id)),
  );
  app.get(
    "/public/notices",
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: { tags, summary: "Notices in force, for the public pages", querystring: Type.Object({ tenant: Type.String({ minLength: 1, maxLength: 40 }), channel: Type.Optional(Type.String({ maxLength: 40 })), lang: Type.Optional(Type.String()) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(ServiceNoticeDto) }) } },
    },
    async (request) => {
      const tenant = await tenantByCode(app.db, request.query.tenant);
      return { items: await activeNotices(app.db, tenant.id, request.locale, request.query.channel ?? null) };
    },
  );
};

import { AuditPage, ChainReport } from "@bailanys/common/api/audit";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AppError } from "../../platform/app-error.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { listAudit } from "./audit.repository.ts";
import { recordAudit, sealAuditChains, verifyAuditChain } from "./audit.service.ts";

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/audit",
    {
      config: { permission: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "The audit log of the contact centre, newest first",
        querystring: Type.Object(
          {
            action: Type.Optional(Type.String({ maxLength: 60 })),
            entity: Type.Optional(Type.String({ maxLength: 40 })),
            entityId: Type.Optional(Type.String({ maxLength: 60 })),
            actorId: Type.Optional(Uuid),
            from: Type.Optional(Type.String({ format: "date-time" })),
            to: Type.Optional(Type.String({ format: "date-time" })),
            cursor: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            // The answer's language (read by the authentication hook), accepted on every route.
            lang: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const limit = q.limit ?? 100;
      let before: { at: Date; id: number } | undefined;
      if (q.cursor) {
        const [at, id] = q.cursor.split("_");
        if (!at || !id || Number.isNaN(Date.parse(at)) || !/^\d+$/.test(id)) {
          throw AppError.field("query.cursor", "FIELD_INVALID");
        }
        before = { at: new Date(at), id: Number(id) };
      }
      const rows = await listAudit(app.db, {
        tenantId: actor.tenantId,
        action: q.action,
        entity: q.entity,
        entityId: q.entityId,
        actorId: q.actorId,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        before,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => ({
          id: Number(r.id),
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorLogin: r.actor_login,
          actorKind: r.actor_kind,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          ip: r.ip,
          userAgent: r.user_agent,
          details: r.details,
          sealed: r.hash !== null,
        })),
        nextCursor: rows.length > limit && last ? `${new Date(last.at).toISOString()}_${last.id}` : null,
      };
    },
  );

  app.post(
    "/audit/verify",
    {
      config: { permission: "audit.verify" },
      schema: { tags: ["audit"], summary: "Seal pending records and verify the hash chain of this contact centre", response: { 200: ChainReport } },
    },
    async (request) => {
      const actor = requireActor(request);
      await sealAuditChains(app.db);
      const report = await verifyAuditChain(app.db, actor.tenantId);
      await recordAudit(app.db, actor, request.meta, { action: "audit.verify", details: { ok: report.ok, checked: report.checked } });
      return report;
    },
  );
};

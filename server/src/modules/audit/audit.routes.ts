import { AuditPage, ChainReport } from "@bailanys/common/api/audit";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { listAuditPage, verifyOwnChain } from "./audit-viewer.service.ts";

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
    async (request) => listAuditPage(app.db, requireActor(request), request.query),
  );

  app.post(
    "/audit/verify",
    {
      config: { permission: "audit.verify" },
      schema: { tags: ["audit"], summary: "Seal pending records and verify the hash chain of this contact centre", response: { 200: ChainReport } },
    },
    async (request) => verifyOwnChain(app.db, requireActor(request), request.meta),
  );
};

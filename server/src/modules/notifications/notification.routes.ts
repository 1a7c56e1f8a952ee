import { Literals, Nullable, Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { requireActor } from "../../platform/require-actor.ts";
import { listOutbox, presentOutboxRow, retryNotification } from "./notification.service.ts";

const OutboxItem = Type.Object({
  id: Uuid,
  appealId: Nullable(Uuid),
  audience: Type.String(),
  recipientRoles: Type.Array(Type.String()),
  recipientUserId: Nullable(Uuid),
  channel: Type.String(),
  locale: Type.String(),
  template: Type.String(),
  text: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Type.String({ format: "date-time" }),
  sentAt: Nullable(Type.String({ format: "date-time" })),
});


export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/notifications",
    {
      config: { permission: "outbox.read" },
      schema: {
        tags: ["notifications"],
        summary: "The notification outbox: what was or will be sent to citizens and staff",
        querystring: Type.Object(
          {
            status: Type.Optional(Literals(["pending", "sent", "failed"])),
            appealId: Type.Optional(Uuid),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            // The answer's language (read by the authentication hook), accepted on every route.
            lang: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(OutboxItem) }) },
      },
    },
    async (request) => ({ items: (await listOutbox(app.db, requireActor(request), request.query)).map(presentOutboxRow) }),
  );

  app.post(
    "/notifications/:id/retry",
    {
      config: { permission: "outbox.retry" },
      schema: { tags: ["notifications"], summary: "Send a failed notification again", params: Type.Object({ id: Uuid }), response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await retryNotification(app.db, requireActor(request), request.meta, request.params.id);
      return reply.status(204).send(null);
    },
  );
};

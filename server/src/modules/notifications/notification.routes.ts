import { renderNotification, NOTIFICATION_TEMPLATES, type NotificationTemplate } from "@bailanys/common/notifications";
import { isLocale } from "@bailanys/common/locales";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { sql } from "kysely";
import { AppError } from "../../platform/app-error.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { recordAudit } from "../audit/audit.service.ts";

const OutboxItem = Type.Object({
  id: Uuid,
  appealId: Type.Union([Uuid, Type.Null()]),
  audience: Type.String(),
  recipientRoles: Type.Array(Type.String()),
  channel: Type.String(),
  locale: Type.String(),
  template: Type.String(),
  text: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
  sentAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

const isTemplate = (value: string): value is NotificationTemplate => Object.prototype.hasOwnProperty.call(NOTIFICATION_TEMPLATES, value);

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
            status: Type.Optional(Type.Union([Type.Literal("pending"), Type.Literal("sent"), Type.Literal("failed")])),
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
    async (request) => {
      const actor = requireActor(request);
      let q = app.db.selectFrom("notification_outbox").selectAll().where("tenant_id", "=", actor.tenantId);
      if (request.query.status) {
        q = q.where("status", "=", request.query.status);
      }
      if (request.query.appealId) {
        q = q.where("appeal_id", "=", request.query.appealId);
      }
      const rows = await q.orderBy("created_at", "desc").orderBy("id").limit(request.query.limit ?? 50).execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          appealId: r.appeal_id,
          audience: r.audience,
          recipientRoles: r.recipient_roles,
          channel: r.channel,
          locale: r.locale,
          template: r.template,
          text: isTemplate(r.template) && isLocale(r.locale) ? renderNotification(r.template, r.locale, r.params as Record<string, string>) : r.template,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: new Date(r.created_at).toISOString(),
          sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
        })),
      };
    },
  );

  app.post(
    "/notifications/:id/retry",
    {
      config: { permission: "outbox.retry" },
      schema: { tags: ["notifications"], summary: "Send a failed notification again", params: Type.Object({ id: Uuid }), response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await app.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable("notification_outbox")
          .set({ status: "pending", attempts: 0, next_attempt_at: sql<Date>`now()`, last_error: null })
          .where("tenant_id", "=", actor.tenantId)
          .where("id", "=", request.params.id)
          .where("status", "=", "failed")
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) {
          throw new AppError("NOT_FOUND");
        }
        await recordAudit(trx, actor, request.meta, { action: "notification.retry", entity: "notification", entityId: request.params.id });
      });
      return reply.status(204).send(null);
    },
  );
};

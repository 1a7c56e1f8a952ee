import { isLocale } from "@bailanys/common/locales";
import { NOTIFICATION_TEMPLATES, renderNotification, type NotificationTemplate } from "@bailanys/common/notifications";
import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { NotificationOutboxTable } from "../../db/schema.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";

export interface OutboxQuery {
  status?: "pending" | "sent" | "failed";
  appealId?: string;
  limit?: number;
}

/** The newest outbox rows of the actor's contact centre. */
export async function listOutbox(db: Db, actor: Actor, query: OutboxQuery): Promise<Selectable<NotificationOutboxTable>[]> {
  let q = db.selectFrom("notification_outbox").selectAll().where("tenant_id", "=", actor.tenantId);
  if (query.status) {
    q = q.where("status", "=", query.status);
  }
  if (query.appealId) {
    q = q.where("appeal_id", "=", query.appealId);
  }
  return q.orderBy("created_at", "desc").orderBy("id").limit(query.limit ?? 50).execute();
}

/** Puts a notification that ran out of attempts back in the queue. */
export async function retryNotification(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("notification_outbox")
      .set({ status: "pending", attempts: 0, next_attempt_at: sql<Date>`now()`, last_error: null })
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .where("status", "=", "failed")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "notification.retry", entity: "notification", entityId: id });
  });
}

const isTemplate = (value: string): value is NotificationTemplate => Object.prototype.hasOwnProperty.call(NOTIFICATION_TEMPLATES, value);

export function presentOutboxRow(r: Selectable<NotificationOutboxTable>) {
  return {
    id: r.id,
    appealId: r.appeal_id,
    audience: r.audience,
    recipientRoles: r.recipient_roles,
    recipientUserId: r.recipient_user_id,
    channel: r.channel,
    locale: r.locale,
    template: r.template,
    text: isTemplate(r.template) && isLocale(r.locale) ? renderNotification(r.template, r.locale, r.params as Record<string, string>) : r.template,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  };
}

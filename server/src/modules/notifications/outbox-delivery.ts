import { isLocale } from "@bailanys/common/locales";
import { NOTIFICATION_TEMPLATES, renderNotification, type NotificationTemplate } from "@bailanys/common/notifications";
import { sql } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/database.ts";

const MAX_ATTEMPTS = 8;
const BATCH = 100;

/** A message ready to go: its text in the recipient's language and, for e-mail, the address. */
export interface OutboundMessage {
  id: string;
  audience: string;
  text: string;
  email: string | null;
}

/** A way to reach a recipient: "log" and "email" (SMTP) today; SMS and messengers implement the same shape. */
export interface Transport {
  send(message: OutboundMessage): Promise<void>;
}

/** Writes that a message went out, without its text or recipient: the log must not carry personal data. */
export function logTransport(log: FastifyBaseLogger): Transport {
  return {
    async send(message) {
      log.info({ notificationId: message.id, audience: message.audience, length: message.text.length }, "notification delivered (log transport)");
    },
  };
}

/**
 * The address a message names itself (a transcript asked for at the end of a chat), else its staff recipient's
 * current one, else the citizen's.
 */
async function recipientEmail(trx: Db, params: Record<string, string>, row: { citizen_id: string | null; recipient_user_id: string | null }): Promise<string | null> {
  if (typeof params.to === "string" && params.to !== "") {
    return params.to;
  }
  if (row.recipient_user_id !== null) {
    const user = await trx.selectFrom("users").select("email").where("id", "=", row.recipient_user_id).where("active", "=", true).executeTakeFirst();
    return user?.email ?? null;
  }
  const citizenId = row.citizen_id;
  if (citizenId === null) {
    return null;
  }
  const citizen = await trx.selectFrom("citizens").select("email").where("id", "=", citizenId).executeTakeFirst();
  return citizen?.email ?? null;
}

/** Delivers pending outbox rows; each row is claimed with SKIP LOCKED so several workers never send one twice. */
export async function deliverOutbox(db: Db, transports: Record<string, Transport>): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < BATCH; i += 1) {
    const done = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("notification_outbox")
        .selectAll()
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", sql<Date>`now()`)
        .orderBy("next_attempt_at")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) {
        return false;
      }
      const transport = transports[row.channel];
      const template = row.template as NotificationTemplate;
      try {
        if (!transport) {
          throw new Error(`no transport for channel ${row.channel}`);
        }
        if (!Object.prototype.hasOwnProperty.call(NOTIFICATION_TEMPLATES, template) || !isLocale(row.locale)) {
          throw new Error(`unknown template ${row.template}/${row.locale}`);
        }
        const params = row.params as Record<string, string>;
        await transport.send({ id: row.id, audience: row.audience, text: renderNotification(template, row.locale, params), email: await recipientEmail(trx, params, row) });
        await trx.updateTable("notification_outbox").set({ status: "sent", sent_at: sql<Date>`now()`, attempts: row.attempts + 1 }).where("id", "=", row.id).execute();
        delivered += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        await trx
          .updateTable("notification_outbox")
          .set({
            attempts,
            last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            next_attempt_at: sql<Date>`now() + make_interval(secs => ${Math.min(3600, 2 ** attempts * 5)})`,
          })
          .where("id", "=", row.id)
          .execute();
      }
      return true;
    });
    if (!done) {
      break;
    }
  }
  return delivered;
}

import { isLocale, type Locale } from "@bailanys/common/locales";
import type { NotificationTemplate } from "@bailanys/common/notifications";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

export interface CitizenNotification {
  tenantId: string;
  appealId: string | null;
  citizenId: string;
  locale: Locale;
  template: NotificationTemplate;
  params: Record<string, string>;
  /** Delivery channel; real transports (SMS, e-mail, messengers) plug in later, "log" works today. */
  channel?: string;
}

/** Queues a message to a citizen in the caller's transaction: it leaves only if the change commits. */
export async function enqueueCitizenNotification(db: Db, n: CitizenNotification): Promise<void> {
  await citizenNotificationInsert(db, n).execute();
}

/** The INSERT of a citizen notification, unexecuted, so that a larger statement can embed it. */
export function citizenNotificationInsert(db: Db, n: CitizenNotification) {
  return db
    .insertInto("notification_outbox")
    .values({
      tenant_id: n.tenantId,
      appeal_id: n.appealId,
      citizen_id: n.citizenId,
      audience: "citizen",
      channel: n.channel ?? "log",
      locale: n.locale,
      template: n.template,
      params: JSON.stringify(n.params),
    });
}

export interface StaffNotification {
  tenantId: string;
  appealId: string | null;
  roles: string[];
  template: NotificationTemplate;
  params: Record<string, string>;
  locale: Locale;
}

/**
 * Queues a message to the staff of `roles` in the caller's transaction: one row addressed to the roles (the
 * centre's record, delivered to the log) and an e-mail to each active staff member of those roles who has an
 * address and has not turned e-mail off on their account page, in their own language.
 */
export async function enqueueStaffNotification(db: Db, n: StaffNotification): Promise<void> {
  const base = { tenant_id: n.tenantId, appeal_id: n.appealId, citizen_id: null, audience: "staff", recipient_roles: n.roles, template: n.template, params: JSON.stringify(n.params) };
  const recipients = await db
    .selectFrom("users")
    .select(["id", "locale"])
    .where("tenant_id", "=", n.tenantId)
    .where("active", "=", true)
    .where("email", "is not", null)
    .where("email_notifications", "=", true)
    .where(sql<boolean>`roles && ${sql.val(n.roles)}::text[]`)
    .orderBy("id")
    .execute();
  await db
    .insertInto("notification_outbox")
    .values([
      { ...base, channel: "log", locale: n.locale },
      ...recipients.map((user) => ({ ...base, recipient_user_id: user.id, channel: "email", locale: isLocale(user.locale) ? user.locale : n.locale })),
    ])
    .execute();
}

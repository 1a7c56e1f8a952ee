import type { Locale } from "@bailanys/common/locales";
import type { NotificationTemplate } from "@bailanys/common/notifications";
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

export async function enqueueStaffNotification(db: Db, n: StaffNotification): Promise<void> {
  await db
    .insertInto("notification_outbox")
    .values({
      tenant_id: n.tenantId,
      appeal_id: n.appealId,
      citizen_id: null,
      audience: "staff",
      recipient_roles: n.roles,
      channel: "log",
      locale: n.locale,
      template: n.template,
      params: JSON.stringify(n.params),
    })
    .execute();
}

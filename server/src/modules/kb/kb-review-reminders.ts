import { KB_REVIEW_REMINDER_DAYS } from "@bailanys/common/api/kb";
import { addCalendarDays, localDateAt } from "@bailanys/common/calendar";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { enqueueStaffNotification } from "../notifications/outbox.service.ts";

const BATCH = 100;

const dotted = (date: string): string => date.split("-").reverse().join(".");

/**
 * Worker job (R5.5: information stays current): a published version whose review date is near reminds the
 * knowledge editors once, before it goes stale. Claimed with SKIP LOCKED, so any number of workers may run it.
 */
export async function remindStaleArticles(db: Db, now: Date = new Date()): Promise<number> {
  const horizon = addCalendarDays(localDateAt(now), KB_REVIEW_REMINDER_DAYS);
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("kb_versions as v")
      .innerJoin("kb_articles as a", "a.id", "v.article_id")
      .select(["v.id", "v.tenant_id", "v.title", "v.locale", "v.review_by", "a.code"])
      .where("v.state", "=", "published")
      .where("v.review_by", "<=", horizon)
      .where("v.review_reminded_at", "is", null)
      .where("a.archived_at", "is", null)
      .orderBy("v.review_by")
      .limit(BATCH)
      .forUpdate("v")
      .skipLocked()
      .execute();
    for (const version of due) {
      await enqueueStaffNotification(trx, {
        tenantId: version.tenant_id,
        appealId: null,
        roles: ["knowledge_editor"],
        template: "kb_review_due",
        locale: "ru",
        params: { title: version.title, code: version.code, locale: version.locale, reviewBy: dotted(version.review_by ?? horizon) },
      });
    }
    if (due.length > 0) {
      await trx.updateTable("kb_versions").set({ review_reminded_at: sql<Date>`now()` }).where("id", "in", due.map((v) => v.id)).execute();
    }
    return due.length;
  });
}

import type { CalendarRules } from "@bailanys/common/calendar";
import { isLocale, type Locale } from "@bailanys/common/locales";
import type { NotificationTemplate } from "@bailanys/common/notifications";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAudit, type AuditEvent } from "../audit/audit.service.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { enqueueCitizenNotification } from "../notifications/outbox.service.ts";
import { referenceSnapshot, type ReferenceSnapshot } from "../reference/reference.snapshot.ts";
import { canReadAppeal } from "./appeal.policy.ts";
import { findAppealForUpdate, type AppealRow } from "./appeal.repository.ts";
import { isClosedStatus } from "./appeal-rules.ts";

export interface ChangeContext {
  trx: Db;
  actor: Actor;
  ref: ReferenceSnapshot;
  rules: CalendarRules;
  appeal: AppealRow;
}

/**
 * The frame of every change to an appeal: reference data read first, then one transaction that locks the row,
 * checks visibility, the optimistic version and that the appeal is still open, runs the change and writes the
 * audit record it returns.
 */
export async function changeAppeal<T>(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  options: { appealId: string; version?: number; allowClosed?: boolean },
  change: (ctx: ChangeContext) => Promise<{ result: T; audit: AuditEvent | AuditEvent[] }>,
): Promise<T> {
  const ref = await referenceSnapshot(db, actor.tenantId);
  const rules = await calendarRules(db, actor.tenantId);
  return db.transaction().execute(async (trx) => {
    const appeal = await findAppealForUpdate(trx, actor.tenantId, options.appealId);
    if (!appeal || !canReadAppeal(actor, appeal)) {
      throw new AppError("NOT_FOUND");
    }
    if (options.version !== undefined && options.version !== appeal.version) {
      throw new AppError("CONFLICT");
    }
    if (!options.allowClosed && (appeal.closed_at !== null || isClosedStatus(ref, appeal.status_code))) {
      throw new AppError("APPEAL_CLOSED");
    }
    const { result, audit } = await change({ trx, actor, ref, rules, appeal });
    await recordAudit(trx, actor, meta, audit);
    return result;
  });
}

/** Queues a message to the appeal's applicant in their language; appeals without an applicant get none. */
export async function notifyApplicant(
  ctx: ChangeContext,
  appeal: AppealRow,
  template: NotificationTemplate,
  params: (locale: Locale) => Record<string, string>,
): Promise<void> {
  if (appeal.citizen_id === null) {
    return;
  }
  const citizen = await ctx.trx
    .selectFrom("citizens")
    .select("preferred_language")
    .where("tenant_id", "=", appeal.tenant_id)
    .where("id", "=", appeal.citizen_id)
    .executeTakeFirst();
  const locale: Locale = citizen && isLocale(citizen.preferred_language) ? citizen.preferred_language : "ru";
  await enqueueCitizenNotification(ctx.trx, {
    tenantId: appeal.tenant_id,
    appealId: appeal.id,
    citizenId: appeal.citizen_id,
    locale,
    template,
    params: { number: appeal.number, ...params(locale) },
  });
}

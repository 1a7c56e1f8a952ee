import type { ServiceNoticeDto } from "@bailanys/common/api/contacts";
import type { Locale } from "@bailanys/common/locales";
import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ServiceNoticesTable } from "../../db/schema-contacts.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";

type NoticeRow = Selectable<ServiceNoticesTable>;

export interface NoticeInput {
  channels: string[];
  messageKk: string;
  messageRu: string;
  messageEn: string;
  alternativesKk?: string;
  alternativesRu?: string;
  alternativesEn?: string;
  startsAt?: string;
  resumeAt?: string | null;
}

const pick = (row: NoticeRow, base: "message" | "alternatives", locale: Locale): string => row[`${base}_${locale}`];

export function presentNotice(row: NoticeRow, locale: Locale): ServiceNoticeDto {
  return {
    id: row.id,
    message: pick(row, "message", locale),
    alternatives: pick(row, "alternatives", locale),
    startsAt: row.starts_at.toISOString(),
    resumeAt: row.resume_at?.toISOString() ?? null,
    channels: row.channels,
  };
}

/** Notices in force now for a channel (an empty channel list means every channel), newest first (R34). */
export async function activeNotices(db: Db, tenantId: string, locale: Locale, channel: string | null): Promise<ServiceNoticeDto[]> {
  let query = db
    .selectFrom("service_notices")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("ended_at", "is", null)
    .where("starts_at", "<=", sql<Date>`now()`)
    .orderBy("starts_at", "desc");
  if (channel !== null) {
    query = query.where((eb) => eb.or([eb(sql`cardinality(channels)`, "=", 0), eb(sql`${channel}`, "=", eb.fn.any("channels"))]));
  }
  return (await query.execute()).map((row) => presentNotice(row, locale));
}

/** Every notice of the tenant, current and past, for the supervisor's list. */
export async function listNotices(db: Db, tenantId: string): Promise<NoticeRow[]> {
  return db.selectFrom("service_notices").selectAll().where("tenant_id", "=", tenantId).orderBy("created_at", "desc").limit(200).execute();
}

/** Announces an interruption of service on the chosen channels, shown at once wherever citizens contact us. */
export async function createNotice(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, input: NoticeInput): Promise<NoticeRow> {
  if (input.resumeAt && input.startsAt && new Date(input.resumeAt) <= new Date(input.startsAt)) {
    throw AppError.field("resumeAt", "FIELD_OUT_OF_RANGE");
  }
  return transact(deps, async (trx) => {
    const row = await trx
      .insertInto("service_notices")
      .values({
        tenant_id: actor.tenantId,
        channels: input.channels,
        message_kk: input.messageKk,
        message_ru: input.messageRu,
        message_en: input.messageEn,
        alternatives_kk: input.alternativesKk ?? "",
        alternatives_ru: input.alternativesRu ?? "",
        alternatives_en: input.alternativesEn ?? "",
        ...(input.startsAt ? { starts_at: input.startsAt } : {}),
        resume_at: input.resumeAt ?? null,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, meta, { action: "notice.create", entity: "service_notice", entityId: row.id });
    await deps.bus.publish(trx, { type: "tenant.changed", tenantId: actor.tenantId, what: "notices" });
    return row;
  });
}

/** Ends a notice: service is back. */
export async function endNotice(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, id: string): Promise<NoticeRow> {
  return transact(deps, async (trx) => {
    const row = await trx
      .updateTable("service_notices")
      .set({ ended_at: sql<Date>`now()` })
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .where("ended_at", "is", null)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "notice.end", entity: "service_notice", entityId: id });
    await deps.bus.publish(trx, { type: "tenant.changed", tenantId: actor.tenantId, what: "notices" });
    return row;
  });
}

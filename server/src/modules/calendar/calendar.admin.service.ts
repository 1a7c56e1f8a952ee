import type { CalendarSettings, HolidayBody } from "@bailanys/common/api/calendar";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { isUniqueViolation } from "../../db/pg-errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { forgetCalendarRules } from "./calendar.service.ts";

/** Every calendar edit: one transaction, one audit record, and this node's cached rules dropped. */
async function calendarChange<T>(db: Db, actor: Actor, meta: RequestMeta, action: string, details: Record<string, unknown>, work: (trx: Db) => Promise<T>): Promise<T> {
  const result = await db.transaction().execute(async (trx) => {
    const value = await work(trx);
    await recordAudit(trx, actor, meta, { action, entity: "calendar", entityId: actor.tenantId, details });
    return value;
  });
  forgetCalendarRules(actor.tenantId);
  return result;
}

export async function updateCalendarSettings(db: Db, actor: Actor, meta: RequestMeta, input: CalendarSettings): Promise<void> {
  await calendarChange(db, actor, meta, "calendar.update_settings", { ...input }, async (trx) => {
    await trx
      .insertInto("calendar_settings")
      .values({
        tenant_id: actor.tenantId,
        cutoff: input.cutoff,
        first_day_counts: input.firstDayCounts,
        cd_ends_on_working_day: input.cdEndsOnWorkingDay,
        weekend_days: input.weekendDays,
      })
      .onConflict((oc) =>
        oc.column("tenant_id").doUpdateSet({
          cutoff: input.cutoff,
          first_day_counts: input.firstDayCounts,
          cd_ends_on_working_day: input.cdEndsOnWorkingDay,
          weekend_days: input.weekendDays,
        }),
      )
      .execute();
  });
}

function checkDayOfMonth(input: HolidayBody): void {
  const daysIn = new Date(Date.UTC(2024, input.month, 0)).getUTCDate(); // 2024 is a leap year: 29 Feb is allowed
  if (input.day > daysIn) {
    throw AppError.field("day", "DATE_INVALID");
  }
}

function holidayRow(input: HolidayBody) {
  return { month: input.month, day: input.day, movable: input.movable, name_kk: input.nameKk, name_ru: input.nameRu, name_en: input.nameEn };
}

export async function createHoliday(db: Db, actor: Actor, meta: RequestMeta, input: HolidayBody): Promise<string> {
  checkDayOfMonth(input);
  return calendarChange(db, actor, meta, "calendar.create_holiday", { month: input.month, day: input.day }, async (trx) => {
    try {
      const row = await trx
        .insertInto("calendar_holidays")
        .values({ tenant_id: actor.tenantId, ...holidayRow(input) })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw AppError.field("day", "ALREADY_EXISTS");
      }
      throw error;
    }
  });
}

export async function updateHoliday(db: Db, actor: Actor, meta: RequestMeta, id: string, input: HolidayBody): Promise<void> {
  checkDayOfMonth(input);
  await calendarChange(db, actor, meta, "calendar.update_holiday", { id, month: input.month, day: input.day }, async (trx) => {
    const result = await trx
      .updateTable("calendar_holidays")
      .set(holidayRow(input))
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
  });
}

export async function deleteHoliday(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await calendarChange(db, actor, meta, "calendar.delete_holiday", { id }, async (trx) => {
    const result = await trx.deleteFrom("calendar_holidays").where("tenant_id", "=", actor.tenantId).where("id", "=", id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
  });
}

export async function setOverride(db: Db, actor: Actor, meta: RequestMeta, date: string, kind: "off" | "work", note: string | null): Promise<void> {
  await calendarChange(db, actor, meta, "calendar.set_override", { date, kind }, async (trx) => {
    await trx
      .insertInto("calendar_overrides")
      .values({ tenant_id: actor.tenantId, date, kind, note })
      .onConflict((oc) => oc.columns(["tenant_id", "date"]).doUpdateSet({ kind, note }))
      .execute();
  });
}

export async function deleteOverride(db: Db, actor: Actor, meta: RequestMeta, date: string): Promise<void> {
  await calendarChange(db, actor, meta, "calendar.delete_override", { date }, async (trx) => {
    const result = await trx
      .deleteFrom("calendar_overrides")
      .where("tenant_id", "=", actor.tenantId)
      .where("date", "=", date)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
  });
}

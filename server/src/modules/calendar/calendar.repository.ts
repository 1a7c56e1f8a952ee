import type { CalendarRules } from "@bailanys/common/calendar";
import type { Db } from "../../db/database.ts";

/** Reads a tenant's calendar definition as the rules the deadline arithmetic takes. */
export async function loadCalendarRules(db: Db, tenantId: string): Promise<CalendarRules> {
  const [settings, holidays, overrides] = await Promise.all([
    db.selectFrom("calendar_settings").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst(),
    db.selectFrom("calendar_holidays").selectAll().where("tenant_id", "=", tenantId).orderBy("month").orderBy("day").execute(),
    db.selectFrom("calendar_overrides").selectAll().where("tenant_id", "=", tenantId).orderBy("date").execute(),
  ]);
  return {
    utcOffsetMinutes: settings?.utc_offset_minutes ?? 300,
    weekendDays: settings?.weekend_days ?? [6, 7],
    cutoff: settings?.cutoff ?? "18:30",
    firstDayCounts: settings?.first_day_counts ?? true,
    calendarTermEndsOnWorkingDay: settings?.cd_ends_on_working_day ?? true,
    holidays: holidays.map((h) => ({ month: h.month, day: h.day, movable: h.movable, nameKk: h.name_kk, nameRu: h.name_ru, nameEn: h.name_en })),
    overrides: overrides.map((o) => ({ date: o.date, kind: o.kind === "work" ? "work" : "off", ...(o.note ? { note: o.note } : {}) })),
  };
}

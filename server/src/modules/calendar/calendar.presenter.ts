import type { CalendarDto, DueDateResponse } from "@bailanys/common/api/calendar";
import { toLocal, type CalendarRules, type DueDateResult } from "@bailanys/common/calendar";
import type { Db } from "../../db/database.ts";
import { loadCalendarRules } from "./calendar.repository.ts";

function offsetSuffix(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export function presentDueDate(received: Date, result: DueDateResult, rules: CalendarRules): DueDateResponse {
  const local = toLocal(rules, result.dueAt);
  return {
    received: received.toISOString(),
    term: result.term,
    unit: result.unit,
    firstDay: result.firstDay,
    dueDate: result.dueDate,
    dueAt: result.dueAt.toISOString(),
    dueAtLocal: `${local.date}T${local.time}${offsetSuffix(rules.utcOffsetMinutes)}`,
    timeZone: "Asia/Almaty",
  };
}

export async function presentCalendar(db: Db, tenantId: string): Promise<CalendarDto> {
  const rules = await loadCalendarRules(db, tenantId);
  const holidays = await db.selectFrom("calendar_holidays").selectAll().where("tenant_id", "=", tenantId).orderBy("month").orderBy("day").execute();
  return {
    settings: {
      cutoff: rules.cutoff,
      firstDayCounts: rules.firstDayCounts,
      cdEndsOnWorkingDay: rules.calendarTermEndsOnWorkingDay,
      weekendDays: rules.weekendDays,
    },
    holidays: holidays.map((h) => ({ id: h.id, month: h.month, day: h.day, movable: h.movable, nameKk: h.name_kk, nameRu: h.name_ru, nameEn: h.name_en })),
    overrides: rules.overrides.map((o) => ({ date: o.date, kind: o.kind, note: o.note ?? null })),
  };
}

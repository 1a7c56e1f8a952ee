import { Type, type Static } from "@sinclair/typebox";
import { IsoDateTime, Literals, LocalDate, LocalizedNames, Nullable, Uuid } from "./shared.ts";

export const TermUnitSchema = Literals(["WD", "CD"]);

export const DueDateQuery = Type.Object(
  {
    received: Type.String({ format: "date-time", description: "When the appeal was received (ISO 8601 with offset)" }),
    term: Type.Integer({ minimum: 1, maximum: 3650 }),
    unit: TermUnitSchema,
    tenant: Type.Optional(Type.String({ maxLength: 40, description: "Contact-centre code; defaults to the caller's or the first one" })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type DueDateQuery = Static<typeof DueDateQuery>;

export const DueDateResponse = Type.Object({
  received: IsoDateTime,
  term: Type.Integer(),
  unit: TermUnitSchema,
  firstDay: LocalDate,
  dueDate: LocalDate,
  dueAt: IsoDateTime,
  dueAtLocal: Type.String({ examples: ["2026-04-14T23:59:59+05:00"] }),
  timeZone: Type.String(),
});
export type DueDateResponse = Static<typeof DueDateResponse>;

export const CalendarSettings = Type.Object(
  {
    cutoff: Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" }),
    firstDayCounts: Type.Boolean(),
    cdEndsOnWorkingDay: Type.Boolean(),
    weekendDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 6, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CalendarSettings = Static<typeof CalendarSettings>;

export const HolidayBody = Type.Object(
  { month: Type.Integer({ minimum: 1, maximum: 12 }), day: Type.Integer({ minimum: 1, maximum: 31 }), movable: Type.Boolean(), ...LocalizedNames },
  { additionalProperties: false },
);
export type HolidayBody = Static<typeof HolidayBody>;
export const Holiday = Type.Object({ id: Uuid, month: Type.Integer(), day: Type.Integer(), movable: Type.Boolean(), ...LocalizedNames });
export type Holiday = Static<typeof Holiday>;

export const OverrideKind = Literals(["off", "work"]);
export const OverrideBody = Type.Object(
  { kind: OverrideKind, note: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);
export const Override = Type.Object({ date: LocalDate, kind: OverrideKind, note: Nullable(Type.String()) });
export type Override = Static<typeof Override>;

export const CalendarDto = Type.Object({ settings: CalendarSettings, holidays: Type.Array(Holiday), overrides: Type.Array(Override) });
export type CalendarDto = Static<typeof CalendarDto>;

export const YearDay = Type.Object({
  date: LocalDate,
  working: Type.Boolean(),
  reason: Type.String(),
  name: Nullable(Type.String()),
});
export const YearResponse = Type.Object({
  year: Type.Integer(),
  workingDays: Type.Integer(),
  days: Type.Array(YearDay),
});
export type YearResponse = Static<typeof YearResponse>;

import {
  CalendarDto,
  CalendarSettings,
  DueDateQuery,
  DueDateResponse,
  HolidayBody,
  OverrideBody,
  YearResponse,
} from "@bailanys/common/api/calendar";
import { LocalDate, Uuid } from "@bailanys/common/api/shared";
import { isValidLocalDate } from "@bailanys/common/calendar";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AppError } from "../../platform/app-error.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { resolvePublicTenant } from "../tenants/tenant.repository.ts";
import { createHoliday, deleteHoliday, deleteOverride, setOverride, updateCalendarSettings, updateHoliday } from "./calendar.admin.service.ts";
import { presentCalendar, presentDueDate } from "./calendar.presenter.ts";
import { calendarRules, dueDateFor, yearOverview } from "./calendar.service.ts";

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/calendar/due-date",
    {
      config: { public: true, rateLimit: { max: 600, timeWindow: "1 minute" } },
      schema: {
        tags: ["calendar"],
        summary: "Legal deadline of a term in working (WD) or calendar (CD) days of the Kazakhstan calendar",
        querystring: DueDateQuery,
        response: { 200: DueDateResponse },
      },
    },
    async (request) => {
      const tenantId = request.actor?.tenantId ?? (await resolvePublicTenant(app.db, request.query.tenant))?.id;
      if (!tenantId) {
        throw AppError.field("query.tenant", "REFERENCE_UNKNOWN");
      }
      const received = new Date(request.query.received);
      const result = await dueDateFor(app.db, tenantId, { received, term: request.query.term, unit: request.query.unit });
      return presentDueDate(received, result, await calendarRules(app.db, tenantId));
    },
  );

  app.get(
    "/calendar",
    { config: { permission: "reference.read" }, schema: { tags: ["calendar"], summary: "Calendar settings, holidays and overrides", response: { 200: CalendarDto } } },
    async (request) => presentCalendar(app.db, requireActor(request).tenantId),
  );

  app.get(
    "/calendar/years/:year",
    {
      config: { permission: "reference.read" },
      schema: {
        tags: ["calendar"],
        summary: "Days off on weekdays and working weekend days of a year",
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: { 200: YearResponse },
      },
    },
    async (request) => yearOverview(await calendarRules(app.db, requireActor(request).tenantId), request.params.year, request.locale),
  );

  app.put(
    "/calendar/settings",
    { config: { permission: "reference.write" }, schema: { tags: ["calendar"], summary: "Change the deadline rules", body: CalendarSettings, response: { 200: CalendarDto } } },
    async (request) => {
      const actor = requireActor(request);
      await updateCalendarSettings(app.db, actor, request.meta, request.body);
      return presentCalendar(app.db, actor.tenantId);
    },
  );

  app.post(
    "/calendar/holidays",
    { config: { idempotent: true, permission: "reference.write" }, schema: { tags: ["calendar"], summary: "Add a yearly public holiday", body: HolidayBody, response: { 201: CalendarDto } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await createHoliday(app.db, actor, request.meta, request.body);
      return reply.status(201).send(await presentCalendar(app.db, actor.tenantId));
    },
  );

  app.put(
    "/calendar/holidays/:id",
    {
      config: { permission: "reference.write" },
      schema: { tags: ["calendar"], summary: "Change a public holiday", params: Type.Object({ id: Uuid }), body: HolidayBody, response: { 200: CalendarDto } },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateHoliday(app.db, actor, request.meta, request.params.id, request.body);
      return presentCalendar(app.db, actor.tenantId);
    },
  );

  app.delete(
    "/calendar/holidays/:id",
    { config: { permission: "reference.write" }, schema: { tags: ["calendar"], summary: "Remove a public holiday", params: Type.Object({ id: Uuid }), response: { 200: CalendarDto } } },
    async (request) => {
      const actor = requireActor(request);
      await deleteHoliday(app.db, actor, request.meta, request.params.id);
      return presentCalendar(app.db, actor.tenantId);
    },
  );

  app.put(
    "/calendar/overrides/:date",
    {
      config: { permission: "reference.write" },
      schema: {
        tags: ["calendar"],
        summary: "Make one date a day off or a working day (decree transfers, lunar holidays, working Saturdays)",
        params: Type.Object({ date: LocalDate }),
        body: OverrideBody,
        response: { 200: CalendarDto },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!isValidLocalDate(request.params.date)) {
        throw AppError.field("params.date", "DATE_INVALID");
      }
      await setOverride(app.db, actor, request.meta, request.params.date, request.body.kind, request.body.note ?? null);
      return presentCalendar(app.db, actor.tenantId);
    },
  );

  app.delete(
    "/calendar/overrides/:date",
    { config: { permission: "reference.write" }, schema: { tags: ["calendar"], summary: "Remove a date override", params: Type.Object({ date: LocalDate }), response: { 200: CalendarDto } } },
    async (request) => {
      const actor = requireActor(request);
      // The pattern lets 2026-02-30 through; the database would fail on it instead of answering.
      if (!isValidLocalDate(request.params.date)) {
        throw AppError.field("params.date", "DATE_INVALID");
      }
      await deleteOverride(app.db, actor, request.meta, request.params.date);
      return presentCalendar(app.db, actor.tenantId);
    },
  );
};

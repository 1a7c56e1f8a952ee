import type { AppealDto, AppealListQuery, AppealPage } from "@bailanys/common/api/appeals";
import type { Locale } from "@bailanys/common/locales";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { listAppealRows } from "./appeal-list.repository.ts";
import { loadCardRelations } from "./appeal-card.repository.ts";
import { canReadAppeal, canSeePersonalData } from "./appeal.policy.ts";
import { presentAppeal, presentAppealListItem } from "./appeal.presenter.ts";
import { availableTransitions, extensionLimit, isUuid } from "./appeal-rules.ts";
import { findAppeal } from "./appeal.repository.ts";

/** A cursor's time: UTC ISO text with up to microseconds, exactly as the list query wrote it. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) {
    return null;
  }
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const validTime = typeof at === "string" && CURSOR_TIME.test(at) && new Date(at).toISOString().slice(0, 19) === at.slice(0, 19);
    if (validTime && typeof id === "string" && isUuid(id)) {
      return { at, id };
    }
  } catch {
    // fall through: a cursor that does not parse is a bad request
  }
  throw AppError.field("query.cursor", "FIELD_INVALID");
}

const encodeCursor = (at: string, id: string): string => Buffer.from(JSON.stringify([at, id])).toString("base64url");

/** One page of a work queue, newest or most urgent first; personal data masked for readers without the right. */
export async function listAppeals(db: Db, actor: Actor, meta: RequestMeta, query: AppealListQuery, locale: Locale): Promise<AppealPage> {
  const ref = await referenceSnapshot(db, actor.tenantId);
  const queue = query.queue ?? "all";
  const limit = query.limit ?? 50;
  const rules = await calendarRules(db, actor.tenantId);
  const localMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - rules.utcOffsetMinutes * 60_000);
  const rows = await listAppealRows(db, {
    tenantId: actor.tenantId,
    queue,
    scope: actor.permissions.has("appeal.read_all") ? null : { userId: actor.userId, unitId: actor.unitId },
    actorUserId: actor.userId,
    actorUnitId: actor.unitId,
    routingStatuses: [...ref.statuses.values()].filter((s) => s.phase === "new" || s.phase === "routing").map((s) => s.code),
    status: query.status,
    typeCode: query.typeCode,
    kindCode: query.kindCode,
    criticalityCode: query.criticalityCode,
    channelCode: query.channelCode,
    bodyId: query.bodyId,
    unitId: query.unitId,
    citizenId: query.citizenId,
    q: query.q,
    registeredFrom: query.registeredFrom ? localMidnight(query.registeredFrom) : undefined,
    registeredTo: query.registeredTo ? new Date(localMidnight(query.registeredTo).getTime() + 86_400_000) : undefined,
    dueWithinHours: query.dueWithinHours ?? 48,
    cursor: decodeCursor(query.cursor),
    limit,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const showPersonalData = canSeePersonalData(actor);
  const citizenIds = [...new Set(page.map((r) => r.citizen_id).filter((id): id is string => id !== null))];
  if (showPersonalData && citizenIds.length > 0) {
    await recordAudit(db, actor, meta, { action: "citizen.read_list", entity: "citizen", details: { citizenIds } });
  }
  const ctx = { ref, locale, showPersonalData, now: Date.now() };
  return {
    items: page.map((row) => presentAppealListItem(ctx, row)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_at, last.id) : null,
  };
}

/** The appeal card; reading it with personal data is recorded in the audit log. */
export async function getAppealCard(db: Db, actor: Actor, meta: RequestMeta, id: string, locale: Locale): Promise<AppealDto> {
  const row = await findAppeal(db, actor.tenantId, id);
  if (!row || !canReadAppeal(actor, row)) {
    throw new AppError("NOT_FOUND");
  }
  const [ref, rules, relations] = await Promise.all([
    referenceSnapshot(db, actor.tenantId),
    calendarRules(db, actor.tenantId),
    loadCardRelations(db, row),
  ]);
  const showPersonalData = canSeePersonalData(actor);
  await recordAudit(db, actor, meta, {
    action: showPersonalData && row.citizen_id ? "citizen.read" : "appeal.read",
    entity: "appeal",
    entityId: row.id,
    details: showPersonalData && row.citizen_id ? { citizenId: row.citizen_id } : {},
  });
  return presentAppeal(
    { ref, locale, showPersonalData, now: Date.now() },
    row,
    relations,
    availableTransitions(ref, actor, row, locale),
    extensionLimit(rules, new Date(row.received_at)).date,
  );
}

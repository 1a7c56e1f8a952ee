import type { AppealQueue } from "@bailanys/common/api/appeals";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { AppealRow } from "./appeal.repository.ts";

export interface AppealListFilter {
  tenantId: string;
  queue: AppealQueue;
  /** Row-level scope for staff without appeal.read_all. */
  scope: { userId: string; unitId: string | null } | null;
  actorUserId: string;
  actorUnitId: string | null;
  routingStatuses: string[];
  status?: string;
  typeCode?: string;
  kindCode?: string;
  criticalityCode?: string;
  channelCode?: string;
  bodyId?: string;
  unitId?: string;
  citizenId?: string;
  q?: string;
  registeredFrom?: Date;
  registeredTo?: Date;
  dueWithinHours: number;
  cursor: { at: string; id: string } | null;
  limit: number;
}

/** `cursor_at` is the row's sort time as ISO text with the database's microseconds, for the next page's cursor. */
export type AppealListRow = AppealRow & { applicant_name: string | null; assignee_name: string | null; cursor_at: string };

/** Whether a queue is worked in deadline order (oldest due first) rather than newest registration first. */
export function ordersByDeadline(queue: AppealQueue): boolean {
  return queue !== "all";
}

export async function listAppealRows(db: Db, f: AppealListFilter): Promise<AppealListRow[]> {
  const byDeadline = ordersByDeadline(f.queue);
  // A JavaScript Date keeps milliseconds only; a cursor cut to them would skip (or repeat) the rows registered
  // within the same millisecond as the last one of a page.
  const sortColumn = byDeadline ? sql.ref("a.due_at") : sql.ref("a.registered_at");
  let q = db
    .selectFrom("appeals as a")
    .leftJoin("citizens as c", "c.id", "a.citizen_id")
    .leftJoin("users as u", "u.id", "a.assignee_id")
    .selectAll("a")
    .select(["c.full_name as applicant_name", "u.full_name as assignee_name"])
    .select(sql<string>`to_char(${sortColumn} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("cursor_at"))
    .where("a.tenant_id", "=", f.tenantId);

  if (f.scope) {
    const { userId, unitId } = f.scope;
    q = q.where((eb) =>
      eb.or([
        eb("a.assignee_id", "=", userId),
        eb("a.registered_by", "=", userId),
        ...(unitId !== null ? [eb("a.unit_id", "=", unitId)] : []),
      ]),
    );
  }

  switch (f.queue) {
    case "all":
      break;
    case "mine":
      q = q.where("a.assignee_id", "=", f.actorUserId).where("a.closed_at", "is", null);
      break;
    case "unit":
      q = f.actorUnitId === null ? q.where(sql<boolean>`false`) : q.where("a.unit_id", "=", f.actorUnitId).where("a.closed_at", "is", null);
      break;
    case "overdue":
      q = q.where("a.closed_at", "is", null).where("a.due_at", "<", sql<Date>`now()`);
      break;
    case "due_soon":
      q = q
        .where("a.closed_at", "is", null)
        .where("a.due_at", ">=", sql<Date>`now()`)
        .where("a.due_at", "<", sql<Date>`now() + make_interval(hours => ${f.dueWithinHours})`);
      break;
    case "routing":
      q = q.where("a.closed_at", "is", null).where("a.status_code", "in", f.routingStatuses.length > 0 ? f.routingStatuses : [""]);
      break;
  }

  if (f.status) {
    q = q.where("a.status_code", "=", f.status);
  }
  if (f.typeCode) {
    q = q.where("a.type_code", "=", f.typeCode);
  }
  if (f.kindCode) {
    q = q.where("a.kind_code", "=", f.kindCode);
  }
  if (f.criticalityCode) {
    q = q.where("a.criticality_code", "=", f.criticalityCode);
  }
  if (f.channelCode) {
    q = q.where("a.channel_code", "=", f.channelCode);
  }
  if (f.bodyId) {
    q = q.where("a.body_id", "=", f.bodyId);
  }
  if (f.unitId) {
    q = q.where("a.unit_id", "=", f.unitId);
  }
  if (f.citizenId) {
    q = q.where("a.citizen_id", "=", f.citizenId);
  }
  if (f.registeredFrom) {
    q = q.where("a.registered_at", ">=", f.registeredFrom);
  }
  if (f.registeredTo) {
    q = q.where("a.registered_at", "<", f.registeredTo);
  }
  const text = f.q?.trim() ?? "";
  if (text !== "") {
    const escape = (value: string) => value.replace(/[\\%_]/g, (m) => `\\${m}`);
    // Every word must occur in the subject, in any order; or the text is the number or its end.
    const words = text.split(/\s+/);
    q = q.where((eb) =>
      eb.or([
        eb("a.number", "=", text),
        eb("a.number", "like", `%${escape(text)}`),
        eb.and(words.map((word) => eb("a.subject", "ilike", `%${escape(word)}%`))),
      ]),
    );
  }

  if (byDeadline) {
    if (f.cursor) {
      q = q.where(sql<boolean>`(a.due_at, a.id) > (${f.cursor.at}::timestamptz, ${f.cursor.id}::uuid)`);
    }
    q = q.orderBy("a.due_at", "asc").orderBy("a.id", "asc");
  } else {
    if (f.cursor) {
      q = q.where(sql<boolean>`(a.registered_at, a.id) < (${f.cursor.at}::timestamptz, ${f.cursor.id}::uuid)`);
    }
    q = q.orderBy("a.registered_at", "desc").orderBy("a.id", "desc");
  }
  return q.limit(f.limit + 1).execute();
}

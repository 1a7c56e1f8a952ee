import { sql, type RawBuilder, type Selectable, type UpdateObject } from "kysely";
import type { ContactLogTable } from "../../db/schema-contacts.ts";
import type { DB } from "../../db/schema.ts";
import type { Db } from "../../db/database.ts";
import type { EventBus } from "../../realtime/event-bus.ts";

export interface NewLogEntry {
  kind: "message" | "event" | "note";
  event?: string;
  authorKind: "citizen" | "agent" | "system";
  authorId?: string | null;
  body?: string | null;
  attachmentId?: string | null;
  clientMsgId?: string | null;
  staffOnly?: boolean;
  data?: Record<string, unknown>;
  deliveryState?: "pending" | "sent" | null;
}

export type LogRow = Omit<Selectable<ContactLogTable>, "tenant_id">;

const LOG_COLUMNS = sql`contact_id, seq, kind, event, author_kind, author_id, body, attachment_id, client_msg_id, staff_only, data, delivery_state, created_at`;

/**
 * The INSERT of log entries numbered after the row of `source`, a preceding CTE that changed the contact and
 * returns its id, tenant_id and last_seq already advanced by entries.length. Each entry is one element of the
 * unnested arrays, so any number of entries is one statement.
 */
export function logInsert(source: string, entries: readonly NewLogEntry[]): RawBuilder<LogRow> {
  const column = <T>(pick: (e: NewLogEntry) => T) => entries.map(pick);
  return sql<LogRow>`
    insert into contact_log (contact_id, seq, tenant_id, kind, event, author_kind, author_id, body, attachment_id, client_msg_id, staff_only, data, delivery_state)
    select s.id, s.last_seq - ${entries.length}::int + e.ord::int, s.tenant_id, e.kind, e.event, e.author_kind, e.author_id, e.body, e.attachment_id,
           e.client_msg_id, e.staff_only, e.data, e.delivery_state
    from ${sql.table(source)} s
    cross join unnest(
      ${column((e) => e.kind)}::text[], ${column((e) => e.event ?? null)}::text[], ${column((e) => e.authorKind)}::text[],
      ${column((e) => e.authorId ?? null)}::uuid[], ${column((e) => e.body ?? null)}::text[], ${column((e) => e.attachmentId ?? null)}::uuid[],
      ${column((e) => e.clientMsgId ?? null)}::text[], ${column((e) => e.staffOnly ?? false)}::boolean[],
      ${column((e) => JSON.stringify(e.data ?? {}))}::jsonb[], ${column((e) => e.deliveryState ?? null)}::text[]
    ) with ordinality as e(kind, event, author_kind, author_id, body, attachment_id, client_msg_id, staff_only, data, delivery_state, ord)
    returning ${LOG_COLUMNS}`;
}

/** Columns of a contact to set: values or SQL expressions over the row (`hold_count + 1`). */
export type ContactChange = UpdateObject<DB, "contacts">;

/**
 * Appends entries to a contact's log, changing the contact in the same statement (`change`: columns to set), and
 * announces them on commit. One round trip: the update takes the contact's row lock and advances the counter.
 */
export async function writeLog(
  trx: Db,
  bus: EventBus,
  contact: { id: string; tenantId: string },
  entries: readonly NewLogEntry[],
  change: ContactChange = {},
): Promise<LogRow[]> {
  const update = trx
    .updateTable("contacts")
    .set({ ...change, last_seq: sql<number>`last_seq + ${entries.length}::int` })
    .where("id", "=", contact.id)
    .returning(["id", "tenant_id", "last_seq"]);
  const { rows } = await sql<LogRow>`with upd as (${update}) ${logInsert("upd", entries)}`.execute(trx);
  const last = rows.reduce((max, row) => Math.max(max, row.seq), 0);
  if (last === 0) {
    throw new Error(`contact ${contact.id} not found for its log`);
  }
  await bus.publish(trx, { type: "contact.log", tenantId: contact.tenantId, contactId: contact.id, seq: last });
  return [...rows].sort((a, b) => a.seq - b.seq);
}

/** Appends one entry to a contact's log (see writeLog). */
export async function appendLog(trx: Db, bus: EventBus, contact: { id: string; tenantId: string }, entry: NewLogEntry, change?: ContactChange): Promise<LogRow> {
  const [row] = await writeLog(trx, bus, contact, [entry], change);
  if (!row) {
    throw new Error(`contact ${contact.id} not found for its log`);
  }
  return row;
}

/** Log entries after `since`, in order; citizens never see staff-only entries. */
export async function readLog(db: Db, contactId: string, since: number, limit: number, audience: "citizen" | "staff"): Promise<LogRow[]> {
  let query = db
    .selectFrom("contact_log")
    .select(["contact_id", "seq", "kind", "event", "author_kind", "author_id", "body", "attachment_id", "client_msg_id", "staff_only", "data", "delivery_state", "created_at"])
    .where("contact_id", "=", contactId)
    .where("seq", ">", since)
    .orderBy("seq")
    .limit(limit);
  if (audience === "citizen") {
    query = query.where("staff_only", "=", false);
  }
  return query.execute();
}

/**
 * The last sequence number a reader may see: a client asks again while it holds less. For citizens it is the
 * last entry they are shown, so staff notes at the end of the log never make them wait for more.
 */
export async function lastSeqFor(db: Db, contactId: string, audience: "citizen" | "staff"): Promise<number> {
  let query = db.selectFrom("contact_log").select((eb) => eb.fn.max("seq").as("seq")).where("contact_id", "=", contactId);
  if (audience === "citizen") {
    query = query.where("staff_only", "=", false);
  }
  const row = await query.executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** A page of the log for a reader, with the last seq they may see. */
export async function logPage(db: Db, contactId: string, since: number, limit: number, audience: "citizen" | "staff"): Promise<{ rows: LogRow[]; lastSeq: number }> {
  const [rows, lastSeq] = await Promise.all([readLog(db, contactId, since, limit, audience), lastSeqFor(db, contactId, audience)]);
  return { rows, lastSeq };
}

import { sql, type Selectable } from "kysely";
import type { ContactLogTable } from "../../db/schema-contacts.ts";
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

/**
 * Appends one entry to a contact's log with the next sequence number and announces it on commit. The caller's
 * transaction must hold the contact row (the counter update takes the row lock if it does not).
 */
export async function appendLog(trx: Db, bus: EventBus, contact: { id: string; tenantId: string }, entry: NewLogEntry): Promise<LogRow> {
  // One statement: the counter's row lock and the entry, one round trip (this runs several times per contact).
  const result = await sql<LogRow>`
    with next as (
      update contacts set last_seq = last_seq + 1 where id = ${contact.id} returning last_seq
    )
    insert into contact_log (contact_id, seq, tenant_id, kind, event, author_kind, author_id, body, attachment_id, client_msg_id, staff_only, data, delivery_state)
    select ${contact.id}, next.last_seq, ${contact.tenantId}, ${entry.kind}, ${entry.event ?? null}, ${entry.authorKind}, ${entry.authorId ?? null},
           ${entry.body ?? null}, ${entry.attachmentId ?? null}, ${entry.clientMsgId ?? null}, ${entry.staffOnly ?? false},
           ${JSON.stringify(entry.data ?? {})}::jsonb, ${entry.deliveryState ?? null}
    from next
    returning contact_id, seq, kind, event, author_kind, author_id, body, attachment_id, client_msg_id, staff_only, data, delivery_state, created_at`.execute(trx);
  const row = result.rows[0];
  if (!row) {
    throw new Error(`contact ${contact.id} not found for its log`);
  }
  await bus.publish(trx, { type: "contact.log", tenantId: contact.tenantId, contactId: contact.id, seq: row.seq });
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

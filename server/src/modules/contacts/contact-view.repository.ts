import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database.ts";
import { OCCUPYING_SQL, type ContactRow } from "./contact.repository.ts";

export interface ContactViewRow extends ContactRow {
  agent_name: string | null;
  citizen_name: string | null;
  /** Appeals registered from the contact, oldest first. */
  appeals: { id: string; number: string }[];
}

/** The appeals registered from the contact `contact` (an SQL reference to its id), oldest first, as JSON. */
function appealsOf(contact: RawBuilder<unknown>): RawBuilder<{ id: string; number: string }[]> {
  return sql<{ id: string; number: string }[]>`coalesce((
        select json_agg(json_build_object('id', a.id, 'number', a.number) order by ca.created_at)
        from contact_appeals ca join appeals a on a.id = ca.appeal_id
        where ca.contact_id = ${contact}), '[]')`;
}

/**
 * What a contact view adds to the contact's own columns, for the rows of `source` (a table or a CTE's name
 * with the contacts' columns): a statement that changed a contact can answer its view without another read.
 */
export function viewColumnsOf(source: string): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(`${source}.${name}`);
  return sql`(select u.full_name from users u where u.id = ${column("agent_id")}) as agent_name,
        (select z.full_name from citizens z where z.id = ${column("citizen_id")}) as citizen_name,
        ${appealsOf(column("id"))} as appeals`;
}

/** Contacts with the names of their operator and citizen and their appeals: one statement, one round trip. */
function contactViewQuery(db: Db, tenantId: string) {
  return db
    .selectFrom("contacts as c")
    .leftJoin("users as u", "u.id", "c.agent_id")
    .leftJoin("citizens as z", "z.id", "c.citizen_id")
    .selectAll("c")
    .select([
      "u.full_name as agent_name",
      "z.full_name as citizen_name",
      appealsOf(sql.ref("c.id")).as("appeals"),
    ])
    .where("c.tenant_id", "=", tenantId);
}

/** Contacts as `contactViewQuery` gives them, in the order of `ids`. */
export async function contactViews(db: Db, tenantId: string, ids: readonly string[]): Promise<ContactViewRow[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await contactViewQuery(db, tenantId).where("c.id", "in", ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface AgentWorkRow extends ContactViewRow {
  /** The operator's pending offer of this contact, if it is offered to them. */
  offer_id: string | null;
  offer_expires_at: Date | null;
  offer_seconds_left: number | null;
}

/**
 * What an operator has on their desk: contacts offered to them (with the pending offer) and those they handle,
 * oldest first. With `offerId`, only that pending offer's contact.
 */
export async function agentWork(db: Db, tenantId: string, agentId: string, offerId?: string): Promise<AgentWorkRow[]> {
  let query = contactViewQuery(db, tenantId)
    .leftJoin("contact_offers as o", (join) => join.onRef("o.contact_id", "=", "c.id").on("o.agent_id", "=", agentId).on("o.state", "=", "pending"))
    .select([
      "o.id as offer_id",
      "o.expires_at as offer_expires_at",
      sql<number | null>`greatest(0, extract(epoch from o.expires_at - now()))::int`.as("offer_seconds_left"),
    ])
    .where("c.agent_id", "=", agentId)
    .where(sql<boolean>`c.state in (${OCCUPYING_SQL})`)
    .orderBy(sql`coalesce(c.answered_at, c.offered_at)`);
  if (offerId !== undefined) {
    query = query.where("o.id", "=", offerId);
  }
  return query.execute();
}

export interface QueueNameRow {
  id: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
}

const QUEUE_NAMES_TTL_MS = 10_000;
const queueNameCache = new Map<string, { at: number; names: Promise<Map<string, QueueNameRow>> }>();

/** Drops the cached names after an administrator changed the queues (other nodes follow within 10 s). */
export function forgetQueueNames(tenantId: string): void {
  queueNameCache.delete(tenantId);
}

/** Names of a tenant's queues, cached per node for 10 s like the rest of the reference data. */
export async function queueNames(db: Db, tenantId: string): Promise<Map<string, QueueNameRow>> {
  const cached = queueNameCache.get(tenantId);
  if (cached && Date.now() - cached.at < QUEUE_NAMES_TTL_MS) {
    return cached.names;
  }
  const names = db
    .selectFrom("contact_queues")
    .select(["id", "name_kk", "name_ru", "name_en"])
    .where("tenant_id", "=", tenantId)
    .execute()
    .then((rows) => new Map(rows.map((r) => [r.id, r])));
  queueNameCache.set(tenantId, { at: Date.now(), names });
  names.catch(() => queueNameCache.delete(tenantId));
  return names;
}

/** Names of log authors and the attachments log entries point at. */
export async function logExtras(db: Db, authorIds: readonly string[], attachmentIds: readonly string[]) {
  const [authors, attachments] = await Promise.all([
    authorIds.length === 0 ? [] : db.selectFrom("users").select(["id", "full_name"]).where("id", "in", authorIds).execute(),
    attachmentIds.length === 0
      ? []
      : db.selectFrom("contact_attachments").select(["id", "file_name", "content_type", "size_bytes"]).where("id", "in", attachmentIds).execute(),
  ]);
  return {
    authors: new Map(authors.map((a) => [a.id, a.full_name])),
    attachments: new Map(attachments.map((a) => [a.id, a])),
  };
}

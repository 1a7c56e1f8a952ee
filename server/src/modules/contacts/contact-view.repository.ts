import type { Db } from "../../db/database.ts";
import type { ContactRow } from "./contact.repository.ts";

export interface ContactViewRow extends ContactRow {
  agent_name: string | null;
  citizen_name: string | null;
}

/** Contacts with the names of their operator and citizen, in the order of `ids`. */
export async function contactViews(db: Db, tenantId: string, ids: readonly string[]): Promise<ContactViewRow[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom("contacts as c")
    .leftJoin("users as u", "u.id", "c.agent_id")
    .leftJoin("citizens as z", "z.id", "c.citizen_id")
    .selectAll("c")
    .select(["u.full_name as agent_name", "z.full_name as citizen_name"])
    .where("c.tenant_id", "=", tenantId)
    .where("c.id", "in", ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Appeals registered from each contact. */
export async function appealsOfContacts(db: Db, ids: readonly string[]): Promise<Map<string, { id: string; number: string }[]>> {
  const result = new Map<string, { id: string; number: string }[]>();
  if (ids.length === 0) {
    return result;
  }
  const rows = await db
    .selectFrom("contact_appeals as ca")
    .innerJoin("appeals as a", "a.id", "ca.appeal_id")
    .select(["ca.contact_id", "a.id", "a.number"])
    .where("ca.contact_id", "in", ids)
    .orderBy("ca.created_at")
    .execute();
  for (const row of rows) {
    const list = result.get(row.contact_id) ?? [];
    list.push({ id: row.id, number: row.number });
    result.set(row.contact_id, list);
  }
  return result;
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

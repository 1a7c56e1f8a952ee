import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ContactQueuesTable } from "../../db/schema-contacts.ts";

export type QueueRow = Selectable<ContactQueuesTable>;

const QUEUES_TTL_MS = 10_000;
const queueCache = new Map<string, { at: number; rows: Promise<QueueRow[]> }>();

/** Active queues of a tenant in their order, cached per node for 10 s like the rest of the reference data. */
export async function activeQueues(db: Db, tenantId: string): Promise<QueueRow[]> {
  const cached = queueCache.get(tenantId);
  if (cached && Date.now() - cached.at < QUEUES_TTL_MS) {
    return cached.rows;
  }
  const rows = db.selectFrom("contact_queues").selectAll().where("tenant_id", "=", tenantId).where("active", "=", true).orderBy("sort").orderBy("code").execute();
  queueCache.set(tenantId, { at: Date.now(), rows });
  rows.catch(() => queueCache.delete(tenantId));
  return rows;
}

/** Drops the cached queues after an administrator changed them (other nodes follow within 10 s). */
export function forgetActiveQueues(tenantId: string): void {
  queueCache.delete(tenantId);
}

/**
 * The queue a new contact enters: the first active queue taking the channel whose topics include the contact's
 * topic or one of its ancestors, else the first one taking the channel with no topics (the general queue).
 */
export function pickQueue(queues: readonly QueueRow[], channel: string, topicPath: readonly string[]): QueueRow | undefined {
  const onChannel = queues.filter((q) => q.channels.includes(channel));
  for (const topic of topicPath) {
    const match = onChannel.find((q) => q.topic_ids.includes(topic));
    if (match) {
      return match;
    }
  }
  return onChannel.find((q) => q.topic_ids.length === 0);
}

/** The topic and its ancestors, nearest first (an operator skilled in a parent topic covers its children). */
export function topicPath(classifier: ReadonlyMap<string, { id: string; parent_id: string | null }>, topicId: string | null): string[] {
  const path: string[] = [];
  let current = topicId === null ? undefined : classifier.get(topicId);
  while (current && !path.includes(current.id)) {
    path.push(current.id);
    current = current.parent_id === null ? undefined : classifier.get(current.parent_id);
  }
  return path;
}

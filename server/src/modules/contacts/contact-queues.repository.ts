import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ContactQueuesTable } from "../../db/schema-contacts.ts";

export type QueueRow = Selectable<ContactQueuesTable>;

/** Active queues of a tenant in their order. */
export async function activeQueues(db: Db, tenantId: string): Promise<QueueRow[]> {
  return db.selectFrom("contact_queues").selectAll().where("tenant_id", "=", tenantId).where("active", "=", true).orderBy("sort").orderBy("code").execute();
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

import type { Db } from "../db/database.ts";
import type { EventBus } from "../realtime/event-bus.ts";
import { openInboundContact, type InboundContactInput } from "../modules/contacts/contact-intake.service.ts";
import { buildUser, type TestUser } from "./harness.ts";

const ALWAYS_OPEN = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["00:00", "24:00"]]));

export interface QueueOptions {
  code?: string;
  channels?: string[];
  topicIds?: string[];
  minLevel?: number;
  line?: number;
  priority?: number;
  widening?: { after: number; relax: string }[];
  overflowQueueId?: string | null;
  overflowAfterSeconds?: number | null;
  callbackAfterSeconds?: number | null;
  hours?: Record<string, [string, string] | null>;
  offerTimeoutSeconds?: number;
  wrapupSeconds?: number;
}

let queueCounter = 0;

/** A queue open around the clock unless told otherwise. */
export async function buildQueue(db: Db, tenantId: string, options: QueueOptions = {}): Promise<string> {
  queueCounter += 1;
  const row = await db
    .insertInto("contact_queues")
    .values({
      tenant_id: tenantId,
      code: options.code ?? `q${queueCounter}`,
      name_kk: `Кезек ${queueCounter}`,
      name_ru: `Очередь ${queueCounter}`,
      name_en: `Queue ${queueCounter}`,
      channels: options.channels ?? ["web_chat"],
      topic_ids: options.topicIds ?? [],
      min_level: options.minLevel ?? 1,
      line: options.line ?? 1,
      priority: options.priority ?? 0,
      widening: JSON.stringify(options.widening ?? []),
      overflow_queue_id: options.overflowQueueId ?? null,
      overflow_after_seconds: options.overflowAfterSeconds ?? null,
      callback_after_seconds: options.callbackAfterSeconds ?? null,
      hours: JSON.stringify(options.hours ?? ALWAYS_OPEN),
      offer_timeout_seconds: options.offerTimeoutSeconds ?? 20,
      wrapup_seconds: options.wrapupSeconds ?? 60,
      sort: queueCounter,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface AgentOptions {
  languages?: string[];
  skills?: { topicId: string; level: number }[];
  channels?: Record<string, number>;
  line?: number;
  state?: "ready" | "not_ready" | "offline";
  /** Seconds since the operator became idle (longest idle is offered first). */
  idleForSeconds?: number;
  roles?: ("operator" | "senior_operator" | "supervisor")[];
}

/** An operator with a routing profile, ready by default. */
export async function buildAgent(db: Db, tenantId: string, options: AgentOptions = {}): Promise<TestUser> {
  const user = await buildUser(db, tenantId, { roles: options.roles ?? ["operator"] });
  await db
    .insertInto("agents")
    .values({
      user_id: user.id,
      tenant_id: tenantId,
      languages: options.languages ?? ["ru", "kk"],
      line: options.line ?? 1,
      state: options.state ?? "ready",
      idle_since: new Date(Date.now() - (options.idleForSeconds ?? 0) * 1000),
      last_seen_at: new Date(),
    })
    .execute();
  for (const skill of options.skills ?? []) {
    await db.insertInto("agent_skills").values({ tenant_id: tenantId, user_id: user.id, topic_id: skill.topicId, level: skill.level }).execute();
  }
  for (const [channel, capacity] of Object.entries(options.channels ?? { web_chat: 3 })) {
    await db.insertInto("agent_channels").values({ tenant_id: tenantId, user_id: user.id, channel, capacity }).execute();
  }
  return user;
}

/** A citizen's inbound chat through the real intake (queue choice, citizen match, routing). */
export async function inboundChat(deps: { db: Db; bus: EventBus }, tenantId: string, options: Partial<InboundContactInput> = {}) {
  return openInboundContact(deps, {
    tenantId,
    channel: "web_chat",
    language: "ru",
    locale: "ru",
    topicId: null,
    visitor: { name: "Айгерим", phone: null, email: null, address: null },
    firstMessage: "Сәлеметсіз бе",
    ...options,
  });
}

/** The operator a contact is offered to now (null when it waits). */
export async function offeredTo(db: Db, contactId: string): Promise<string | null> {
  const offer = await db.selectFrom("contact_offers").select("agent_id").where("contact_id", "=", contactId).where("state", "=", "pending").executeTakeFirst();
  return offer?.agent_id ?? null;
}

/** Moves a waiting contact's clock back, as if it had waited `seconds` longer. */
export async function ageContact(db: Db, contactId: string, seconds: number): Promise<void> {
  const row = await db.selectFrom("contacts").select(["queued_at", "next_review_at"]).where("id", "=", contactId).executeTakeFirstOrThrow();
  const shift = (d: Date | null) => (d === null ? null : new Date(d.getTime() - seconds * 1000));
  await db.updateTable("contacts").set({ queued_at: shift(row.queued_at), next_review_at: shift(row.next_review_at) }).where("id", "=", contactId).execute();
}

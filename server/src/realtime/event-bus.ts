import { randomUUID } from "node:crypto";
import { sql, type QueryResult, type RootOperationNode, type UnknownRow } from "kysely";
import type { Database, Db } from "../db/database.ts";

/**
 * Events that fan out to every server process. They are published inside the transaction of the change they
 * announce (pg_notify is delivered on commit, never for a rolled-back change) and carry only what is small;
 * a receiver reads anything else from the database, which is the source of truth.
 */
export type BusEvent =
  /** A new entry in a contact's log (receivers read it from the log). */
  | { type: "contact.log"; tenantId: string; contactId: string; seq: number }
  /** A party read (or received) the log up to seq; the other side shows it on its messages. */
  | { type: "contact.receipt"; tenantId: string; contactId: string; who: "citizen" | "agent"; delivered: number; read: number }
  /** Someone is typing; never stored. */
  | { type: "contact.typing"; tenantId: string; contactId: string; who: "citizen" | "agent" }
  /** A contact changed state, queue or operator: operator windows, the board and waiting citizens react. */
  | { type: "contact.changed"; tenantId: string; contactId: string; agentId: string | null; state: string }
  /** An offer appeared for an operator. */
  | { type: "agent.offer"; tenantId: string; agentId: string; offerId: string; contactId: string }
  /** An operator's state, offers or contacts changed: their windows refresh the snapshot. */
  | { type: "agent.changed"; tenantId: string; agentId: string }
  /**
   * A sign-in stopped being what it was (sign-out, revoked token, changed roles, deactivation, new password,
   * new language): every node drops what it remembers of it (`auth/actor-cache.ts`).
   */
  | { type: "auth.changed"; tenantId: string; userId?: string; tokenId?: string; tokenHash?: string }
  /** An operator asked for an outbound call: a voice process claims it (`voice_outbound_calls`). */
  | { type: "voice.dial"; tenantId: string; callId: string }
  /** The voice service cut the tenant's calls (a media thread died): the board shows it. */
  | { type: "voice.incident"; tenantId: string }
  /** Interruption notices, queues, reference lists or the voice settings (menu, numbers, extensions) changed. */
  | { type: "tenant.changed"; tenantId: string; what: "notices" | "queues" | "voice" }
  /** The knowledge base changed (an article, or offices when articleId is null); `published` when a text went live. */
  | { type: "kb.changed"; tenantId: string; articleId: string | null; published?: { locale: string; title: string } };

export const BUS_CHANNEL = "bailanys_events";

/** Events of the open `transact` transactions, sent after their commit. */
const afterCommit = new WeakMap<Db, BusEvent[]>();

/**
 * Runs one transaction and announces its events after it commits. PostgreSQL serialises every committing
 * transaction that issued NOTIFY (a global lock held through the commit's WAL flush), so notifying inside the
 * hot transactions would make every contact change wait for every other; a NOTIFY of its own commits without
 * writing WAL. The price: a process that dies between commit and announcement loses the announcement, which
 * clients recover from on their next snapshot or resume, and the routing sweep from the database.
 */
export async function transact<T>(deps: { db: Db; bus: EventBus }, work: (trx: Db) => Promise<T>): Promise<T> {
  const events: BusEvent[] = [];
  const result = await deps.db.transaction().execute(async (trx) => {
    afterCommit.set(trx, events);
    return work(trx);
  });
  await deps.bus.flush(events);
  return result;
}

/** A Kysely plugin that changes nothing: it gives `singleStatement` a handle of its own on the same pool. */
const SAME_QUERIES = {
  transformQuery: (args: { node: RootOperationNode }) => args.node,
  transformResult: async (args: { result: QueryResult<UnknownRow> }) => args.result,
};

/**
 * Like `transact` for work that writes in one statement (atomic by itself): no BEGIN and COMMIT round trips;
 * its events are announced after that statement. `work` must not rely on several statements being atomic.
 */
export async function singleStatement<T>(deps: { db: Db; bus: EventBus }, work: (db: Db) => Promise<T>): Promise<T> {
  const events: BusEvent[] = [];
  const db = deps.db.withPlugin(SAME_QUERIES);
  afterCommit.set(db, events);
  const result = await work(db);
  await deps.bus.flush(events);
  return result;
}

export type BusListener = (event: BusEvent) => void;

export interface EventBus {
  /**
   * Announces an event when the surrounding transaction commits: inside `transact` it is sent right after the
   * commit; in any other transaction it rides on it (pg_notify, delivered on commit); outside one, at once.
   */
  publish(trx: Db, event: BusEvent): Promise<void>;
  /** Sends events of a committed transaction (one round trip). */
  flush(events: readonly BusEvent[]): Promise<void>;
  subscribe(listener: BusListener): () => void;
  /** Called when events may have been lost (the listening connection was re-established). */
  onGap(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * The bus over the database's LISTEN/NOTIFY: across processes on PostgreSQL, in-process on PGlite. Events a
 * process flushes after its own commits reach its own listeners at once, without waiting for the notification
 * to come back from the database; the notification carries the sender's origin so that it is not delivered
 * twice here.
 */
export async function createEventBus(database: Database): Promise<EventBus> {
  const listeners = new Set<BusListener>();
  const gapListeners = new Set<() => void>();
  const origin = randomUUID();
  const deliver = (event: BusEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // A listener's failure is its own and must not fail a change that has committed; the others still get
        // the event, and the failure is reported rather than lost.
        process.emitWarning(error instanceof Error ? error : String(error), { code: "BAILANYS_BUS_LISTENER" });
      }
    }
  };
  const stop = await database.listen(
    BUS_CHANNEL,
    (payload) => {
      let event: BusEvent & { origin?: string };
      try {
        event = JSON.parse(payload) as BusEvent & { origin?: string };
      } catch {
        return;
      }
      if (event.origin === origin) {
        return;
      }
      delete event.origin;
      deliver(event);
    },
    () => {
      for (const listener of gapListeners) {
        listener();
      }
    },
  );
  let queued: string[] = [];
  let nextBatch: Promise<void> | null = null;
  let previous: Promise<void> = Promise.resolve();
  const sendQueued = async (): Promise<void> => {
    nextBatch = null;
    const batch = queued;
    queued = [];
    if (batch.length > 0) {
      await sql`select pg_notify(${BUS_CHANNEL}, e) from unnest(${batch}::text[]) as e`.execute(database.db);
    }
  };
  return {
    async publish(trx, event) {
      const pending = afterCommit.get(trx);
      if (pending) {
        pending.push(event);
        return;
      }
      await sql`select pg_notify(${BUS_CHANNEL}, ${JSON.stringify(event)})`.execute(trx);
    },
    flush(events) {
      if (events.length === 0) {
        return Promise.resolve();
      }
      queued.push(...events.map((e) => JSON.stringify({ ...e, origin })));
      for (const event of events) {
        deliver(event);
      }
      if (nextBatch === null) {
        // Transactions committing in the same turn of the event loop share one NOTIFY statement; batches stay
        // in commit order because each waits for the one before (a failed batch does not stop the next).
        const batch = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(sendQueued);
        nextBatch = batch;
        previous = batch.catch(() => undefined);
      }
      return nextBatch;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onGap(listener) {
      gapListeners.add(listener);
      return () => gapListeners.delete(listener);
    },
    async close() {
      listeners.clear();
      gapListeners.clear();
      await stop();
    },
  };
}

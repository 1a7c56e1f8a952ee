import { sql } from "kysely";
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
  /** Interruption notices, queues or reference lists changed. */
  | { type: "tenant.changed"; tenantId: string; what: "notices" | "queues" };

export const BUS_CHANNEL = "bailanys_events";

export type BusListener = (event: BusEvent) => void;

export interface EventBus {
  /** Announces an event when the surrounding transaction commits (or at once outside a transaction). */
  publish(trx: Db, event: BusEvent): Promise<void>;
  subscribe(listener: BusListener): () => void;
  /** Called when events may have been lost (the listening connection was re-established). */
  onGap(listener: () => void): () => void;
  close(): Promise<void>;
}

/** The bus over the database's LISTEN/NOTIFY: across processes on PostgreSQL, in-process on PGlite. */
export async function createEventBus(database: Database): Promise<EventBus> {
  const listeners = new Set<BusListener>();
  const gapListeners = new Set<() => void>();
  const stop = await database.listen(
    BUS_CHANNEL,
    (payload) => {
      let event: BusEvent;
      try {
        event = JSON.parse(payload) as BusEvent;
      } catch {
        return;
      }
      for (const listener of listeners) {
        listener(event);
      }
    },
    () => {
      for (const listener of gapListeners) {
        listener();
      }
    },
  );
  return {
    async publish(trx, event) {
      await sql`select pg_notify(${BUS_CHANNEL}, ${JSON.stringify(event)})`.execute(trx);
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

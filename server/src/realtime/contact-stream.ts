import type { LogEntryDto, ServerFrame } from "@bailanys/common/api/contacts";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import type { Db } from "../db/database.ts";
import { readLog } from "../modules/contacts/contact-log.repository.ts";
import { presentLog } from "../modules/contacts/contact.presenter.ts";

/** A connected socket as the hub sees it. */
export interface Peer {
  send(frame: ServerFrame): void;
}

interface Subscription {
  audience: "citizen" | "staff";
  /** The highest seq this peer has been sent (or skipped, for entries it may not see). */
  lastSent: number;
}

/**
 * The live log of one contact for the peers in this process that follow it. One pump per contact is the only
 * sender: it reads what a subscriber lacks from the database, so a subscriber joining mid-stream, a burst of
 * notifications or a notification lost on a reconnect all end the same way — every entry once, in order.
 */
export class ContactStream {
  private readonly subscribers = new Map<Peer, Subscription>();
  private knownLast = 0;
  private pumping: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Db,
    readonly contactId: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  peers(): IterableIterator<[Peer, Subscription]> {
    return this.subscribers.entries();
  }

  add(peer: Peer, audience: "citizen" | "staff", since: number, lastSeq: number): void {
    this.subscribers.set(peer, { audience, lastSent: since });
    this.advance(lastSeq);
  }

  remove(peer: Peer): void {
    this.subscribers.delete(peer);
  }

  /** The log has reached `seq` (a notification, or a fresh read after a gap). */
  advance(seq: number): void {
    if (seq > this.knownLast) {
      this.knownLast = seq;
    }
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch(this.onError)
      .finally(() => {
        this.pumping = null;
      });
  }

  /** Resolves when everything known has been sent (tests and shutdown). */
  async settled(): Promise<void> {
    while (this.pumping) {
      await this.pumping;
    }
  }

  private async pump(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const behind = [...this.subscribers.values()].filter((s) => s.lastSent < this.knownLast);
        if (behind.length === 0) {
          break;
        }
        const from = Math.min(...behind.map((s) => s.lastSent));
        const rows = await readLog(this.db, this.contactId, from, CHAT_LIMITS.replayPage, "staff");
        if (rows.length === 0) {
          // The notification ran ahead of what this connection can see yet; the next one (or a gap) retries.
          break;
        }
        const lastRead = rows[rows.length - 1]?.seq ?? from;
        const needsCitizen = behind.some((s) => s.audience === "citizen");
        const [staff, citizen] = await Promise.all([presentLog(this.db, rows, "staff"), needsCitizen ? presentLog(this.db, rows, "citizen") : Promise.resolve([])]);
        for (const [peer, sub] of this.subscribers) {
          if (sub.lastSent >= lastRead) {
            continue;
          }
          const entries = (sub.audience === "staff" ? staff : citizen).filter((e: LogEntryDto) => e.seq > sub.lastSent);
          sub.lastSent = lastRead;
          if (entries.length > 0) {
            peer.send({ type: "log", contactId: this.contactId, entries, lastSeq: this.knownLast });
          }
        }
      }
    } while (this.again);
  }
}

import type { ServerFrame } from "@bailanys/common/api/contacts";
import type { Locale } from "@bailanys/common/locales";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../db/database.ts";
import { buildBoard } from "../modules/board/board.service.ts";
import { chatStatuses } from "../modules/chat/chat-status.service.ts";
import { agentSnapshot, presentOffer } from "../modules/contacts/agent-workspace.service.ts";
import { presentContacts } from "../modules/contacts/contact.presenter.ts";
import type { Actor } from "../platform/actor.ts";
import { ContactStream, type Peer } from "./contact-stream.ts";
import type { BusEvent, EventBus } from "./event-bus.ts";

export type { Peer } from "./contact-stream.ts";

/** Board and citizens' queue positions are recomputed at most this often per tenant. */
const RECOMPUTE_MS = 500;
/**
 * Operators' windows are refreshed at most this often: an accept followed by a quick wrap-up becomes one
 * snapshot. Offers do not wait for it (they have their own frame), nor do the operator's own actions, whose
 * HTTP answers the window already has.
 */
const SNAPSHOT_MS = 250;

interface AgentPeer {
  peer: Peer;
  actor: Actor;
}

interface CitizenPeer {
  peer: Peer;
  contactId: string;
  tenantId: string;
}

/**
 * Connects the event bus to the sockets of this process: contact logs (resumable by seq), operators' offers and
 * snapshots, citizens' queue status, supervisors' boards. It holds no state that matters after a restart:
 * every client resumes from the database.
 */
interface StaffPeerInfo {
  tenantId: string;
  locale: Locale;
  userId: string;
  sessionId: string | null;
  close: () => void;
}

export class Hub {
  private readonly streams = new Map<string, ContactStream>();
  private readonly agents = new Map<string, Set<AgentPeer>>();
  private readonly citizens = new Map<string, Set<CitizenPeer>>();
  private readonly boards = new Map<string, Map<Peer, Locale>>();
  private readonly staffPeers = new Map<Peer, StaffPeerInfo>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly db: Db,
    bus: EventBus,
    private readonly log: FastifyBaseLogger,
  ) {
    this.unsubscribe = [bus.subscribe((event) => this.onEvent(event)), bus.onGap(() => this.onGap())];
  }

  close(): void {
    for (const stop of this.unsubscribe) {
      stop();
    }
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }

  // ---- registration ---------------------------------------------------------------------------------------

  async followContact(peer: Peer, contactId: string, audience: "citizen" | "staff", since: number): Promise<void> {
    const row = await this.db.selectFrom("contacts").select("last_seq").where("id", "=", contactId).executeTakeFirst();
    let stream = this.streams.get(contactId);
    if (!stream) {
      stream = new ContactStream(this.db, contactId, (error) => this.log.error({ err: error }, "contact stream failed"));
      this.streams.set(contactId, stream);
    }
    stream.add(peer, audience, since, row?.last_seq ?? 0);
  }

  unfollowContact(peer: Peer, contactId: string): void {
    const stream = this.streams.get(contactId);
    stream?.remove(peer);
    if (stream && stream.size === 0) {
      this.streams.delete(contactId);
    }
  }

  /** A staff socket; `close` ends it when the sign-in it was opened with changes (the client reconnects). */
  addStaff(peer: Peer, actor: Actor, close: () => void): void {
    this.staffPeers.set(peer, { tenantId: actor.tenantId, locale: actor.locale, userId: actor.userId, sessionId: actor.sessionId, close });
  }

  addAgent(peer: Peer, actor: Actor): void {
    const set = this.agents.get(actor.userId) ?? new Set<AgentPeer>();
    set.add({ peer, actor });
    this.agents.set(actor.userId, set);
    void this.sendSnapshot({ peer, actor });
  }

  addBoard(peer: Peer, tenantId: string, locale: Locale): void {
    const map = this.boards.get(tenantId) ?? new Map<Peer, Locale>();
    map.set(peer, locale);
    this.boards.set(tenantId, map);
    void this.sendBoard(tenantId, [[peer, locale]]);
  }

  addCitizen(peer: Peer, tenantId: string, contactId: string): void {
    const set = this.citizens.get(tenantId) ?? new Set<CitizenPeer>();
    set.add({ peer, contactId, tenantId });
    this.citizens.set(tenantId, set);
    void this.sendStatuses(tenantId, [{ peer, contactId, tenantId }]);
  }

  removePeer(peer: Peer): void {
    for (const [contactId, stream] of this.streams) {
      stream.remove(peer);
      if (stream.size === 0) {
        this.streams.delete(contactId);
      }
    }
    for (const [id, set] of this.agents) {
      for (const entry of set) {
        if (entry.peer === peer) {
          set.delete(entry);
        }
      }
      if (set.size === 0) {
        this.agents.delete(id);
      }
    }
    for (const [tenantId, set] of this.citizens) {
      for (const entry of set) {
        if (entry.peer === peer) {
          set.delete(entry);
        }
      }
      if (set.size === 0) {
        this.citizens.delete(tenantId);
      }
    }
    for (const [tenantId, map] of this.boards) {
      map.delete(peer);
      if (map.size === 0) {
        this.boards.delete(tenantId);
      }
    }
    this.staffPeers.delete(peer);
  }

  /** Operators and waiting citizens with an open socket here (kept alive in the database by the caller). */
  connected(): { agentIds: string[]; citizenContactIds: string[] } {
    return {
      agentIds: [...this.agents.keys()],
      citizenContactIds: [...this.citizens.values()].flatMap((set) => [...set].map((c) => c.contactId)),
    };
  }

  /** Waits until every contact stream has sent what it knows (tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => s.settled()));
  }

  // ---- events ---------------------------------------------------------------------------------------------

  private onEvent(event: BusEvent): void {
    switch (event.type) {
      case "contact.log":
        this.streams.get(event.contactId)?.advance(event.seq);
        break;
      case "contact.typing":
        this.toFollowers(event.contactId, event.who === "citizen" ? "staff" : "citizen", { type: "typing", contactId: event.contactId, who: event.who });
        break;
      case "contact.receipt":
        this.toFollowers(event.contactId, event.who === "citizen" ? "staff" : "citizen", {
          type: "receipt",
          contactId: event.contactId,
          who: event.who,
          delivered: event.delivered,
          read: event.read,
        });
        break;
      case "contact.changed":
        void this.sendContact(event.contactId);
        this.later(`status:${event.tenantId}`, RECOMPUTE_MS, () => this.sendStatuses(event.tenantId));
        this.later(`board:${event.tenantId}`, RECOMPUTE_MS, () => this.sendBoard(event.tenantId));
        break;
      case "agent.offer":
        // The offer frame carries everything the window needs; the next change sends a full snapshot.
        void this.sendOffer(event.agentId, event.offerId);
        break;
      case "agent.changed":
        this.later(`agent:${event.agentId}`, SNAPSHOT_MS, () => this.sendSnapshots(event.agentId));
        this.later(`board:${event.tenantId}`, RECOMPUTE_MS, () => this.sendBoard(event.tenantId));
        break;
      case "tenant.changed":
        // Voice settings concern only the gateway; citizens' statuses show notices and queues.
        if (event.what !== "voice") {
          this.later(`status:${event.tenantId}`, RECOMPUTE_MS, () => this.sendStatuses(event.tenantId));
        }
        break;
      case "kb.changed":
        // R22: a published text reaches every open window at once; the window re-reads what it shows. Every staff
        // role may read the knowledge base (kb.read), so the frame tells no one more than they may read.
        for (const [peer, info] of this.staffPeers) {
          if (info.tenantId === event.tenantId) {
            peer.send({ type: "kb", articleId: event.articleId, locale: event.published?.locale ?? null, title: event.published?.title ?? null });
          }
        }
        break;
      case "voice.incident":
        this.later(`board:${event.tenantId}`, RECOMPUTE_MS, () => this.sendBoard(event.tenantId));
        break;
      case "voice.dial":
        // For the voice processes only: no window shows it (the call's progress reaches the contact's log).
        break;
      case "auth.changed":
        // A socket lives on the sign-in it was opened with: a sign-out, revocation, deactivation or new roles
        // end it, and the client's reconnect is authenticated afresh (the actor cache forgets by itself).
        for (const info of this.staffPeers.values()) {
          if ((event.userId !== undefined && info.userId === event.userId) || (event.tokenHash !== undefined && info.sessionId === event.tokenHash)) {
            info.close();
          }
        }
        break;
    }
  }

  /** Notifications may have been lost: every stream re-reads its log, every window gets a fresh snapshot. */
  private onGap(): void {
    for (const stream of this.streams.values()) {
      void this.db
        .selectFrom("contacts")
        .select("last_seq")
        .where("id", "=", stream.contactId)
        .executeTakeFirst()
        .then((row) => stream.advance(row?.last_seq ?? 0))
        .catch((error: unknown) => this.log.error({ err: error }, "resync failed"));
    }
    for (const agentId of this.agents.keys()) {
      void this.sendSnapshots(agentId);
    }
    for (const tenantId of new Set([...this.boards.keys(), ...this.citizens.keys()])) {
      void this.sendBoard(tenantId);
      void this.sendStatuses(tenantId);
    }
  }

  private later(key: string, ms: number, run: () => Promise<void>): void {
    if (this.timers.has(key)) {
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run().catch((error: unknown) => this.log.error({ err: error, key }, "live update failed"));
      }, ms),
    );
  }

  private toFollowers(contactId: string, audience: "citizen" | "staff", frame: ServerFrame): void {
    const stream = this.streams.get(contactId);
    if (!stream) {
      return;
    }
    for (const [peer, sub] of stream.peers()) {
      if (sub.audience === audience) {
        peer.send(frame);
      }
    }
  }

  private async sendContact(contactId: string): Promise<void> {
    const stream = this.streams.get(contactId);
    if (!stream) {
      return;
    }
    const staff = [...stream.peers()].filter(([, sub]) => sub.audience === "staff").map(([peer]) => peer);
    const byTenantLocale = new Map<string, Peer[]>();
    for (const peer of staff) {
      const info = this.staffPeers.get(peer);
      if (info) {
        const key = `${info.tenantId}|${info.locale}`;
        byTenantLocale.set(key, [...(byTenantLocale.get(key) ?? []), peer]);
      }
    }
    for (const [key, peers] of byTenantLocale) {
      const [tenantId = "", locale = "ru"] = key.split("|");
      const [contact] = await presentContacts(this.db, tenantId, [contactId], locale as Locale);
      if (contact) {
        for (const peer of peers) {
          peer.send({ type: "contact", contact });
        }
      }
    }
  }

  private async sendOffer(agentId: string, offerId: string): Promise<void> {
    const set = this.agents.get(agentId);
    if (!set || set.size === 0) {
      return;
    }
    for (const entry of set) {
      const offer = await presentOffer(this.db, entry.actor, offerId);
      if (offer) {
        entry.peer.send({ type: "offer", offer });
      }
    }
  }

  private async sendSnapshots(agentId: string): Promise<void> {
    for (const entry of this.agents.get(agentId) ?? []) {
      await this.sendSnapshot(entry);
    }
  }

  private async sendSnapshot(entry: AgentPeer): Promise<void> {
    entry.peer.send({ type: "agent", snapshot: await agentSnapshot(this.db, entry.actor) });
  }

  private async sendBoard(tenantId: string, only?: Array<[Peer, Locale]>): Promise<void> {
    const targets = only ?? [...(this.boards.get(tenantId) ?? new Map<Peer, Locale>())];
    const byLocale = new Map<Locale, Peer[]>();
    for (const [peer, locale] of targets) {
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), peer]);
    }
    for (const [locale, peers] of byLocale) {
      const board = await buildBoard(this.db, tenantId, locale);
      for (const peer of peers) {
        peer.send({ type: "board", board });
      }
    }
  }

  private async sendStatuses(tenantId: string, only?: CitizenPeer[]): Promise<void> {
    const targets = only ?? [...(this.citizens.get(tenantId) ?? [])];
    if (targets.length === 0) {
      return;
    }
    const statuses = await chatStatuses(this.db, tenantId, [...new Set(targets.map((t) => t.contactId))]);
    for (const target of targets) {
      const status = statuses.get(target.contactId);
      if (status) {
        target.peer.send({ type: "status", status });
      }
    }
  }
}

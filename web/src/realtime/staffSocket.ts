import type { ClientFrame, ServerFrame } from "@bailanys/common/api/contacts";
import { parseFrame, reconnectDelay, staffSocketUrl } from "./socketFrames.ts";

/** Keeps proxies from closing a quiet socket (they commonly drop idle connections after 30–60 s). */
const PING_MS = 25_000;
/** The citizen's "operator is typing…" needs a nudge now and then, not one frame per key. */
const TYPING_MS = 3_000;

export type FrameListener = (frame: ServerFrame) => void;
/** connecting: never ready yet; online: the server said "ready"; reconnecting: dropped, a retry is scheduled. */
export type SocketStatus = "connecting" | "online" | "reconnecting";
export type StatusListener = (status: SocketStatus) => void;

/**
 * The staff WebSocket (cookie-authenticated, same origin): frames out to listeners, pings, and reconnects with
 * back-off. It remembers what the page follows, so after every reconnect each contact is re-subscribed from the
 * last seq the page holds and the board is asked for again — nothing is lost while the line was down.
 */
export class StaffSocket {
  private socket: WebSocket | null = null;
  private status: SocketStatus = "connecting";
  private stopped = true;
  private attempt = 0;
  private retryTimer: number | undefined;
  private pingTimer: number | undefined;
  private readonly frameListeners = new Set<FrameListener>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly follows = new Map<string, () => number>();
  private boardWatchers = 0;
  private readonly lastTyping = new Map<string, number>();

  start(): void {
    if (!this.stopped) {
      return;
    }
    this.stopped = false;
    window.addEventListener("online", this.reconnectNow);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener("online", this.reconnectNow);
    window.clearTimeout(this.retryTimer);
    window.clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000);
    this.setStatus("connecting");
  }

  get current(): SocketStatus {
    return this.status;
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Follows a contact's log from `since()` (read again at every reconnect); returns the way to stop. */
  follow(contactId: string, since: () => number): () => void {
    this.follows.set(contactId, since);
    if (this.status === "online") {
      this.send({ type: "subscribe", contactId, since: since() });
    }
    return () => {
      if (this.follows.get(contactId) === since) {
        this.follows.delete(contactId);
        this.send({ type: "unsubscribe", contactId });
      }
    };
  }

  /** Asks for board frames while at least one watcher wants them. */
  watchBoard(): () => void {
    this.boardWatchers += 1;
    if (this.boardWatchers === 1 && this.status === "online") {
      this.send({ type: "board" });
    }
    return () => {
      this.boardWatchers = Math.max(0, this.boardWatchers - 1);
    };
  }

  /** Tells the citizen the operator is typing, at most once per TYPING_MS per contact. */
  typing(contactId: string): void {
    const now = Date.now();
    if (this.status === "online" && now - (this.lastTyping.get(contactId) ?? 0) >= TYPING_MS) {
      this.lastTyping.set(contactId, now);
      this.send({ type: "typing", contactId });
    }
  }

  // The browser says the network is back: do not sit out the rest of a 15-second back-off.
  private readonly reconnectNow = () => {
    if (!this.stopped && this.socket === null) {
      window.clearTimeout(this.retryTimer);
      this.connect();
    }
  };

  private setStatus(status: SocketStatus): void {
    if (status !== this.status) {
      this.status = status;
      for (const listener of this.statusListeners) {
        listener(status);
      }
    }
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(frame));
    }
  }

  private onReady(): void {
    this.attempt = 0;
    window.clearInterval(this.pingTimer);
    this.pingTimer = window.setInterval(() => this.send({ type: "ping" }), PING_MS);
    for (const [contactId, since] of this.follows) {
      this.send({ type: "subscribe", contactId, since: since() });
    }
    if (this.boardWatchers > 0) {
      this.send({ type: "board" });
    }
    this.setStatus("online");
  }

  private connect(): void {
    const socket = new WebSocket(staffSocketUrl(window.location));
    this.socket = socket;
    socket.onmessage = (event: MessageEvent) => {
      const frame = parseFrame(event.data);
      if (frame === null || this.socket !== socket) {
        return;
      }
      if (frame.type === "ready") {
        this.onReady();
      }
      for (const listener of this.frameListeners) {
        listener(frame);
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      window.clearInterval(this.pingTimer);
      if (this.stopped) {
        return;
      }
      this.setStatus("reconnecting");
      this.retryTimer = window.setTimeout(() => this.connect(), reconnectDelay(this.attempt));
      this.attempt += 1;
    };
  }
}

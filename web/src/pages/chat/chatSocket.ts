import type { ClientFrame, ServerFrame } from "@bailanys/common/api/contacts";
import { parseFrame, reconnectDelay, socketUrl } from "../../realtime/socketFrames.ts";
import type { ChatCredentials } from "./chatApi.ts";

/** Keeps proxies from closing a quiet socket (they commonly drop idle connections after 30–60 s). */
const PING_MS = 25_000;
/** A socket silent for this long (no pong to our pings) is taken for dead: a dropped mobile link may never close. */
const SILENCE_MS = PING_MS + 10_000;
/** The operator's "typing…" needs a nudge now and then, not one frame per key. */
const TYPING_MS = 3_000;
/** The citizen's socket address on this page's origin. */
export function chatSocketUrl(location: { protocol: string; host: string }): string {
  return socketUrl(location, "/api/v1/public/chat/ws");
}

export interface ChatSocketHandlers {
  /** The last seq the page holds, read at every (re)connect so that nothing is replayed twice or lost. */
  since(): number;
  onFrame(frame: ServerFrame): void;
  /** True after the server's "ready"; false when the socket drops (a reconnect follows). */
  onOnline(online: boolean): void;
  /** The token no longer opens the chat: stop for good. */
  onInvalid(): void;
}

/** The chat's live connection: hello with the last seq held, pings, and reconnects with back-off until stopped. */
export class ChatSocket {
  private socket: WebSocket | null = null;
  private ready = false;
  private stopped = true;
  private attempt = 0;
  private retryTimer: number | undefined;
  private pingTimer: number | undefined;
  private lastTyping = 0;
  private lastHeard = 0;

  constructor(
    private readonly chat: ChatCredentials,
    private readonly handlers: ChatSocketHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    window.addEventListener("online", this.reconnectNow);
    window.addEventListener("offline", this.dropNow);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener("online", this.reconnectNow);
    window.removeEventListener("offline", this.dropNow);
    window.clearTimeout(this.retryTimer);
    window.clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    socket?.close(1000);
  }

  /** Tells the operator the citizen is typing, at most once per TYPING_MS. */
  typing(): void {
    const now = Date.now();
    if (this.ready && now - this.lastTyping >= TYPING_MS) {
      this.lastTyping = now;
      this.send({ type: "typing", contactId: this.chat.contactId });
    }
  }

  // The browser says the network is back: do not sit out the rest of a 15-second back-off.
  private readonly reconnectNow = () => {
    if (!this.stopped && this.socket === null) {
      window.clearTimeout(this.retryTimer);
      this.connect();
    }
  };

  // The browser says the network is gone: say so at once instead of waiting for TCP to notice.
  private readonly dropNow = () => {
    if (this.socket !== null) {
      this.dropped(this.socket);
    }
  };

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(frame));
    }
  }

  private connect(): void {
    const socket = new WebSocket(chatSocketUrl(window.location));
    this.socket = socket;
    socket.onopen = () => {
      this.send({ type: "hello", contactId: this.chat.contactId, token: this.chat.token, since: this.handlers.since() });
    };
    socket.onmessage = (event: MessageEvent) => {
      const frame = parseFrame(event.data);
      if (frame === null || this.socket !== socket) {
        return;
      }
      this.lastHeard = Date.now();
      if (frame.type === "ready") {
        this.ready = true;
        this.attempt = 0;
        window.clearInterval(this.pingTimer);
        this.pingTimer = window.setInterval(() => this.ping(socket), PING_MS);
        this.handlers.onOnline(true);
      }
      if (frame.type === "error" && frame.code === "CHAT_SESSION_INVALID") {
        this.stop();
        this.handlers.onInvalid();
        return;
      }
      this.handlers.onFrame(frame);
    };
    socket.onclose = () => this.dropped(socket);
  }

  private ping(socket: WebSocket): void {
    if (Date.now() - this.lastHeard > SILENCE_MS) {
      this.dropped(socket);
      return;
    }
    this.send({ type: "ping" });
  }

  /** The socket is gone (closed, silent or offline): report it and try again after the back-off. */
  private dropped(socket: WebSocket): void {
    if (this.socket !== socket) {
      return;
    }
    this.socket = null;
    this.ready = false;
    window.clearInterval(this.pingTimer);
    socket.onclose = null;
    socket.onmessage = null;
    socket.close();
    this.handlers.onOnline(false);
    if (!this.stopped) {
      window.clearTimeout(this.retryTimer);
      this.retryTimer = window.setTimeout(() => this.connect(), reconnectDelay(this.attempt));
      this.attempt += 1;
    }
  }
}

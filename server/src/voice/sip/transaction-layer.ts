import type { ClientTransactionEvents } from "./client-transaction.ts";
import { InviteClientTransaction } from "./invite-client-transaction.ts";
import { InviteServerTransaction } from "./invite-server-transaction.ts";
import type { SipEndpoint, SipMessage, SipRequest, SipResponse } from "./message.ts";
import { NonInviteClientTransaction } from "./non-invite-client-transaction.ts";
import { NonInviteServerTransaction } from "./non-invite-server-transaction.ts";
import { responseDestination, stampTopVia } from "./response-destination.ts";
import { DEFAULT_SIP_TIMERS, nodeClock, type SipClock, type SipTimerValues } from "./timers.ts";
import type { SipSend, TransactionContext } from "./transaction.ts";
import { clientTransactionKey, serverTransactionKey } from "./transaction-key.ts";

export type ServerTransaction = InviteServerTransaction | NonInviteServerTransaction;
export type ClientTransaction = InviteClientTransaction | NonInviteClientTransaction;

/** The transaction user: the UA core (dialogs, calls) above the layer. */
export interface TransactionUser {
  /** A new request and the server transaction that answers it (every method but ACK). */
  onRequest(request: SipRequest, transaction: ServerTransaction): void;
  /** An ACK no transaction consumes: the ACK for a 2xx (a new branch), which belongs to the dialog (§13.3.1.4). */
  onAck(ack: SipRequest, source: SipEndpoint): void;
  /** A response no client transaction matches, e.g. a 2xx retransmitted after Timer M; the dialog ACKs it again. */
  onStrayResponse(response: SipResponse, source: SipEndpoint): void;
}

export interface TransactionLayerOptions {
  send: SipSend;
  user: TransactionUser;
  clock?: SipClock;
  timers?: Partial<SipTimerValues>;
}

/** What became of a received message, for the transport's log. */
export type ReceiveOutcome = "new-transaction" | "matched" | "to-user" | "dropped";

/**
 * RFC 3261 §17 for one transport: the transport feeds it every parsed message with its source, the TU answers
 * requests through their server transactions and sends its own through `sendRequest`.
 */
export class TransactionLayer {
  readonly clock: SipClock;
  readonly timers: SipTimerValues;
  private readonly servers = new Map<string, ServerTransaction>();
  private readonly clients = new Map<string, ClientTransaction>();

  constructor(private readonly options: TransactionLayerOptions) {
    this.clock = options.clock ?? nodeClock();
    this.timers = { ...DEFAULT_SIP_TIMERS, ...options.timers };
  }

  /** How many transactions are alive. */
  get size(): number {
    return this.servers.size + this.clients.size;
  }

  /** Routes one message from the network (`source` is the datagram's real origin). */
  receive(message: SipMessage, source: SipEndpoint): ReceiveOutcome {
    return message.kind === "request" ? this.receiveRequest(message, source) : this.receiveResponse(message, source);
  }

  /**
   * Starts a client transaction: the request must carry a top Via with a fresh `newBranch()`. An ACK is never
   * sent this way: the ACK for a 3xx–6xx is the INVITE transaction's, the ACK for a 2xx goes straight to the transport.
   */
  sendRequest(request: SipRequest, destination: SipEndpoint, events: ClientTransactionEvents): ClientTransaction {
    if (request.method === "ACK") {
      throw new Error("an ACK has no client transaction");
    }
    const key = clientTransactionKey(request);
    if (key === null) {
      throw new Error("the request needs a top Via with an RFC 3261 branch");
    }
    if (this.clients.has(key)) {
      throw new Error(`a client transaction already uses ${key}`);
    }
    const context = this.context(() => this.clients.delete(key));
    const transaction =
      request.method === "INVITE"
        ? new InviteClientTransaction(request, destination, events, context)
        : new NonInviteClientTransaction(request, destination, events, context);
    // Registered before it sends, so that even an immediate answer finds it.
    this.clients.set(key, transaction);
    transaction.start();
    return transaction;
  }

  /** The INVITE server transaction a CANCEL targets (§9.2), while it lives. */
  inviteFor(cancel: SipRequest): InviteServerTransaction | undefined {
    const key = serverTransactionKey(cancel, "INVITE");
    const found = key === null ? undefined : this.servers.get(key);
    return found instanceof InviteServerTransaction ? found : undefined;
  }

  private receiveRequest(request: SipRequest, source: SipEndpoint): ReceiveOutcome {
    const key = serverTransactionKey(request);
    if (key === null) {
      return "dropped";
    }
    const existing = this.servers.get(key);
    if (request.method === "ACK") {
      if (existing instanceof InviteServerTransaction && existing.acknowledged()) {
        return "matched";
      }
      this.options.user.onAck(request, source);
      return "to-user";
    }
    if (existing !== undefined) {
      existing.retransmitted();
      return "matched";
    }
    const stamped = stampTopVia(request, source);
    const destination = responseDestination(stamped, source);
    const context = this.context(() => this.servers.delete(key));
    const transaction =
      request.method === "INVITE"
        ? new InviteServerTransaction(stamped, destination, context)
        : new NonInviteServerTransaction(stamped, destination, context);
    this.servers.set(key, transaction);
    this.options.user.onRequest(stamped, transaction);
    return "new-transaction";
  }

  private receiveResponse(response: SipResponse, source: SipEndpoint): ReceiveOutcome {
    const key = clientTransactionKey(response);
    if (key === null) {
      return "dropped";
    }
    const transaction = this.clients.get(key);
    if (transaction === undefined) {
      this.options.user.onStrayResponse(response, source);
      return "to-user";
    }
    transaction.receive(response);
    return "matched";
  }

  private context(onTerminated: () => void): TransactionContext {
    return { clock: this.clock, timers: this.timers, send: this.options.send, onTerminated };
  }
}

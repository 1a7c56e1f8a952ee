import type { SipEndpoint, SipRequest, SipResponse } from "./message.ts";
import type { TimerName } from "./timers.ts";
import { Transaction, type TransactionContext } from "./transaction.ts";

/** How a client transaction reports to the TU that started it. */
export interface ClientTransactionEvents {
  /** Every response the TU must see: provisionals, the final, and each 2xx of an accepted INVITE. */
  onResponse: (response: SipResponse) => void;
  /** Timer B or F fired: no final response came within 64·T1. */
  onTimeout: () => void;
}

/** What INVITE and non-INVITE client transactions share: sending with a retransmission timer and a time-out. */
export abstract class ClientTransactionBase<State extends string> extends Transaction<State> {
  protected constructor(
    request: SipRequest,
    destination: SipEndpoint,
    protected readonly events: ClientTransactionEvents,
    context: TransactionContext,
    initial: State,
  ) {
    super(request, destination, context, initial);
  }

  /** Sends the request and arms its timers; the layer calls it once it can route the responses. */
  abstract start(): void;

  /** A response whose branch and CSeq method match this transaction. */
  abstract receive(response: SipResponse): void;

  /** Sends the request, retransmits it over UDP at the intervals `next` gives, and times out after 64·T1. */
  protected sendRetransmitting(retransmit: TimerName, next: (previous: number) => number, timeout: TimerName): void {
    const { t1 } = this.context.timers;
    this.transmit(this.request);
    if (!this.reliable) {
      this.timer.retransmit(retransmit, t1, next, () => this.transmit(this.request));
    }
    this.timer.start(timeout, 64 * t1, () => {
      this.terminate();
      this.events.onTimeout();
    });
  }
}

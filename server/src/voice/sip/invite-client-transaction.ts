import { buildAck } from "./cancel-and-ack.ts";
import { ClientTransactionBase, type ClientTransactionEvents } from "./client-transaction.ts";
import type { SipEndpoint, SipRequest, SipResponse } from "./message.ts";
import type { TransactionContext } from "./transaction.ts";

export type InviteClientState = "calling" | "proceeding" | "completed" | "accepted";

/**
 * The client side of an INVITE (RFC 3261 §17.1.1, with RFC 6026's Accepted state): retransmits until a
 * provisional arrives, ACKs a 3xx–6xx itself, and passes every 2xx to the TU, whose ACK is the dialog's business.
 */
export class InviteClientTransaction extends ClientTransactionBase<InviteClientState> {
  private ack: SipRequest | null = null;

  constructor(request: SipRequest, destination: SipEndpoint, events: ClientTransactionEvents, context: TransactionContext) {
    super(request, destination, events, context, "calling");
  }

  start(): void {
    // Timer A doubles without the T2 cap (§17.1.1.2): an INVITE is retransmitted at T1, 2·T1, 4·T1…
    this.sendRetransmitting("A", (previous) => 2 * previous, "B");
  }

  receive(response: SipResponse): void {
    switch (this.state) {
      case "calling":
      case "proceeding":
        this.receiveFirst(response);
        return;
      case "accepted":
        // Each 2xx, from each fork and each retransmission, needs the TU's ACK (RFC 6026).
        if (response.status >= 200 && response.status < 300) {
          this.events.onResponse(response);
        }
        return;
      case "completed":
        // The UAS did not get our ACK and sent the final again.
        if (response.status >= 300 && this.ack !== null) {
          this.transmit(this.ack);
        }
        return;
      case "terminated":
        return;
    }
  }

  private receiveFirst(response: SipResponse): void {
    // A provisional ends retransmission and Timer B too: ringing may last as long as the TU lets it (§17.1.1.2).
    this.timer.stop("A", "B");
    if (response.status < 200) {
      this.moveTo("proceeding");
    } else if (response.status < 300) {
      this.moveTo("accepted");
      // Timer M keeps catching 2xx retransmissions (and other forks' 2xx) to hand to the TU.
      this.timer.start("M", 64 * this.context.timers.t1, () => this.terminate());
    } else {
      this.ack = buildAck(this.request, response);
      this.transmit(this.ack);
      this.moveTo("completed");
      this.terminateAfter("D", this.context.timers.timerD);
    }
    this.events.onResponse(response);
  }
}

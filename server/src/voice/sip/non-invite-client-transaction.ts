import { ClientTransactionBase, type ClientTransactionEvents } from "./client-transaction.ts";
import type { SipEndpoint, SipRequest, SipResponse } from "./message.ts";
import type { TransactionContext } from "./transaction.ts";

export type NonInviteClientState = "trying" | "proceeding" | "completed";

/** The client side of any request but INVITE and ACK (RFC 3261 §17.1.2): BYE, CANCEL, OPTIONS, REGISTER… */
export class NonInviteClientTransaction extends ClientTransactionBase<NonInviteClientState> {
  constructor(request: SipRequest, destination: SipEndpoint, events: ClientTransactionEvents, context: TransactionContext) {
    super(request, destination, events, context, "trying");
  }

  start(): void {
    const { t2 } = this.context.timers;
    // Timer E doubles up to T2; once a provisional has come it fires every T2 (§17.1.2.2).
    this.sendRetransmitting("E", (previous) => (this.state === "proceeding" ? t2 : Math.min(2 * previous, t2)), "F");
  }

  receive(response: SipResponse): void {
    // In Completed, retransmitted finals are absorbed.
    if (this.state !== "trying" && this.state !== "proceeding") {
      return;
    }
    if (response.status < 200) {
      this.moveTo("proceeding");
    } else {
      this.timer.stop("E", "F");
      this.moveTo("completed");
      // Timer K absorbs retransmitted finals.
      this.terminateAfter("K", this.context.timers.t4);
    }
    this.events.onResponse(response);
  }
}

import type { SipEndpoint, SipRequest, SipResponse } from "./message.ts";
import { Transaction, type TransactionContext } from "./transaction.ts";

export type NonInviteServerState = "trying" | "proceeding" | "completed";

/**
 * The server side of any request but INVITE and ACK (RFC 3261 §17.2.2): the TU answers through `respond`, and
 * retransmitted requests get the latest response again until Timer J ends the transaction.
 */
export class NonInviteServerTransaction extends Transaction<NonInviteServerState> {
  private lastResponse: SipResponse | null = null;

  constructor(request: SipRequest, destination: SipEndpoint, context: TransactionContext) {
    super(request, destination, context, "trying");
    // Not in RFC 3261, which would keep a transaction the TU never answers for ever: its client gives up after
    // Timer F = 64·T1, so a final after that reaches no one.
    this.timer.start("abandon", 64 * context.timers.t1, () => this.terminate());
  }

  /** Sends the TU's response; false once a final has been sent. */
  respond(response: SipResponse): boolean {
    if (this.state !== "trying" && this.state !== "proceeding") {
      return false;
    }
    this.lastResponse = response;
    this.transmit(response);
    if (response.status < 200) {
      this.moveTo("proceeding");
      return true;
    }
    this.timer.stop("abandon");
    this.moveTo("completed");
    // Timer J answers retransmissions for as long as the client may send them.
    this.terminateAfter("J", 64 * this.context.timers.t1);
    return true;
  }

  /** The request came again: it gets the latest response, or nothing while the TU has not answered. */
  retransmitted(): void {
    if (this.lastResponse !== null && this.state !== "terminated") {
      this.transmit(this.lastResponse);
    }
  }
}

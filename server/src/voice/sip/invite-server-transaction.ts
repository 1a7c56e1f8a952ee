import { headerValues, type SipEndpoint, type SipRequest, type SipResponse } from "./message.ts";
import { buildResponse } from "./responses.ts";
import { Transaction, type TransactionContext } from "./transaction.ts";

export type InviteServerState = "proceeding" | "completed" | "confirmed" | "accepted";

/**
 * The server side of an INVITE (RFC 3261 §17.2.1, with RFC 6026's Accepted state): the TU answers through
 * `respond`; the transaction sends 100 Trying for a slow TU, retransmits a 3xx–6xx until the ACK arrives, and
 * absorbs retransmitted INVITEs. A 2xx is retransmitted by the UAS core (`retransmit2xx`), not here.
 */
export class InviteServerTransaction extends Transaction<InviteServerState> {
  /** Called when Timer H ends a 3xx–6xx that was never acknowledged: the caller is gone. */
  onTimeout: () => void = () => undefined;
  private lastResponse: SipResponse | null = null;

  constructor(request: SipRequest, destination: SipEndpoint, context: TransactionContext) {
    super(request, destination, context, "proceeding");
    // A quick 100 stops the caller's Timer A retransmissions while the TU is still deciding (§17.2.1).
    this.timer.start("trying", context.timers.trying, () => this.send(trying(request)));
  }

  /** Sends the TU's response; false when this state takes none (after a 3xx–6xx, or anything but a 2xx after a 2xx). */
  respond(response: SipResponse): boolean {
    if (this.state === "accepted" && response.status >= 200 && response.status < 300) {
      // RFC 6026: the UAS core's own retransmissions of the 2xx pass through.
      this.send(response);
      return true;
    }
    if (this.state !== "proceeding") {
      return false;
    }
    this.timer.stop("trying");
    this.send(response);
    const { t1, t2 } = this.context.timers;
    if (response.status >= 300) {
      this.moveTo("completed");
      if (!this.reliable) {
        this.timer.retransmit("G", t1, (previous) => Math.min(2 * previous, t2), () => this.resendLast());
      }
      this.timer.start("H", 64 * t1, () => {
        this.terminate();
        this.onTimeout();
      });
    } else if (response.status >= 200) {
      this.moveTo("accepted");
      // Timer L keeps absorbing INVITE retransmissions for as long as the caller may send them (its Timer B).
      this.timer.start("L", 64 * t1, () => this.terminate());
    }
    return true;
  }

  /** The INVITE came again: it is answered with the latest provisional or final, and absorbed after a 2xx or the ACK. */
  retransmitted(): void {
    if (this.state === "proceeding" || this.state === "completed") {
      this.resendLast();
    }
  }

  /** An ACK with this transaction's branch; false when it is not the transaction's to consume (it follows a 2xx). */
  acknowledged(): boolean {
    switch (this.state) {
      case "completed":
        this.timer.stop("G", "H");
        this.moveTo("confirmed");
        // Timer I absorbs retransmitted ACKs.
        this.terminateAfter("I", this.context.timers.t4);
        return true;
      case "accepted":
        return false;
      case "proceeding":
      case "confirmed":
      case "terminated":
        return true;
    }
  }

  private send(response: SipResponse): void {
    this.lastResponse = response;
    this.transmit(response);
  }

  private resendLast(): void {
    if (this.lastResponse !== null) {
      this.transmit(this.lastResponse);
    }
  }
}

/** The 100 the transaction sends itself: no To tag (§17.2.1), the Timestamp copied so the caller can time it (§8.2.6.1). */
function trying(request: SipRequest): SipResponse {
  const timestamp = headerValues(request, "timestamp").map((value) => ({ name: "Timestamp", value }));
  return buildResponse(request, 100, "Trying", { headers: timestamp });
}

import type { SipEndpoint, SipMessage, SipRequest } from "./message.ts";
import { type SipClock, type SipTimerValues, type TimerName, TransactionTimers } from "./timers.ts";
import { isReliable } from "./top-via.ts";

/** What the transport gives the transaction layer: send one message to one place (fire and forget over UDP). */
export type SipSend = (message: SipMessage, destination: SipEndpoint) => void;

/** What the layer gives each transaction it creates. */
export interface TransactionContext {
  clock: SipClock;
  timers: SipTimerValues;
  send: SipSend;
  /** Called once, when the transaction terminates, so that the layer forgets it. */
  onTerminated: () => void;
}

/** The machinery the four state machines of RFC 3261 §17 share: state, named timers, sending, termination. */
export abstract class Transaction<State extends string> {
  protected readonly timer: TransactionTimers;
  protected readonly reliable: boolean;
  private current: State | "terminated";

  protected constructor(
    readonly request: SipRequest,
    readonly destination: SipEndpoint,
    protected readonly context: TransactionContext,
    initial: State,
  ) {
    this.timer = new TransactionTimers(context.clock);
    this.reliable = isReliable(request);
    this.current = initial;
  }

  get state(): State | "terminated" {
    return this.current;
  }

  protected moveTo(state: State): void {
    this.current = state;
  }

  protected transmit(message: SipMessage): void {
    this.context.send(message, this.destination);
  }

  protected terminate(): void {
    if (this.current === "terminated") {
      return;
    }
    this.current = "terminated";
    this.timer.stopAll();
    this.context.onTerminated();
  }

  /** Timers D, I, J and K: they wait out UDP retransmissions, so over a reliable transport they are zero. */
  protected terminateAfter(name: TimerName, unreliableMs: number): void {
    if (this.reliable) {
      this.terminate();
      return;
    }
    this.timer.start(name, unreliableMs, () => this.terminate());
  }
}

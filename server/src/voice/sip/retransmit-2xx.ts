import { type SipClock, type SipTimerValues, TransactionTimers } from "./timers.ts";

export interface Retransmit2xxOptions {
  clock: SipClock;
  timers: SipTimerValues;
  /** Sends the 2xx again, e.g. `() => serverTransaction.respond(ok)`. */
  resend: () => void;
  /** No ACK came within 64·T1: the UAS core confirms the dialog anyway and ends it with a BYE (§13.3.1.4). */
  onNoAck: () => void;
}

/** What the UAS core holds while it waits for the ACK of its 2xx. */
export interface PendingAck {
  /** The ACK arrived: stop retransmitting. */
  acknowledged(): void;
}

/**
 * Retransmits a 2xx to an INVITE until the TU reports its ACK (RFC 3261 §13.3.1.4): at T1, then doubling up to T2,
 * for 64·T1 at most. The UAS core sends the first 2xx itself; the transaction layer never retransmits a 2xx.
 */
export function retransmit2xx(options: Retransmit2xxOptions): PendingAck {
  const { t1, t2 } = options.timers;
  const timers = new TransactionTimers(options.clock);
  timers.retransmit("retransmit-2xx", t1, (previous) => Math.min(2 * previous, t2), options.resend);
  timers.start("give-up", 64 * t1, () => {
    timers.stopAll();
    options.onNoAck();
  });
  return { acknowledged: () => timers.stopAll() };
}

import { performance } from "node:perf_hooks";

/** An opaque reference to a running timer of a `SipClock`. */
export interface TimerHandle {
  readonly id: number;
}

/** The time source of the transaction layer: `nodeClock()` in production, a fake one in tests. */
export interface SipClock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  setTimer(ms: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** The RFC 3261 timer values (§17.1.1.1, Table 4); tests may shorten them. */
export interface SipTimerValues {
  /** Round-trip estimate: the first retransmission interval, and 64·T1 bounds every transaction. */
  t1: number;
  /** The longest interval between retransmissions of non-INVITE requests and INVITE responses. */
  t2: number;
  /** How long a message may stay in the network. */
  t4: number;
  /** Timer D: how long an INVITE client keeps absorbing retransmitted non-2xx finals over UDP (at least 32 s). */
  timerD: number;
  /** How long an INVITE server waits for the TU's own provisional before it sends 100 Trying (§17.2.1). */
  trying: number;
}

export const DEFAULT_SIP_TIMERS: Readonly<SipTimerValues> = Object.freeze({ t1: 500, t2: 4000, t4: 5000, timerD: 32_000, trying: 200 });

/** A `SipClock` on Node's timers. */
export function nodeClock(): SipClock {
  const running = new Map<number, NodeJS.Timeout>();
  let lastId = 0;
  return {
    now: () => performance.now(),
    setTimer(ms, fn) {
      lastId += 1;
      const id = lastId;
      const timeout = setTimeout(() => {
        running.delete(id);
        fn();
      }, ms);
      // The socket keeps the process alive while it serves; a pending Timer D must not hold a shutdown up.
      timeout.unref();
      running.set(id, timeout);
      return { id };
    },
    clearTimer(handle) {
      clearTimeout(running.get(handle.id));
      running.delete(handle.id);
    },
  };
}

/** RFC 3261 timer letters, plus the 100 Trying delay and this layer's own guards. */
export type TimerName = "A" | "B" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M" | "trying" | "abandon" | "retransmit-2xx" | "give-up";

/** The named timers of one transaction: starting a name replaces its earlier run, and `stopAll` ends every one. */
export class TransactionTimers {
  private readonly running = new Map<TimerName, TimerHandle>();

  constructor(private readonly clock: SipClock) {}

  start(name: TimerName, ms: number, fn: () => void): void {
    this.stop(name);
    this.running.set(
      name,
      this.clock.setTimer(ms, () => {
        this.running.delete(name);
        fn();
      }),
    );
  }

  stop(...names: TimerName[]): void {
    for (const name of names) {
      const handle = this.running.get(name);
      if (handle !== undefined) {
        this.clock.clearTimer(handle);
        this.running.delete(name);
      }
    }
  }

  stopAll(): void {
    this.stop(...this.running.keys());
  }

  /** Calls `resend` after `first` ms, then again after each interval `next` derives from the one before. */
  retransmit(name: TimerName, first: number, next: (previous: number) => number, resend: () => void): void {
    const arm = (interval: number): void => {
      this.start(name, interval, () => {
        // Re-armed before resending, so a resend that ends the transaction (and stops the timer) is not undone.
        arm(next(interval));
        resend();
      });
    };
    arm(first);
  }
}

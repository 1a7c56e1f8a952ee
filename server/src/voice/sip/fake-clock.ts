import type { SipClock, TimerHandle } from "./timers.ts";

/** A deterministic `SipClock` for tests: time moves only when `advance` is called. */
export class FakeClock implements SipClock {
  private time = 0;
  private lastId = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    this.lastId += 1;
    this.due.set(this.lastId, { at: this.time + ms, fn });
    return { id: this.lastId };
  }

  clearTimer(handle: TimerHandle): void {
    this.due.delete(handle.id);
  }

  /** How many timers are still set (0 once every transaction has ended). */
  get pending(): number {
    return this.due.size;
  }

  /** Moves time on by `ms`, running every timer that falls due on the way, earliest first (ties in setting order). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let next = this.earliest(end); next !== null; next = this.earliest(end)) {
      this.due.delete(next.id);
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }

  /** Moves time on to the absolute instant `at`. */
  advanceTo(at: number): void {
    this.advance(at - this.time);
  }

  private earliest(end: number): { id: number; at: number; fn: () => void } | null {
    let best: { id: number; at: number; fn: () => void } | null = null;
    // Map iteration follows insertion order, so among equal instants the timer set first wins.
    for (const [id, timer] of this.due) {
      if (timer.at <= end && (best === null || timer.at < best.at)) {
        best = { id, ...timer };
      }
    }
    return best;
  }
}

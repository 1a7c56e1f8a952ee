import { performance } from "node:perf_hooks";

/** One RTP packet of G.711 every 20 ms (160 samples at 8 kHz). */
export const FRAME_MS = 20;
/** Ticks fired at once after a stall; a longer stall is skipped, not sent as a burst the peer would drop. */
const MAX_CATCH_UP = 5;

/**
 * The media clock every call shares (one timer for all calls, as the voice notes measured: 500 streams cost
 * 17 % of a core this way). Ticks are numbered from the start and due at `start + n · 20 ms`, so a late timer
 * never makes the stream drift: the next one is scheduled against the absolute deadline.
 */
export class MediaClock {
  private readonly listeners = new Set<(tick: number) => void>();
  private timer: NodeJS.Timeout | null = null;
  private start = 0;
  private tick = 0;
  /** How late each tick fired, in ms (the gateway's benchmark reads its percentiles). */
  readonly lateness: number[] = [];
  /** Ticks fired since the clock was made (`lateness` keeps only the last 10 000 of them). */
  ticked = 0;

  /** Calls `listener` on every tick from now on; the clock runs while anyone listens. Returns the unsubscribe. */
  subscribe(listener: (tick: number) => void): () => void {
    this.listeners.add(listener);
    if (this.timer === null) {
      this.start = performance.now();
      this.tick = 0;
      this.schedule();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== null) {
        clearTimeout(this.timer);
        this.timer = null;
      }
    };
  }

  get running(): boolean {
    return this.timer !== null;
  }

  private schedule(): void {
    const due = this.start + (this.tick + 1) * FRAME_MS;
    this.timer = setTimeout(() => this.fire(), Math.max(0, due - performance.now()));
  }

  private fire(): void {
    const now = performance.now();
    let owed = Math.floor((now - this.start) / FRAME_MS) - this.tick;
    if (owed > MAX_CATCH_UP) {
      this.tick += owed - MAX_CATCH_UP;
      owed = MAX_CATCH_UP;
    }
    for (let i = 0; i < owed; i += 1) {
      this.tick += 1;
      this.lateness.push(now - (this.start + this.tick * FRAME_MS));
      this.ticked += 1;
      for (const listener of this.listeners) {
        listener(this.tick);
      }
    }
    if (this.lateness.length > 10_000) {
      this.lateness.splice(0, this.lateness.length - 10_000);
    }
    if (this.listeners.size > 0) {
      this.schedule();
    } else {
      this.timer = null;
    }
  }
}

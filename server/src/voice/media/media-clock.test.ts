import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { MediaClock } from "./media-clock.ts";

const increasing = (ticks: number[]) => ticks.every((tick, i) => i === 0 || tick > (ticks[i - 1] ?? 0));

describe("media clock", () => {
  it("ticks every 20 ms against absolute deadlines, numbered without gaps, and stops when nobody listens", async () => {
    const clock = new MediaClock();
    const ticks: number[] = [];
    const stop = clock.subscribe((tick) => ticks.push(tick));
    await sleep(400);
    stop();
    expect(clock.running).toBe(false);
    // 20 ticks are due in 400 ms; a busy machine may fire the last ones a little late, never early or twice.
    expect(ticks.length).toBeGreaterThanOrEqual(12);
    expect(ticks.length).toBeLessThanOrEqual(20);
    expect(ticks[0]).toBe(1);
    expect(increasing(ticks)).toBe(true);
    expect(Math.min(...clock.lateness)).toBeGreaterThanOrEqual(0);
    const count = ticks.length;
    await sleep(60);
    expect(ticks.length).toBe(count);
  });

  it("catches up after a stall of the event loop with the ticks it owes, in order", async () => {
    const clock = new MediaClock();
    const ticks: number[] = [];
    const stop = clock.subscribe((tick) => ticks.push(tick));
    await sleep(30);
    const until = performance.now() + 70;
    while (performance.now() < until) {
      // the event loop is busy: three or four ticks fall due meanwhile
    }
    await sleep(10);
    stop();
    // Owed ticks come in order (only a stall of more than five ticks would skip some).
    expect(increasing(ticks)).toBe(true);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...clock.lateness)).toBeGreaterThan(20);
  });
});

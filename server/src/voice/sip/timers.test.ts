import { describe, expect, it } from "vitest";
import { FakeClock } from "./fake-clock.ts";
import { nodeClock, TransactionTimers } from "./timers.ts";

describe("SIP clocks and timers", () => {
  it("runs and clears timers on Node's clock", async () => {
    const clock = nodeClock();
    const fired: string[] = [];
    const start = clock.now();
    const cleared = clock.setTimer(5, () => fired.push("cleared"));
    clock.setTimer(10, () => fired.push("kept"));
    clock.clearTimer(cleared);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(fired).toEqual(["kept"]);
    expect(clock.now() - start).toBeGreaterThanOrEqual(10);
  });

  it("fires a fake clock's timers in time order, ties in setting order, including timers set on the way", () => {
    const clock = new FakeClock();
    const fired: string[] = [];
    clock.setTimer(20, () => fired.push("b@20"));
    clock.setTimer(10, () => {
      fired.push("a@10");
      clock.setTimer(10, () => fired.push("d@20"));
    });
    clock.setTimer(20, () => fired.push("c@20"));
    clock.advance(19);
    expect(fired).toEqual(["a@10"]);
    clock.advance(1);
    expect(fired).toEqual(["a@10", "b@20", "c@20", "d@20"]);
    expect(clock.now()).toBe(20);
  });

  it("does not re-arm a retransmission that its own resend stopped", () => {
    const clock = new FakeClock();
    const timers = new TransactionTimers(clock);
    const resent: number[] = [];
    timers.retransmit("E", 100, (previous) => previous, () => {
      resent.push(clock.now());
      if (resent.length === 2) {
        timers.stop("E");
      }
    });
    clock.advance(1000);
    expect(resent).toEqual([100, 200]);
    expect(clock.pending).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { buildResponse } from "./responses.ts";
import { clientRecorder, expectTimeoutThenSilence, gatewayRequest, PHONE, sendTimes, timeline, transactionHarness } from "./transaction-test-kit.ts";

describe("non-INVITE client transaction", () => {
  it("retransmits with Timer E from T1 doubling up to T2, and Timer F reports a time-out at 64·T1", () => {
    const h = transactionHarness();
    const tu = clientRecorder();
    const transaction = h.layer.sendRequest(gatewayRequest("BYE"), PHONE, tu.events);
    h.clock.advanceTo(31_999);
    const intervals = [500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000, 4000];
    expect(timeline(h.sent)).toEqual(sendTimes(0, intervals).map((at) => `${at} BYE`));
    expectTimeoutThenSilence(h, () => tu.seen.timeouts);
    expect(transaction.state).toBe("terminated");
  });

  it("after a provisional retransmits every T2; a final completes it, repeats are absorbed, and Timer K ends it after T4", () => {
    const h = transactionHarness();
    const tu = clientRecorder();
    const bye = gatewayRequest("BYE");
    const transaction = h.layer.sendRequest(bye, PHONE, tu.events);
    h.clock.advanceTo(600);
    h.layer.receive(buildResponse(bye, 100, "Trying"), PHONE);
    expect(transaction.state).toBe("proceeding");
    h.clock.advanceTo(10_000);
    // The 1000 ms interval armed at 500 still runs out at 1500; from then on E fires every T2.
    expect(timeline(h.sent)).toEqual(["0 BYE", "500 BYE", "1500 BYE", "5500 BYE", "9500 BYE"]);

    const ok = buildResponse(bye, 200, "OK");
    h.layer.receive(ok, PHONE);
    expect(transaction.state).toBe("completed");
    h.clock.advanceTo(11_000);
    expect(h.layer.receive(ok, PHONE)).toBe("matched");
    expect(tu.statuses()).toEqual([100, 200]);
    h.clock.advanceTo(14_999);
    expect(h.layer.size).toBe(1);
    h.clock.advance(1);
    expect(h.layer.size).toBe(0);
    expect(h.clock.pending).toBe(0);
    expect(h.sent).toHaveLength(5);
    expect(tu.seen.timeouts).toBe(0);
  });

  it("over TCP sends once and ends with the final (Timer K = 0)", () => {
    const h = transactionHarness();
    const tu = clientRecorder();
    const options = gatewayRequest("OPTIONS", "TCP");
    const transaction = h.layer.sendRequest(options, PHONE, tu.events);
    h.clock.advanceTo(20_000);
    h.layer.receive(buildResponse(options, 200, "OK"), PHONE);
    expect(timeline(h.sent)).toEqual(["0 OPTIONS"]);
    expect(transaction.state).toBe("terminated");
    expect(h.layer.size).toBe(0);
    expect(tu.statuses()).toEqual([200]);
  });
});

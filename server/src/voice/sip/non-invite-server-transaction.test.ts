import { describe, expect, it } from "vitest";
import { answer, nth, PEER, sipRequest, timeline, transactionHarness } from "./transaction-test-kit.ts";

function serverOf(h: ReturnType<typeof transactionHarness>) {
  return nth(h.requests, 0).transaction;
}

describe("non-INVITE server transaction", () => {
  it("answers retransmissions with the latest response (none while trying), and forgets the request after Timer J", () => {
    const h = transactionHarness();
    h.layer.receive(sipRequest("BYE", { toTag: "uas-tag" }), PEER);
    const transaction = serverOf(h);
    h.clock.advanceTo(300);
    expect(h.layer.receive(sipRequest("BYE", { toTag: "uas-tag" }), PEER)).toBe("matched");
    expect(h.sent).toEqual([]);

    answer(transaction, 100, "Trying");
    expect(transaction.state).toBe("proceeding");
    h.clock.advanceTo(600);
    h.layer.receive(sipRequest("BYE", { toTag: "uas-tag" }), PEER);
    h.clock.advanceTo(1000);
    answer(transaction, 200, "OK");
    expect(transaction.state).toBe("completed");
    expect(answer(transaction, 500, "Server Error")).toBe(false);
    h.clock.advanceTo(2000);
    h.layer.receive(sipRequest("BYE", { toTag: "uas-tag" }), PEER);
    expect(timeline(h.sent)).toEqual(["300 100", "600 100", "1000 200", "2000 200"]);

    h.clock.advanceTo(32_999);
    expect(h.layer.size).toBe(1);
    h.clock.advance(1);
    expect(h.layer.size).toBe(0);
    expect(h.clock.pending).toBe(0);
    // Past Timer J the same request is new again: the client cannot still be retransmitting it.
    expect(h.layer.receive(sipRequest("BYE", { toTag: "uas-tag" }), PEER)).toBe("new-transaction");
    expect(h.sent).toHaveLength(4);
  });

  it("over TCP ends with the final (Timer J = 0)", () => {
    const h = transactionHarness();
    h.layer.receive(sipRequest("OPTIONS", { via: "SIP/2.0/TCP 127.0.0.1:5061;branch=z9hG4bK-tcp" }), PEER);
    const transaction = serverOf(h);
    answer(transaction, 200, "OK");
    expect(transaction.state).toBe("terminated");
    expect(h.layer.size).toBe(0);
    expect(timeline(h.sent)).toEqual(["0 200"]);
  });

  it("forgets a request the TU never answers once the client has given up (64·T1)", () => {
    const h = transactionHarness();
    h.layer.receive(sipRequest("OPTIONS"), PEER);
    h.clock.advanceTo(32_000);
    expect(h.layer.size).toBe(0);
    const transaction = serverOf(h);
    expect(answer(transaction, 200, "OK")).toBe(false);
    expect(h.sent).toEqual([]);
  });
});

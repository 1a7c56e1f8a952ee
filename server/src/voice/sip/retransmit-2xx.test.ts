import { describe, expect, it } from "vitest";
import { buildResponse } from "./responses.ts";
import { retransmit2xx } from "./retransmit-2xx.ts";
import { expectTimeoutThenSilence, PEER, receiveInvite, sendTimes, sipRequest, timeline, transactionHarness } from "./transaction-test-kit.ts";

/** An answered INVITE whose UAS core retransmits its 2xx through the server transaction. */
function answeredCall() {
  const h = transactionHarness();
  const transaction = receiveInvite(h);
  const ok = buildResponse(transaction.request, 200, "OK", { toTag: "uas-tag" });
  transaction.respond(ok);
  const noAck = { count: 0 };
  const pending = retransmit2xx({
    clock: h.layer.clock,
    timers: h.layer.timers,
    resend: () => transaction.respond(ok),
    onNoAck: () => {
      noAck.count += 1;
    },
  });
  return { h, pending, noAck };
}

describe("retransmit2xx", () => {
  it("resends the 2xx at T1 doubling to T2, and reports no ACK at 64·T1 (the dialog then sends BYE)", () => {
    const { h, noAck } = answeredCall();
    h.clock.advanceTo(31_999);
    const intervals = [500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000, 4000];
    expect(timeline(h.sent)).toEqual(sendTimes(0, intervals).map((at) => `${at} 200`));
    expectTimeoutThenSilence(h, () => noAck.count);
  });

  it("stops when the TU reports the ACK, which reaches it on a branch of its own", () => {
    const { h, pending, noAck } = answeredCall();
    h.clock.advanceTo(2000);
    const ack = sipRequest("ACK", { branch: "z9hG4bK-ack", toTag: "uas-tag" });
    expect(h.layer.receive(ack, PEER)).toBe("to-user");
    pending.acknowledged();
    h.clock.advance(100_000);
    expect(timeline(h.sent)).toEqual(["0 200", "500 200", "1500 200"]);
    expect(noAck.count).toBe(0);
    expect(h.layer.size).toBe(0);
    expect(h.clock.pending).toBe(0);
  });
});

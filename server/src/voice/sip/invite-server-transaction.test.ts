import { describe, expect, it } from "vitest";
import { header, headerValues } from "./message.ts";
import { buildResponse } from "./responses.ts";
import { answer, expectTimeoutThenSilence, inviteServer, nth, PEER, receiveInvite, sendTimes, sipRequest, timeline, transactionHarness } from "./transaction-test-kit.ts";

describe("INVITE server transaction", () => {
  it("sends 100 Trying after 200 ms of TU silence, and answers a retransmitted INVITE with the latest provisional", () => {
    const h = transactionHarness();
    expect(h.layer.receive(sipRequest("INVITE", { extraHeaders: ["Timestamp: 54"] }), PEER)).toBe("new-transaction");
    h.clock.advance(199);
    expect(h.sent).toEqual([]);
    h.clock.advance(1);
    const trying = nth(h.sent, 0);
    expect(trying.destination).toEqual(PEER);
    expect(header(trying.message, "to")).toBe("<sip:ivr@127.0.0.1:5070>");
    expect(header(trying.message, "cseq")).toBe("1 INVITE");
    expect(header(trying.message, "timestamp")).toBe("54");

    h.clock.advanceTo(300);
    expect(h.layer.receive(sipRequest("INVITE"), PEER)).toBe("matched");
    const transaction = inviteServer(h.requests);
    answer(transaction, 180, "Ringing");
    h.clock.advanceTo(500);
    h.layer.receive(sipRequest("INVITE"), PEER);
    expect(timeline(h.sent)).toEqual(["200 100", "300 100", "300 180", "500 180"]);
    expect(h.requests).toHaveLength(1);

    answer(transaction, 200, "OK");
    h.clock.advance(32_000);
    expect(h.layer.size).toBe(0);
  });

  it("sends no 100 when the TU's provisional comes within 200 ms", () => {
    const h = transactionHarness();
    h.layer.receive(sipRequest("INVITE"), PEER);
    h.clock.advance(150);
    const transaction = inviteServer(h.requests);
    answer(transaction, 180, "Ringing");
    h.clock.advance(1000);
    expect(timeline(h.sent)).toEqual(["150 180"]);
    answer(transaction, 200, "OK");
    h.clock.advance(32_000);
    expect(h.layer.size).toBe(0);
  });

  it("retransmits a 486 with Timer G from T1, doubling; the ACK stops it, and Timer I absorbs repeats for T4", () => {
    const h = transactionHarness();
    const transaction = receiveInvite(h);
    answer(transaction, 486, "Busy Here");
    expect(transaction.state).toBe("completed");
    h.clock.advanceTo(8000);
    // A retransmitted INVITE is answered with the final at once.
    h.layer.receive(sipRequest("INVITE"), PEER);
    expect(timeline(h.sent)).toEqual([...sendTimes(0, [500, 1000, 2000, 4000]), 8000].map((at) => `${at} 486`));

    expect(h.layer.receive(sipRequest("ACK", { toTag: "uas-tag" }), PEER)).toBe("matched");
    expect(transaction.state).toBe("confirmed");
    h.clock.advanceTo(12_999);
    expect(h.layer.receive(sipRequest("ACK", { toTag: "uas-tag" }), PEER)).toBe("matched");
    expect(h.layer.receive(sipRequest("INVITE"), PEER)).toBe("matched");
    expect(h.sent).toHaveLength(6);
    expect(h.acks).toEqual([]);
    h.clock.advance(1);
    expect(transaction.state).toBe("terminated");
    expect(h.layer.size).toBe(0);
    expect(h.clock.pending).toBe(0);
  });

  it("caps Timer G at T2, and Timer H ends an unacknowledged final at 64·T1 with a time-out to the TU", () => {
    const h = transactionHarness();
    const transaction = receiveInvite(h);
    let timeouts = 0;
    transaction.onTimeout = () => {
      timeouts += 1;
    };
    answer(transaction, 603, "Decline");
    h.clock.advanceTo(31_999);
    const intervals = [500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000, 4000];
    expect(timeline(h.sent)).toEqual(sendTimes(0, intervals).map((at) => `${at} 603`));
    expect(h.sent.every((s) => s.destination.port === PEER.port)).toBe(true);
    expectTimeoutThenSilence(h, () => timeouts);
    expect(transaction.state).toBe("terminated");
    expect(answer(transaction, 500, "Server Error")).toBe(false);
    expect(h.sent).toHaveLength(11);
  });

  it("after a 2xx (Accepted) absorbs retransmitted INVITEs, passes the TU's 2xx and ACKs through, and ends on Timer L", () => {
    const h = transactionHarness();
    const transaction = receiveInvite(h);
    const ok = buildResponse(transaction.request, 200, "OK", { toTag: "uas-tag" });
    transaction.respond(ok);
    expect(transaction.state).toBe("accepted");
    h.clock.advanceTo(500);
    expect(h.layer.receive(sipRequest("INVITE"), PEER)).toBe("matched");
    expect(transaction.respond(ok)).toBe(true);
    expect(answer(transaction, 486, "Busy Here")).toBe(false);
    // A UA that (wrongly) reuses the INVITE's branch for the 2xx's ACK: the ACK is still the dialog's.
    expect(h.layer.receive(sipRequest("ACK", { toTag: "uas-tag" }), PEER)).toBe("to-user");
    expect(h.acks).toHaveLength(1);
    expect(timeline(h.sent)).toEqual(["0 200", "500 200"]);

    h.clock.advanceTo(31_999);
    expect(h.layer.size).toBe(1);
    h.clock.advance(1);
    expect(h.layer.size).toBe(0);
    expect(h.sent).toHaveLength(2);
  });

  it("over TCP answers where the request came from, never retransmits, and ends at the ACK (Timer I = 0)", () => {
    const h = transactionHarness();
    const source = { address: "127.0.0.1", port: 40_111 };
    const via = "SIP/2.0/TCP 10.0.0.9:5062;branch=z9hG4bK-tcp";
    const transaction = receiveInvite(h, sipRequest("INVITE", { via }), source);
    answer(transaction, 486, "Busy Here");
    h.clock.advance(10_000);
    expect(timeline(h.sent)).toEqual(["0 486"]);
    expect(nth(h.sent, 0).destination).toEqual(source);
    expect(headerValues(nth(h.sent, 0).message, "via")).toEqual([`${via};received=127.0.0.1`]);
    h.layer.receive(sipRequest("ACK", { via, toTag: "uas-tag" }), source);
    expect(transaction.state).toBe("terminated");
    expect(h.layer.size).toBe(0);
  });
});

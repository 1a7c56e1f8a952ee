import { describe, expect, it } from "vitest";
import { header, headerValues } from "./message.ts";
import { buildResponse } from "./responses.ts";
import { clientRecorder, expectTimeoutThenSilence, gatewayRequest, nth, PHONE, sendTimes, timeline, transactionHarness } from "./transaction-test-kit.ts";

const ourInvite = (transport = "UDP") => gatewayRequest("INVITE", transport);

describe("INVITE client transaction", () => {
  it("retransmits with Timer A at T1 doubling without a cap, and Timer B reports a time-out at 64·T1", () => {
    const h = transactionHarness();
    const tu = clientRecorder();
    const transaction = h.layer.sendRequest(ourInvite(), PHONE, tu.events);
    h.clock.advanceTo(31_999);
    expect(timeline(h.sent)).toEqual(sendTimes(0, [500, 1000, 2000, 4000, 8000, 16_000]).map((at) => `${at} INVITE`));
    expect(h.sent.every((s) => s.destination === PHONE)).toBe(true);
    expectTimeoutThenSilence(h, () => tu.seen.timeouts);
    expect(transaction.state).toBe("terminated");
    expect(h.layer.receive(buildResponse(ourInvite(), 180, "Ringing", { toTag: "op-tag" }), PHONE)).toBe("to-user");
    expect(h.strays).toHaveLength(1);
    expect(tu.responses).toEqual([]);
  });

  it("stops Timer A and B on a provisional, ACKs a 486 itself (once per retransmission), and ends on Timer D", () => {
    const h = transactionHarness();
    const tu = clientRecorder();
    const invite = ourInvite();
    const transaction = h.layer.sendRequest(invite, PHONE, tu.events);
    h.clock.advanceTo(700);
    h.layer.receive(buildResponse(invite, 180, "Ringing", { toTag: "op-tag" }), PHONE);
    expect(transaction.state).toBe("proceeding");
    h.clock.advanceTo(40_000);
    expect(timeline(h.sent)).toEqual(["0 INVITE", "500 INVITE"]);
    expect(tu.seen.timeouts).toBe(0);

    const busy = buildResponse(invite, 486, "Busy Here", { toTag: "op-tag" });
    expect(h.layer.receive(busy, PHONE)).toBe("matched");
    const ack = nth(h.sent, 2);
    expect(ack.destination).toBe(PHONE);
    expect(ack.message).toMatchObject({ kind: "request", method: "ACK", uri: "sip:1001@127.0.0.1:5080" });
    expect(headerValues(ack.message, "via")).toEqual(["SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-gw-1"]);
    expect(header(ack.message, "to")).toBe("<sip:ivr@127.0.0.1:5070>;tag=op-tag");
    expect(header(ack.message, "from")).toBe(header(invite, "from"));
    expect(header(ack.message, "call-id")).toBe(header(invite, "call-id"));
    expect(header(ack.message, "cseq")).toBe("7 ACK");
    expect(headerValues(ack.message, "route")).toEqual(["<sip:proxy1.example.kz;lr>", "<sip:proxy2.example.kz;lr>"]);
    expect(ack.message.body.length).toBe(0);
    expect(tu.statuses()).toEqual([180, 486]);

    h.clock.advanceTo(41_000);
    h.layer.receive(busy, PHONE);
    expect(timeline(h.sent)).toEqual(["0 INVITE", "500 INVITE", "40000 ACK", "41000 ACK"]);
    expect(tu.statuses()).toEqual([180, 486]);
    h.clock.advanceTo(71_999);
    expect(h.layer.size).toBe(1);
    h.clock.advance(1);
    expect(h.layer.size).toBe(0);
    expect(h.layer.receive(busy, PHONE)).toBe("to-user");
    expect(h.sent).toHaveLength(4);
  });

  it("on a 2xx (Accepted) passes every 2xx to the TU, sends no ACK itself, and ends on Timer M", () => {
    const h = transactionHarness();
    const tu = clientRecorder();
    const invite = ourInvite();
    h.layer.sendRequest(invite, PHONE, tu.events);
    h.clock.advanceTo(1000);
    const ok = buildResponse(invite, 200, "OK", { toTag: "op-tag" });
    h.layer.receive(ok, PHONE);
    h.clock.advanceTo(1500);
    h.layer.receive(ok, PHONE);
    h.layer.receive(buildResponse(invite, 486, "Busy Here", { toTag: "fork-2" }), PHONE);
    expect(tu.statuses()).toEqual([200, 200]);
    h.clock.advanceTo(32_999);
    expect(timeline(h.sent)).toEqual(["0 INVITE", "500 INVITE"]);
    expect(h.layer.size).toBe(1);

    h.clock.advance(1);
    expect(h.layer.size).toBe(0);
    expect(h.layer.receive(ok, PHONE)).toBe("to-user");
    expect(h.strays).toHaveLength(1);
    expect(tu.statuses()).toEqual([200, 200]);
  });

  it("over TCP neither retransmits nor waits out Timer D after the ACK", () => {
    const h = transactionHarness();
    const tu = clientRecorder();
    const invite = ourInvite("TCP");
    const transaction = h.layer.sendRequest(invite, PHONE, tu.events);
    h.clock.advanceTo(10_000);
    h.layer.receive(buildResponse(invite, 603, "Decline", { toTag: "op-tag" }), PHONE);
    expect(timeline(h.sent)).toEqual(["0 INVITE", "10000 ACK"]);
    expect(transaction.state).toBe("terminated");
    expect(h.layer.size).toBe(0);
  });
});

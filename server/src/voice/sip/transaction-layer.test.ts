import { describe, expect, it } from "vitest";
import { buildCancel } from "./cancel-and-ack.ts";
import { headerValues, type SipRequest } from "./message.ts";
import { buildResponse } from "./responses.ts";
import { answer, clientRecorder, gatewayRequest, inviteServer, nth, PEER, PHONE, receiveInvite, sipRequest, timeline, transactionHarness } from "./transaction-test-kit.ts";

describe("transaction layer", () => {
  it("answers at the received/rport destination and stamps both into the Via its responses copy", () => {
    const h = transactionHarness();
    const behindNat = { address: "203.0.113.9", port: 41_234 };
    h.layer.receive(sipRequest("OPTIONS", { via: "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-nat;rport" }), behindNat);
    const { request, transaction } = nth(h.requests, 0);
    const stamped = "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-nat;rport=41234;received=203.0.113.9";
    expect(headerValues(request, "via")).toEqual([stamped]);
    answer(transaction, 200, "OK");
    expect(nth(h.sent, 0).destination).toEqual(behindNat);
    expect(headerValues(nth(h.sent, 0).message, "via")).toEqual([stamped]);
    h.clock.advance(32_000);
    expect(h.layer.size).toBe(0);
  });

  it("makes a CANCEL a transaction of its own that finds the INVITE it cancels", () => {
    const h = transactionHarness();
    const invite = receiveInvite(h);
    answer(invite, 180, "Ringing");
    const cancel = sipRequest("CANCEL");
    expect(h.layer.receive(cancel, PEER)).toBe("new-transaction");
    const { request, transaction } = nth(h.requests, 1);
    expect(request.method).toBe("CANCEL");
    expect(h.layer.inviteFor(request)).toBe(invite);
    expect(h.layer.inviteFor(sipRequest("CANCEL", { branch: "z9hG4bK-other" }))).toBeUndefined();

    answer(transaction, 200, "OK");
    answer(invite, 487, "Request Terminated");
    h.clock.advanceTo(100);
    expect(h.layer.receive(cancel, PEER)).toBe("matched");
    expect(h.layer.receive(sipRequest("ACK", { toTag: "uas-tag" }), PEER)).toBe("matched");
    expect(invite.state).toBe("confirmed");
    expect(timeline(h.sent)).toEqual(["0 180", "0 200", "0 487", "100 200"]);
    expect(headerValues(nth(h.sent, 3).message, "cseq")).toEqual(["1 CANCEL"]);
    h.clock.advance(32_000);
    expect(h.layer.size).toBe(0);
  });

  it("gives the TU the ACKs no transaction consumes: the ACK for a 2xx has a branch of its own", () => {
    const h = transactionHarness();
    const invite = receiveInvite(h);
    answer(invite, 200, "OK");
    const ack = sipRequest("ACK", { branch: "z9hG4bK-ack-2xx", toTag: "uas-tag" });
    expect(h.layer.receive(ack, PEER)).toBe("to-user");
    expect(h.acks).toEqual([ack]);
    expect(h.requests).toHaveLength(1);
    h.clock.advance(32_000);
    expect(h.layer.size).toBe(0);
    expect(h.layer.receive(ack, PEER)).toBe("to-user");
    expect(h.acks).toHaveLength(2);
    expect(timeline(h.sent)).toEqual(["0 200"]);
  });

  it("matches an RFC 2543 request (no branch cookie) and its ACK on Call-ID, CSeq, From tag, Request-URI and sent-by", () => {
    const h = transactionHarness();
    const via = "SIP/2.0/UDP 127.0.0.1:5061";
    h.layer.receive(sipRequest("INVITE", { via }), PEER);
    expect(h.layer.receive(sipRequest("INVITE", { via }), PEER)).toBe("matched");
    const invite = inviteServer(h.requests);
    answer(invite, 486, "Busy Here");
    expect(h.layer.receive(sipRequest("ACK", { via, toTag: "uas-tag" }), PEER)).toBe("matched");
    expect(invite.state).toBe("confirmed");
    expect(h.layer.receive(sipRequest("INVITE", { via, cseq: 2 }), PEER)).toBe("new-transaction");
    expect(h.requests).toHaveLength(2);
    const second = inviteServer(h.requests, 1);
    answer(second, 603, "Decline");
    h.clock.advance(32_000);
    expect(h.layer.size).toBe(0);
  });

  it("drops what it cannot key, and refuses to start a client transaction it could not match", () => {
    const h = transactionHarness();
    const noVia: SipRequest = { ...sipRequest("OPTIONS"), headers: sipRequest("OPTIONS").headers.filter((x) => x.name !== "Via") };
    expect(h.layer.receive(noVia, PEER)).toBe("dropped");
    const response = buildResponse(gatewayRequest("OPTIONS"), 200, "OK");
    expect(h.layer.receive({ ...response, headers: response.headers.filter((x) => x.name !== "CSeq") }, PHONE)).toBe("dropped");
    const tu = clientRecorder();
    expect(() => h.layer.sendRequest(gatewayRequest("ACK"), PHONE, tu.events)).toThrow(/ACK/);
    expect(() => h.layer.sendRequest(sipRequest("OPTIONS", { branch: "1234" }), PHONE, tu.events)).toThrow(/branch/);
    h.layer.sendRequest(gatewayRequest("OPTIONS"), PHONE, tu.events);
    expect(() => h.layer.sendRequest(gatewayRequest("OPTIONS"), PHONE, tu.events)).toThrow(/already/);
    expect(timeline(h.sent)).toEqual(["0 OPTIONS"]);
    expect(h.requests).toEqual([]);
    h.layer.receive(buildResponse(gatewayRequest("OPTIONS"), 200, "OK"), PHONE);
    h.clock.advance(5000);
    expect(h.layer.size).toBe(0);
  });

  it("sends a CANCEL on a client transaction of its own, matched apart from the INVITE by the CSeq method", () => {
    const h = transactionHarness();
    const invite = gatewayRequest("INVITE");
    const call = clientRecorder();
    const cancelling = clientRecorder();
    h.layer.sendRequest(invite, PHONE, call.events);
    h.layer.receive(buildResponse(invite, 180, "Ringing", { toTag: "op-tag" }), PHONE);
    const cancel = buildCancel(invite);
    h.layer.sendRequest(cancel, PHONE, cancelling.events);
    h.layer.receive(buildResponse(cancel, 200, "OK", { toTag: "op-tag" }), PHONE);
    h.layer.receive(buildResponse(invite, 487, "Request Terminated", { toTag: "op-tag" }), PHONE);
    expect(cancelling.statuses()).toEqual([200]);
    expect(call.statuses()).toEqual([180, 487]);
    expect(timeline(h.sent)).toEqual(["0 INVITE", "0 CANCEL", "0 ACK"]);
    h.clock.advance(32_000);
    expect(h.layer.size).toBe(0);
    expect(h.clock.pending).toBe(0);
  });
});

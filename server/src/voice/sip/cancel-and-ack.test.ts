import { describe, expect, it } from "vitest";
import { buildAck, buildCancel } from "./cancel-and-ack.ts";
import { parseSipMessage } from "./parse.ts";
import { buildResponse } from "./responses.ts";
import { serializeSipMessage } from "./serialize.ts";
import { sipRequest } from "./transaction-test-kit.ts";

/** An INVITE as a proxying element would hold it: two Vias, a Route set and an SDP body. */
function invite() {
  const request = sipRequest("INVITE", {
    uri: "sip:1001@10.0.0.7:5062",
    via: "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKgw1, SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKup",
    cseq: 7,
    extraHeaders: ["Route: <sip:p1.example.kz;lr>, <sip:p2.example.kz;lr>", "Contact: <sip:gw@127.0.0.1:5070>", "Content-Type: application/sdp"],
  });
  return { ...request, body: Buffer.from("v=0\r\n") };
}

/** The headers both builders write, in order, for the To and CSeq method given. */
function expectedHeaders(to: string, method: string) {
  return [
    { name: "Via", value: "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKgw1" },
    { name: "Max-Forwards", value: "70" },
    { name: "From", value: '"Caller" <sip:77011234567@127.0.0.1:5061>;tag=caller-tag' },
    { name: "To", value: to },
    { name: "Call-ID", value: "call-1@127.0.0.1" },
    { name: "CSeq", value: `7 ${method}` },
    { name: "Route", value: "<sip:p1.example.kz;lr>, <sip:p2.example.kz;lr>" },
  ];
}

describe("requests on the INVITE's branch", () => {
  it("builds a CANCEL with the INVITE's URI, top Via, From, To, Call-ID, CSeq number and Route, and nothing else", () => {
    const cancel = buildCancel(invite());
    expect(cancel).toMatchObject({ kind: "request", method: "CANCEL", uri: "sip:1001@10.0.0.7:5062" });
    expect(cancel.headers).toEqual(expectedHeaders("<sip:ivr@127.0.0.1:5070>", "CANCEL"));
    expect(cancel.body.length).toBe(0);
    expect(parseSipMessage(serializeSipMessage(cancel))).toEqual({ ...cancel, headers: [...cancel.headers, { name: "Content-Length", value: "0" }] });
  });

  it("builds the ACK for a 3xx–6xx with the response's To (and its tag)", () => {
    const request = invite();
    const ack = buildAck(request, buildResponse(request, 486, "Busy Here", { toTag: "op-tag" }));
    expect(ack).toMatchObject({ kind: "request", method: "ACK", uri: "sip:1001@10.0.0.7:5062" });
    expect(ack.headers).toEqual(expectedHeaders("<sip:ivr@127.0.0.1:5070>;tag=op-tag", "ACK"));
    expect(ack.body.length).toBe(0);
  });

  it("refuses an INVITE without a CSeq it can read", () => {
    const request = invite();
    expect(() => buildCancel({ ...request, headers: request.headers.filter((h) => h.name !== "CSeq") })).toThrow(/CSeq/);
  });
});

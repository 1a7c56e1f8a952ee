import { createSocket } from "node:dgram";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { runSipp, sippAvailable } from "../test/sipp.ts";
import { parseNameAddr } from "./headers.ts";
import { header, headerValues, type SipEndpoint, type SipMessage } from "./message.ts";
import { parseSipMessage } from "./parse.ts";
import { buildResponse } from "./responses.ts";
import { openUdpTransport } from "./udp-transport.ts";

const OPTIONS = [
  "OPTIONS sip:gw@127.0.0.1 SIP/2.0",
  "Via: SIP/2.0/UDP 10.0.0.9:5062;branch=z9hG4bK-a;rport",
  "Via: SIP/2.0/UDP 10.0.0.8;branch=z9hG4bK-b",
  "From: <sip:probe@10.0.0.9>;tag=f1",
  "To: <sip:gw@127.0.0.1>",
  "Call-ID: c1",
  "CSeq: 5 OPTIONS",
  "Content-Length: 0",
  "",
  "",
].join("\r\n");

describe("responses", () => {
  it("copy the Vias in order, From, Call-ID and CSeq, and tag the To once (not on 100 Trying)", () => {
    const request = parseSipMessage(Buffer.from(OPTIONS));
    if (request.kind !== "request") {
      throw new Error("not a request");
    }
    const ok = buildResponse(request, 200, "OK", { toTag: "gw1", headers: [{ name: "Allow", value: "INVITE, ACK" }] });
    expect(headerValues(ok, "via")).toEqual(["SIP/2.0/UDP 10.0.0.9:5062;branch=z9hG4bK-a;rport", "SIP/2.0/UDP 10.0.0.8;branch=z9hG4bK-b"]);
    expect(header(ok, "to")).toBe("<sip:gw@127.0.0.1>;tag=gw1");
    expect([header(ok, "from"), header(ok, "call-id"), header(ok, "cseq"), header(ok, "allow")]).toEqual(["<sip:probe@10.0.0.9>;tag=f1", "c1", "5 OPTIONS", "INVITE, ACK"]);
    expect(header(buildResponse(request, 100, "Trying"), "to")).toBe("<sip:gw@127.0.0.1>");
    const generated = parseNameAddr(header(buildResponse(request, 486, "Busy Here"), "to") ?? "")?.params.get("tag") ?? "";
    expect(generated).toMatch(/^[0-9a-f]{12}$/);
    const tagged = { ...request, headers: request.headers.map((h) => (h.name === "To" ? { ...h, value: "<sip:gw@127.0.0.1>;tag=dialog" } : h)) };
    expect(header(buildResponse(tagged, 200, "OK", { toTag: "other" }), "to")).toBe("<sip:gw@127.0.0.1>;tag=dialog");
  });
});

describe("SIP over UDP", () => {
  it("hands on what parses with its source, reports what does not, and ignores keep-alives", async () => {
    const seen: { message: SipMessage; source: SipEndpoint }[] = [];
    const malformed: string[] = [];
    const transport = await openUdpTransport({ host: "127.0.0.1", port: 0, onMessage: (message, source) => seen.push({ message, source }), onMalformed: (reason) => malformed.push(reason) });
    const peer = createSocket("udp4");
    peer.bind(0, "127.0.0.1");
    await once(peer, "listening");
    for (const datagram of ["\r\n\r\n", "GET / HTTP/1.1\r\n\r\n", OPTIONS]) {
      peer.send(datagram, transport.local.port, "127.0.0.1");
    }
    await expect.poll(() => seen.length + malformed.length).toBe(2);
    expect(malformed).toEqual(["bad_start_line"]);
    expect(seen[0]?.message).toMatchObject({ kind: "request", method: "OPTIONS" });
    expect(seen[0]?.source).toEqual({ address: "127.0.0.1", port: peer.address().port });
    peer.close();
    await transport.close();
  });

  it.skipIf(!sippAvailable())("answers a SIPp keep-alive probe: the parser and the wire format work with a real peer", async () => {
    const requests: SipMessage[] = [];
    const transport = await openUdpTransport({
      host: "127.0.0.1",
      port: 0,
      onMessage: (message, source) => {
        if (message.kind === "request" && message.method === "OPTIONS") {
          requests.push(message);
          transport.send(buildResponse(message, 200, "OK", { headers: [{ name: "Allow", value: "INVITE, ACK, BYE, CANCEL, OPTIONS" }, { name: "Accept", value: "application/sdp" }] }), source);
        }
      },
    });
    try {
      const run = await runSipp("options-probe.xml", transport.local, { timeoutSeconds: 10 });
      expect(run.code, run.output).toBe(0);
      expect(requests).toHaveLength(1);
      expect(header(requests[0] as SipMessage, "via")).toMatch(/^SIP\/2\.0\/UDP 127\.0\.0\.1:\d+;branch=z9hG4bK/);
    } finally {
      await transport.close();
    }
  });
});

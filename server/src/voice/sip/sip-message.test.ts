import { describe, expect, it } from "vitest";
import { formatNameAddr, formatUri, formatVia, parseCSeq, parseNameAddr, parseUri, parseVia, splitList } from "./headers.ts";
import { header, headerValues, withHeader, type SipRequest } from "./message.ts";
import { missingMandatoryHeaders, parseSipMessage, SipParseError } from "./parse.ts";
import { serializeSipMessage } from "./serialize.ts";
import { refusalReason } from "../test/refusal.ts";

const SDP = ["v=0", "o=caller 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0", "m=audio 6000 RTP/AVP 8 0 101", "a=rtpmap:101 telephone-event/8000", ""].join("\r\n");

/** An INVITE as SIPp sends it (the voice notes' caller scenario). */
function invite(extraHeaders: string[] = [], body = SDP): Buffer {
  return Buffer.from(
    [
      "INVITE sip:ivr@127.0.0.1:5070 SIP/2.0",
      "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1-0;rport",
      'From: "Caller" <sip:77011234567@127.0.0.1:5061>;tag=1SIPpTag001',
      "To: <sip:ivr@127.0.0.1:5070>",
      "Call-ID: 1-77@127.0.0.1",
      "CSeq: 1 INVITE",
      "Contact: <sip:77011234567@127.0.0.1:5061>",
      "Max-Forwards: 70",
      "Content-Type: application/sdp",
      ...extraHeaders,
      `Content-Length: ${Buffer.byteLength(body)}`,
      "",
      body,
    ].join("\r\n"),
  );
}

describe("SIP messages", () => {
  it("parses a request with its headers and exactly Content-Length bytes of body", () => {
    const message = parseSipMessage(Buffer.concat([invite(), Buffer.from("trailing garbage")]));
    expect(message).toMatchObject({ kind: "request", method: "INVITE", uri: "sip:ivr@127.0.0.1:5070" });
    expect(header(message, "call-id")).toBe("1-77@127.0.0.1");
    expect(header(message, "CSEQ")).toBe("1 INVITE");
    expect(message.body.toString()).toBe(SDP);
    expect(missingMandatoryHeaders(message)).toEqual([]);
  });

  it("understands compact names, folded lines, leading CRLFs and a missing Content-Length over UDP", () => {
    const text = ["", "", "OPTIONS sip:gw@10.0.0.1 SIP/2.0", "v: SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKa", "f: <sip:a@10.0.0.2>;tag=x", "t: <sip:gw@10.0.0.1>", "i: abc", "CSeq: 7", "  OPTIONS", "", "body"].join("\r\n");
    const message = parseSipMessage(Buffer.from(text));
    expect(header(message, "via")).toBe("SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKa");
    expect(header(message, "Call-ID")).toBe("abc");
    expect(parseCSeq(header(message, "cseq") ?? "")).toEqual({ seq: 7, method: "OPTIONS" });
    expect(message.body.toString()).toBe("body");
  });

  it("parses responses, and refuses broken messages with a reason", () => {
    const ok = parseSipMessage(Buffer.from("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKb\r\nContent-Length: 0\r\n\r\n"));
    expect(ok).toMatchObject({ kind: "response", status: 180, reason: "Ringing" });
    const reason = (data: string) => refusalReason(() => parseSipMessage(Buffer.from(data)), SipParseError);
    expect(reason("INVITE sip:a@b SIP/2.0\r\nVia: x")).toBe("no_header_end");
    expect(reason("HELLO\r\n\r\n")).toBe("bad_start_line");
    expect(reason("SIP/2.0 99 Nope\r\n\r\n")).toBe("bad_start_line");
    expect(reason("OPTIONS sip:a@b SIP/2.0\r\nno colon here\r\n\r\n")).toBe("bad_header");
    expect(reason("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: ten\r\n\r\n")).toBe("bad_content_length");
    expect(reason("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 10\r\n\r\nshort")).toBe("truncated_body");
    expect(missingMandatoryHeaders(parseSipMessage(Buffer.from("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n\r\n")))).toEqual(["from", "to", "call-id", "cseq"]);
  });

  it("serialises with a Content-Length that matches the body, and parses back the same", () => {
    const message = parseSipMessage(invite()) as SipRequest;
    const changed = { ...withHeader(message, "Content-Length", "999"), body: Buffer.from("v=0\r\n") };
    const wire = serializeSipMessage(changed);
    expect(wire.toString()).toContain("\r\nContent-Length: 5\r\n\r\nv=0\r\n");
    expect(wire.toString().match(/Content-Length/g)).toHaveLength(1);
    const back = parseSipMessage(wire);
    expect(back.body.toString()).toBe("v=0\r\n");
    expect(back.headers.filter((h) => h.name !== "Content-Length")).toEqual(message.headers.filter((h) => h.name !== "Content-Length"));
  });

  it("replaces a header in place and keeps the order of the others", () => {
    const message = parseSipMessage(invite(["Route: <sip:p1>", "Route: <sip:p2>"]));
    const names = (m: typeof message) => m.headers.map((h) => h.name);
    const replaced = withHeader(message, "route", "<sip:p3>");
    expect(headerValues(replaced, "Route")).toEqual(["<sip:p3>"]);
    expect(names(replaced).indexOf("route")).toBe(names(message).indexOf("Route"));
  });
});

describe("SIP header values", () => {
  it("splits lists at commas outside quotes and brackets", () => {
    expect(splitList('"Doe, John" <sip:a@b>;tag=1, <sip:c@d;x=1,2>, sip:e@f')).toEqual(['"Doe, John" <sip:a@b>;tag=1', "<sip:c@d;x=1,2>", "sip:e@f"]);
    expect(splitList("SIP/2.0/UDP a;branch=1 , SIP/2.0/UDP b;branch=2")).toEqual(["SIP/2.0/UDP a;branch=1", "SIP/2.0/UDP b;branch=2"]);
  });

  it("parses name-addr forms, with the parameters belonging to the header", () => {
    expect(parseNameAddr('"Айгерим \\"A\\"" <sip:1001@10.0.0.5:5062;transport=udp>;tag=ab;expires=60')).toEqual({
      displayName: 'Айгерим "A"',
      uri: "sip:1001@10.0.0.5:5062;transport=udp",
      params: new Map([["tag", "ab"], ["expires", "60"]]),
    });
    expect(parseNameAddr("sip:77011234567@127.0.0.1;tag=9")).toEqual({ displayName: null, uri: "sip:77011234567@127.0.0.1", params: new Map([["tag", "9"]]) });
    expect(parseNameAddr("Bob <sip:b@h>")).toMatchObject({ displayName: "Bob", uri: "sip:b@h" });
    expect(parseNameAddr("<sip:b@h")).toBeNull();
    const addr = { displayName: 'A "B"', uri: "sip:a@h", params: new Map([["tag", "1"]]) };
    expect(parseNameAddr(formatNameAddr(addr))).toEqual(addr);
  });

  it("parses URIs with user, port, IPv6 host and parameters", () => {
    expect(parseUri("sip:1414@gw.example.kz:5080;transport=tcp;lr")).toEqual({
      scheme: "sip",
      user: "1414",
      host: "gw.example.kz",
      port: 5080,
      params: new Map([["transport", "tcp"], ["lr", ""]]),
    });
    expect(parseUri("sips:[2001:db8::1]")).toMatchObject({ scheme: "sips", user: null, host: "[2001:db8::1]", port: null });
    expect(parseUri("tel:+77172123456")).toMatchObject({ scheme: "tel", user: "+77172123456" });
    expect(parseUri("http://x")).toBeNull();
    const uri = parseUri("sip:+77011234567@10.0.0.1:5060;user=phone");
    expect(uri && formatUri(uri)).toBe("sip:+77011234567@10.0.0.1:5060;user=phone");
  });

  it("parses Via with rport and received, and CSeq", () => {
    const via = parseVia("SIP/2.0/udp 192.168.1.5:5062;branch=z9hG4bK776;rport;received=10.1.1.1");
    expect(via).toEqual({ transport: "UDP", host: "192.168.1.5", port: 5062, params: new Map([["branch", "z9hG4bK776"], ["rport", ""], ["received", "10.1.1.1"]]) });
    expect(via && formatVia(via)).toBe("SIP/2.0/UDP 192.168.1.5:5062;branch=z9hG4bK776;rport;received=10.1.1.1");
    expect(parseVia("SIP/2.0/TCP [::1]:5060")).toMatchObject({ transport: "TCP", host: "[::1]", port: 5060 });
    expect(parseVia("HTTP/1.1 host")).toBeNull();
    expect(parseCSeq("4711 bye")).toEqual({ seq: 4711, method: "BYE" });
    expect(parseCSeq("99999999999 INVITE")).toBeNull();
    expect(parseCSeq("INVITE")).toBeNull();
  });
});

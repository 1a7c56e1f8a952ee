import { describe, expect, it } from "vitest";
import { headerValues } from "./message.ts";
import { responseDestination, stampTopVia } from "./response-destination.ts";
import { sipRequest } from "./transaction-test-kit.ts";

const withVia = (...vias: string[]) => sipRequest("INVITE", { via: vias.join(", ") });
const SOURCE = { address: "198.51.100.7", port: 40_000 };

describe("responseDestination", () => {
  it.each([
    ["received and a valued rport", "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;rport=41000;received=203.0.113.9", { address: "203.0.113.9", port: 41_000 }],
    ["an empty rport: the source port", "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;rport", { address: "198.51.100.7", port: 40_000 }],
    ["received without rport: the sent-by port", "SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;received=203.0.113.9", { address: "203.0.113.9", port: 5062 }],
    ["received without any port: 5060", "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1;received=203.0.113.9", { address: "203.0.113.9", port: 5060 }],
    ["a sent-by host that is not the source: the source address", "SIP/2.0/UDP phone.example.kz:5064;branch=z9hG4bK1", { address: "198.51.100.7", port: 5064 }],
    ["a sent-by that is the source: sent-by host and port", "SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK1", { address: "198.51.100.7", port: 5070 }],
    ["TCP: the connection it came on", "SIP/2.0/TCP 10.0.0.5:5062;branch=z9hG4bK1;received=203.0.113.9", SOURCE],
  ])("with %s", (_case, via, expected) => {
    expect(responseDestination(withVia(via, "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK0"), SOURCE)).toEqual(expected);
  });

  it("writes IPv6 addresses without the Via's brackets", () => {
    const source = { address: "2001:db8::5", port: 5060 };
    expect(responseDestination(withVia("SIP/2.0/UDP [2001:db8::5]:5062;branch=z9hG4bK1"), source)).toEqual({ address: "2001:db8::5", port: 5062 });
  });
});

describe("stampTopVia", () => {
  it("adds received when the sent-by host is not the source, and fills an empty rport; the other Vias stay", () => {
    const stamped = stampTopVia(withVia("SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;rport", "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK0"), SOURCE);
    expect(headerValues(stamped, "via")).toEqual(["SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;rport=40000;received=198.51.100.7, SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK0"]);
    expect(responseDestination(stamped, SOURCE)).toEqual(SOURCE);
  });

  it("adds received with rport even when the host is the source (RFC 3581), and leaves a plain matching Via alone", () => {
    const source = { address: "10.0.0.5", port: 5062 };
    const rport = stampTopVia(withVia("SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;rport"), source);
    expect(headerValues(rport, "via")).toEqual(["SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1;rport=5062;received=10.0.0.5"]);
    const plain = withVia("SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK1");
    expect(stampTopVia(plain, source)).toBe(plain);
  });
});

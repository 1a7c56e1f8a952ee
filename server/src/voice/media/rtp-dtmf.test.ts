import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { udpPayloads } from "../test/pcap.ts";
import { DtmfReceiver } from "./dtmf.ts";
import { buildRtp, parseRtp, type RtpPacket } from "./rtp.ts";

/** The packets of one key press as RFC 4733 sends them: progress packets, then three End packets. */
function keyPress(event: number, timestamp: number, ssrc = 0x0e05384e, pt = 101): RtpPacket[] {
  const packet = (duration: number, end: boolean, marker: boolean): RtpPacket => {
    const payload = Buffer.alloc(4);
    payload[0] = event;
    payload[1] = (end ? 0x80 : 0) | 10;
    payload.writeUInt16BE(duration, 2);
    return { payloadType: pt, marker, sequence: 0, timestamp, ssrc, payload };
  };
  return [...[320, 640, 960, 1280, 1600, 1920, 2240].map((d, i) => packet(d, false, i === 0)), packet(2240, true, false), packet(2240, true, false), packet(2240, true, false)];
}

const digitsOf = (receiver: DtmfReceiver, packets: RtpPacket[]) => packets.flatMap((p) => receiver.receive(p)).map((d) => d.digit).join("");

describe("RTP", () => {
  it("writes and reads the plain header", () => {
    const packet = { payloadType: 8, marker: true, sequence: 65535, timestamp: 4_294_967_200, ssrc: 0x80ca1b29, payload: Buffer.alloc(160, 0xd5) };
    expect(parseRtp(buildRtp(packet))).toEqual(packet);
  });

  it("skips CSRCs, a header extension and padding, and refuses RTCP and non-RTP", () => {
    const header = Buffer.from([0xb1, 0x08, 0, 1, 0, 0, 0, 160, 0, 0, 0, 9]); // V=2, P, X, CC=1, PT 8
    const csrc = Buffer.from([0, 0, 0, 7]);
    const extension = Buffer.from([0xbe, 0xde, 0, 1, 1, 2, 3, 4]);
    const padded = Buffer.concat([header, csrc, extension, Buffer.from("abc"), Buffer.from([0, 0, 3])]);
    expect(parseRtp(padded)).toMatchObject({ payloadType: 8, sequence: 1, timestamp: 160, ssrc: 9, payload: Buffer.from("abc") });
    expect(parseRtp(Buffer.from([0x80, 0xc8, 0, 6, ...new Array<number>(24).fill(0)]))).toBeNull(); // RTCP SR
    expect(parseRtp(Buffer.from("not rtp at all"))).toBeNull();
  });
});

describe("RFC 4733 digits", () => {
  it("reports a key press once, on its first End packet, with its length", () => {
    const receiver = new DtmfReceiver();
    const packets = keyPress(1, 1000);
    expect(packets.slice(0, 7).flatMap((p) => receiver.receive(p))).toEqual([]);
    expect(receiver.receive(packets[7] as RtpPacket)).toEqual([{ digit: "1", durationMs: 280 }]);
    expect(packets.slice(8).flatMap((p) => receiver.receive(p))).toEqual([]);
  });

  it("merges a replayed press (same SSRC and timestamp) and keeps a repeated key (new timestamp) apart", () => {
    const receiver = new DtmfReceiver();
    expect(digitsOf(receiver, [...keyPress(1, 1000), ...keyPress(1, 1000), ...keyPress(1, 5000), ...keyPress(11, 9000), ...keyPress(10, 9000, 77)])).toBe("11#*");
  });

  it("reports a press whose End packets were all lost when the next press begins", () => {
    const receiver = new DtmfReceiver();
    const lostEnd = keyPress(3, 1000).slice(0, 7);
    expect(digitsOf(receiver, [...lostEnd, ...keyPress(11, 4000)])).toBe("3#");
  });

  it.skipIf(!existsSync("/usr/share/sip-tester/dtmf_2833_pound.pcap"))("reads SIPp's own captures of 1, 2 and # as those digits", () => {
    const receiver = new DtmfReceiver();
    const digits = ["1", "2", "pound"].flatMap((name) => udpPayloads(`/usr/share/sip-tester/dtmf_2833_${name}.pcap`).flatMap((data) => {
      const packet = parseRtp(data);
      return packet ? receiver.receive(packet) : [];
    }));
    expect(digits).toEqual([{ digit: "1", durationMs: 280 }, { digit: "2", durationMs: 280 }, { digit: "#", durationMs: 280 }]);
  });
});

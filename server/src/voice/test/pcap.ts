import { readFileSync } from "node:fs";

/**
 * The UDP payloads of a classic libpcap file (as SIPp's bundled RTP captures are: Ethernet or Linux cooked
 * capture, IPv4, UDP), in order. For tests that replay real captures through our receivers.
 */
export function udpPayloads(file: string): Buffer[] {
  const data = readFileSync(file);
  const little = data.readUInt32LE(0) === 0xa1b2c3d4;
  const u32 = (at: number) => (little ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const linkType = u32(20);
  const linkHeader = linkType === 1 ? 14 : linkType === 113 ? 16 : 0;
  const payloads: Buffer[] = [];
  for (let at = 24; at + 16 <= data.length; ) {
    const captured = u32(at + 8);
    const frame = data.subarray(at + 16, at + 16 + captured);
    at += 16 + captured;
    const ip = frame.subarray(linkHeader);
    if (ip.length < 28 || (ip[0] ?? 0) >> 4 !== 4 || ip[9] !== 17) {
      continue;
    }
    const udp = ip.subarray(((ip[0] ?? 0) & 0x0f) * 4);
    payloads.push(udp.subarray(8, udp.readUInt16BE(4)));
  }
  return payloads;
}

/** RTP packets (RFC 3550 §5.1) as the media plane reads and writes them. */
export interface RtpPacket {
  payloadType: number;
  marker: boolean;
  sequence: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

/**
 * Reads one RTP packet, skipping CSRCs, a header extension and padding, which some phones and SBCs send;
 * null for anything that is not RTP version 2 (RTCP on the same port, STUN, noise).
 */
export function parseRtp(data: Buffer): RtpPacket | null {
  if (data.length < 12 || data[0] === undefined || data[0] >> 6 !== 2) {
    return null;
  }
  const first = data[0];
  const second = data[1] ?? 0;
  const payloadType = second & 0x7f;
  // 72–76 are RTCP packet types arriving on an RTP port (RFC 5761).
  if (payloadType >= 72 && payloadType <= 76) {
    return null;
  }
  let offset = 12 + 4 * (first & 0x0f);
  if (first & 0x10) {
    if (data.length < offset + 4) {
      return null;
    }
    offset += 4 + 4 * data.readUInt16BE(offset + 2);
  }
  let end = data.length;
  if (first & 0x20) {
    end -= data[data.length - 1] ?? 0;
  }
  if (offset > end) {
    return null;
  }
  return {
    payloadType,
    marker: (second & 0x80) !== 0,
    sequence: data.readUInt16BE(2),
    timestamp: data.readUInt32BE(4),
    ssrc: data.readUInt32BE(8),
    payload: data.subarray(offset, end),
  };
}

/** Writes an RTP packet with the plain 12-byte header (no CSRCs, extension or padding). */
export function buildRtp(packet: RtpPacket): Buffer {
  // allocUnsafe takes small buffers from Node's pool; every byte is written below.
  const data = Buffer.allocUnsafe(12 + packet.payload.length);
  data[0] = 0x80;
  data[1] = (packet.marker ? 0x80 : 0) | (packet.payloadType & 0x7f);
  data.writeUInt16BE(packet.sequence & 0xffff, 2);
  data.writeUInt32BE(packet.timestamp >>> 0, 4);
  data.writeUInt32BE(packet.ssrc >>> 0, 8);
  packet.payload.copy(data, 12);
  return data;
}

import type { RtpPacket } from "./rtp.ts";

/** RFC 4733 §3.2 events 0–15 as the digits a caller presses. */
const DIGITS = "0123456789*#ABCD";

export interface DtmfDigit {
  digit: string;
  /** How long the key was held, in ms (the event's duration at 8 kHz). */
  durationMs: number;
}

/**
 * Telephone events of one stream to pressed digits. Every packet of an event carries the event's start
 * timestamp, the last three have the End bit: a digit is reported once per (SSRC, timestamp), on its first
 * End packet — or, when all three End packets were lost, when the next event begins. Replayed or duplicated
 * packets of the same event never make a second digit.
 */
export class DtmfReceiver {
  private readonly reported = new Set<string>();
  private open: { key: string; event: number; duration: number } | null = null;

  constructor(private readonly clockRate = 8000) {}

  /** The digits `packet` completes (zero, one, or two when it also reveals an earlier event without End). */
  receive(packet: RtpPacket): DtmfDigit[] {
    if (packet.payload.length < 4) {
      return [];
    }
    const event = packet.payload[0] ?? 0;
    const ended = ((packet.payload[1] ?? 0) & 0x80) !== 0;
    const duration = packet.payload.readUInt16BE(2);
    const key = `${packet.ssrc}:${packet.timestamp}`;
    const digits: DtmfDigit[] = [];
    if (this.open !== null && this.open.key !== key) {
      digits.push(...this.report(this.open.key, this.open.event, this.open.duration));
      this.open = null;
    }
    if (this.reported.has(key) || event >= DIGITS.length) {
      return digits;
    }
    if (ended) {
      this.open = null;
      digits.push(...this.report(key, event, duration));
    } else {
      this.open = { key, event, duration };
    }
    return digits;
  }

  private report(key: string, event: number, duration: number): DtmfDigit[] {
    if (this.reported.has(key)) {
      return [];
    }
    this.reported.add(key);
    // Only recent events can repeat; a call's keys stay few, but a long IVR session should not grow without end.
    if (this.reported.size > 256) {
      const oldest = this.reported.values().next().value;
      if (oldest !== undefined) {
        this.reported.delete(oldest);
      }
    }
    return [{ digit: DIGITS[event] ?? "?", durationMs: Math.round((duration * 1000) / this.clockRate) }];
  }
}

import { decodeG711, SILENCE, type G711 } from "./g711.ts";
import { encodeWav, interleave } from "./wav.ts";

const FRAME = 160;

/**
 * A call's stereo recording on the media clock: every tick adds 20 ms to both channels — on the left what the
 * caller sent (taken from what arrived since, so 30 ms packets and jitter even out), on the right what the
 * caller heard — so the two stay aligned to the wall clock whatever the packets' sizes.
 */
export class CallRecorder {
  private readonly caller: Buffer[] = [];
  private readonly heard: Buffer[] = [];
  private pending = Buffer.alloc(0);

  constructor(private readonly law: G711) {}

  /** Audio that arrived from the caller (any packet size). */
  received(payload: Buffer): void {
    this.pending = Buffer.concat([this.pending, payload]);
    // A caller who stopped being read for a second (a stall) is not replayed late: keep at most 200 ms.
    if (this.pending.length > 10 * FRAME) {
      this.pending = this.pending.subarray(this.pending.length - 10 * FRAME);
    }
  }

  /** One tick: the frame sent to the caller, and the caller's next 20 ms (silence when nothing came). */
  tick(sent: Buffer): void {
    this.heard.push(sent);
    const take = this.pending.subarray(0, FRAME);
    this.pending = this.pending.subarray(take.length);
    this.caller.push(take.length === FRAME ? Buffer.from(take) : Buffer.concat([take, Buffer.alloc(FRAME - take.length, SILENCE[this.law])]));
  }

  /** Seconds recorded so far. */
  get seconds(): number {
    return (this.heard.length * FRAME) / 8000;
  }

  /** The recording as a stereo 8 kHz WAV (left: caller, right: what the caller heard). */
  wav(): Buffer {
    const left = decodeG711(Buffer.concat(this.caller), this.law);
    const right = decodeG711(Buffer.concat(this.heard), this.law);
    return encodeWav({ sampleRate: 8000, channels: 2, samples: interleave(left, right) });
  }
}

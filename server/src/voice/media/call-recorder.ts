import { ByteRing, ByteTrack } from "./byte-buffers.ts";
import { decodeG711, SILENCE, type G711 } from "./g711.ts";
import { encodeWav, interleave } from "./wav.ts";

const FRAME = 160;
/** Two seconds of one channel per chunk: a chunk a call every two seconds, not a buffer every 20 ms. */
const CHUNK = 16_000;

/**
 * A call's stereo recording on the media clock: every tick adds 20 ms to both channels — on the left what the
 * caller sent (taken from what arrived since, so 30 ms packets and jitter even out), on the right what the
 * caller heard — so the two stay aligned to the wall clock whatever the packets' sizes.
 */
export class CallRecorder {
  private readonly caller = new ByteTrack(CHUNK);
  private readonly heard = new ByteTrack(CHUNK);
  /** A caller who stopped being read for a second (a stall) is not replayed late: at most 200 ms wait. */
  private readonly pending = new ByteRing(10 * FRAME);
  private readonly frame = Buffer.alloc(FRAME);

  constructor(private readonly law: G711) {}

  /** Audio that arrived from the caller (any packet size). */
  received(payload: Uint8Array): void {
    this.pending.write(payload);
  }

  /** One tick: the frame sent to the caller, and the caller's next 20 ms (silence when nothing came). */
  tick(sent: Uint8Array): void {
    this.heard.append(sent);
    const n = this.pending.readInto(this.frame);
    this.frame.fill(SILENCE[this.law], n);
    this.caller.append(this.frame);
  }

  /** Both channels as recorded, in G.711 (the media thread hands these over; the WAV is made by `stereoWav`). */
  tracks(): RecordedTracks {
    return { law: this.law, caller: this.caller.join(), heard: this.heard.join() };
  }
}

/** A call's two channels in G.711: what the caller sent and what the caller heard, 8000 bytes a second each. */
export interface RecordedTracks {
  law: G711;
  caller: Uint8Array;
  heard: Uint8Array;
}

/** The stereo 8 kHz WAV of a call's tracks (left: caller, right: what the caller heard). */
export function stereoWav(tracks: RecordedTracks): Buffer {
  return encodeWav({ sampleRate: 8000, channels: 2, samples: interleave(decodeG711(tracks.caller, tracks.law), decodeG711(tracks.heard, tracks.law)) });
}

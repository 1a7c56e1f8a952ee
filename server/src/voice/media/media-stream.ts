import type { Socket } from "node:dgram";
import { randomInt } from "node:crypto";
import { ByteRing } from "./byte-buffers.ts";
import { CallRecorder } from "./call-recorder.ts";
import { DtmfReceiver, type DtmfDigit } from "./dtmf.ts";
import { SILENCE, type G711 } from "./g711.ts";
import type { MediaClock } from "./media-clock.ts";
import { buildRtp, parseRtp } from "./rtp.ts";
import type { Negotiated } from "./sdp.ts";

const SAMPLES_PER_FRAME = 160;
/** One silent frame per law, shared by every call (never written to). */
const SILENT_FRAME = { PCMA: Buffer.alloc(SAMPLES_PER_FRAME, SILENCE.PCMA), PCMU: Buffer.alloc(SAMPLES_PER_FRAME, SILENCE.PCMU) };

export interface MediaCounters {
  sent: number;
  receivedAudio: number;
  receivedEvents: number;
}

/**
 * One call's RTP, in the media thread: a packet of G.711 every tick of the shared clock (the queued audio, else
 * silence, so the stream never stops), and on receipt audio counted and telephone events turned into digits.
 * Symmetric RTP: once the peer's packets arrive, replies go to where they come from (a phone behind NAT), not to
 * the SDP. Bridged streams hand each other their audio here, without a trip through the main thread.
 */
export class MediaStream {
  readonly counters: MediaCounters = { sent: 0, receivedAudio: 0, receivedEvents: 0 };
  private readonly law: G711;
  private readonly ssrc = randomInt(0, 2 ** 32);
  private sequence = randomInt(0, 2 ** 16);
  private timestamp = randomInt(0, 2 ** 32);
  private first = true;
  /** Audio queued to play, in order; `at` is how much of the first one has been sent. */
  private queued: { audio: Buffer; token: number }[] = [];
  private at = 0;
  /**
   * The frame of this tick, filled in place and copied into the packet and the recording: the media thread
   * allocates nothing per frame but the packet, so its collector stays out of the clock's way.
   */
  private readonly frame = Buffer.alloc(SAMPLES_PER_FRAME);
  /**
   * Audio relayed from the other leg of a bridge, sent in 20 ms frames as it comes (any packet size). A leg that
   * stalled is not replayed late: at most 200 ms wait to be sent.
   */
  private readonly relayed = new ByteRing(10 * SAMPLES_PER_FRAME);
  /** The other leg of a bridge, which takes what this side receives (none while the operator holds the call). */
  relayTo: MediaStream | null = null;
  private readonly dtmf = new DtmfReceiver();
  private stopClock: (() => void) | null = null;
  /** Every call is recorded (quality control, speech analytics); the centre decides where the file goes. */
  readonly recorder: CallRecorder;

  constructor(
    private readonly socket: Socket,
    private remote: { address: string; port: number },
    private negotiated: Negotiated,
    private readonly events: { digit(digit: DtmfDigit): void; played(token: number): void },
  ) {
    this.law = negotiated.audio.encoding === "PCMU" ? "PCMU" : "PCMA";
    this.recorder = new CallRecorder(this.law);
    socket.on("message", (data, source) => this.receive(data, source));
  }

  /** Starts sending on the shared clock. */
  start(clock: MediaClock): void {
    this.stopClock ??= clock.subscribe(() => this.sendFrame());
  }

  /** Queues G.711 audio (of the negotiated law) after what is already queued; `played(token)` when its last frame is sent. */
  play(audio: Uint8Array, token: number): void {
    if (audio.length === 0) {
      this.events.played(token);
      return;
    }
    this.queued.push({ audio: Buffer.from(audio.buffer, audio.byteOffset, audio.length), token });
  }

  /** Drops whatever is queued to play (the waiters were told already, by the session that cut it). */
  stopPlayback(): void {
    this.queued = [];
    this.at = 0;
  }

  /** A re-INVITE changed the stream: hold (sendonly/inactive from the peer) or back, or a new address. */
  renegotiate(negotiated: Negotiated, remote: { address: string; port: number }): void {
    this.negotiated = { ...negotiated, audio: this.negotiated.audio };
    this.remote = remote;
  }

  get direction(): Negotiated["direction"] {
    return this.negotiated.direction;
  }

  /** Stops sending and frees the port. */
  close(): void {
    this.stopPlayback();
    this.relayTo = null;
    this.stopClock?.();
    this.stopClock = null;
    this.socket.close();
  }

  private sendFrame(): void {
    // On hold (recvonly, inactive) nothing is sent and the prompts wait; the caller hears silence.
    const sending = this.negotiated.direction === "sendrecv" || this.negotiated.direction === "sendonly";
    const payload = sending && (this.nextRelayed() || this.nextPlayed()) ? this.frame : SILENT_FRAME[this.law];
    this.recorder.tick(payload);
    if (!sending) {
      return;
    }
    const packet = buildRtp({ payloadType: this.negotiated.audio.payloadType, marker: this.first, sequence: this.sequence, timestamp: this.timestamp, ssrc: this.ssrc, payload });
    this.first = false;
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + SAMPLES_PER_FRAME) >>> 0;
    this.socket.send(packet, this.remote.port, this.remote.address);
    this.counters.sent += 1;
  }

  /** The bridged leg's next 20 ms into `frame`, when that much has come. */
  private nextRelayed(): boolean {
    if (this.relayed.length < SAMPLES_PER_FRAME) {
      return false;
    }
    this.relayed.readInto(this.frame);
    return true;
  }

  /** The next 20 ms of queued audio into `frame` (a short last frame padded with silence); a finished playback is told. */
  private nextPlayed(): boolean {
    const playing = this.queued[0];
    if (!playing) {
      return false;
    }
    const copied = playing.audio.copy(this.frame, 0, this.at, this.at + SAMPLES_PER_FRAME);
    this.frame.fill(SILENCE[this.law], copied);
    this.at += SAMPLES_PER_FRAME;
    if (this.at >= playing.audio.length) {
      this.queued.shift();
      this.at = 0;
      this.events.played(playing.token);
    }
    return true;
  }

  private receive(data: Buffer, source: { address: string; port: number }): void {
    const packet = parseRtp(data);
    if (packet === null) {
      return;
    }
    if (source.port !== this.remote.port || source.address !== this.remote.address) {
      this.remote = { address: source.address, port: source.port };
    }
    if (this.negotiated.events !== null && packet.payloadType === this.negotiated.events.payloadType) {
      this.counters.receivedEvents += 1;
      for (const digit of this.dtmf.receive(packet)) {
        this.events.digit(digit);
      }
    } else if (packet.payloadType === this.negotiated.audio.payloadType) {
      this.counters.receivedAudio += 1;
      this.recorder.received(packet.payload);
      this.relayTo?.relayed.write(packet.payload);
    }
  }
}

import type { Socket } from "node:dgram";
import { randomInt } from "node:crypto";
import { CallRecorder } from "../media/call-recorder.ts";
import { DtmfReceiver, type DtmfDigit } from "../media/dtmf.ts";
import { SILENCE, type G711 } from "../media/g711.ts";
import type { MediaClock } from "../media/media-clock.ts";
import { buildRtp, parseRtp } from "../media/rtp.ts";
import type { Negotiated } from "../media/sdp.ts";

const SAMPLES_PER_FRAME = 160;

export interface MediaCounters {
  sent: number;
  receivedAudio: number;
  receivedEvents: number;
}

/**
 * One call's RTP: a packet of G.711 every tick of the shared clock (the queued audio, else silence, so the
 * stream never stops), and on receipt audio counted and telephone events turned into digits. Symmetric RTP:
 * once the peer's packets arrive, replies go to where they come from (a phone behind NAT), not to the SDP.
 */
export class MediaSession {
  readonly counters: MediaCounters = { sent: 0, receivedAudio: 0, receivedEvents: 0 };
  private readonly law: G711;
  private readonly ssrc = randomInt(0, 2 ** 32);
  private sequence = randomInt(0, 2 ** 16);
  private timestamp = randomInt(0, 2 ** 32);
  private first = true;
  private queued: Buffer[] = [];
  /** Playbacks waiting for their last frame to be sent. */
  private waiting: { last: Buffer; resolve: () => void }[] = [];
  /** Audio relayed from the other leg of a bridge, sent in 20 ms frames as it comes (any packet size). */
  private relayed = Buffer.alloc(0);
  /** The other leg of a bridge takes what this side receives. */
  onAudio: ((payload: Buffer) => void) | null = null;
  private readonly dtmf = new DtmfReceiver();
  private stopClock: (() => void) | null = null;
  /** Every call is recorded (quality control, speech analytics); the IVR decides where the file goes. */
  readonly recorder: CallRecorder;

  constructor(
    private readonly socket: Socket,
    private remote: { address: string; port: number },
    private negotiated: Negotiated,
    private readonly onDigit: (digit: DtmfDigit) => void,
  ) {
    this.law = negotiated.audio.encoding === "PCMU" ? "PCMU" : "PCMA";
    this.recorder = new CallRecorder(this.law);
    socket.on("message", (data, source) => this.receive(data, source));
  }

  /** Starts sending on the shared clock. */
  start(clock: MediaClock): void {
    this.stopClock ??= clock.subscribe(() => this.sendFrame());
  }

  /**
   * Queues G.711 audio (of the negotiated law) after what is already queued. Resolves when its last frame has
   * been sent, or at once when the playback is cut (`stopPlayback`: a caller's key press barges in).
   */
  play(audio: Buffer): Promise<void> {
    for (let at = 0; at < audio.length; at += SAMPLES_PER_FRAME) {
      const frame = Buffer.alloc(SAMPLES_PER_FRAME, SILENCE[this.law]);
      audio.copy(frame, 0, at, Math.min(audio.length, at + SAMPLES_PER_FRAME));
      this.queued.push(frame);
    }
    const marker = this.queued.at(-1);
    if (marker === undefined) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ last: marker, resolve }));
  }

  /** Drops whatever is queued to play; its waiters resolve. */
  stopPlayback(): void {
    this.queued = [];
    for (const waiter of this.waiting.splice(0)) {
      waiter.resolve();
    }
  }

  /** Audio from the other leg of a bridge (same law: legs are offered the caller's codec, nothing is transcoded). */
  relay(payload: Buffer): void {
    this.relayed = Buffer.concat([this.relayed, payload]);
    // A leg that stalled is not replayed late: at most 200 ms wait to be sent.
    if (this.relayed.length > 10 * SAMPLES_PER_FRAME) {
      this.relayed = this.relayed.subarray(this.relayed.length - 10 * SAMPLES_PER_FRAME);
    }
  }

  /** A re-INVITE changed the stream: hold (sendonly/inactive from the peer) or back, or a new address. */
  renegotiate(negotiated: Negotiated, remote: { address: string; port: number }): void {
    this.negotiated = { ...negotiated, audio: this.negotiated.audio };
    this.remote = remote;
  }

  /** The call's G.711 format, fixed at the answer. */
  get format(): Negotiated["audio"] {
    return this.negotiated.audio;
  }

  get localPort(): number {
    return this.socket.address().port;
  }

  get direction(): Negotiated["direction"] {
    return this.negotiated.direction;
  }

  get codec(): G711 {
    return this.law;
  }

  /** Stops sending and frees the port. */
  close(): void {
    this.stopPlayback();
    this.stopClock?.();
    this.stopClock = null;
    this.socket.close();
  }

  private sendFrame(): void {
    // On hold (recvonly, inactive) nothing is sent and the prompts wait; the caller hears silence.
    const sending = this.negotiated.direction === "sendrecv" || this.negotiated.direction === "sendonly";
    const payload = (sending ? (this.nextRelayed() ?? this.queued.shift()) : undefined) ?? Buffer.alloc(SAMPLES_PER_FRAME, SILENCE[this.law]);
    const done = this.waiting.findIndex((w) => w.last === payload);
    if (done !== -1) {
      for (const waiter of this.waiting.splice(0, done + 1)) {
        waiter.resolve();
      }
    }
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

  private nextRelayed(): Buffer | undefined {
    if (this.relayed.length < SAMPLES_PER_FRAME) {
      return undefined;
    }
    const frame = Buffer.from(this.relayed.subarray(0, SAMPLES_PER_FRAME));
    this.relayed = this.relayed.subarray(SAMPLES_PER_FRAME);
    return frame;
  }

  private receive(data: Buffer, source: { address: string; port: number }): void {
    const packet = parseRtp(data);
    if (packet === null) {
      return;
    }
    this.remote = { address: source.address, port: source.port };
    if (this.negotiated.events !== null && packet.payloadType === this.negotiated.events.payloadType) {
      this.counters.receivedEvents += 1;
      for (const digit of this.dtmf.receive(packet)) {
        this.onDigit(digit);
      }
    } else if (packet.payloadType === this.negotiated.audio.payloadType) {
      this.counters.receivedAudio += 1;
      this.recorder.received(packet.payload);
      this.onAudio?.(packet.payload);
    }
  }
}

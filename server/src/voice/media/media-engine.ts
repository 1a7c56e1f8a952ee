import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { stereoWav } from "./call-recorder.ts";
import type { DtmfDigit } from "./dtmf.ts";
import type { G711 } from "./g711.ts";
import type { MediaCommand, MediaEvent, MediaWorkerData, RtpRemote } from "./media-protocol.ts";
import type { MediaCounters } from "./media-stream.ts";
import { PortPoolExhausted } from "./port-pool.ts";
import type { AudioFormat, Negotiated } from "./sdp.ts";

/**
 * The main thread's handle on the media thread (media-worker.ts): it reserves RTP ports there and hands out a
 * `MediaSession` per call leg. Commands are posted, never awaited, except those that answer (a port, counters,
 * a recording); postMessage keeps their order, so a leg's `begin` always precedes its first `play`.
 */
export class MediaEngine {
  private nextId = 1;
  private nextRequest = 1;
  private readonly opening = new Map<number, { resolve(port: number): void; reject(error: Error): void }>();
  private readonly answers = new Map<number, { resolve(event: MediaEvent): void; reject(error: Error): void }>();
  private readonly sessions = new Map<number, MediaSession>();
  private worker!: Worker;
  private startedAt = 0;
  /** Deaths in a row of threads that lived less than STEADY_MS: the restart backs off on them. */
  private quickDeaths = 0;
  /** While a lost thread is being replaced: requests wait for its successor. */
  private restarting: Promise<void> | null = null;
  private stopped = false;
  /**
   * Told when the media thread died. Every leg's media died with it (their sessions are closed and their
   * playbacks resolved); the owner hangs those calls up. A new thread is started meanwhile.
   */
  onThreadLost: ((error: Error) => void) | null = null;

  private constructor(
    worker: Worker,
    /** Why the media thread could not raise its priority (null: it did); the centre logs it. */
    readonly priorityRefused: string | null,
    private readonly settings: MediaWorkerData,
  ) {
    this.attach(worker);
  }

  static async start(settings: MediaWorkerData): Promise<MediaEngine> {
    const { worker, started } = await startWorker(settings);
    return new MediaEngine(worker, started.priorityRefused, settings);
  }

  /** An RTP port of the range, reserved for one leg until `begin` or `release`; throws PortPoolExhausted when none is free. */
  async reserve(): Promise<ReservedPort> {
    await this.ready();
    const id = this.nextId++;
    const port = await new Promise<number>((resolve, reject) => {
      this.opening.set(id, { resolve, reject });
      this.post({ op: "open", id });
    });
    return {
      port,
      begin: (remote, negotiated, onDigit) => {
        const session = new MediaSession(this, id, port, negotiated, onDigit);
        this.sessions.set(id, session);
        this.post({ op: "begin", id, remote, negotiated });
        return session;
      },
      release: () => this.post({ op: "close", id }),
    };
  }

  /** The media clock's lateness (ms) of each tick since the previous call (the benchmark's figure). */
  lateness(): Promise<number[]> {
    return this.ask({ op: "lateness" }).then((event) => (event.op === "lateness" ? event.samples : []));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  /** @internal for tests: the thread dies as a crash would kill it, and the engine must recover. */
  killThread(): Promise<number> {
    return this.worker.terminate();
  }

  /** @internal for MediaSession */
  post(command: MediaCommand): void {
    this.worker.postMessage(command);
  }

  /** @internal for MediaSession: a command that answers. */
  async ask(command: DistributiveOmit<Extract<MediaCommand, { request: number }>, "request">): Promise<MediaEvent> {
    await this.ready();
    const request = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.answers.set(request, { resolve, reject });
      this.post({ ...command, request } as MediaCommand);
    });
  }

  /** @internal for MediaSession */
  forget(id: number): void {
    this.sessions.delete(id);
  }

  private async ready(): Promise<void> {
    if (this.stopped) {
      throw new Error("the media engine has stopped");
    }
    await this.restarting;
  }

  private attach(worker: Worker): void {
    this.worker = worker;
    this.startedAt = Date.now();
    let gone = false;
    const lost = (error: Error) => {
      // A crash raises "error" and then "exit": the thread is lost once.
      if (!gone) {
        gone = true;
        this.lost(error);
      }
    };
    worker.on("message", (event: MediaEvent) => this.receive(event));
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`the media thread exited (${code})`)));
  }

  private receive(event: MediaEvent): void {
    switch (event.op) {
      case "opened":
        this.opening.get(event.id)?.resolve(event.port);
        this.opening.delete(event.id);
        return;
      case "open-failed":
        this.opening.get(event.id)?.reject(event.exhausted ? new PortPoolExhausted() : new Error(event.message));
        this.opening.delete(event.id);
        return;
      case "digit":
        this.sessions.get(event.id)?.digitReceived(event.digit);
        return;
      case "played":
        this.sessions.get(event.id)?.played(event.token);
        return;
      case "started":
        return;
      case "stats":
      case "recording":
      case "lateness":
        this.answers.get(event.request)?.resolve(event);
        this.answers.delete(event.request);
    }
  }

  private lost(error: Error): void {
    if (this.stopped) {
      return;
    }
    // Whoever waits on the thread (a port, a recording) hears of its end instead of waiting for ever.
    for (const { reject } of [...this.opening.values(), ...this.answers.values()]) {
      reject(error);
    }
    this.opening.clear();
    this.answers.clear();
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    for (const session of sessions) {
      session.lost();
    }
    this.quickDeaths = Date.now() - this.startedAt < STEADY_MS ? this.quickDeaths + 1 : 0;
    this.restarting = this.replace().finally(() => (this.restarting = null));
    this.onThreadLost?.(error);
  }

  /** Starts a successor thread, after a pause that grows while threads keep dying young (a crash at start). */
  private async replace(): Promise<void> {
    for (let attempt = this.quickDeaths; !this.stopped; attempt += 1) {
      await sleep(attempt === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt));
      try {
        const { worker } = await startWorker(this.settings);
        if (this.stopped) {
          await worker.terminate();
          return;
        }
        this.attach(worker);
        return;
      } catch {
        // Not started: tried again after a longer pause.
      }
    }
  }
}

/** A thread that lived this long died of something else than what kills its successors at start. */
const STEADY_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;

async function startWorker(settings: MediaWorkerData): Promise<{ worker: Worker; started: Extract<MediaEvent, { op: "started" }> }> {
  const worker = new Worker(await workerSource(), { eval: true, workerData: settings });
  const started = await new Promise<Extract<MediaEvent, { op: "started" }>>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the media thread exited (${code}) as it started`)));
  });
  return { worker, started };
}

let bundled: Promise<string> | null = null;

/**
 * The media thread's code as one script. The server runs from TypeScript through tsx, whose loader Node 20
 * does not apply to worker threads, so the thread's few modules (node built-ins only) are bundled once with
 * esbuild instead.
 */
function workerSource(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL(`./media-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url))],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "silent",
  }).then((result) => result.outputFiles[0]?.text ?? "");
  return bundled;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A port reserved in the media thread for a leg whose SDP is being exchanged. */
export interface ReservedPort {
  port: number;
  /** Starts the leg's media on the shared clock towards `remote`. */
  begin(remote: RtpRemote, negotiated: Negotiated, onDigit: (digit: DtmfDigit) => void): MediaSession;
  /** The leg never came up: the port goes back to the pool. */
  release(): void;
}

/**
 * One call leg's media, as the main thread sees it (the stream itself runs in the media thread): prompts are
 * queued to it and awaited, key presses come from it, and a bridge joins two legs' audio there.
 */
export class MediaSession {
  private nextToken = 1;
  private readonly playing = new Map<number, () => void>();
  private closed = false;
  /** The media thread died with this leg: its counters and recording went with it. */
  private gone = false;

  /** @internal made by MediaEngine.reserve().begin */
  constructor(
    private readonly engine: MediaEngine,
    private readonly id: number,
    readonly localPort: number,
    private negotiated: Negotiated,
    private readonly onDigit: (digit: DtmfDigit) => void,
  ) {}

  /**
   * Queues G.711 audio (of the negotiated law) after what is already queued. Resolves when its last frame has
   * been sent, or at once when the playback is cut (`stopPlayback`: a caller's key press barges in).
   */
  play(audio: Uint8Array): Promise<void> {
    if (this.closed || audio.length === 0) {
      return Promise.resolve();
    }
    const token = this.nextToken++;
    return new Promise((resolve) => {
      this.playing.set(token, resolve);
      this.engine.post({ op: "play", id: this.id, token, audio });
    });
  }

  /** Drops whatever is queued to play; its waiters resolve. */
  stopPlayback(): void {
    this.engine.post({ op: "stop-playback", id: this.id });
    this.resolvePlaying();
  }

  /** What this leg receives is sent on to `other` (null: to no one, e.g. while the operator holds the call). */
  bridgeTo(other: MediaSession | null): void {
    this.engine.post({ op: "bridge", id: this.id, to: other === null ? null : other.id });
  }

  /** A re-INVITE changed the stream: hold (sendonly/inactive from the peer) or back, or a new address. */
  renegotiate(negotiated: Negotiated, remote: RtpRemote): void {
    this.negotiated = { ...negotiated, audio: this.negotiated.audio };
    this.engine.post({ op: "renegotiate", id: this.id, remote, negotiated: this.negotiated });
  }

  /** The call's G.711 format, fixed at the answer. */
  get format(): AudioFormat {
    return this.negotiated.audio;
  }

  get direction(): Negotiated["direction"] {
    return this.negotiated.direction;
  }

  get codec(): G711 {
    return this.negotiated.audio.encoding === "PCMU" ? "PCMU" : "PCMA";
  }

  /** Packets sent and received so far (also after the close), and the direction the media thread applies. */
  async stats(): Promise<MediaCounters & { direction: Negotiated["direction"] | null }> {
    if (this.gone) {
      return { sent: 0, receivedAudio: 0, receivedEvents: 0, direction: null };
    }
    const event = await this.engine.ask({ op: "stats", id: this.id });
    const counters = event.op === "stats" && event.counters ? event.counters : { sent: 0, receivedAudio: 0, receivedEvents: 0 };
    return { ...counters, direction: event.op === "stats" ? event.direction : null };
  }

  /**
   * The call's stereo recording as a WAV (left: the far end, right: what it heard), made here from the tracks.
   * Fetch it soon after the close: the media thread keeps a closed leg's recording for two minutes. Empty when
   * the media thread died with the leg.
   */
  async recording(): Promise<Buffer> {
    if (this.gone) {
      return Buffer.alloc(0);
    }
    const event = await this.engine.ask({ op: "recording", id: this.id });
    return event.op === "recording" && event.tracks ? stereoWav(event.tracks) : Buffer.alloc(0);
  }

  /** Stops sending and frees the port. */
  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.engine.post({ op: "close", id: this.id });
    this.engine.forget(this.id);
    this.resolvePlaying();
  }

  /** @internal from MediaEngine: the media thread died; nothing plays or is heard any more. */
  lost(): void {
    this.closed = true;
    this.gone = true;
    this.resolvePlaying();
  }

  /** @internal from MediaEngine */
  digitReceived(digit: DtmfDigit): void {
    this.onDigit(digit);
  }

  /** @internal from MediaEngine */
  played(token: number): void {
    this.playing.get(token)?.();
    this.playing.delete(token);
  }

  private resolvePlaying(): void {
    for (const resolve of this.playing.values()) {
      resolve();
    }
    this.playing.clear();
  }
}

/**
 * The media thread: every call's RTP, the shared 20 ms clock, DTMF, recording and the audio of bridges. It runs
 * apart from the main thread, where SIP, the IVR, the routing engine and the database work, so that their pauses
 * (a query's result, a collection of the main heap) never make a packet late. The main thread drives it with
 * the commands of media-protocol.ts; see media-engine.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Socket } from "node:dgram";
import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";
import type { RecordedTracks } from "./call-recorder.ts";
import { MediaClock } from "./media-clock.ts";
import { MediaStream } from "./media-stream.ts";
import { PortPoolExhausted, RtpPortPool } from "./port-pool.ts";
import type { MediaCommand, MediaEvent, MediaWorkerData } from "./media-protocol.ts";

/** A closed stream's recording waits this long for the main thread to fetch it, then is dropped (its counters too). */
const KEEP_CLOSED_MS = 120_000;

/**
 * The media thread asks the kernel for a higher priority than the rest of the process, as media servers do
 * (Asterisk -p, FreeSWITCH -hp): it needs little CPU, but needs it within milliseconds of each tick, also when
 * the database or the main thread keep every core busy. Linux names a thread by its own id in /proc/thread-self.
 * Where that is not allowed (no CAP_SYS_NICE) it runs at the process's priority and says so once.
 */
function raisePriority(): string | null {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    setPriority(tid, constants.priority.PRIORITY_HIGH);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const port = parentPort;
if (!port) {
  throw new Error("media-worker.ts runs as a worker thread (see media-engine.ts)");
}
const settings = workerData as MediaWorkerData;
const pool = new RtpPortPool(settings.host, settings.rtpPorts.first, settings.rtpPorts.last);
const clock = new MediaClock();
/** Ports reserved for a call whose media has not begun (an offer sent, its answer awaited). */
const reserved = new Map<number, Socket>();
const streams = new Map<number, MediaStream>();
/** What is left of a closed stream: its figures, and its recording until fetched. */
interface ClosedStream {
  counters: MediaStream["counters"];
  direction: MediaStream["direction"];
  recorder: MediaStream["recorder"] | null;
  timer: NodeJS.Timeout;
}
const closed = new Map<number, ClosedStream>();
let latenessFrom = 0;

const tell = (event: MediaEvent, transfer: ArrayBuffer[] = []) => port.postMessage(event, transfer);
tell({ op: "started", priorityRefused: raisePriority() });

async function open(id: number): Promise<void> {
  try {
    const rtp = await pool.acquire();
    reserved.set(id, rtp.socket);
    tell({ op: "opened", id, port: rtp.port });
  } catch (error) {
    tell({ op: "open-failed", id, exhausted: error instanceof PortPoolExhausted, message: error instanceof Error ? error.message : String(error) });
  }
}

function close(id: number): void {
  const socket = reserved.get(id);
  if (socket) {
    reserved.delete(id);
    socket.close();
  }
  const stream = streams.get(id);
  if (stream) {
    streams.delete(id);
    stream.close();
    closed.set(id, { counters: stream.counters, direction: stream.direction, recorder: stream.recorder, timer: setTimeout(() => closed.delete(id), KEEP_CLOSED_MS).unref() });
  }
}

/**
 * The recording so far of a stream, or the whole of a closed one's (then freed: it is fetched once), as its
 * G.711 tracks: the WAV is made in the main thread, as decoding minutes of audio here would delay the clock.
 */
function recording(id: number): RecordedTracks | null {
  const open = streams.get(id);
  if (open) {
    return open.recorder.tracks();
  }
  const left = closed.get(id);
  const tracks = left?.recorder?.tracks() ?? null;
  if (left) {
    left.recorder = null;
  }
  return tracks;
}

function handle(command: MediaCommand): void {
  switch (command.op) {
    case "open":
      void open(command.id);
      return;
    case "begin": {
      const socket = reserved.get(command.id);
      if (!socket) {
        return;
      }
      reserved.delete(command.id);
      const id = command.id;
      const stream = new MediaStream(socket, command.remote, command.negotiated, {
        digit: (digit) => tell({ op: "digit", id, digit }),
        played: (token) => tell({ op: "played", id, token }),
      });
      streams.set(id, stream);
      stream.start(clock);
      return;
    }
    case "play": {
      const stream = streams.get(command.id);
      if (stream) {
        stream.play(command.audio, command.token);
      } else {
        tell({ op: "played", id: command.id, token: command.token });
      }
      return;
    }
    case "stop-playback":
      streams.get(command.id)?.stopPlayback();
      return;
    case "renegotiate":
      streams.get(command.id)?.renegotiate(command.negotiated, command.remote);
      return;
    case "bridge": {
      const stream = streams.get(command.id);
      if (stream) {
        stream.relayTo = command.to === null ? null : (streams.get(command.to) ?? null);
      }
      return;
    }
    case "close":
      close(command.id);
      return;
    case "stats": {
      const stream = streams.get(command.id) ?? closed.get(command.id);
      tell({ op: "stats", request: command.request, counters: stream ? { ...stream.counters } : null, direction: stream?.direction ?? null });
      return;
    }
    case "recording": {
      const tracks = recording(command.id);
      // Handed over, not copied: each track owns its memory (a pooled small buffer is copied instead).
      const owned = tracks ? [tracks.caller, tracks.heard].filter((track) => track.byteOffset === 0 && track.byteLength === track.buffer.byteLength) : [];
      tell({ op: "recording", request: command.request, tracks }, owned.map((track) => track.buffer as ArrayBuffer));
      return;
    }
    case "lateness": {
      // Each request gets the ticks since the previous one (the clock keeps the last 10 000).
      const samples = clock.lateness.slice(Math.max(0, clock.lateness.length - (clock.ticked - latenessFrom)));
      latenessFrom = clock.ticked;
      tell({ op: "lateness", request: command.request, samples });
      return;
    }
  }
}

port.on("message", (command: MediaCommand) => handle(command));

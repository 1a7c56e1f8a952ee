import type { RecordedTracks } from "./call-recorder.ts";
import type { MediaCounters } from "./media-stream.ts";
import type { DtmfDigit } from "./dtmf.ts";
import type { Negotiated } from "./sdp.ts";

/** Where a stream sends to (the SDP's address, until the peer's own packets tell otherwise). */
export interface RtpRemote {
  address: string;
  port: number;
}

/** What the main thread asks of the media thread. Streams are named by ids the main thread chooses. */
export type MediaCommand =
  | { op: "open"; id: number }
  | { op: "begin"; id: number; remote: RtpRemote; negotiated: Negotiated }
  | { op: "play"; id: number; token: number; audio: Uint8Array }
  | { op: "stop-playback"; id: number }
  | { op: "renegotiate"; id: number; remote: RtpRemote; negotiated: Negotiated }
  | { op: "bridge"; id: number; to: number | null }
  | { op: "close"; id: number }
  | { op: "stats"; id: number; request: number }
  | { op: "recording"; id: number; request: number }
  | { op: "lateness"; request: number };

/** What the media thread tells the main thread. */
export type MediaEvent =
  | { op: "started"; priorityRefused: string | null }
  | { op: "opened"; id: number; port: number }
  | { op: "open-failed"; id: number; exhausted: boolean; message: string }
  | { op: "digit"; id: number; digit: DtmfDigit }
  | { op: "played"; id: number; token: number }
  | { op: "stats"; request: number; counters: MediaCounters | null; direction: Negotiated["direction"] | null }
  | { op: "recording"; request: number; tracks: RecordedTracks | null }
  | { op: "lateness"; request: number; samples: number[] };

/** The media thread's settings (its workerData). */
export interface MediaWorkerData {
  host: string;
  rtpPorts: { first: number; last: number };
}

import type { ClientFrame, ServerFrame } from "@bailanys/common/api/contacts";
import { ERRORS } from "@bailanys/common/errors";
import type { Locale } from "@bailanys/common/locales";
import type { WebSocket } from "ws";
import { AppError } from "../platform/app-error.ts";
import type { Peer } from "./contact-stream.ts";

/** Frames a client may send per second before the socket is closed (a page sends a few per minute). */
const MAX_FRAMES_PER_SECOND = 20;
/** Sockets that fall this far behind (bytes queued) are closed: the client resumes from its last seq. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Wraps a WebSocket as a hub peer: JSON frames out, parsed and rate-limited frames in. */
export function socketPeer(socket: WebSocket, onFrame: (frame: ClientFrame) => void): Peer {
  let windowStart = Date.now();
  let frames = 0;
  socket.on("message", (data) => {
    const now = Date.now();
    if (now - windowStart > 1000) {
      windowStart = now;
      frames = 0;
    }
    frames += 1;
    if (frames > MAX_FRAMES_PER_SECOND) {
      socket.close(1008, "too many frames");
      return;
    }
    let frame: ClientFrame;
    try {
      frame = JSON.parse(String(data)) as ClientFrame;
    } catch {
      socket.close(1003, "not JSON");
      return;
    }
    if (typeof frame !== "object" || frame === null || typeof frame.type !== "string") {
      socket.close(1003, "bad frame");
      return;
    }
    onFrame(frame);
  });
  return {
    send(frame: ServerFrame) {
      if (socket.readyState !== socket.OPEN) {
        return;
      }
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        socket.close(1013, "too slow");
        return;
      }
      socket.send(JSON.stringify(frame));
    },
  };
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function isSeq(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** An error frame with the catalogue code and its message in the reader's language. */
export function errorFrame(error: unknown, locale: Locale): ServerFrame {
  const code = error instanceof AppError ? error.code : "INTERNAL";
  return { type: "error", code, message: ERRORS[code].message[locale] };
}

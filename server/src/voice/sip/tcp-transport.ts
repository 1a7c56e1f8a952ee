import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import type { SipEndpoint, SipMessage } from "./message.ts";
import { parseSipMessage, SipParseError } from "./parse.ts";
import { serializeSipMessage } from "./serialize.ts";

export interface TcpTransport {
  readonly local: SipEndpoint;
  /** Whether a connection to `to` is open: requests and responses for that peer then go over it. */
  has(to: SipEndpoint): boolean;
  /** Sends over the open connection to `to`; false when there is none (the caller sends over UDP instead). */
  send(message: SipMessage, to: SipEndpoint): boolean;
  close(): Promise<void>;
}

export interface TcpTransportOptions {
  host: string;
  port: number;
  onMessage(message: SipMessage, source: SipEndpoint): void;
  onMalformed?(reason: SipParseError["reason"] | "no_content_length" | "too_large", source: SipEndpoint): void;
  /** A peer's connection closed (a phone registered over it can no longer be called). */
  onClosed?(source: SipEndpoint): void;
}

/** A SIP message's head is never longer than this; a stream that goes on without one is closed. */
const MAX_MESSAGE = 65_536;
const HEAD_END = Buffer.from("\r\n\r\n");

const key = (e: SipEndpoint) => `${e.address}:${e.port}`;

/**
 * The next whole message of a stream (RFC 3261 §18.3): the head up to the blank line, then exactly Content-Length
 * bytes of body, which a stream must declare. Null while the message is incomplete.
 */
export function nextFrame(buffer: Buffer): { frame: Buffer; rest: Buffer } | { error: "no_content_length" | "too_large" } | null {
  let start = 0;
  // CRLFs between messages are keep-alives (RFC 5626 §3.5.1).
  while (start < buffer.length && (buffer[start] === 0x0d || buffer[start] === 0x0a)) {
    start += 1;
  }
  const end = buffer.indexOf(HEAD_END, start);
  if (end === -1) {
    return buffer.length - start > MAX_MESSAGE ? { error: "too_large" } : null;
  }
  const head = buffer.toString("latin1", start, end);
  const declared = /^(?:content-length|l)[ \t]*:[ \t]*(\d+)[ \t]*\r?$/im.exec(head);
  if (!declared) {
    return { error: "no_content_length" };
  }
  const length = Number(declared[1]);
  if (length > MAX_MESSAGE) {
    return { error: "too_large" };
  }
  const total = end + HEAD_END.length + length;
  if (buffer.length < total) {
    return null;
  }
  return { frame: buffer.subarray(start, total), rest: buffer.subarray(total) };
}

/**
 * SIP over TCP: a listener on the same address and port as UDP, each connection framed by Content-Length and
 * kept by its peer's endpoint, so that responses go back over the connection the request came on (§18.2.2) and
 * a phone that registered over TCP is called over that same connection (it cannot be reached otherwise behind NAT).
 */
export async function openTcpTransport(options: TcpTransportOptions): Promise<TcpTransport> {
  const connections = new Map<string, Socket>();
  const server: Server = createServer((socket) => {
    const peer = { address: socket.remoteAddress?.replace(/^::ffff:/, "") ?? "", port: socket.remotePort ?? 0 };
    connections.set(key(peer), socket);
    let buffered: Buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const next = nextFrame(buffered);
        if (next === null) {
          return;
        }
        if ("error" in next) {
          options.onMalformed?.(next.error, peer);
          socket.destroy();
          return;
        }
        buffered = next.rest;
        let message: SipMessage;
        try {
          message = parseSipMessage(next.frame);
        } catch (error) {
          if (error instanceof SipParseError) {
            options.onMalformed?.(error.reason, peer);
            continue;
          }
          throw error;
        }
        options.onMessage(message, peer);
      }
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      if (connections.get(key(peer)) === socket) {
        connections.delete(key(peer));
        options.onClosed?.(peer);
      }
    });
  });
  server.listen(options.port, options.host);
  await once(server, "listening");
  const address = server.address();
  const local = typeof address === "object" && address !== null ? { address: address.address, port: address.port } : { address: options.host, port: options.port };
  return {
    local,
    has: (to) => connections.has(key(to)),
    send(message, to) {
      const socket = connections.get(key(to));
      if (!socket || socket.destroyed) {
        return false;
      }
      socket.write(serializeSipMessage(message));
      return true;
    },
    async close() {
      for (const socket of connections.values()) {
        socket.destroy();
      }
      server.close();
      await once(server, "close");
    },
  };
}

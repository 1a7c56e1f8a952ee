import { createSocket, type Socket } from "node:dgram";
import { once } from "node:events";
import type { SipEndpoint, SipMessage } from "./message.ts";
import { parseSipMessage, SipParseError } from "./parse.ts";
import { serializeSipMessage } from "./serialize.ts";

export interface UdpTransport {
  /** Where this transport listens (the port is the one the system gave when 0 was asked for). */
  readonly local: SipEndpoint;
  send(message: SipMessage, to: SipEndpoint): void;
  close(): Promise<void>;
}

export interface UdpTransportOptions {
  host: string;
  port: number;
  onMessage(message: SipMessage, source: SipEndpoint): void;
  /** A datagram that is not SIP (a scan, a broken peer): counted by the caller, never answered. */
  onMalformed?(reason: SipParseError["reason"], source: SipEndpoint): void;
}

/** The largest SIP datagram accepted; RFC 3261 §18.1.1 keeps UDP messages under the path MTU anyway. */
const MAX_DATAGRAM = 65_507;

/**
 * SIP over UDP (RFC 3261 §18): one socket, every datagram parsed and handed on with its real source address,
 * which the transaction layer needs for `received`/`rport`. Keep-alive datagrams (only CR/LF) are dropped.
 */
export async function openUdpTransport(options: UdpTransportOptions): Promise<UdpTransport> {
  const socket: Socket = createSocket({ type: options.host.includes(":") ? "udp6" : "udp4", reuseAddr: false });
  socket.on("message", (data, info) => {
    const source = { address: info.address, port: info.port };
    if (data.length > MAX_DATAGRAM || data.every((byte) => byte === 0x0d || byte === 0x0a)) {
      return;
    }
    let message: SipMessage;
    try {
      message = parseSipMessage(data);
    } catch (error) {
      if (error instanceof SipParseError) {
        options.onMalformed?.(error.reason, source);
        return;
      }
      throw error;
    }
    options.onMessage(message, source);
  });
  socket.bind(options.port, options.host);
  await once(socket, "listening");
  const bound = socket.address();
  let closed = false;
  return {
    local: { address: bound.address, port: bound.port },
    send(message, to) {
      // A transaction's retransmission timer may still fire after the gateway stopped: nothing is left to send on.
      if (closed) {
        return;
      }
      // UDP gives no delivery guarantee anyway; a send error (an unreachable peer) is the transactions' time-out.
      socket.send(serializeSipMessage(message), to.port, to.address, () => undefined);
    },
    async close() {
      closed = true;
      socket.close();
      await once(socket, "close");
    },
  };
}

import { createSocket, type Socket } from "node:dgram";
import { once } from "node:events";

export class PortPoolExhausted extends Error {
  constructor() {
    super("no RTP port free in the configured range");
  }
}

/**
 * RTP ports for calls: even ports of a configured range (the odd one above is RTCP's, RFC 3550 §11), each
 * handed out bound to a socket, so a port some other program holds is skipped rather than clashed with.
 */
export class RtpPortPool {
  private readonly inUse = new Set<number>();
  private next: number;

  constructor(
    private readonly host: string,
    private readonly first: number,
    private readonly last: number,
  ) {
    this.next = first + (first % 2);
  }

  get size(): number {
    return this.inUse.size;
  }

  /** A socket bound to a free even port of the range; throws PortPoolExhausted when none is left. */
  async acquire(): Promise<{ port: number; socket: Socket }> {
    const evenPorts = Math.floor((this.last - this.first + 2) / 2);
    for (let tried = 0; tried < evenPorts; tried += 1) {
      const port = this.next;
      this.next = port + 2 > this.last ? this.first + (this.first % 2) : port + 2;
      if (this.inUse.has(port)) {
        continue;
      }
      const socket = createSocket(this.host.includes(":") ? "udp6" : "udp4");
      try {
        socket.bind(port, this.host);
        await once(socket, "listening");
      } catch {
        // Taken by another program: try the next one (a socket that never bound may refuse to close).
        try {
          socket.close();
        } catch {
          // nothing to release
        }
        continue;
      }
      this.inUse.add(port);
      socket.once("close", () => this.inUse.delete(port));
      return { port, socket };
    }
    throw new PortPoolExhausted();
  }
}

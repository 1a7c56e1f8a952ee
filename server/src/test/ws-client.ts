import type { ClientFrame, ServerFrame } from "@bailanys/common/api/contacts";
import WebSocket from "ws";

/** A test's WebSocket: every frame received is kept; waitFor resolves on the first unclaimed frame matching. */
export interface TestSocket {
  frames: ServerFrame[];
  send(frame: ClientFrame): void;
  waitFor<T extends ServerFrame>(match: (frame: ServerFrame) => frame is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  close(): Promise<void>;
}

export async function openSocket(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
  const socket = new WebSocket(url, { headers });
  const frames: ServerFrame[] = [];
  const waiters = new Set<() => void>();
  socket.on("message", (data) => {
    frames.push(JSON.parse(String(data)) as ServerFrame);
    for (const wake of waiters) {
      wake();
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
    socket.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  // Each frame satisfies at most one wait; frames nobody waited for stay available to later waits.
  const consumed = new Set<number>();
  return {
    frames,
    send(frame) {
      socket.send(JSON.stringify(frame));
    },
    waitFor(match: (frame: ServerFrame) => boolean, timeoutMs = 5000) {
      return new Promise<ServerFrame>((resolve, reject) => {
        const check = () => {
          for (let i = 0; i < frames.length; i += 1) {
            const frame = frames[i];
            if (frame && !consumed.has(i) && match(frame)) {
              consumed.add(i);
              waiters.delete(check);
              clearTimeout(timer);
              resolve(frame);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames.slice(-5))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (socket.readyState === socket.CLOSED) {
        return;
      }
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        socket.close();
      });
    },
  } as TestSocket;
}

import { once } from "node:events";
import { request } from "undici";
import WebSocket from "ws";

/**
 * A connection to a child Node process started with `--inspect=127.0.0.1:<port>`: the benchmark asks it to
 * collect garbage and report its memory, so that a figure per open chat is not lost in the noise of when the
 * last collection happened to run.
 */
export class InspectorClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      }
    });
  }

  static async connect(port: number): Promise<InspectorClient> {
    const response = await request(`http://127.0.0.1:${port}/json/list`);
    const [target] = (await response.body.json()) as { webSocketDebuggerUrl: string }[];
    if (!target) {
      throw new Error("the inspected process lists no target");
    }
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await once(socket, "open");
    return new InspectorClient(socket);
  }

  private call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Heap in use and resident memory (KiB) right after a full collection. */
  async memoryAfterGc(): Promise<{ heapKiB: number; rssKiB: number }> {
    await this.call("HeapProfiler.collectGarbage");
    await this.call("HeapProfiler.collectGarbage");
    const result = (await this.call("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true })) as { result: { value: string } };
    const usage = JSON.parse(result.result.value) as { heapUsed: number; rss: number; external: number; arrayBuffers: number };
    return { heapKiB: (usage.heapUsed + usage.external) / 1024, rssKiB: usage.rss / 1024 };
  }

  close(): void {
    this.socket.close();
  }
}

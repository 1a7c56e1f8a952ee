import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../main.ts");

/** A real server process (api + worker roles) on a PostgreSQL database, for tests of several nodes. */
export interface ServerProcess {
  child: ChildProcess;
  base: string;
}

export async function startServerProcess(url: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, "--role=api,worker"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      BAILANYS_SEED_DEMO: "false",
      BAILANYS_WORKER_POLL_MS: "200",
      BAILANYS_CHAT_STARTS_PER_MINUTE: "1000000",
      // Citizens here do not keep a socket open; their waiting chats must not count as abandoned.
      BAILANYS_CHAT_SILENCE_SECONDS: "86400",
      DB_POOL_SIZE: "8",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { child, base: base.replace("localhost", "127.0.0.1") };
}

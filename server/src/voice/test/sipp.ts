import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { once } from "node:events";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const SCENARIOS = path.join(import.meta.dirname, "sipp");

/** Whether SIPp (Debian's sip-tester) is installed; CI installs it and sets BAILANYS_REQUIRE_SIPP=1. */
export function sippAvailable(): boolean {
  const found = ["/usr/bin/sipp", "/usr/local/bin/sipp"].some((p) => existsSync(p));
  if (!found && process.env.BAILANYS_REQUIRE_SIPP === "1") {
    throw new Error("SIPp is required here (BAILANYS_REQUIRE_SIPP=1): apt-get install sip-tester");
  }
  return found;
}

/**
 * Ports for SIPp's own sockets come from a band below the kernel's ephemeral range (32768 and up), where no
 * `bind(0)` of a parallel test can land on them between our check and SIPp's bind, and away from the gateways'
 * RTP ranges in the tests (24000 and up). Each test worker takes its own slice of the band.
 */
const BAND_FIRST = 12_000;
const SLICE = 1_000;
let nextInSlice = 0;

async function bindable(ports: number[]): Promise<boolean> {
  const sockets = ports.map(() => createSocket("udp4"));
  try {
    await Promise.all(
      sockets.map(async (socket, i) => {
        socket.bind(ports[i], "127.0.0.1");
        await once(socket, "listening");
      }),
    );
    return true;
  } catch {
    return false;
  } finally {
    for (const socket of sockets) {
      try {
        socket.close();
      } catch {
        // never bound
      }
    }
  }
}

/**
 * A free UDP port for a SIPp socket. For its media socket (`wide`) SIPp binds the port and the three above
 * (audio, RTCP, video, video RTCP), so all four must be free.
 */
export async function freeUdpPort(wide = false): Promise<number> {
  const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 0) % 20;
  const width = wide ? 4 : 1;
  for (let tried = 0; tried < SLICE / 4; tried += 1) {
    const port = BAND_FIRST + worker * SLICE + nextInSlice;
    nextInSlice = (nextInSlice + 4) % SLICE;
    if (await bindable(Array.from({ length: width }, (_, i) => port + i))) {
      return port;
    }
  }
  throw new Error("no free UDP port for SIPp in this worker's slice");
}

/**
 * The scenario's path, or a copy of it in the temporary directory with each `[name]` of `keys` written in (SIPp
 * reads the files of rtp_stream when it loads the scenario, before its own -key values apply).
 */
function scenarioFile(scenario: string, keys: Record<string, string>): { path: string; copy: boolean } {
  const source = path.join(SCENARIOS, scenario);
  if (Object.keys(keys).length === 0) {
    return { path: source, copy: false };
  }
  let text = readFileSync(source, "utf8");
  for (const [name, value] of Object.entries(keys)) {
    text = text.replaceAll(`[${name}]`, value);
  }
  const copy = path.join(os.tmpdir(), `bailanys-${process.pid}-${randomUUID()}-${scenario}`);
  writeFileSync(copy, text);
  return { path: copy, copy: true };
}

export interface SippRun {
  code: number | null;
  output: string;
}

/**
 * Runs one SIPp scenario of test/sipp against `target` on 127.0.0.1 (or as a phone waiting for a call): one call, bounded by `timeoutSeconds`
 * (SIPp's own exit code says whether every step of the call succeeded), stopped by its PID if it overruns.
 * `keys` fill `[name]` placeholders of the scenario (a file to stream, say).
 */
export async function runSipp(
  scenario: string,
  target: { port: number } | null,
  options: {
    service?: string;
    timeoutSeconds?: number;
    keys?: Record<string, string>;
    localPort?: number;
    /** SIP over one TCP connection (`-t t1`) instead of UDP. */
    tcp?: boolean;
    /** Sends back every RTP packet it receives (`-rtp_echo`): what reached SIPp shows in the gateway's recording. */
    echo?: boolean;
    /** A load: this many calls in all, started at `rate` per second, at most `concurrent` at once (default one). */
    load?: { calls: number; rate: number; concurrent: number };
  } = {},
): Promise<SippRun> {
  const timeout = options.timeoutSeconds ?? 15;
  const file = scenarioFile(scenario, options.keys ?? {});
  // Without a target SIPp waits as a phone (a UAS) on `localPort`.
  const load = options.load ?? { calls: 1, rate: 10, concurrent: 1 };
  const args = [...(target ? [`127.0.0.1:${target.port}`, "-s", options.service ?? "gateway"] : []), "-sf", file.path, "-m", String(load.calls), "-l", String(load.concurrent), "-r", String(load.rate)];
  if (options.tcp) {
    args.push("-t", "t1");
  }
  if (options.echo) {
    args.push("-rtp_echo");
  }
  if (options.localPort !== undefined) {
    args.push("-p", String(options.localPort));
  }
  args.push("-i", "127.0.0.1", "-mi", "127.0.0.1", "-nostdin", "-timeout", `${timeout}s`, "-timeout_error");
  try {
    for (let attempt = 1; ; attempt += 1) {
      const run = await spawnSipp([...args, "-mp", String(await freeUdpPort(true))], timeout);
      // 254 is SIPp's "could not bind a socket", which it says before it sends or answers anything: a port
      // taken between our check and its bind. Nothing of the scenario ran, so running it again is sound.
      if (run.code !== SIPP_BIND_FAILED || attempt === 3) {
        return run;
      }
    }
  } finally {
    // Only the filled-in copy: the checkout itself may well live under the temporary directory.
    if (file.copy) {
      rmSync(file.path, { force: true });
    }
  }
}

const SIPP_BIND_FAILED = 254;

async function spawnSipp(args: string[], timeout: number): Promise<SippRun> {
  const child = spawn("sipp", args, { cwd: os.tmpdir(), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const guard = setTimeout(() => child.kill("SIGKILL"), (timeout + 5) * 1000);
  try {
    const [code] = (await once(child, "exit")) as [number | null];
    return { code, output };
  } finally {
    clearTimeout(guard);
    if (child.exitCode === null) {
      child.kill("SIGKILL");
    }
  }
}


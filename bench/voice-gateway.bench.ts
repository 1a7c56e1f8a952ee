/**
 * The voice gateway under load: SIPp places CALLS calls (default 200) that stay up together, each answered by the
 * gateway, which sends a G.711 packet every 20 ms to every call on its one media clock. Reported: calls held at
 * once, how late the clock's ticks fired (p50/p99/max) while they were all up, CPU of the gateway per call.
 * Baseline in the same run: the same clock driving the same number of plain 172-byte UDP sends to a sink, with
 * no SIP, RTP or recording — the floor of 20 ms pacing in one Node process on this machine.
 */
import { createSocket } from "node:dgram";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { VoiceGateway } from "../server/src/voice/gateway/voice-gateway.ts";
import { MediaClock } from "../server/src/voice/media/media-clock.ts";
import type { MediaEngine } from "../server/src/voice/media/media-engine.ts";
import { runSipp, sippAvailable } from "../server/src/voice/test/sipp.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const HOLD_MS = Number(process.env.BENCH_HOLD_MS ?? 10_000);
const RATE = 50;

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const latenessLine = (label: string, samples: number[]) =>
  `${label.padEnd(44)} ticks=${String(samples.length).padStart(5)}  p50=${percentile(samples, 50).toFixed(2)} ms  p99=${percentile(samples, 99).toFixed(2)} ms  max=${Math.max(...samples).toFixed(2)} ms`;

/**
 * Lateness and CPU of the window in which `busy()` holds, sampled every 100 ms, with the garbage collector's pauses
 * in it. BENCH_PROFILE=<file> also writes a CPU profile of that window alone (open it in Chrome's DevTools).
 */
export async function measureWhile(engine: MediaEngine, busy: () => boolean, until: Promise<unknown>) {
  let finished = false;
  void until.then(() => (finished = true));
  while (!busy() && !finished) {
    await sleep(50);
  }
  const gcPauses: number[] = [];
  const gc = new PerformanceObserver((list) => gcPauses.push(...list.getEntries().map((entry) => entry.duration)));
  gc.observe({ entryTypes: ["gc"] });
  const profile = process.env.BENCH_PROFILE ? await startProfile() : null;
  await engine.lateness();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  while (busy() && !finished) {
    await sleep(100);
  }
  const used = process.cpuUsage(cpu);
  const lateness = await engine.lateness();
  gc.disconnect();
  if (profile && process.env.BENCH_PROFILE) {
    writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(await profile.stop()));
  }
  return { lateness, gcPauses, cpuShare: (used.user + used.system) / 1000 / (performance.now() - t0) };
}

async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      return profile;
    },
  };
}

/** The collector's pauses in a window: how many, how many over 2 ms, the longest. */
export const gcLine = (pauses: number[]) =>
  `  main thread GC pauses (the media thread has its own heap): ${pauses.length}, over 2 ms: ${pauses.filter((ms) => ms > 2).length}, longest ${Math.max(0, ...pauses).toFixed(1)} ms`;

/** The floor: `streams` plain UDP sends per tick for `ms`, on a clock of their own. */
export async function baseline(streams: number, ms: number) {
  const sink = createSocket("udp4");
  sink.on("message", () => undefined);
  sink.bind(0, "127.0.0.1");
  await once(sink, "listening");
  const sender = createSocket("udp4");
  const packet = Buffer.alloc(172, 0xd5);
  const port = sink.address().port;
  const clock = new MediaClock();
  const stop = clock.subscribe(() => {
    for (let i = 0; i < streams; i += 1) {
      sender.send(packet, port, "127.0.0.1");
    }
  });
  const cpu = process.cpuUsage();
  await sleep(ms);
  const used = process.cpuUsage(cpu);
  stop();
  sender.close();
  sink.close();
  return { lateness: clock.lateness.slice(5), cpuShare: (used.user + used.system) / 1000 / ms };
}

export async function benchVoiceGateway(): Promise<string[]> {
  if (!sippAvailable()) {
    return ["Voice gateway: skipped — SIPp is not installed (apt-get install sip-tester)."];
  }
  const gateway = await VoiceGateway.start({ host: "127.0.0.1", sipPort: 0, rtpPorts: { first: 24_000, last: 24_000 + 4 * CALLS }, onCall: () => undefined });
  try {
    const sipp = runSipp("caller-listens.xml", gateway.local, {
      service: "1414",
      keys: { hold: String(HOLD_MS) },
      load: { calls: CALLS, rate: RATE, concurrent: CALLS },
      timeoutSeconds: Math.ceil(HOLD_MS / 1000 + CALLS / RATE + 20),
    });
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, gateway.activeCalls)), 50);
    const loaded = await measureWhile(gateway.media, () => gateway.activeCalls >= CALLS * 0.95, sipp);
    const run = await sipp;
    clearInterval(watch);
    const floor = await baseline(CALLS, 4000);
    const perCall = (share: number) => `${((100 * share) / CALLS).toFixed(3)} % of a core`;
    return [
      `Voice gateway (SIPp caller on 127.0.0.1, ${CALLS} calls, G.711 every 20 ms on one clock)`,
      `  calls held at once: ${peak} of ${CALLS}; SIPp ${run.code === 0 ? "reports every call successful" : `exit ${String(run.code)}: some calls failed`}`,
      latenessLine(`  media clock lateness with ${peak} calls up`, loaded.lateness),
      latenessLine(`baseline: plain UDP sends, ${CALLS} per tick`, floor.lateness),
      `  CPU of the gateway process: ${(100 * loaded.cpuShare).toFixed(1)} % of a core = ${perCall(loaded.cpuShare)} per call (baseline ${(100 * floor.cpuShare).toFixed(1)} %); goal lateness p99 < 5 ms at 200 calls`,
    ];
  } finally {
    await gateway.stop();
  }
}

/**
 * The single number under load, end to end: SIPp places CALLS calls (default 200) to the demo's 109; each hears
 * the language prompt, presses 2 and 0, and waits in the general queue as a phone contact of the routing engine
 * (no operator is ready), hearing its place and the free-waiting notice, until it hangs up after HOLD_MS.
 * Reported: calls held at once and contacts waiting, the media clock's lateness while they all wait, and the
 * voice process's CPU per call. Baseline in the same run: the same clock driving as many plain UDP sends.
 * The database is PGlite unless DATABASE_URL is set (then a fresh database next to the one it names).
 */
import { writeFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { openDatabase } from "../server/src/db/database.ts";
import { migrate } from "../server/src/db/migrate.ts";
import { createEventBus } from "../server/src/realtime/event-bus.ts";
import { seedDemo } from "../server/src/seed/demo-seed.ts";
import { VoiceCentre } from "../server/src/voice/centre/voice-centre.ts";
import { PromptLibrary } from "../server/src/voice/prompts/prompt-library.ts";
import { speechAvailable } from "../server/src/voice/prompts/speech.ts";
import { runSipp, sippAvailable } from "../server/src/voice/test/sipp.ts";
import { dropDatabase, freshDatabase } from "./fresh-database.ts";
import { baseline, gcLine, latenessLine, measureWhile } from "./voice-gateway.bench.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const HOLD_MS = Number(process.env.BENCH_HOLD_MS ?? 15_000);
const RATE = 40;

export async function benchVoiceCentre(): Promise<string[]> {
  if (!sippAvailable()) {
    return ["Voice centre: skipped — SIPp is not installed (apt-get install sip-tester)."];
  }
  const adminUrl = process.env.DATABASE_URL;
  const url = adminUrl ? await freshDatabase(adminUrl, "voice") : null;
  const database = await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 8 });
  await migrate(database);
  await seedDemo(database.db, "bench-password-1", 1024);
  const bus = await createEventBus(database);
  // BENCH_SPEECH=0 replaces generated speech by a tone, to tell its cost from the rest.
  const speech = process.env.BENCH_SPEECH !== "0" && speechAvailable();
  const tone = async () => Int16Array.from({ length: 16_000 }, (_, i) => Math.round(4000 * Math.sin((2 * Math.PI * 425 * i) / 8000)));
  const prompts = speech ? new PromptLibrary() : new PromptLibrary(tone);
  const centre = await VoiceCentre.start({ db: database.db, bus }, { host: "127.0.0.1", sipPort: 0, rtpPorts: { first: 24_000, last: 24_000 + 4 * CALLS }, realm: "bailanys", log: pino({ level: "silent" }), prompts });
  // A centre runs long before its calls come: its prompts are rendered by then.
  await centre.warmed;
  // The floor first, while nothing else runs (after the load the database still writes the recordings).
  const floor = await baseline(CALLS, 4000);
  const quiet = path.join(os.tmpdir(), `bailanys-bench-quiet-${process.pid}.alaw`);
  writeFileSync(quiet, Buffer.alloc(8000, 0xd5));
  try {
    const sipp = runSipp("caller-queues.xml", centre.gateway.local, {
      service: "109",
      keys: { first: "2", second: "0", audio: quiet, talk_ms: String(HOLD_MS) },
      load: { calls: CALLS, rate: RATE, concurrent: CALLS },
      timeoutSeconds: Math.ceil(HOLD_MS / 1000 + CALLS / RATE + 30),
    });
    let peak = 0;
    let waitingPeak = 0;
    const watch = setInterval(() => {
      peak = Math.max(peak, centre.activeCalls);
      void database.db
        .selectFrom("contacts")
        .select(database.db.fn.countAll<number>().as("n"))
        .where("channel", "=", "phone")
        .where("state", "=", "queued")
        .executeTakeFirstOrThrow()
        .then((r) => (waitingPeak = Math.max(waitingPeak, Number(r.n))));
    }, 250);
    const loaded = await measureWhile(centre.gateway.media, () => centre.activeCalls >= CALLS * 0.95, sipp);
    const run = await sipp;
    clearInterval(watch);
    const perCall = (share: number) => `${((100 * share) / CALLS).toFixed(3)} % of a core`;
    return [
      `Voice centre (SIPp callers to 109 on 127.0.0.1 through the menu into the queue, ${CALLS} calls, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, prompts ${speech ? "by espeak-ng" : "as tones"})`,
      `  calls held at once: ${peak} of ${CALLS}; phone contacts waiting at once: ${waitingPeak}; SIPp ${run.code === 0 ? "reports every call successful" : `exit ${String(run.code)}: some calls failed`}`,
      latenessLine(`  media clock lateness with ${peak} calls waiting`, loaded.lateness),
      gcLine(loaded.gcPauses),
      latenessLine(`baseline: plain UDP sends, ${CALLS} per tick`, floor.lateness),
      `  CPU of the voice process: ${(100 * loaded.cpuShare).toFixed(1)} % of a core = ${perCall(loaded.cpuShare)} per call (baseline ${(100 * floor.cpuShare).toFixed(1)} %); goal lateness p99 < 5 ms at 200 calls`,
    ];
  } finally {
    rmSync(quiet, { force: true });
    await centre.stop();
    await bus.close();
    await database.close();
    if (adminUrl && url) {
      await dropDatabase(adminUrl, url);
    }
  }
}

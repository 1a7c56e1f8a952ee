import path from "node:path";
import pino from "pino";
import { buildApp } from "./app.ts";
import { openDatabase } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { ConfigError, loadConfig, type Config } from "./platform/config.ts";
import { applyAdminPassword, DEMO_USERS, generatePassword, isDatabaseEmpty, seedDemo } from "./seed/demo-seed.ts";
import { createEventBus } from "./realtime/event-bus.ts";
import { startWorker, type Worker } from "./worker/worker.ts";
import { DEMO_EXTENSIONS, DEMO_NUMBER } from "./seed/demo-voice.ts";
import { speechAvailable } from "./voice/prompts/speech.ts";
import { VoiceCentre } from "./voice/centre/voice-centre.ts";

function printBanner(config: Config, address: string | null, password: string | null, voice: VoiceCentre | null, sipPassword: string | null): void {
  const sip = voice ? `${voice.gateway.local.address}:${voice.gateway.local.port}` : null;
  const lines = [
    "",
    "  Bailanys is running.",
    address ? `  Open ${address}  (API: ${address}/api/v1, OpenAPI: ${address}/api/v1/openapi.json)` : "  API role not started on this process.",
    address ? `  Operators: ${address}/workspace   Supervisors: ${address}/board   Knowledge editors: ${address}/knowledge` : "",
    address ? `  Citizens: ${address}/chat?tenant=demo, ${address}/kb?tenant=demo, ${address}/status?tenant=demo` : "",
    `  Database: ${config.databaseUrl ? "PostgreSQL" : `embedded PGlite in ${path.join(config.dataDir, "pglite")}`}`,
    `  Roles: ${config.roles.join(", ")}`,
    "",
    `  Demo logins: ${DEMO_USERS.map((u) => u.login).join(", ")}`,
    password
      ? `  Password of every demo login: ${password}`
      : "  Password: the one printed when the demo was created, or BAILANYS_ADMIN_PASSWORD for admin.",
    "",
    sip ? `  Voice: call sip:${DEMO_NUMBER}@${sip} (UDP or TCP). Operators' phones register as ${DEMO_EXTENSIONS[0]}–${DEMO_EXTENSIONS.at(-1)} at ${sip}, realm ${config.voice.realm}` : "  Voice role not started on this process.",
    sip ? (sipPassword ? `  Password of every demo extension: ${sipPassword}  (1001 operator, 1002 senior, 1003 supervisor)` : "  Extension password: the one printed when the demo was created.") : "",
    sip && !speechAvailable() ? "  No espeak-ng here: the voice menu beeps where its words would be (apt-get install espeak-ng)." : "",
    "",
  ].filter((line, i, all) => line !== "" || all[i - 1] !== "");
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite"), poolSize: config.dbPoolSize, keepPoolOpen: true,
    onError: (error) => log.warn({ err: error }, "database connection lost; the pool reconnects"),
  });
  const bus = await createEventBus(database);
  const app = config.roles.includes("api") ? await buildApp({ config, db: database.db, bus, ready: false }) : null;
  let address: string | null = null;
  if (app) {
    // Listen before migrating so that orchestrators see /healthz answer 503 until the schema is ready.
    address = await app.listen({ port: config.port, host: config.host });
    address = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  }
  const applied = await migrate(database);
  if (applied.length > 0) {
    log.info({ applied }, "migrations applied");
  }
  let printedPassword: string | null = null;
  let sipPassword: string | null = null;
  if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
    printedPassword = config.adminPassword ?? generatePassword();
    // Phones keep their password in plain text in their settings: it is never the password of a login.
    sipPassword = generatePassword();
    await seedDemo(database.db, printedPassword, config.argon2MemoryKiB, { password: sipPassword, realm: config.voice.realm });
    log.info("demo contact centre seeded");
  } else if (config.adminPassword) {
    await applyAdminPassword(database.db, config.adminPassword, config.argon2MemoryKiB);
  }
  if (app) {
    app.state.ready = true;
  }
  const worker: Worker | null = config.roles.includes("worker") ? startWorker({ db: database.db, bus }, log, {
          pollMs: config.workerPollMs,
          sweep: { silentChatSeconds: config.chatSilenceSeconds, staleAgentSeconds: config.agentStaleSeconds },
          smtp: config.smtpUrl ? { url: config.smtpUrl, from: config.smtpFrom } : null,
        }) : null;
  const voice = config.roles.includes("voice")
    ? await VoiceCentre.start({ db: database.db, bus }, { ...config.voice, log })
    : null;
  printBanner(config, address, printedPassword, voice, sipPassword);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    log.info({ signal }, "shutting down");
    await app?.close();
    await worker?.stop();
    await voice?.stop();
    await bus.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Bailanys failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * Appeal registration over HTTP (validation, citizen upsert, number, deadline, event, timers, outbox row, audit
 * record, one transaction) against a plain single-row INSERT of the same appeal row into the same database, in
 * the same run, with 1 and 16 concurrent clients.
 *
 * PostgreSQL (DATABASE_URL set): the server runs as its own process (`--role=api`), the load comes from this
 * one over loopback HTTP with keep-alive; the raw inserts use a pg pool of the same size as the clients.
 * PGlite (no DATABASE_URL): server and load share this process and the one embedded connection.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { makeIin } from "@bailanys/common/identity-number";
import { sql } from "kysely";
import pg from "pg";
import { Agent, request } from "undici";
import { createEventBus } from "../server/src/realtime/event-bus.ts";
import { buildApp } from "../server/src/app.ts";
import { openDatabase, type Database } from "../server/src/db/database.ts";
import { migrate } from "../server/src/db/migrate.ts";
import { loadConfig } from "../server/src/platform/config.ts";
import { seedDemo } from "../server/src/seed/demo-seed.ts";
import { closedLoop, formatResult, type LoadResult } from "./load.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PASSWORD = "bench-password-1";
const root = path.resolve(import.meta.dirname, "..");

async function freshPostgres(url: string): Promise<string> {
  const name = `bailanys_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function dropPostgres(adminUrl: string, url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await admin.end();
}

interface Target {
  baseUrl: string;
  database: Database;
  stop(): Promise<void>;
}

async function startServer(databaseUrl: string | null): Promise<Target> {
  const database = await openDatabase({ databaseUrl, dataDir: null, poolSize: 20 });
  await migrate(database);
  await seedDemo(database.db, PASSWORD, 1024);
  if (databaseUrl !== null) {
    const port = 18_000 + (process.pid % 1000);
    const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/bailanys-prof"] : []), "--import", "tsx", path.join(root, "server/src/main.ts"), "--role=api"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", BAILANYS_SEED_DEMO: "false", DB_POOL_SIZE: "20" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i += 1) {
      try {
        const r = await request(`${baseUrl}/healthz`);
        await r.body.dump();
        if (r.statusCode === 200) {
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    return {
      baseUrl,
      database,
      async stop() {
        child.kill("SIGTERM");
        await once(child, "exit");
        await database.close();
      },
    };
  }
  const config = loadConfig({ LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: "0" }, ["--role=api"]);
  const bus = await createEventBus(database);
  const app = await buildApp({ config, db: database.db, bus });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    baseUrl: address,
    database,
    async stop() {
      await app.close();
      await bus.close();
      await database.close();
    },
  };
}

export async function benchAppealRegistration(): Promise<string[]> {
  const adminUrl = process.env.DATABASE_URL ?? null;
  const databaseUrl = adminUrl ? await freshPostgres(adminUrl) : null;
  const target = await startServer(databaseUrl);
  const lines: string[] = [`Appeal registration on ${databaseUrl ? "PostgreSQL" : "PGlite"} (${SECONDS} s per run)`];
  try {
    const agent = new Agent({ connections: 32, pipelining: 1 });
    const login = await request(`${target.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "operator", password: PASSWORD }),
      dispatcher: agent,
    });
    const { token } = (await login.body.json()) as { token: string };
    const db = target.database.db;
    const tenant = await db.selectFrom("tenants").select(["id"]).executeTakeFirstOrThrow();
    const body = await db.selectFrom("bodies").select("id").where("tenant_id", "=", tenant.id).where("is_external", "=", false).executeTakeFirstOrThrow();
    const citizen = await db.selectFrom("citizens").select("id").where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow();
    const iins = Array.from({ length: 500 }, (_, i) => makeIin("1880-01-01", i % 2 === 0 ? "male" : "female", 1000 + i * 3));

    const register = async (client: number, i: number) => {
      const response = await request(`${target.baseUrl}/api/v1/appeals`, {
        method: "POST",
        dispatcher: agent,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({
          typeCode: "statement",
          subject: "Нет воды",
          text: "С утра нет холодной воды по адресу ул. Кенесары, 40.",
          channelCode: "phone",
          citizen: { iin: iins[(client * 31 + Math.abs(i)) % iins.length], fullName: "Тест Тестов", phone: "+77010000000" },
        }),
      });
      await response.body.dump();
      if (response.statusCode !== 201) {
        throw new Error(`status ${response.statusCode}`);
      }
    };

    // The same appeal row as registration writes, inserted alone: the floor of what one registration costs.
    const rawPool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 16 }) : null;
    const rawInsert = async () => {
      const number = `RAW-${randomUUID()}`;
      const values = [tenant.id, number, citizen.id, body.id];
      const text = `insert into appeals (tenant_id, number, citizen_id, type_code, kind_code, criticality_code, language_code, form,
          channel_code, body_id, subject, text, status_code, received_at, term, term_unit, due_at, original_due_at, forward_due_at)
        values ($1, $2, $3, 'statement', 'statement', 'normal', 'ru', 'electronic', 'phone', $4, 'Нет воды',
          'С утра нет холодной воды по адресу ул. Кенесары, 40.', 'registered', now(), 15, 'WD', now() + interval '21 days',
          now() + interval '21 days', now() + interval '3 days')`;
      if (rawPool) {
        await rawPool.query(text, values);
      } else {
        await sql.raw(text.replace("$1", `'${values[0]}'`).replace("$2", `'${values[1]}'`).replace("$3", `'${values[2]}'`).replace("$4", `'${values[3]}'`)).execute(db);
      }
    };

    const results: LoadResult[] = [];
    for (const clients of [1, 16]) {
      const raw = await closedLoop("raw INSERT of the appeal row", clients, SECONDS, () => rawInsert());
      const full = await closedLoop("POST /api/v1/appeals (full)", clients, SECONDS, register);
      results.push(raw, full);
      lines.push(formatResult(raw), formatResult(full), `  → full registration keeps ${((full.throughput / raw.throughput) * 100).toFixed(1)} % of the raw insert rate at ${clients} client(s)`);
    }
    await rawPool?.end();
    await agent.close();
    return lines;
  } finally {
    await target.stop();
    if (adminUrl && databaseUrl) {
      await dropPostgres(adminUrl, databaseUrl);
    }
  }
}

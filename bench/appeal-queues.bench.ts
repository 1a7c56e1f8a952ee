/**
 * Work queues on a large registry: GET /api/v1/appeals for the busiest queues over 100 000 appeals, against the
 * same page fetched by a plain SQL query on the same database in the same run (1 client each).
 */
import { sql } from "kysely";
import pg from "pg";
import { Agent, request } from "undici";
import { createEventBus } from "../server/src/realtime/event-bus.ts";
import { buildApp } from "../server/src/app.ts";
import { openDatabase } from "../server/src/db/database.ts";
import { migrate } from "../server/src/db/migrate.ts";
import { loadConfig } from "../server/src/platform/config.ts";
import { seedDemo } from "../server/src/seed/demo-seed.ts";
import { closedLoop, formatResult } from "./load.ts";

const APPEALS = Number(process.env.BENCH_APPEALS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8) / 2;
const PASSWORD = "bench-password-1";

export async function benchAppealQueues(): Promise<string[]> {
  const adminUrl = process.env.DATABASE_URL ?? null;
  let url: string | null = null;
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const name = `bailanys_bench_q_${process.pid}`;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
  }
  const database = await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 10 });
  const lines = [`Work queues over ${APPEALS} appeals on ${url ? "PostgreSQL" : "PGlite"} (${SECONDS} s per run, 1 client)`];
  try {
    await migrate(database);
    await seedDemo(database.db, PASSWORD, 1024);
    const db = database.db;
    const tenant = await db.selectFrom("tenants").select("id").executeTakeFirstOrThrow();
    const bodies = await db.selectFrom("bodies").select("id").where("is_external", "=", false).execute();
    const citizen = await db.selectFrom("citizens").select("id").executeTakeFirstOrThrow();
    // Bulk rows straight in SQL: a year of registrations, a fifth still open, some overdue.
    await sql`
      insert into appeals (tenant_id, number, citizen_id, type_code, kind_code, criticality_code, language_code, form,
        channel_code, body_id, subject, text, status_code, received_at, registered_at, term, term_unit, due_at,
        original_due_at, forward_due_at, closed_at)
      select ${tenant.id}::uuid, 'B-' || g, ${citizen.id}::uuid, 'statement', 'statement', 'normal', 'ru', 'electronic', 'phone',
        (${sql.val(bodies.map((b) => b.id))}::uuid[])[1 + g % ${bodies.length}], 'Subject ' || g, 'Text', 
        case when g % 5 = 0 then 'in_progress' else 'executed' end,
        now() - make_interval(mins => g * 5), now() - make_interval(mins => g * 5), 15, 'WD',
        now() - make_interval(mins => g * 5) + interval '21 days', now() - make_interval(mins => g * 5) + interval '21 days',
        now() - make_interval(mins => g * 5) + interval '3 days',
        case when g % 5 = 0 then null else now() - make_interval(mins => g * 5) + interval '10 days' end
      from generate_series(1, ${APPEALS}) as g`.execute(db);
    await sql`analyze appeals`.execute(db);

    const config = loadConfig({ LOG_LEVEL: "warn", BAILANYS_ARGON2_MEMORY_KIB: "1024" }, ["--role=api"]);
    const bus = await createEventBus(database);
    const app = await buildApp({ config, db, bus });
    const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    const agent = new Agent({ connections: 4 });
    const login = await request(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "senior", password: PASSWORD }),
    });
    const { token } = (await login.body.json()) as { token: string };
    for (const queue of ["overdue", "all"] as const) {
      const api = await closedLoop(`GET /appeals?queue=${queue}&limit=50`, 1, SECONDS, async () => {
        const r = await request(`${baseUrl}/api/v1/appeals?queue=${queue}&limit=50`, { dispatcher: agent, headers: { authorization: `Bearer ${token}` } });
        await r.body.dump();
        if (r.statusCode !== 200) {
          throw new Error(String(r.statusCode));
        }
      });
      const order = queue === "overdue" ? sql`a.due_at, a.id` : sql`a.registered_at desc, a.id desc`;
      const filter = queue === "overdue" ? sql`and a.closed_at is null and a.due_at < now()` : sql``;
      const raw = await closedLoop(`raw SQL of the same page`, 1, SECONDS, async () => {
        await sql`select a.*, c.full_name from appeals a left join citizens c on c.id = a.citizen_id
          where a.tenant_id = ${tenant.id}::uuid ${filter} order by ${order} limit 51`.execute(db);
      });
      lines.push(formatResult(api), formatResult(raw), `  → the API page costs ${(api.p50 / raw.p50).toFixed(1)}× the raw query at p50 (includes HTTP, auth, audit record of the personal data shown, presentation)`);
    }
    await agent.close();
    await app.close();
    await bus.close();
  } finally {
    await database.close();
    if (adminUrl && url) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
      await admin.end();
    }
  }
  return lines;
}

import { createEventBus } from "../../realtime/event-bus.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { computeDueDate } from "@bailanys/common/calendar";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { openDatabase, type Database, type Db } from "../../db/database.ts";
import { migrate } from "../../db/migrate.ts";
import { applicant, buildTenant, buildUser, signedInStaff, signIn, startTestApp, type ApiClient, type TestContext } from "../../test/harness.ts";
import { testDatabaseKind } from "../../test/test-database.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { runDueTimers } from "./timer.runner.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

/** When an appeal was received and of which type: a term's thresholds are fractions of its calendar span. */
interface Moment {
  receivedAt: string;
  typeCode: string;
}

/**
 * A reception moment for which 80 % of the term has passed by now and the deadline has not: the 50 % and 80 %
 * thresholds lie behind, the deadline ahead, with ten minutes to spare on each side for the test's own run.
 * Computed with the tenant's own calendar, so holidays and weekends cannot shift it. Deadlines fall only on
 * working days, so just before a long holiday a 15-working-day term cannot sit in that window (before Nauryz
 * 2027 its deadline jumps from the day before the break to the day after it); a 90-calendar-day type then can.
 * A sweep over every hour of 2027 and 2028 finds a moment each time.
 */
async function receivedAtPastEightyPercent(db: Db, tenantId: string): Promise<Moment> {
  const rules = await calendarRules(db, tenantId);
  const now = Date.now();
  const types = [
    { typeCode: "statement", term: 15, unit: "WD" as const },
    { typeCode: "rehabilitation_statement", term: 90, unit: "CD" as const },
  ];
  for (const { typeCode, term, unit } of types) {
    for (let hoursBack = 24; hoursBack < 24 * 120; hoursBack += 1) {
      const received = new Date(now - hoursBack * 3_600_000);
      const { dueAt } = computeDueDate(rules, { received, term, unit });
      const span = dueAt.getTime() - received.getTime();
      const spare = 10 * 60_000;
      if (now - received.getTime() >= 0.8 * span + spare && now + spare < dueAt.getTime()) {
        return { receivedAt: received.toISOString(), typeCode };
      }
    }
  }
  throw new Error("no reception time puts a term past 80 % and before its deadline");
}

let serial = 400;
async function register(client: ApiClient, moment: Moment, extra: Record<string, unknown> = {}) {
  serial += 1;
  const response = await client.post("/api/v1/appeals", {
    typeCode: moment.typeCode,
    subject: `Broken lift ${serial}`,
    text: "The lift has not worked for a week.",
    receivedAt: moment.receivedAt,
    citizen: applicant(serial),
    ...extra,
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; number: string; dueAt: string };
}

/** Runs the timers until nothing is left to fire, as the worker's ticks would; returns how many fired. */
async function drain(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const fired = await runDueTimers(db);
    total += fired;
    if (fired === 0) {
      return total;
    }
  }
}

async function eventsOf(db: Db, appealId: string, kind: string) {
  return db.selectFrom("appeal_events").selectAll().where("appeal_id", "=", appealId).where("kind", "=", kind).orderBy("id").execute();
}
const levelsOf = (events: { details: unknown }[]) => events.map((e) => (e.details as { level: number }).level);

/** The URL of the test's own PostgreSQL database, for opening a second handle on it. */
async function postgresUrl(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${rows[0]?.name ?? ""}`;
  return url.toString();
}

/**
 * Storage that outlives a database handle: the test's PostgreSQL database, or a PGlite data directory on disk (an
 * in-memory PGlite dies with its handle and cannot be reopened).
 */
async function durableStorage(): Promise<{ open(): Promise<Database>; dispose(): void }> {
  if (testDatabaseKind() === "postgres") {
    const url = await postgresUrl(ctx.db);
    return { open: () => openDatabase({ databaseUrl: url, poolSize: 4 }), dispose: () => {} };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bailanys-restart-"));
  const dump = process.env.BAILANYS_TEST_PGLITE_DUMP;
  let opened = 0;
  return {
    async open() {
      // The first handle starts from the migrated template (quicker than migrating from scratch); later ones
      // find the data directory as the previous process left it, and migrate() is what start-up would run.
      const template = opened === 0 && dump ? { loadDataDir: new Blob([readFileSync(dump)]) } : {};
      opened += 1;
      const database = await openDatabase({ databaseUrl: null, dataDir, ...template });
      await migrate(database);
      return database;
    },
    dispose: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

describe("escalation timers (R9.3)", () => {
  it("escalates an appeal past 50 % and 80 % of its term to level 2 once, telling each rule's roles", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
    const appeal = await register(supervisor, await receivedAtPastEightyPercent(ctx.db, tenant.tenantId));

    await drain(ctx.db);

    const card = await supervisor.get(`/api/v1/appeals/${appeal.id}`);
    expect(card.body.escalationLevel).toBe(2);
    expect(card.body.overdue).toBe(false);
    const escalated = card.body.events.filter((e: { kind: string }) => e.kind === "escalated");
    expect(escalated.map((e: { details: unknown; clientVisible: boolean }) => [e.details, e.clientVisible])).toEqual([
      [{ level: 1, thresholdPct: 50 }, false],
      [{ level: 2, thresholdPct: 80 }, false],
    ]);
    const staffNotices = await ctx.db
      .selectFrom("notification_outbox")
      .select(["recipient_roles", "params", "audience"])
      .where("appeal_id", "=", appeal.id)
      .where("template", "=", "staff_escalation")
      .orderBy("created_at")
      .execute();
    expect(staffNotices.map((n) => [n.audience, n.recipient_roles, (n.params as { level: string }).level])).toEqual([
      ["staff", ["senior_operator"], "1"],
      ["staff", ["supervisor"], "2"],
    ]);
    // The deadline itself is still ahead: its timer waits.
    const waiting = await ctx.db.selectFrom("timers").select("payload").where("ref_id", "=", appeal.id).where("fired_at", "is", null).where("cancelled_at", "is", null).execute();
    expect(waiting.map((t) => t.payload)).toEqual([{ level: 3 }]);

    const outboxBefore = await ctx.db.selectFrom("notification_outbox").select("id").where("appeal_id", "=", appeal.id).execute();
    await drain(ctx.db);
    expect(levelsOf(await eventsOf(ctx.db, appeal.id, "escalated"))).toEqual([1, 2]);
    expect(await ctx.db.selectFrom("notification_outbox").select("id").where("appeal_id", "=", appeal.id).execute()).toHaveLength(outboxBefore.length);
    const audit = await ctx.db.selectFrom("audit_log").select(["action", "actor_kind"]).where("entity_id", "=", appeal.id).where("action", "=", "appeal.escalate").execute();
    expect(audit).toEqual([
      { action: "appeal.escalate", actor_kind: "system" },
      { action: "appeal.escalate", actor_kind: "system" },
    ]);
  });

  it("does not escalate closed appeals", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
    const moment = await receivedAtPastEightyPercent(ctx.db, tenant.tenantId);
    const answered = await register(supervisor, moment);
    await supervisor.post(`/api/v1/appeals/${answered.id}/transitions`, { to: "in_progress" });
    expect((await supervisor.post(`/api/v1/appeals/${answered.id}/transitions`, { to: "executed", clientMessage: "Repaired." })).status).toBe(200);
    const withdrawn = await register(supervisor, moment);
    expect((await supervisor.post(`/api/v1/appeals/${withdrawn.id}/withdraw`, { reason: "Repaired by the residents" })).status).toBe(200);

    await drain(ctx.db);

    for (const appeal of [answered, withdrawn]) {
      const card = await supervisor.get(`/api/v1/appeals/${appeal.id}`);
      expect(card.body.escalationLevel).toBe(0);
      expect(await eventsOf(ctx.db, appeal.id, "escalated")).toEqual([]);
      expect(await eventsOf(ctx.db, appeal.id, "forward_limit_passed")).toEqual([]);
    }
  });

  it("flags an appeal still awaiting routing 3 working days after receipt, and not one in progress", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
    const tenDaysAgo = { receivedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), typeCode: "statement" };
    const unrouted = await register(supervisor, tenDaysAgo);
    await supervisor.post(`/api/v1/appeals/${unrouted.id}/transitions`, { to: "awaiting_routing" });
    const working = await register(supervisor, tenDaysAgo);
    await supervisor.post(`/api/v1/appeals/${working.id}/transitions`, { to: "in_progress" });

    await drain(ctx.db);

    const flagged = await eventsOf(ctx.db, unrouted.id, "forward_limit_passed");
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.client_visible).toBe(false);
    const notices = await ctx.db.selectFrom("notification_outbox").select(["appeal_id", "recipient_roles"]).where("template", "=", "staff_forward_limit").where("tenant_id", "=", tenant.tenantId).execute();
    expect(notices).toEqual([{ appeal_id: unrouted.id, recipient_roles: ["senior_operator", "supervisor"] }]);
    expect(await eventsOf(ctx.db, working.id, "forward_limit_passed")).toEqual([]);
  });

  it("still fires after a restart: timers planned by one process fire from a new database handle", async () => {
    const storage = await durableStorage();
    try {
      const first = await storage.open();
      const bus = await createEventBus(first);
      const app = await buildApp({ config: ctx.config, db: first.db, bus });
      await app.ready();
      const tenant = await buildTenant(first.db);
      const client = await signIn(app, await buildUser(first.db, tenant.tenantId, { roles: ["supervisor"] }));
      const appeal = await register(client, await receivedAtPastEightyPercent(first.db, tenant.tenantId));
      await app.close();
      await bus.close();
      await first.close();

      const second = await storage.open();
      try {
        await drain(second.db);
        const row = await second.db.selectFrom("appeals").select("escalation_level").where("id", "=", appeal.id).executeTakeFirstOrThrow();
        expect(row.escalation_level).toBe(2);
        expect(levelsOf(await eventsOf(second.db, appeal.id, "escalated"))).toEqual([1, 2]);
        expect(await eventsOf(second.db, appeal.id, "forward_limit_passed")).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      storage.dispose();
    }
  });

  // PGlite is one embedded session inside this process: no other node can hold a timer while this one runs.
  it.skipIf(testDatabaseKind() === "pglite")("still records the 50 % escalation when another node holds its timer while the 80 % one fires", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
    const appeal = await register(supervisor, await receivedAtPastEightyPercent(ctx.db, tenant.tenantId));
    const levelOne = await ctx.db
      .selectFrom("timers")
      .select("id")
      .where("ref_id", "=", appeal.id)
      .where(sql<boolean>`payload->>'level' = '1'`)
      .executeTakeFirstOrThrow();

    const otherNode = await openDatabase({ databaseUrl: await postgresUrl(ctx.db), poolSize: 2 });
    try {
      // The other node has claimed the 50 % timer and is slow to finish it; this node fires the rest meanwhile.
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let claimed: () => void = () => {};
      const isClaimed = new Promise<void>((resolve) => {
        claimed = resolve;
      });
      const slowNode = otherNode.db.transaction().execute(async (trx) => {
        await trx.selectFrom("timers").select("id").where("id", "=", levelOne.id).forUpdate().execute();
        claimed();
        await held;
      });
      await isClaimed;
      await drain(ctx.db);
      release();
      await slowNode;
    } finally {
      await otherNode.close();
    }
    await drain(ctx.db);

    expect(levelsOf(await eventsOf(ctx.db, appeal.id, "escalated"))).toEqual([1, 2]);
    const notices = await ctx.db.selectFrom("notification_outbox").select("recipient_roles").where("appeal_id", "=", appeal.id).where("template", "=", "staff_escalation").execute();
    expect(notices.map((n) => n.recipient_roles).sort()).toEqual([["senior_operator"], ["supervisor"]]);
    const timers = await ctx.db.selectFrom("timers").select("fired_at").where("ref_id", "=", appeal.id).where("fired_at", "is", null).where("cancelled_at", "is", null).execute();
    expect(timers).toHaveLength(1);
  });

  // PGlite is one embedded session inside this process: there is no second node to race against.
  it.skipIf(testDatabaseKind() === "pglite")("fires every timer exactly once when two nodes run them at the same time", async () => {
    await drain(ctx.db);
    const tenant = await buildTenant(ctx.db);
    const supervisor = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
    const moment = await receivedAtPastEightyPercent(ctx.db, tenant.tenantId);
    const appeals: { id: string }[] = [];
    for (let i = 0; i < 50; i += 1) {
      appeals.push(await register(supervisor, moment));
    }

    const url = await postgresUrl(ctx.db);
    const [nodeA, nodeB] = await Promise.all([openDatabase({ databaseUrl: url, poolSize: 4 }), openDatabase({ databaseUrl: url, poolSize: 4 })]);
    try {
      const [a, b] = await Promise.all([drain(nodeA.db), drain(nodeB.db)]);
      // Per appeal: the 50 % and 80 % escalations and the forwarding watch.
      expect(a + b).toBe(50 * 3);
    } finally {
      await Promise.all([nodeA.close(), nodeB.close()]);
    }

    const ids = appeals.map((a) => a.id);
    const events = await ctx.db.selectFrom("appeal_events").select(["appeal_id", "kind", "details"]).where("appeal_id", "in", ids).where("kind", "in", ["escalated", "forward_limit_passed"]).execute();
    for (const id of ids) {
      const mine = events.filter((e) => e.appeal_id === id);
      expect(levelsOf(mine.filter((e) => e.kind === "escalated")).sort()).toEqual([1, 2]);
      expect(mine.filter((e) => e.kind === "forward_limit_passed")).toHaveLength(1);
    }
    const levels = await ctx.db.selectFrom("appeals").select("escalation_level").where("id", "in", ids).execute();
    expect(new Set(levels.map((l) => l.escalation_level))).toEqual(new Set([2]));
    const notices = await ctx.db.selectFrom("notification_outbox").select("id").where("appeal_id", "in", ids).where("audience", "=", "staff").execute();
    expect(notices).toHaveLength(50 * 3);
  });
});

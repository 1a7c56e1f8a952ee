import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.ts";
import { migrate } from "../../db/migrate.ts";
import { applicant, buildTenant, buildUser, signIn, startTestApp, type TestContext } from "../../test/harness.ts";
import type { Db } from "../../db/database.ts";
import { recordAnonymousAudit, sealAuditChains, verifyAuditChain } from "./audit.service.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

/** A contact centre with `count` audit records of its own, sealed; returns the row ids by chain position. */
async function sealedChain(db: Db, count: number): Promise<{ tenantId: string; ids: number[] }> {
  const { tenantId } = await buildTenant(db);
  for (let i = 1; i <= count; i += 1) {
    await recordAnonymousAudit(db, {
      tenantId,
      actorId: null,
      actorLogin: null,
      actorKind: "system",
      action: "test.event",
      entity: "test",
      entityId: String(i),
      ip: null,
      userAgent: null,
      requestId: null,
      details: { n: i },
    });
  }
  await sealAuditChains(db);
  const rows = await db.selectFrom("audit_log").select(["id", "chain_seq"]).where("chain", "=", tenantId).orderBy("chain_seq").execute();
  expect(rows.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  return { tenantId, ids: rows.map((r) => Number(r.id)) };
}

/** What someone with direct database access could do: switch a guard off, change history, switch it back on. */
async function bypassingGuard(db: Db, trigger: "audit_log_no_update" | "audit_log_no_delete", work: () => Promise<unknown>): Promise<void> {
  await sql`alter table audit_log disable trigger ${sql.raw(trigger)}`.execute(db);
  try {
    await work();
  } finally {
    await sql`alter table audit_log enable trigger ${sql.raw(trigger)}`.execute(db);
  }
}

describe("the audit log is append-only", () => {
  it("refuses UPDATE and DELETE of sealed and pending rows alike", async () => {
    const { tenantId, ids } = await sealedChain(ctx.db, 2);
    const [first] = ids;
    await recordAnonymousAudit(ctx.db, { tenantId, actorId: null, actorLogin: null, actorKind: "system", action: "test.pending", entity: null, entityId: null, ip: null, userAgent: null, requestId: null, details: {} });
    const pending = await ctx.db.selectFrom("audit_log").select("id").where("chain", "=", tenantId).where("hash", "is", null).executeTakeFirstOrThrow();

    for (const id of [first, pending.id]) {
      await expect(ctx.db.updateTable("audit_log").set({ details: JSON.stringify({ n: 99 }) }).where("id", "=", Number(id)).execute()).rejects.toThrow(/append-only/);
      await expect(ctx.db.updateTable("audit_log").set({ action: "test.rewritten" }).where("id", "=", Number(id)).execute()).rejects.toThrow(/append-only/);
      await expect(ctx.db.deleteFrom("audit_log").where("id", "=", Number(id)).execute()).rejects.toThrow(/append-only/);
    }
    await expect(sql`truncate audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    // A sealed row cannot be re-sealed with another hash either.
    await expect(ctx.db.updateTable("audit_log").set({ hash: "0".repeat(64) }).where("id", "=", Number(first)).execute()).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(ctx.db, tenantId)).ok).toBe(true);
  });
});

describe("the hash chain", () => {
  it("seals pending rows in order, linking each to the one before, and verifies", async () => {
    const { tenantId } = await buildTenant(ctx.db);
    const event = (n: number) => ({ tenantId, actorId: null, actorLogin: null, actorKind: "system" as const, action: "test.event", entity: null, entityId: null, ip: "10.0.0.1", userAgent: "ua", requestId: null, details: { n, nested: { b: 2, a: [1, "x"] } } });
    for (let n = 1; n <= 3; n += 1) {
      await recordAnonymousAudit(ctx.db, event(n));
    }
    expect(await verifyAuditChain(ctx.db, tenantId)).toMatchObject({ chain: tenantId, ok: true, checked: 0, unsealed: 3 });
    expect(await sealAuditChains(ctx.db)).toBeGreaterThanOrEqual(3);
    expect(await verifyAuditChain(ctx.db, tenantId)).toEqual({ chain: tenantId, ok: true, checked: 3, unsealed: 0, problems: [] });

    const rows = await ctx.db.selectFrom("audit_log").select(["chain_seq", "prev_hash", "hash"]).where("chain", "=", tenantId).orderBy("chain_seq").execute();
    expect(rows[0]?.prev_hash).toBe("");
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);

    // Later records continue the same chain.
    await recordAnonymousAudit(ctx.db, event(4));
    await sealAuditChains(ctx.db);
    expect(await verifyAuditChain(ctx.db, tenantId)).toMatchObject({ ok: true, checked: 4 });
  });

  it("detects an edited row: hash-mismatch at its position", async () => {
    const { tenantId, ids } = await sealedChain(ctx.db, 4);
    await bypassingGuard(ctx.db, "audit_log_no_update", () =>
      ctx.db.updateTable("audit_log").set({ details: JSON.stringify({ n: 200 }) }).where("id", "=", ids[1] ?? 0).execute(),
    );
    const report = await verifyAuditChain(ctx.db, tenantId);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ seq: 2, id: ids[1], problem: "hash-mismatch" }]);
  });

  it("detects a removed row in the middle: a gap and a broken link", async () => {
    const { tenantId, ids } = await sealedChain(ctx.db, 5);
    await bypassingGuard(ctx.db, "audit_log_no_delete", () => ctx.db.deleteFrom("audit_log").where("id", "=", ids[2] ?? 0).execute());
    const report = await verifyAuditChain(ctx.db, tenantId);
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(4);
    expect(report.problems).toEqual([
      { seq: 3, id: null, problem: "gap" },
      { seq: 4, id: ids[3], problem: "broken-link" },
    ]);
  });

  it("detects a cut-off tail: the chain head no longer matches", async () => {
    const { tenantId, ids } = await sealedChain(ctx.db, 5);
    await bypassingGuard(ctx.db, "audit_log_no_delete", () => ctx.db.deleteFrom("audit_log").where("id", "in", ids.slice(3)).execute());
    const report = await verifyAuditChain(ctx.db, tenantId);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ seq: 5, id: null, problem: "head-mismatch" }]);
  });
});

describe("reading personal data is audited", () => {
  it("records who read a citizen on an appeal card, from where; a reader without the right sees a masked citizen", async () => {
    const tenant = await buildTenant(ctx.db);
    const operatorUser = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const operator = await signIn(ctx.app, operatorUser);
    const analystUser = await buildUser(ctx.db, tenant.tenantId, { roles: ["analyst"] });
    const analyst = await signIn(ctx.app, analystUser);
    const person = applicant(41);
    const created = await operator.post("/api/v1/appeals", { typeCode: "request", subject: "Street lights", text: "Broken since May.", citizen: person });
    expect(created.status).toBe(201);
    const appealId: string = created.body.id;
    const citizenId: string = created.body.citizen.id;

    const read = (token: string, agent: string) =>
      ctx.app.inject({ method: "GET", url: `/api/v1/appeals/${appealId}`, remoteAddress: "10.20.30.40", headers: { authorization: `Bearer ${token}`, "user-agent": agent } });

    const byOperator = await read(operator.token, "operator-desk/2.0");
    expect(byOperator.statusCode).toBe(200);
    expect(byOperator.json().citizen).toMatchObject({ iin: person.iin, fullName: person.fullName, masked: false });
    const operatorRecord = await ctx.db.selectFrom("audit_log").selectAll().where("user_agent", "=", "operator-desk/2.0").execute();
    expect(operatorRecord).toHaveLength(1);
    expect(operatorRecord[0]).toMatchObject({
      tenant_id: tenant.tenantId,
      action: "citizen.read",
      actor_id: operatorUser.id,
      actor_login: operatorUser.login,
      actor_kind: "user",
      ip: "10.20.30.40",
      entity: "appeal",
      entity_id: appealId,
      details: { citizenId },
    });

    const byAnalyst = await read(analyst.token, "analyst-board/1.0");
    expect(byAnalyst.statusCode).toBe(200);
    const masked = byAnalyst.json().citizen;
    expect(masked.masked).toBe(true);
    expect(masked.iin).not.toBe(person.iin);
    expect(masked.fullName).not.toBe(person.fullName);
    expect(masked.phone).not.toBe(person.phone);
    expect(JSON.stringify(byAnalyst.json())).not.toContain(person.iin);
    const analystRecord = await ctx.db.selectFrom("audit_log").selectAll().where("user_agent", "=", "analyst-board/1.0").execute();
    expect(analystRecord.map((r) => [r.action, r.actor_id, r.entity_id, r.ip])).toEqual([["appeal.read", analystUser.id, appealId, "10.20.30.40"]]);
    expect(analystRecord[0]?.details).toEqual({});
  });
});

describe("the audit API", () => {
  it("lists a centre's log newest first, page by page, with filters", async () => {
    const tenant = await buildTenant(ctx.db);
    const adminUser = await buildUser(ctx.db, tenant.tenantId, { roles: ["admin"] });
    const admin = await signIn(ctx.app, adminUser);
    const auditor = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["auditor"] }));
    for (const day of ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06"]) {
      expect((await admin.request("PUT", `/api/v1/calendar/overrides/${day}`, { kind: "off" })).status).toBe(200);
    }
    // Another centre's records never show.
    const other = await buildTenant(ctx.db);
    await signIn(ctx.app, await buildUser(ctx.db, other.tenantId, { roles: ["admin"] }));

    const expected = await ctx.db.selectFrom("audit_log").select(["id", "action"]).where("tenant_id", "=", tenant.tenantId).orderBy("id", "desc").execute();
    expect(expected.length).toBe(7); // 2 sign-ins and 5 calendar edits

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: { id: number }[]; nextCursor: string | null } } = await auditor.get(
        `/api/v1/audit?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected.map((e) => Number(e.id)));

    const edits = await auditor.get("/api/v1/audit?action=calendar.set_override&lang=kk");
    expect(edits.body.items).toHaveLength(5);
    expect(edits.body.items[0]).toMatchObject({ actorId: adminUser.id, actorLogin: adminUser.login, entity: "calendar", details: { date: "2026-02-06", kind: "off" }, sealed: false });
    const byActor = await auditor.get(`/api/v1/audit?actorId=${adminUser.id}`);
    expect(byActor.body.items.map((i: { action: string }) => i.action).sort()).toEqual(["auth.login", ...Array(5).fill("calendar.set_override")]);
    const logins = await auditor.get("/api/v1/audit?action=auth.");
    expect(logins.body.items.map((i: { action: string }) => i.action)).toEqual(["auth.login", "auth.login"]);
    // A wildcard typed into the filter is taken literally.
    expect((await auditor.get("/api/v1/audit?action=calendar_set")).body.items).toHaveLength(0);
    expect((await auditor.get("/api/v1/audit?action=%25")).body.items).toHaveLength(0);
    const future = await auditor.get(`/api/v1/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.items).toHaveLength(0);

    const badCursor = await auditor.get("/api/v1/audit?cursor=nonsense");
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.fields).toContainEqual(expect.objectContaining({ field: "query.cursor", code: "FIELD_INVALID" }));
  });

  it("verifies the chain for an auditor, reports tampering, and refuses an operator", async () => {
    const { tenantId, ids } = await sealedChain(ctx.db, 3);
    const auditor = await signIn(ctx.app, await buildUser(ctx.db, tenantId, { roles: ["auditor"] }));
    const operator = await signIn(ctx.app, await buildUser(ctx.db, tenantId, { roles: ["operator"] }));

    const good = await auditor.post("/api/v1/audit/verify");
    expect(good.status).toBe(200);
    // The sign-ins were sealed too before verifying.
    expect(good.body).toEqual({ chain: tenantId, ok: true, checked: 5, unsealed: 0, problems: [] });
    const verifyRecord = await ctx.db.selectFrom("audit_log").select("details").where("chain", "=", tenantId).where("action", "=", "audit.verify").execute();
    expect(verifyRecord.map((r) => r.details)).toEqual([{ ok: true, checked: 5 }]);

    const refused = await operator.post("/api/v1/audit/verify");
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
    expect((await operator.get("/api/v1/audit")).status).toBe(403);

    await bypassingGuard(ctx.db, "audit_log_no_update", () =>
      ctx.db.updateTable("audit_log").set({ entity_id: "forged" }).where("id", "=", ids[0] ?? 0).execute(),
    );
    const bad = await auditor.post("/api/v1/audit/verify");
    expect(bad.body.ok).toBe(false);
    expect(bad.body.problems).toEqual([{ seq: 1, id: ids[0], problem: "hash-mismatch" }]);
  });
});

describe("npm run audit:verify", () => {
  const root = path.resolve(import.meta.dirname, "../../../..");
  const script = path.join(root, "server/src/cli/audit-verify.ts");
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "bailanys-audit-cli-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function runCli() {
    const env: NodeJS.ProcessEnv = { ...process.env, BAILANYS_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
    delete env.DATABASE_URL;
    const result = spawnSync(process.execPath, ["--import", "tsx", script], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    return { code: result.status, out: result.stdout, err: result.stderr };
  }

  // Two processes and, without a template to start from, a fresh database cluster on disk: slower than the rest.
  it("exits 0 on an intact log and 1 with the problem listed once a row was changed", { timeout: 120_000 }, async () => {
    // Starting from the migrated template (when this run has one) saves creating a cluster from scratch.
    const template = process.env.BAILANYS_TEST_PGLITE_DUMP;
    let database = await openDatabase({
      databaseUrl: null,
      dataDir: path.join(dataDir, "pglite"),
      ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
    });
    await migrate(database);
    const { tenantId } = await buildTenant(database.db);
    for (const chainTenant of [tenantId, tenantId, null]) {
      await recordAnonymousAudit(database.db, { tenantId: chainTenant, actorId: null, actorLogin: null, actorKind: "anonymous", action: "auth.login_failed", entity: "user", entityId: null, ip: "10.0.0.9", userAgent: null, requestId: null, details: { reason: "unknown-login" } });
    }
    await database.close();

    const intact = runCli();
    expect(intact.err).toBe("");
    expect(intact.code).toBe(0);
    expect(intact.out).toContain(`${tenantId}: ok (2 sealed, 0 unsealed)`);
    expect(intact.out).toContain("platform: ok (1 sealed, 0 unsealed)");

    database = await openDatabase({ databaseUrl: null, dataDir: path.join(dataDir, "pglite") });
    const second = await database.db.selectFrom("audit_log").select("id").where("chain", "=", tenantId).where("chain_seq", "=", 2).executeTakeFirstOrThrow();
    await bypassingGuard(database.db, "audit_log_no_update", () =>
      database.db.updateTable("audit_log").set({ ip: "192.0.2.1" }).where("id", "=", Number(second.id)).execute(),
    );
    await database.close();

    const tampered = runCli();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`${tenantId}: TAMPERED (2 sealed, 0 unsealed) — seq 2 (id ${second.id}): hash-mismatch`);
    expect(tampered.out).toContain("platform: ok");
  });

  it("exits 2 without touching anything when there is no database to verify", () => {
    const missing = path.join(dataDir, "nowhere");
    const env: NodeJS.ProcessEnv = { ...process.env, BAILANYS_DATA_DIR: missing };
    delete env.DATABASE_URL;
    const result = spawnSync(process.execPath, ["--import", "tsx", script], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("No database");
  });
});

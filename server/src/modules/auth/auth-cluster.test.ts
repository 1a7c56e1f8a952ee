import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Database } from "../../db/database.ts";
import { sha256Hex } from "../../platform/hash.ts";
import { buildTenant, buildUser } from "../../test/harness.ts";
import { startServerProcess, type ServerProcess } from "../../test/server-process.ts";
import { openTestDatabase, testDatabaseKind } from "../../test/test-database.ts";

/**
 * Each node remembers who a token belongs to for half a minute; a change made on one node must still end the
 * sign-in on every node at once. Two real server processes on one PostgreSQL: the caller is remembered by B,
 * the change is made through A, and B refuses the next request.
 */
const onPostgres = testDatabaseKind() === "postgres";

async function tokenFor(database: Database, tenantId: string, userId: string): Promise<{ token: string; id: string }> {
  const token = `bt_${randomBytes(24).toString("base64url")}`;
  const row = await database.db
    .insertInto("api_tokens")
    .values({ tenant_id: tenantId, user_id: userId, name: "cluster test", token_hash: sha256Hex(token), token_prefix: token.slice(0, 8) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { token, id: row.id };
}

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** The status B answers, polled until it is `expected` or two seconds pass (an event takes milliseconds). */
async function statusSoon(base: string, token: string, expected: number): Promise<number> {
  const until = Date.now() + 2000;
  for (;;) {
    const status = await call(base, token, "GET", "/auth/me");
    if (status === expected || Date.now() > until) {
      return status;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!onPostgres)("remembered sign-ins across two processes", () => {
  let database: Database;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    const url = database.url;
    if (!url) {
      throw new Error("the PostgreSQL test database has no URL");
    }
    servers.push(await startServerProcess(url), await startServerProcess(url));
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill("SIGTERM");
    }
    await database.close();
  });

  /** An administrator and an operator of a new centre, each with an API token; node B has seen the operator. */
  async function adminAndRememberedOperator() {
    const [a = "", b = ""] = servers.map((s) => s.base);
    const tenant = await buildTenant(database.db);
    const admin = await buildUser(database.db, tenant.tenantId, { roles: ["admin"] });
    const operator = await buildUser(database.db, tenant.tenantId, { roles: ["operator"] });
    const adminToken = await tokenFor(database, tenant.tenantId, admin.id);
    const operatorToken = await tokenFor(database, tenant.tenantId, operator.id);
    expect(await call(b, operatorToken.token, "GET", "/auth/me")).toBe(200);
    return { a, b, operator, adminToken, operatorToken };
  }

  it("a token revoked through one node is refused by the other at once", { timeout: 60_000 }, async () => {
    const { a, b, adminToken, operatorToken } = await adminAndRememberedOperator();
    expect(await call(a, adminToken.token, "DELETE", `/auth/tokens/${operatorToken.id}`)).toBe(204);
    expect(await statusSoon(b, operatorToken.token, 401)).toBe(401);
  });

  it("a user deactivated through one node is refused by the other at once, and their open socket there closes", { timeout: 60_000 }, async () => {
    const { a, b, operator, adminToken, operatorToken } = await adminAndRememberedOperator();
    const socket = new WebSocket(`${b.replace("http", "ws")}/api/v1/ws`, { headers: { authorization: `Bearer ${operatorToken.token}` } });
    await once(socket, "open");
    const closed = once(socket, "close");
    const deactivate = { fullName: "Test User", roles: ["operator"], locale: "ru", active: false };
    expect(await call(a, adminToken.token, "PUT", `/users/${operator.id}`, deactivate)).toBe(200);
    expect(await statusSoon(b, operatorToken.token, 401)).toBe(401);
    const [code] = (await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve(["still open"]), 2000))])) as [unknown];
    expect(code).toBe(4401);
  });
});

import { ERRORS } from "@bailanys/common/errors";
import { permissionsOf } from "@bailanys/common/permissions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, buildTenant, buildUser, startTestApp, type TestContext, type TestTenant, type TestUser } from "../../test/harness.ts";

const MAX_FAILURES = 3;
let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await startTestApp({ BAILANYS_LOGIN_MAX_FAILURES: String(MAX_FAILURES) });
  tenant = await buildTenant(ctx.db);
});
afterAll(async () => ctx.close());

// Sign-in is rate limited per address; each test signs in from addresses of its own.
let addressCounter = 0;
const newAddress = () => {
  addressCounter += 1;
  return `10.1.${Math.floor(addressCounter / 200)}.${(addressCounter % 200) + 1}`;
};

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
}

async function call(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  options: { payload?: object; headers?: Record<string, string>; ip?: string; cookie?: string } = {},
): Promise<Reply> {
  const response = await ctx.app.inject({
    method,
    url,
    remoteAddress: options.ip ?? "10.9.9.9",
    headers: { ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) },
    ...(options.payload !== undefined ? { payload: options.payload } : {}),
  });
  return { status: response.statusCode, body: response.body === "" ? null : JSON.parse(response.body), headers: response.headers };
}

const login = (user: { login: string; password: string }, ip = newAddress(), userAgent = "vitest-browser/1.0") =>
  call("POST", "/api/v1/auth/login", { payload: { login: user.login, password: user.password }, ip, headers: { "user-agent": userAgent } });

async function signedIn(user: TestUser): Promise<{ token: string; csrfToken: string; cookie: string }> {
  const response = await login(user);
  expect(response.status).toBe(200);
  const setCookie = String(response.headers["set-cookie"]);
  return { token: response.body.token, csrfToken: response.body.csrfToken, cookie: setCookie.split(";")[0] ?? "" };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const withoutRequestId = (body: { error: Record<string, unknown> }) => ({ ...body.error, requestId: undefined });

describe("signing in", () => {
  it("opens a session with the right password, also when the login is typed in another case", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const before = Date.now();
    const response = await login({ login: user.login.toUpperCase(), password: user.password });
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^bs_/);
    expect(response.body.csrfToken.length).toBeGreaterThan(20);
    expect(response.body.user).toMatchObject({ id: user.id, login: user.login, roles: ["operator"] });
    // Sessions last BAILANYS_SESSION_TTL_HOURS (12 by default).
    const ttl = Date.parse(response.body.expiresAt) - before;
    expect(ttl).toBeGreaterThan(11.9 * 3_600_000);
    expect(ttl).toBeLessThan(12.1 * 3_600_000);
    const me = await call("GET", "/api/v1/auth/me", { headers: bearer(response.body.token) });
    expect(me.body.id).toBe(user.id);
  });

  it("answers a wrong password and an unknown login alike", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const wrong = await login({ login: user.login, password: "not the password" });
    const unknown = await login({ login: `nobody_${user.login}`, password: "not the password" });
    const empty = await login({ login: user.login, password: "" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("INVALID_CREDENTIALS");
    expect(unknown.status).toBe(401);
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
    // An empty password is a form error, not a sign-in attempt.
    expect(empty.status).toBe(400);
  });

  it(`locks the account after ${MAX_FAILURES} failures, even against the right password, and audits the lock`, async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      statuses.push((await login({ login: user.login, password: `wrong ${i}` })).status);
    }
    expect(statuses).toEqual([...Array(MAX_FAILURES - 1).fill(401), 423]);
    const right = await login(user);
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe("ACCOUNT_LOCKED");
    expect(right.body.error.message).toBe(ERRORS.ACCOUNT_LOCKED.message.ru);

    const audit = await ctx.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", user.id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual([...Array(MAX_FAILURES - 1).fill("auth.login_failed"), "auth.account_locked", "auth.login_failed"]);
    expect(audit[audit.length - 1]?.details).toEqual({ reason: "locked" });

    // The lock runs out by itself (BAILANYS_LOGIN_LOCK_MINUTES); then the right password works again.
    await ctx.db.updateTable("users").set({ locked_until: new Date(Date.now() - 1000) }).where("id", "=", user.id).execute();
    expect((await login(user)).status).toBe(200);
  });

  it("sets an HttpOnly, SameSite=Strict session cookie for the whole site", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const response = await login(user);
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(new RegExp(`^bailanys_session=${response.body.token};`));
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).toMatch(/;\s*Expires=/i);
  });

  it("rate limits sign-in to 20 attempts a minute from one address", async () => {
    const ip = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      statuses.push((await login({ login: "nobody-at-all", password: "guess" }, ip)).status);
    }
    expect(statuses).toEqual(Array(20).fill(401));
    const limited = await login({ login: "nobody-at-all", password: "guess" }, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(limited.body.error.message).toBe(ERRORS.RATE_LIMITED.message.ru);
    // Another address is not affected.
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    expect((await login(user)).status).toBe(200);
  });
});

describe("the session", () => {
  it("with the cookie, needs the CSRF token on writes and not on reads", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const { cookie, csrfToken } = await signedIn(user);

    const read = await call("GET", "/api/v1/auth/me", { cookie });
    expect(read.status).toBe(200);
    // A reloaded page learns the CSRF token from /auth/me, or from the start-up probe that never answers 401.
    expect(read.body.csrfToken).toBe(csrfToken);
    const probe = await call("GET", "/api/v1/auth/session", { cookie });
    expect(probe.status).toBe(200);
    expect(probe.body.user).toMatchObject({ id: user.id, csrfToken });
    const nobody = await call("GET", "/api/v1/auth/session", {});
    expect(nobody.status).toBe(200);
    expect(nobody.body).toEqual({ user: null });

    const missing = await call("PATCH", "/api/v1/auth/me", { cookie, payload: { locale: "kk" } });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe("CSRF_FAILED");
    const wrong = await call("PATCH", "/api/v1/auth/me", { cookie, payload: { locale: "kk" }, headers: { "x-csrf-token": `${csrfToken}x` } });
    expect(wrong.body.error.code).toBe("CSRF_FAILED");
    const stored = await ctx.db.selectFrom("users").select("locale").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(stored.locale).toBe("en");

    const good = await call("PATCH", "/api/v1/auth/me", { cookie, payload: { locale: "kk" }, headers: { "x-csrf-token": csrfToken } });
    expect(good.status).toBe(200);
    expect(good.body.locale).toBe("kk");
  });

  it("with the bearer token from the login answer, needs no CSRF token", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const { token } = await signedIn(user);
    const response = await call("PATCH", "/api/v1/auth/me", { headers: bearer(token), payload: { locale: "ru" } });
    expect(response.status).toBe(200);
    expect(response.body.locale).toBe("ru");
  });

  it("ends on sign-out: the token and the cookie stop working", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const { token, cookie, csrfToken } = await signedIn(user);
    const other = await signedIn(user);
    const out = await call("POST", "/api/v1/auth/logout", { cookie, headers: { "x-csrf-token": csrfToken } });
    expect(out.status).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/^bailanys_session=;/);
    for (const attempt of [{ headers: bearer(token) }, { cookie }]) {
      const me = await call("GET", "/api/v1/auth/me", attempt);
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe("UNAUTHENTICATED");
    }
    // Only that session ended; the same user's other session goes on.
    expect((await call("GET", "/api/v1/auth/me", { headers: bearer(other.token) })).status).toBe(200);
  });

  it("GET /auth/me tells the user's roles and every permission they grant", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator", "auditor"], unitId: tenant.unitId, bodyId: tenant.bodyId });
    const { token } = await signedIn(user);
    const me = await call("GET", "/api/v1/auth/me", { headers: bearer(token) });
    expect(me.body).toMatchObject({ id: user.id, tenantId: tenant.tenantId, login: user.login, roles: ["operator", "auditor"], unitId: tenant.unitId, bodyId: tenant.bodyId });
    expect(me.body.permissions).toEqual([...permissionsOf(["operator", "auditor"])].sort());
    expect(me.body.permissions).toEqual(expect.arrayContaining(["citizen.write", "audit.verify"]));
    expect(me.body.permissions).not.toContain("users.write");
  });

  it("after PATCH /auth/me {locale: kk} answers errors in Kazakh, in every later session too", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const { token } = await signedIn(user);
    const before = await call("GET", "/api/v1/users", { headers: bearer(token) });
    expect(before.body.error.message).toBe(ERRORS.FORBIDDEN.message.en);
    expect((await call("PATCH", "/api/v1/auth/me", { headers: bearer(token), payload: { locale: "kk" } })).status).toBe(200);
    const after = await call("GET", "/api/v1/users", { headers: bearer(token) });
    expect(after.body.error.message).toBe(ERRORS.FORBIDDEN.message.kk);
    const again = await signedIn(user);
    const later = await call("PATCH", "/api/v1/auth/me", { headers: bearer(again.token), payload: { locale: "de" } });
    expect(later.body.error.message).toBe(ERRORS.VALIDATION_FAILED.message.kk);
  });
});

describe("API tokens", () => {
  it("an administrator issues one; it acts as its user until revoked", async () => {
    const admin = await buildUser(ctx.db, tenant.tenantId, { roles: ["admin"] });
    const integration = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const { token: adminToken } = await signedIn(admin);

    const issued = await call("POST", "/api/v1/auth/tokens", { headers: bearer(adminToken), payload: { name: "CRM bridge", userId: integration.id, expiresInDays: 30 } });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^bt_/);
    expect(issued.body.apiToken).toMatchObject({ name: "CRM bridge", userId: integration.id, revokedAt: null });

    const me = await call("GET", "/api/v1/auth/me", { headers: bearer(issued.body.token) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: integration.id, roles: ["operator"], csrfToken: null });
    // It writes without a CSRF token, with its user's rights and no more.
    expect((await call("PATCH", "/api/v1/auth/me", { headers: bearer(issued.body.token), payload: { locale: "ru" } })).status).toBe(200);
    expect((await call("GET", "/api/v1/users", { headers: bearer(issued.body.token) })).status).toBe(403);

    // The list shows the token without its secret.
    const list = await call("GET", "/api/v1/auth/tokens", { headers: bearer(adminToken) });
    const listed = list.body.items.find((t: { id: string }) => t.id === issued.body.apiToken.id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(issued.body.token);

    const revoked = await call("DELETE", `/api/v1/auth/tokens/${issued.body.apiToken.id}`, { headers: bearer(adminToken) });
    expect(revoked.status).toBe(204);
    const after = await call("GET", "/api/v1/auth/me", { headers: bearer(issued.body.token) });
    expect(after.status).toBe(401);
    // Revoking twice finds nothing to revoke.
    expect((await call("DELETE", `/api/v1/auth/tokens/${issued.body.apiToken.id}`, { headers: bearer(adminToken) })).status).toBe(404);
  });

  it("cannot be revoked, or issued for a user, across contact centres", async () => {
    const admin = await buildUser(ctx.db, tenant.tenantId, { roles: ["admin"] });
    const otherTenant = await buildTenant(ctx.db);
    const otherAdmin = await buildUser(ctx.db, otherTenant.tenantId, { roles: ["admin"] });
    const { token: adminToken } = await signedIn(admin);
    const { token: otherToken } = await signedIn(otherAdmin);
    const issued = await call("POST", "/api/v1/auth/tokens", { headers: bearer(adminToken), payload: { name: "mine" } });
    expect(issued.status).toBe(201);

    const foreign = await call("DELETE", `/api/v1/auth/tokens/${issued.body.apiToken.id}`, { headers: bearer(otherToken) });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("NOT_FOUND");
    expect((await call("GET", "/api/v1/auth/me", { headers: bearer(issued.body.token) })).body.id).toBe(admin.id);
    const otherList = await call("GET", "/api/v1/auth/tokens", { headers: bearer(otherToken) });
    expect(otherList.body.items.map((t: { id: string }) => t.id)).not.toContain(issued.body.apiToken.id);

    const forForeignUser = await call("POST", "/api/v1/auth/tokens", { headers: bearer(otherToken), payload: { name: "steal", userId: admin.id } });
    expect(forForeignUser.status).toBe(400);
    expect(forForeignUser.body.error.fields).toContainEqual(expect.objectContaining({ field: "userId", code: "REFERENCE_UNKNOWN" }));
  });
});

describe("the audit trail of signing in", () => {
  it("records every sign-in, failure and sign-out with address and user agent, and never a password", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const ip = newAddress();
    const agent = "Mozilla/5.0 (audit check)";
    const wrongPassword = "Tr0ub4dor&3-wrong";
    const unknownLogin = `ghost_${user.login}`;
    expect((await login({ login: user.login, password: wrongPassword }, ip, agent)).status).toBe(401);
    expect((await login({ login: unknownLogin, password: wrongPassword }, ip, agent)).status).toBe(401);
    const ok = await login(user, ip, agent);
    expect(ok.status).toBe(200);
    expect((await call("POST", "/api/v1/auth/logout", { headers: { ...bearer(ok.body.token), "user-agent": agent }, ip })).status).toBe(204);

    const rows = await ctx.db.selectFrom("audit_log").selectAll().where("ip", "=", ip).orderBy("id").execute();
    expect(rows.map((r) => [r.action, r.actor_id, r.tenant_id])).toEqual([
      ["auth.login_failed", user.id, tenant.tenantId],
      ["auth.login_failed", null, null],
      ["auth.login", user.id, tenant.tenantId],
      ["auth.logout", user.id, tenant.tenantId],
    ]);
    for (const row of rows) {
      expect(row.user_agent).toBe(agent);
      expect(row.request_id).toBeTruthy();
    }
    expect(rows[1]?.details).toEqual({ reason: "unknown-login" });

    const everything = JSON.stringify(await ctx.db.selectFrom("audit_log").selectAll().execute());
    expect(everything).not.toContain(wrongPassword);
    expect(everything).not.toContain(user.password);
    expect(everything).not.toContain(ok.body.token);
  });
});

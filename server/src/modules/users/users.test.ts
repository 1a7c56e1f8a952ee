import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, buildTenant, buildUser, startTestApp, type ApiClient, type TestContext, type TestTenant, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

// Sign-in allows 20 attempts a minute per address; each attempt here comes from an address of its own.
let addresses = 0;
async function login(user: { login: string; password: string }) {
  addresses += 1;
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress: `10.6.${Math.floor(addresses / 200)}.${(addresses % 200) + 1}`,
    payload: { login: user.login, password: user.password },
  });
  return { status: response.statusCode, body: response.json() };
}
async function signIn(user: { login: string; password: string }): Promise<ApiClient> {
  const response = await login(user);
  expect(response.status).toBe(200);
  return bearerClient(ctx.app, response.body.token);
}

async function centre(): Promise<{ tenant: TestTenant; adminUser: TestUser; admin: ApiClient }> {
  const tenant = await buildTenant(ctx.db);
  const adminUser = await buildUser(ctx.db, tenant.tenantId, { roles: ["admin"] });
  return { tenant, adminUser, admin: await signIn(adminUser) };
}

const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) => (body.error.fields ?? []).map((f) => `${f.field}:${f.code}`);
const newLogin = (prefix: string) => `${prefix}.${randomBytes(3).toString("hex")}`;
const PASSWORD = "first password 2026";

function account(overrides: Record<string, unknown> = {}) {
  return { login: newLogin("aigerim"), fullName: "Айгерим Сәрсенова", roles: ["operator"], locale: "kk", password: PASSWORD, ...overrides };
}

/** The body of PUT /users/:id for a user as GET /users shows them, with changes. */
function update(user: Record<string, unknown>, changes: Record<string, unknown>) {
  const { fullName, email, roles, locale, bodyId, unitId, positionId, active } = user;
  return { fullName, email, roles, locale, bodyId, unitId, positionId, active, ...changes };
}

describe("staff accounts", () => {
  it("an administrator opens an account; its user signs in and sees their roles", async () => {
    const { tenant, admin } = await centre();
    const body = account({ email: "aigerim@example.kz", bodyId: tenant.bodyId, unitId: tenant.unitId, positionId: tenant.positionId });
    const created = await admin.post("/api/v1/users", body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      login: body.login,
      fullName: "Айгерим Сәрсенова",
      email: "aigerim@example.kz",
      roles: ["operator"],
      locale: "kk",
      bodyId: tenant.bodyId,
      unitId: tenant.unitId,
      positionId: tenant.positionId,
      active: true,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: expect.any(String),
    });
    const signedIn = await login({ login: body.login, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: created.body.id, roles: ["operator"], locale: "kk", unitId: tenant.unitId });
    const audit = await ctx.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", created.body.id).where("action", "=", "user.create").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it("refuses a login that exists in any letter case, a short password and a misplaced unit", async () => {
    const { tenant, admin } = await centre();
    const first = await admin.post("/api/v1/users", account());
    expect(first.status).toBe(201);
    const count = async () => (await ctx.db.selectFrom("users").select("id").where("tenant_id", "=", tenant.tenantId).execute()).length;
    const before = await count();

    const duplicate = await admin.post("/api/v1/users", account({ login: first.body.login.toUpperCase() }));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.code).toBe("VALIDATION_FAILED");
    expect(fieldCodes(duplicate.body)).toEqual(["login:ALREADY_EXISTS"]);

    const short = await admin.post("/api/v1/users", account({ password: "123456789" }));
    expect(fieldCodes(short.body)).toEqual(["password:FIELD_TOO_SHORT"]);
    const badLogin = await admin.post("/api/v1/users", account({ login: "no spaces please" }));
    expect(fieldCodes(badLogin.body)).toEqual(["login:FIELD_INVALID"]);
    const noRole = await admin.post("/api/v1/users", account({ roles: [] }));
    expect(fieldCodes(noRole.body)).toEqual(["roles:FIELD_TOO_SHORT"]);
    const unknownRole = await admin.post("/api/v1/users", account({ roles: ["overlord"] }));
    expect(unknownRole.status).toBe(400);
    expect(fieldCodes(unknownRole.body)).toContain("roles.0:FIELD_INVALID");
    // The unit must belong to the body the user is placed in.
    const misplaced = await admin.post("/api/v1/users", account({ bodyId: tenant.bodyId, unitId: tenant.otherUnitId }));
    expect(fieldCodes(misplaced.body)).toEqual(["unitId:REFERENCE_UNKNOWN"]);
    const blankName = await admin.post("/api/v1/users", account({ fullName: "   " }));
    expect(fieldCodes(blankName.body)).toEqual(["fullName:FIELD_REQUIRED"]);

    expect(await count()).toBe(before);
  });

  it("a role change takes effect on the user's very next request", async () => {
    const { tenant, admin } = await centre();
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const client = await signIn(user);
    expect((await client.get("/api/v1/users")).status).toBe(403);

    const listed = (await admin.get(`/api/v1/users?q=${user.login}`)).body.items[0];
    const changed = await admin.request("PUT", `/api/v1/users/${user.id}`, update(listed, { roles: ["operator", "supervisor"] }));
    expect(changed.status).toBe(200);
    expect(changed.body.roles).toEqual(["operator", "supervisor"]);
    expect((await client.get("/api/v1/users")).status).toBe(200);

    await admin.request("PUT", `/api/v1/users/${user.id}`, update(listed, { roles: ["knowledge_editor"] }));
    expect((await client.get("/api/v1/users")).status).toBe(403);
    expect((await client.get("/api/v1/auth/me")).body.roles).toEqual(["knowledge_editor"]);
  });

  it("deactivating an account signs it out everywhere and keeps it out", async () => {
    const { tenant, admin } = await centre();
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const first = await signIn(user);
    const second = await signIn(user);
    const token = await admin.post("/api/v1/auth/tokens", { name: "their integration", userId: user.id });
    expect(token.status).toBe(201);
    const integration = bearerClient(ctx.app, token.body.token);
    expect((await integration.get("/api/v1/auth/me")).status).toBe(200);

    const listed = (await admin.get(`/api/v1/users?q=${user.login}`)).body.items[0];
    const off = await admin.request("PUT", `/api/v1/users/${user.id}`, update(listed, { active: false }));
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    for (const client of [first, second, integration]) {
      const me = await client.get("/api/v1/auth/me");
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe("UNAUTHENTICATED");
    }
    const again = await login(user);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("INVALID_CREDENTIALS");
    const audit = await ctx.db.selectFrom("audit_log").select("details").where("entity_id", "=", user.id).where("action", "=", "user.update").executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ active: false, previousActive: true, sessionsEnded: 2 });

    // Reactivated, the account signs in again.
    await admin.request("PUT", `/api/v1/users/${user.id}`, update(listed, { active: true }));
    expect((await login(user)).status).toBe(200);
  });

  it("a password reset replaces the password and ends the user's sessions", async () => {
    const { tenant, admin } = await centre();
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const client = await signIn(user);
    const reset = await admin.post(`/api/v1/users/${user.id}/password`, { password: "a brand new password" });
    expect(reset.status).toBe(204);
    expect((await client.get("/api/v1/auth/me")).status).toBe(401);
    expect((await login(user)).status).toBe(401);
    expect((await login({ login: user.login, password: "a brand new password" })).status).toBe(200);
    expect(fieldCodes((await admin.post(`/api/v1/users/${user.id}/password`, { password: "short" })).body)).toEqual(["password:FIELD_TOO_SHORT"]);
    expect(JSON.stringify(await ctx.db.selectFrom("audit_log").select("details").where("entity_id", "=", user.id).execute())).not.toContain("brand new");
  });

  it("an administrator lifts a sign-in lock; the list shows the lock while it holds", async () => {
    const { tenant, admin } = await centre();
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const statuses: number[] = [];
    for (let i = 0; i < ctx.config.loginMaxFailures; i += 1) {
      statuses.push((await login({ login: user.login, password: "wrong" })).status);
    }
    expect(statuses[statuses.length - 1]).toBe(423);
    expect((await login(user)).status).toBe(423);
    const locked = (await admin.get(`/api/v1/users?q=${user.login}`)).body.items[0];
    expect(Date.parse(locked.lockedUntil)).toBeGreaterThan(Date.now());

    expect((await admin.post(`/api/v1/users/${user.id}/unlock`)).status).toBe(204);
    expect((await admin.get(`/api/v1/users?q=${user.login}`)).body.items[0].lockedUntil).toBeNull();
    expect((await login(user)).status).toBe(200);
  });

  it("an administrator cannot take away their own admin role or switch themselves off", async () => {
    const { adminUser, admin } = await centre();
    const me = (await admin.get(`/api/v1/users?q=${adminUser.login}`)).body.items[0];
    const demote = await admin.request("PUT", `/api/v1/users/${adminUser.id}`, update(me, { roles: ["operator"] }));
    expect(demote.status).toBe(400);
    expect(fieldCodes(demote.body)).toEqual(["roles:FIELD_INVALID"]);
    const off = await admin.request("PUT", `/api/v1/users/${adminUser.id}`, update(me, { active: false }));
    expect(fieldCodes(off.body)).toEqual(["active:FIELD_INVALID"]);
    expect((await admin.get("/api/v1/auth/me")).body.roles).toEqual(["admin"]);
    // Adding a role to themselves is fine.
    const more = await admin.request("PUT", `/api/v1/users/${adminUser.id}`, update(me, { roles: ["admin", "auditor"] }));
    expect(more.body.roles).toEqual(["admin", "auditor"]);
  });

  it("lists only the centre's own users, searchable, and never a password hash", async () => {
    const { tenant, admin } = await centre();
    const other = await buildTenant(ctx.db);
    const stranger = await buildUser(ctx.db, other.tenantId, { roles: ["operator"] });
    const supervisorUser = await buildUser(ctx.db, tenant.tenantId, { roles: ["supervisor"] });
    const created = await admin.post("/api/v1/users", account({ fullName: "Ерлан 100%_done" }));

    const supervisor = await signIn(supervisorUser);
    const all = await supervisor.get("/api/v1/users");
    expect(all.status).toBe(200);
    const logins = all.body.items.map((u: { login: string }) => u.login);
    expect(logins).toContain(created.body.login);
    expect(logins).not.toContain(stranger.login);
    const text = JSON.stringify(all.body);
    expect(text).not.toMatch(/argon2|password/i);

    expect((await supervisor.get("/api/v1/users?role=supervisor")).body.items.map((u: { id: string }) => u.id)).toEqual([supervisorUser.id]);
    expect((await supervisor.get(`/api/v1/users?q=${encodeURIComponent("100%_d")}`)).body.items.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
    expect((await supervisor.get(`/api/v1/users?q=${encodeURIComponent("1%0")}`)).body.items).toEqual([]);
    // A supervisor reads accounts but does not change them.
    expect((await supervisor.post("/api/v1/users", account())).status).toBe(403);
  });

  it("cannot reach another centre's accounts", async () => {
    const { admin } = await centre();
    const other = await buildTenant(ctx.db);
    const stranger = await buildUser(ctx.db, other.tenantId, { roles: ["operator"] });
    const body = { fullName: "Hijacked", roles: ["admin"], locale: "en", active: true };
    expect((await admin.request("PUT", `/api/v1/users/${stranger.id}`, body)).status).toBe(404);
    expect((await admin.post(`/api/v1/users/${stranger.id}/password`, { password: "taken over now" })).status).toBe(404);
    expect((await admin.post(`/api/v1/users/${stranger.id}/unlock`)).status).toBe(404);
    expect((await login(stranger)).status).toBe(200);
  });
});

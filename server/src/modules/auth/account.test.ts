import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerClient, buildTenant, buildUser, signIn, startTestApp, type TestContext, type TestTenant } from "../../test/harness.ts";
import { enqueueStaffNotification } from "../notifications/outbox.service.ts";

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await startTestApp({ BAILANYS_LOGIN_MAX_FAILURES: "3" });
  tenant = await buildTenant(ctx.db);
});
afterAll(async () => ctx.close());

const audits = async (userId: string) =>
  (await ctx.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", userId).where("action", "like", "user.%").orderBy("id").execute()).map((row) => [row.action, row.details]);

describe("my account", () => {
  it("shows who I am, and turns my staff e-mails off and on again: a notification to my role then skips me", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["knowledge_editor"], locale: "kk" });
    await ctx.db.updateTable("users").set({ email: "editor@example.kz" }).where("id", "=", user.id).execute();
    await signIn(ctx.app, user);
    const wrong = await ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", remoteAddress: "10.77.0.9", payload: { login: user.login, password: "a guess" } });
    expect(wrong.statusCode).toBe(401);
    const me = await signIn(ctx.app, user);

    const account = await me.get("/api/v1/auth/me/account");
    expect(account.body).toMatchObject({ login: user.login, email: "editor@example.kz", roles: ["knowledge_editor"], locale: "kk", emailNotifications: true });
    // The sign-in before this one, from the first session's address, and the failed guess since.
    expect(account.body.previousSignIn.ip).toMatch(/^10\.250\./);
    expect(account.body.failedSignInsSince).toBe(1);
    expect((await me.request("PATCH", "/api/v1/auth/me/account", { emailNotifications: "no" })).body.error.fields).toMatchObject([{ field: "emailNotifications" }]);

    const off = await me.request("PATCH", "/api/v1/auth/me/account", { emailNotifications: false });
    expect(off.body.emailNotifications).toBe(false);
    const notify = () => enqueueStaffNotification(ctx.db, { tenantId: tenant.tenantId, appealId: null, roles: ["knowledge_editor"], template: "kb_review_due", locale: "ru", params: { title: "Т", code: "c", locale: "ru", reviewBy: "01.02.2027" } });
    const mailsTo = async () => (await ctx.db.selectFrom("notification_outbox").select("recipient_user_id").where("recipient_user_id", "=", user.id).execute()).length;
    await notify();
    expect(await mailsTo()).toBe(0);
    await me.request("PATCH", "/api/v1/auth/me/account", { emailNotifications: true });
    await notify();
    expect(await mailsTo()).toBe(1);
    expect(await audits(user.id)).toEqual([
      ["user.update_own_settings", { emailNotifications: false }],
      ["user.update_own_settings", { emailNotifications: true }],
    ]);
  });

  it("changes my password with the current one: my other sessions end, this one stays, the old password no longer signs in", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
    const here = await signIn(ctx.app, user);
    const elsewhere = await signIn(ctx.app, user);
    const change = (body: object) => here.post("/api/v1/auth/me/password", body);

    const wrong = await change({ currentPassword: "not my password", newPassword: "a new long password" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ field: "currentPassword", code: "PASSWORD_WRONG", message: "The current password is wrong." }]);
    expect((await change({ currentPassword: user.password, newPassword: user.password })).body.error.fields).toMatchObject([{ field: "newPassword", code: "PASSWORD_UNCHANGED" }]);
    expect((await change({ currentPassword: user.password, newPassword: "short" })).body.error.fields).toMatchObject([{ field: "newPassword" }]);

    expect((await change({ currentPassword: user.password, newPassword: "a new long password" })).status).toBe(204);
    expect((await here.get("/api/v1/auth/me")).status).toBe(200);
    expect((await elsewhere.get("/api/v1/auth/me")).status).toBe(401);
    await expect(signIn(ctx.app, user)).rejects.toThrow(/401/);
    await signIn(ctx.app, { ...user, password: "a new long password" });
    expect(await audits(user.id)).toEqual([
      ["user.change_password_failed", { locked: false }],
      ["user.change_password", { sessionsEnded: 1 }],
    ]);
    // Neither password is in the record.
    const record = JSON.stringify(await ctx.db.selectFrom("audit_log").selectAll().where("entity_id", "=", user.id).execute());
    expect(record).not.toContain(user.password);
    expect(record).not.toContain("a new long password");
  });

  it("counts wrong current passwords towards the sign-in lock, and takes no change from an API token", async () => {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: ["admin"] });
    const me = await signIn(ctx.app, user);
    const issued = await me.post("/api/v1/auth/tokens", { name: "script" });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const script = bearerClient(ctx.app, issued.body.token);
    expect((await script.post("/api/v1/auth/me/password", { currentPassword: user.password, newPassword: "a new long password" })).status).toBe(403);

    for (let i = 0; i < 3; i += 1) {
      expect((await me.post("/api/v1/auth/me/password", { currentPassword: `guess ${i}`, newPassword: "a new long password" })).status).toBe(400);
    }
    await expect(signIn(ctx.app, user)).rejects.toThrow(/423/);
  });
});

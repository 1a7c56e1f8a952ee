import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, buildUser, signIn, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

/** A centre with one registered appeal, whose receipt waits in the outbox. */
async function centreWithReceipt(serial: number): Promise<{ tenant: TestTenant; supervisor: ApiClient; appeal: { id: string; number: string }; outboxId: string }> {
  const tenant = await buildTenant(ctx.db);
  const operator = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] }));
  const supervisor = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["supervisor"] }));
  const created = await operator.post("/api/v1/appeals", { typeCode: "request", subject: "Receipt", text: "…", receivedAt: "2026-03-20T10:00:00+05:00", citizen: applicant(serial, { preferredLanguage: "kk" }) });
  expect(created.status).toBe(201);
  const row = await ctx.db.selectFrom("notification_outbox").select("id").where("appeal_id", "=", created.body.id).executeTakeFirstOrThrow();
  return { tenant, supervisor, appeal: { id: created.body.id, number: created.body.number }, outboxId: row.id };
}

describe("the notification outbox", () => {
  it("shows what the citizen is told, in their language", async () => {
    const { supervisor, appeal, outboxId } = await centreWithReceipt(601);
    const response = await supervisor.get(`/api/v1/notifications?appealId=${appeal.id}`);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({ id: outboxId, appealId: appeal.id, audience: "citizen", locale: "kk", template: "appeal_registered", status: "pending", attempts: 0, sentAt: null }),
    ]);
    const text: string = response.body.items[0].text;
    expect(text).toContain(appeal.number);
    expect(text).toContain("14.04.2026");
    expect(text).toMatch(/^Өтінішіңіз/);
    expect((await supervisor.get("/api/v1/notifications?status=sent")).body.items).toEqual([]);
  });

  it("sends a failed notification again on request, once, and audits it", async () => {
    const { tenant, supervisor, outboxId } = await centreWithReceipt(602);
    const notFailed = await supervisor.post(`/api/v1/notifications/${outboxId}/retry`);
    expect(notFailed.status).toBe(404);

    await ctx.db.updateTable("notification_outbox").set({ status: "failed", attempts: 8, last_error: "SMS gateway down" }).where("id", "=", outboxId).execute();
    const failed = await supervisor.get("/api/v1/notifications?status=failed");
    expect(failed.body.items).toEqual([expect.objectContaining({ id: outboxId, status: "failed", attempts: 8, lastError: "SMS gateway down" })]);

    expect((await supervisor.post(`/api/v1/notifications/${outboxId}/retry`)).status).toBe(204);
    const row = await ctx.db.selectFrom("notification_outbox").selectAll().where("id", "=", outboxId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 0, last_error: null });
    expect((await supervisor.post(`/api/v1/notifications/${outboxId}/retry`)).status).toBe(404);
    const audit = await ctx.db.selectFrom("audit_log").select(["action", "entity_id"]).where("tenant_id", "=", tenant.tenantId).where("action", "=", "notification.retry").execute();
    expect(audit).toEqual([{ action: "notification.retry", entity_id: outboxId }]);
  });

  it("keeps each centre's outbox to itself and away from operators", async () => {
    const { tenant, outboxId } = await centreWithReceipt(603);
    await ctx.db.updateTable("notification_outbox").set({ status: "failed" }).where("id", "=", outboxId).execute();
    const other = await buildTenant(ctx.db);
    const stranger = await signIn(ctx.app, await buildUser(ctx.db, other.tenantId, { roles: ["supervisor"] }));
    expect((await stranger.get("/api/v1/notifications")).body.items).toEqual([]);
    expect((await stranger.post(`/api/v1/notifications/${outboxId}/retry`)).status).toBe(404);
    expect((await ctx.db.selectFrom("notification_outbox").select("status").where("id", "=", outboxId).executeTakeFirstOrThrow()).status).toBe("failed");

    const operator = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] }));
    expect((await operator.get("/api/v1/notifications")).status).toBe(403);
    expect((await operator.post(`/api/v1/notifications/${outboxId}/retry`)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue, inboundChat } from "../../test/contact-fixtures.ts";
import { buildTenant, signIn, signedInStaff, startTestApp, type TestContext } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

const queue = (extra: Record<string, unknown> = {}) => ({
  code: "general",
  nameKk: "Жалпы",
  nameRu: "Общая",
  nameEn: "General",
  channels: ["web_chat"],
  topicIds: [],
  minLevel: 1,
  line: 1,
  priority: 0,
  offerTimeoutSeconds: 20,
  wrapupSeconds: 60,
  serviceLevelSeconds: 30,
  widening: [{ after: 30, relax: "level" }],
  overflowQueueId: null,
  overflowAfterSeconds: null,
  callbackAfterSeconds: 120,
  hours: { "1": ["09:00", "18:00"], "2": ["09:00", "18:00"], "6": null },
  openOnHolidays: false,
  sort: 1,
  active: true,
  ...extra,
});

describe("contact-centre administration", () => {
  it("creates and changes queues, naming every bad field and refusing a duplicate code", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const bad = await supervisor.client.post(
      "/api/v1/routing/queues",
      queue({ channels: ["web_portal"], hours: { "1": ["18:00", "09:00"] }, widening: [{ after: 60, relax: "level" }, { after: 30, relax: "topic" }], overflowQueueId: tenant.categoryId }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["channels.0", "hours.1", "overflowAfterSeconds", "overflowQueueId", "widening.1.after"]);
    const created = await supervisor.client.post("/api/v1/routing/queues", queue());
    expect(created.status).toBe(201);
    expect((await supervisor.client.post("/api/v1/routing/queues", queue())).status).toBe(409);
    const backup = await supervisor.client.post("/api/v1/routing/queues", queue({ code: "backup", line: 2 }));
    const changed = await supervisor.client.request("PUT", `/api/v1/routing/queues/${created.body.id}`, queue({ overflowQueueId: backup.body.id, overflowAfterSeconds: 300, active: false }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ overflowQueueId: backup.body.id, active: false });
    const list = await supervisor.client.get("/api/v1/routing/queues");
    expect(list.body.items.map((q: { code: string }) => q.code)).toEqual(["backup", "general"]);
  });

  it("sets an operator's routing profile; the operator then takes a waiting chat on becoming ready", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId, { topicIds: [tenant.categoryId], minLevel: 2 });
    const admin = await signedInStaff(ctx, tenant, ["admin"]);
    const operator = await signedInStaff(ctx, tenant, ["operator"]);
    expect((await operator.client.request("PUT", "/api/v1/agent/me/state", { state: "ready" })).body.error.code).toBe("AGENT_PROFILE_MISSING");
    const chat = await inboundChat({ db: ctx.db, bus: ctx.bus }, tenant.tenantId, { topicId: tenant.categoryId });
    const profile = { languages: ["ru", "kk"], line: 1, channels: [{ channel: "web_chat", capacity: 2 }], skills: [{ topicId: tenant.categoryId, level: 2 }] };
    const bad = await admin.client.request("PUT", `/api/v1/routing/agents/${operator.id}`, { ...profile, channels: [{ channel: "web_chat", capacity: 2 }, { channel: "web_chat", capacity: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe("channels.1.channel");
    const saved = await admin.client.request("PUT", `/api/v1/routing/agents/${operator.id}`, profile);
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toEqual(profile);
    const ready = await operator.client.request("PUT", "/api/v1/agent/me/state", { state: "ready" });
    expect(ready.body.offers.map((o: { contactId: string }) => o.contactId)).toEqual([chat.contactId]);
    const listed = await admin.client.get("/api/v1/routing/agents");
    expect(listed.body.items.find((a: { userId: string }) => a.userId === operator.id).state).toBe("ready");
  });

  it("replaces wrap-up codes but keeps the system code and the codes in use", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const agent = await buildAgent(ctx.db, tenant.tenantId);
    const chat = await inboundChat({ db: ctx.db, bus: ctx.bus }, tenant.tenantId);
    const client = await signIn(ctx.app, agent);
    const offer = (await client.get("/api/v1/agent/me")).body.offers[0] as { id: string };
    await client.post(`/api/v1/offers/${offer.id}/accept`);
    await client.post(`/api/v1/contacts/${chat.contactId}/wrapup`, { wrapupCode: "consultation", resolvedFirstContact: true });

    const current = (await supervisor.client.get("/api/v1/routing/wrapup-codes")).body.items as { code: string }[];
    const withoutConsultation = current.filter((c) => c.code !== "consultation");
    expect((await supervisor.client.request("PUT", "/api/v1/routing/wrapup-codes", { items: withoutConsultation })).status).toBe(409);
    const withoutAuto = current.filter((c) => c.code !== "auto");
    expect((await supervisor.client.request("PUT", "/api/v1/routing/wrapup-codes", { items: withoutAuto })).status).toBe(400);
    const next = [...current, { code: "spam", nameKk: "Спам", nameRu: "Спам", nameEn: "Spam", active: true }];
    const replaced = await supervisor.client.request("PUT", "/api/v1/routing/wrapup-codes", { items: next });
    expect(replaced.status).toBe(200);
    expect(replaced.body.items.map((c: { code: string }) => c.code)).toContain("spam");
    const options = await client.get("/api/v1/agent/workspace-options");
    expect(options.body.wrapupCodes.map((c: { code: string }) => c.code)).toContain("spam");
  });

  it("manages canned replies that operators see in their language lists", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const operator = await signedInStaff(ctx, tenant, ["operator"]);
    const created = await supervisor.client.post("/api/v1/routing/canned-replies", { language: "kk", title: "Сәлем", body: "Сәлеметсіз бе!", topicId: null, sort: 1, active: true });
    expect(created.status).toBe(201);
    const options = await operator.client.get("/api/v1/agent/workspace-options");
    expect(options.body.cannedReplies).toMatchObject([{ language: "kk", title: "Сәлем" }]);
    expect((await supervisor.client.request("DELETE", `/api/v1/routing/canned-replies/${created.body.id}`)).status).toBe(200);
    expect((await supervisor.client.get("/api/v1/routing/canned-replies")).body.items).toEqual([]);
  });
});

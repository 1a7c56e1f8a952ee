import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, signedInStaff, startTestApp, writeCounts, type ApiClient, type TestContext } from "../../test/harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

let serial = 300;
/** A tenant with a supervisor (who may forward) and a fresh appeal of body A. */
async function setup(extra: Record<string, unknown> = {}) {
  const tenant = await buildTenant(ctx.db);
  const supervisor = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
  serial += 1;
  const response = await supervisor.post("/api/v1/appeals", {
    typeCode: "statement",
    categoryId: tenant.categoryId,
    subject: "Bus route 12 cancelled",
    text: "Route 12 stopped running, and the school bus too.",
    citizen: applicant(serial),
    ...extra,
  });
  expect(response.status).toBe(201);
  return { tenant, supervisor, appeal: response.body };
}

const forward = (client: ApiClient, id: string, body: Record<string, unknown>) => client.post(`/api/v1/appeals/${id}/forwards`, body);
const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) =>
  Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.code]));
const forwardNotices = (appealId: string) =>
  ctx.db.selectFrom("notification_outbox").selectAll().where("appeal_id", "=", appealId).where("template", "=", "appeal_forwarded").orderBy("created_at").execute();

describe("forwarding (D.forward)", () => {
  it("forwarding the whole appeal to another body of the platform moves it there, awaiting routing", async () => {
    const { tenant, supervisor, appeal } = await setup();
    expect(appeal.unit.id).toBe(tenant.unitId);

    const response = await forward(supervisor, appeal.id, { scope: "whole", toBodyId: tenant.otherBodyId, reason: "Transport is Body B's matter" });
    expect(response.status).toBe(200);
    const card = response.body;
    expect(card.body.id).toBe(tenant.otherBodyId);
    expect(card.unit).toBeNull();
    expect(card.status.code).toBe("awaiting_routing");
    expect(card.closedAt).toBeNull();
    expect(card.forwards).toHaveLength(1);
    expect(card.forwards[0]).toMatchObject({ scope: "whole", toBody: { id: tenant.otherBodyId }, externalBodyName: null, status: "accepted", withinLimit: true });
    expect(card.events.at(-1)).toMatchObject({ kind: "forwarded", fromStatus: { code: "registered" }, toStatus: { code: "awaiting_routing" }, clientVisible: true });

    const notices = await forwardNotices(appeal.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.params).toMatchObject({ number: appeal.number, to: "Body B ru", scope: "whole" });
  });

  it("forwarding the whole appeal to an external body closes it here and tracks the answer", async () => {
    const { supervisor, appeal } = await setup();

    const response = await forward(supervisor, appeal.id, { scope: "whole", externalBodyName: "Ministry of Transport", reason: "Intercity routes", clientMessage: "They will answer you." });
    expect(response.status).toBe(200);
    expect(response.body.status.code).toBe("forwarded");
    expect(response.body.closedAt).not.toBeNull();
    const [sent] = response.body.forwards;
    expect(sent).toMatchObject({ scope: "whole", toBody: null, externalBodyName: "Ministry of Transport", status: "sent", childAppeal: null });
    const pending = await ctx.db.selectFrom("timers").select("id").where("ref_id", "=", appeal.id).where("fired_at", "is", null).where("cancelled_at", "is", null).execute();
    expect(pending).toEqual([]);
    expect((await forwardNotices(appeal.id))[0]?.params).toMatchObject({ to: "Ministry of Transport", message: "They will answer you." });

    // The appeal is closed here, but what the other body does with it is still recorded.
    const answered = await supervisor.request("PATCH", `/api/v1/appeals/${appeal.id}/forwards/${sent.id}`, { status: "answered", note: "Answer No. 12-3 of 2 March" });
    expect(answered.status).toBe(200);
    expect(answered.body.forwards[0].status).toBe("answered");
    expect(answered.body.events.at(-1)).toMatchObject({ kind: "forward_status", reason: "Answer No. 12-3 of 2 March", details: { forwardId: sent.id, status: "answered" } });

    const unknown = await supervisor.request("PATCH", `/api/v1/appeals/${appeal.id}/forwards/${crypto.randomUUID()}`, { status: "answered" });
    expect(unknown.status).toBe(404);
  });

  it("forwarding the whole appeal to a body registered as external closes it as forwarded", async () => {
    const { tenant, supervisor, appeal } = await setup();
    const response = await forward(supervisor, appeal.id, { scope: "whole", toBodyId: tenant.externalBodyId, reason: "Ministry's competence" });
    expect(response.status).toBe(200);
    expect(response.body.status.code).toBe("forwarded");
    expect(response.body.closedAt).not.toBeNull();
    expect(response.body.body.id).toBe(tenant.bodyId);
    expect(response.body.forwards[0]).toMatchObject({ toBody: { id: tenant.externalBodyId }, status: "sent" });
  });

  it("forwarding a part to a platform body registers a child appeal with its own number, tracked on the parent", async () => {
    const { tenant, supervisor, appeal } = await setup();

    const response = await forward(supervisor, appeal.id, {
      scope: "part",
      toBodyId: tenant.otherBodyId,
      partDescription: "The school bus",
      reason: "Schools are Body B's matter",
    });
    expect(response.status).toBe(200);
    expect(response.body.status.code).toBe("registered");
    expect(response.body.closedAt).toBeNull();
    const child = response.body.forwards[0].childAppeal;
    expect(child).toMatchObject({ status: { code: "registered" } });
    expect(child.number).not.toBe(appeal.number);
    expect(child.number).toMatch(/^T-\d{4}-\d{8}$/);
    expect(response.body.forwards[0]).toMatchObject({ scope: "part", partDescription: "The school bus", toBody: { id: tenant.otherBodyId }, status: "sent" });

    const childCard = await supervisor.get(`/api/v1/appeals/${child.id}`);
    expect(childCard.status).toBe(200);
    expect(childCard.body).toMatchObject({
      parent: { id: appeal.id, number: appeal.number },
      body: { id: tenant.otherBodyId },
      text: "The school bus",
      dueAt: appeal.dueAt,
      citizen: { id: appeal.citizen.id },
    });
    const childTimers = await ctx.db.selectFrom("timers").select("kind").where("ref_id", "=", child.id).where("cancelled_at", "is", null).execute();
    expect(childTimers.filter((t) => t.kind === "appeal.escalation")).toHaveLength(3);

    // The child moves on its own; the parent's card follows it.
    expect((await supervisor.post(`/api/v1/appeals/${child.id}/transitions`, { to: "in_progress" })).status).toBe(200);
    const parentCard = await supervisor.get(`/api/v1/appeals/${appeal.id}`);
    expect(parentCard.body.forwards[0].childAppeal.status.code).toBe("in_progress");
    expect(parentCard.body.status.code).toBe("registered");
  });

  it("forwarding a part to an external named body keeps the appeal open here", async () => {
    const { supervisor, appeal } = await setup();
    const response = await forward(supervisor, appeal.id, { scope: "part", externalBodyName: "Akimat of the region", partDescription: "Intercity bus", reason: "Regional route" });
    expect(response.status).toBe(200);
    expect(response.body.status.code).toBe("registered");
    expect(response.body.closedAt).toBeNull();
    expect(response.body.forwards[0]).toMatchObject({ scope: "part", externalBodyName: "Akimat of the region", status: "sent", childAppeal: null });
    expect(response.body.transitions.length).toBeGreaterThan(0);
  });

  it("records whether the forward happened within 3 working days of receipt", async () => {
    const fresh = await setup();
    const inTime = await forward(fresh.supervisor, fresh.appeal.id, { scope: "part", externalBodyName: "Ministry", partDescription: "One part", reason: "r" });
    expect(inTime.body.forwards[0].withinLimit).toBe(true);

    const old = await setup({ receivedAt: new Date(Date.now() - 30 * 86_400_000).toISOString() });
    expect(Date.parse(old.appeal.forwardDueAt)).toBeLessThan(Date.now());
    const late = await forward(old.supervisor, old.appeal.id, { scope: "whole", toBodyId: old.tenant.otherBodyId, reason: "r" });
    expect(late.status).toBe(200);
    expect(late.body.forwards[0].withinLimit).toBe(false);
    expect(late.body.events.at(-1).details.withinLimit).toBe(false);
  });

  it("tells the citizen about every forward", async () => {
    const { tenant, supervisor, appeal } = await setup();
    await forward(supervisor, appeal.id, { scope: "part", externalBodyName: "Ministry", partDescription: "Part one", reason: "r" });
    await forward(supervisor, appeal.id, { scope: "part", toBodyId: tenant.otherBodyId, partDescription: "Part two", reason: "r" });
    await forward(supervisor, appeal.id, { scope: "whole", externalBodyName: "Regional akimat", reason: "r" });
    const notices = await forwardNotices(appeal.id);
    expect(notices.map((n) => [n.citizen_id, (n.params as Record<string, string>).to, (n.params as Record<string, string>).scope])).toEqual([
      [appeal.citizen.id, "Ministry", "part"],
      [appeal.citizen.id, "Body B ru", "part"],
      [appeal.citizen.id, "Regional akimat", "whole"],
    ]);
  });

  it("refuses to forward to the appeal's own body or to an unknown body", async () => {
    const { tenant, supervisor, appeal } = await setup();
    const before = await writeCounts(ctx.db);
    for (const toBodyId of [tenant.bodyId, crypto.randomUUID()]) {
      const response = await forward(supervisor, appeal.id, { scope: "whole", toBodyId, reason: "r" });
      expect(response.status).toBe(400);
      expect(fieldCodes(response.body)).toEqual({ toBodyId: "REFERENCE_UNKNOWN" });
    }
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it("needs exactly one destination, and a description of the part", async () => {
    const { tenant, supervisor, appeal } = await setup();
    const nowhere = await forward(supervisor, appeal.id, { scope: "whole", reason: "r" });
    expect(nowhere.status).toBe(400);
    expect(fieldCodes(nowhere.body)).toEqual({ toBodyId: "FIELD_REQUIRED" });
    const both = await forward(supervisor, appeal.id, { scope: "whole", toBodyId: tenant.otherBodyId, externalBodyName: "Ministry", reason: "r" });
    expect(fieldCodes(both.body)).toEqual({ externalBodyName: "FIELD_INVALID" });
    const vaguePart = await forward(supervisor, appeal.id, { scope: "part", externalBodyName: "Ministry", reason: "r" });
    expect(fieldCodes(vaguePart.body)).toEqual({ partDescription: "FIELD_REQUIRED" });
    expect((await supervisor.get(`/api/v1/appeals/${appeal.id}`)).body.forwards).toEqual([]);
  });

  it("an operator cannot forward an appeal", async () => {
    const { tenant, appeal } = await setup();
    const operator = (await signedInStaff(ctx, tenant, ["operator"])).client;
    const response = await forward(operator, appeal.id, { scope: "whole", toBodyId: tenant.otherBodyId, reason: "r" });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("FORBIDDEN");
  });
});

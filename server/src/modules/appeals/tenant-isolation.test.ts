import { APPEAL_QUEUES } from "@bailanys/common/api/appeals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, signedInStaff, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

let serial = 600;
async function register(client: ApiClient, tenant: TestTenant, extra: Record<string, unknown> = {}) {
  serial += 1;
  const response = await client.post("/api/v1/appeals", {
    typeCode: "statement",
    categoryId: tenant.categoryId,
    subject: `Shared subject ${serial}`,
    text: "…",
    citizen: applicant(serial),
    ...extra,
  });
  expect(response.status).toBe(201);
  return response.body;
}

/** Two contact centres on one installation; A's staff hold every role that could reach across. */
async function twoCentres() {
  const a = await buildTenant(ctx.db);
  const b = await buildTenant(ctx.db);
  const aStaff = await signedInStaff(ctx, a, ["supervisor", "admin", "qa"], { unitId: a.unitId, bodyId: a.bodyId });
  const bStaff = await signedInStaff(ctx, b, ["supervisor"], { unitId: b.unitId, bodyId: b.bodyId });
  const bAppeal = await register(bStaff.client, b);
  return { a, b, aStaff, bStaff, bAppeal };
}

describe("tenant isolation", () => {
  it("another centre's appeal does not exist for me: 404 on the card and on every action", async () => {
    const { a, aStaff, bAppeal } = await twoCentres();
    const own = await register(aStaff.client, a);
    const forwardId = crypto.randomUUID();
    const base = `/api/v1/appeals/${bAppeal.id}`;
    const attempts: [string, "GET" | "POST" | "PATCH", string, unknown][] = [
      ["card", "GET", base, undefined],
      ["transition", "POST", `${base}/transitions`, { to: "in_progress" }],
      ["assign", "POST", `${base}/assign`, { assigneeId: aStaff.id }],
      ["forward", "POST", `${base}/forwards`, { scope: "whole", externalBodyName: "Ministry", reason: "r" }],
      ["forward status", "PATCH", `${base}/forwards/${forwardId}`, { status: "answered" }],
      ["extension", "POST", `${base}/extensions`, { newDueDate: "2099-01-01", reason: "r", actionPlan: "p" }],
      ["withdraw", "POST", `${base}/withdraw`, { reason: "r" }],
      ["duplicate", "POST", `${base}/duplicate`, { duplicateOf: own.number, reason: "r" }],
    ];
    for (const [name, method, url, body] of attempts) {
      const response = await aStaff.client.request(method, url, body);
      expect([name, response.status, response.body.error.code]).toEqual([name, 404, "NOT_FOUND"]);
    }
    const untouched = await ctx.db.selectFrom("appeals").select(["status_code", "version", "closed_at"]).where("id", "=", bAppeal.id).executeTakeFirstOrThrow();
    expect(untouched).toEqual({ status_code: "registered", version: 1, closed_at: null });
    const events = await ctx.db.selectFrom("appeal_events").select("kind").where("appeal_id", "=", bAppeal.id).execute();
    expect(events.map((e) => e.kind)).toEqual(["registered"]);
  });

  it("another centre's attachments can be neither read nor added to", async () => {
    const { aStaff, bStaff, bAppeal } = await twoCentres();
    const boundary = "----isolation-boundary";
    const upload = (token: string) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/v1/appeals/${bAppeal.id}/attachments`,
        headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
          Buffer.from("%PDF-1.4\n"),
          Buffer.alloc(64, 32),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    const stored = await upload(bStaff.client.token);
    expect(stored.statusCode).toBe(201);
    const attachmentId = (stored.json() as { attachments: { id: string }[] }).attachments[0]?.id;

    const read = await aStaff.client.get(`/api/v1/appeals/${bAppeal.id}/attachments/${attachmentId}`);
    expect(read.status).toBe(404);
    const added = await upload(aStaff.client.token);
    expect(added.statusCode).toBe(404);
    const rows = await ctx.db.selectFrom("appeal_attachments").select("id").where("appeal_id", "=", bAppeal.id).execute();
    expect(rows).toHaveLength(1);
  });

  it("another centre's appeal appears in none of my queues, not even by its number", async () => {
    const { aStaff, bAppeal } = await twoCentres();
    for (const queue of APPEAL_QUEUES) {
      const response = await aStaff.client.get(`/api/v1/appeals?queue=${queue}&limit=200`);
      expect(response.status).toBe(200);
      expect(response.body.items.map((i: { id: string }) => i.id)).not.toContain(bAppeal.id);
    }
    const byNumber = await aStaff.client.get(`/api/v1/appeals?q=${encodeURIComponent(bAppeal.number)}`);
    expect(byNumber.body.items).toEqual([]);
    const bySubject = await aStaff.client.get(`/api/v1/appeals?q=${encodeURIComponent("Shared subject")}`);
    expect(bySubject.body.items).toEqual([]);
  });

  it("refuses another centre's body, category and unit when registering", async () => {
    const { a, b, aStaff } = await twoCentres();
    const response = await aStaff.client.post("/api/v1/appeals", {
      typeCode: "statement",
      subject: "Cross-tenant",
      text: "…",
      bodyId: b.bodyId,
      unitId: b.unitId,
      categoryId: b.categoryId,
      citizen: applicant(699),
    });
    expect(response.status).toBe(400);
    const fields = Object.fromEntries(response.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code]));
    expect(fields).toMatchObject({ bodyId: "REFERENCE_UNKNOWN", categoryId: "REFERENCE_UNKNOWN", unitId: "REFERENCE_UNKNOWN" });

    const own = await register(aStaff.client, a);
    const assign = await aStaff.client.post(`/api/v1/appeals/${own.id}/assign`, { unitId: b.unitId });
    expect(assign.body.error.fields).toEqual([expect.objectContaining({ field: "unitId", code: "REFERENCE_UNKNOWN" })]);
    const forward = await aStaff.client.post(`/api/v1/appeals/${own.id}/forwards`, { scope: "whole", toBodyId: b.bodyId, reason: "r" });
    expect(forward.body.error.fields).toEqual([expect.objectContaining({ field: "toBodyId", code: "REFERENCE_UNKNOWN" })]);
  });

  it("cannot link a duplicate to another centre's appeal number", async () => {
    const { a, aStaff, bAppeal } = await twoCentres();
    const own = await register(aStaff.client, a);
    for (const duplicateOf of [bAppeal.number, bAppeal.id]) {
      const response = await aStaff.client.post(`/api/v1/appeals/${own.id}/duplicate`, { duplicateOf, reason: "Same matter" });
      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([expect.objectContaining({ field: "duplicateOf", code: "REFERENCE_UNKNOWN" })]);
    }
    const events = await ctx.db.selectFrom("appeal_events").select("kind").where("appeal_id", "=", bAppeal.id).execute();
    expect(events.map((e) => e.kind)).toEqual(["registered"]);
  });

  it("the reference data I read is my centre's only", async () => {
    const { a, b, aStaff } = await twoCentres();
    const response = await aStaff.client.get("/api/v1/reference");
    expect(response.status).toBe(200);
    const bodyIds = response.body.bodies.map((x: { id: string }) => x.id);
    expect(bodyIds.sort()).toEqual([a.bodyId, a.otherBodyId, a.externalBodyId].sort());
    const text = JSON.stringify(response.body);
    for (const foreign of [b.bodyId, b.otherBodyId, b.unitId, b.otherUnitId, b.categoryId, b.positionId, b.code]) {
      expect(text).not.toContain(foreign);
    }
    expect(response.body.units.map((u: { id: string }) => u.id).sort()).toEqual([a.unitId, a.otherUnitId].sort());
    expect(response.body.classifier.map((c: { id: string }) => c.id)).toEqual([a.categoryId]);
  });

  it("the database itself refuses a row that points into another centre, whatever the code forgets", async () => {
    const { a, b, bAppeal } = await twoCentres();
    const now = new Date();
    const row = {
      tenant_id: a.tenantId,
      number: `X-${crypto.randomUUID().slice(0, 8)}`,
      type_code: "statement",
      kind_code: "statement",
      criticality_code: "normal",
      language_code: "ru",
      form: "electronic",
      channel_code: "phone",
      body_id: a.bodyId,
      subject: "s",
      text: "t",
      status_code: "registered",
      received_at: now,
      term: 15,
      term_unit: "WD",
      due_at: now,
      original_due_at: now,
      forward_due_at: now,
    };
    const foreignPointers = [{ body_id: b.bodyId }, { unit_id: b.unitId }, { category_id: b.categoryId }, { citizen_id: bAppeal.citizen.id }, { parent_id: bAppeal.id }];
    for (const pointer of foreignPointers) {
      await expect(ctx.db.insertInto("appeals").values({ ...row, ...pointer }).execute()).rejects.toThrow(/foreign key/);
    }
    await expect(
      ctx.db.insertInto("appeal_events").values({ tenant_id: a.tenantId, appeal_id: bAppeal.id, kind: "note", details: "{}" }).execute(),
    ).rejects.toThrow(/foreign key/);
    // The same row pointing at its own centre's data is fine: the refusals above are about the tenant alone.
    await expect(ctx.db.insertInto("appeals").values(row).execute()).resolves.toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, buildUser, signIn, startTestApp, writeCounts, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";

let ctx: TestContext;
let tenant: TestTenant;
let operator: ApiClient;

beforeAll(async () => {
  ctx = await startTestApp();
  tenant = await buildTenant(ctx.db);
  operator = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] }));
});
afterAll(async () => ctx.close());

describe("registering an appeal", () => {
  it("gives a number, a receipt, the legal deadline and the responsible unit", async () => {
    // Friday 20 March 2026, 10:00 Almaty: 15 working days with Nauryz (23–25 March) off end on 14 April.
    const response = await operator.post("/api/v1/appeals", {
      typeCode: "statement",
      categoryId: tenant.categoryId,
      subject: "No water",
      text: "There has been no water since the morning.",
      receivedAt: "2026-03-20T10:00:00+05:00",
      citizen: applicant(1, { consent: { given: true, source: "phone" } }),
    });
    expect(response.status).toBe(201);
    const appeal = response.body;
    expect(appeal.number).toMatch(/^T-2026-\d{8}$/);
    expect(appeal.dueAt).toBe("2026-04-14T18:59:59.000Z");
    expect(appeal.status.code).toBe("registered");
    expect(appeal.body.id).toBe(tenant.bodyId);
    expect(appeal.unit.id).toBe(tenant.unitId);
    expect(appeal.citizen.iin).toBe(applicant(1).iin);
    expect(appeal.citizen.consentSource).toBe("phone");
    expect(appeal.receivedBy).toMatch(/Test User/);
    expect(appeal.events.map((e: { kind: string }) => e.kind)).toEqual(["registered"]);

    const outbox = await ctx.db.selectFrom("notification_outbox").selectAll().where("appeal_id", "=", appeal.id).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.template).toBe("appeal_registered");
    expect((outbox[0]?.params as Record<string, string>).dueDate).toBe("14.04.2026");
    const audit = await ctx.db.selectFrom("audit_log").select("action").where("entity_id", "=", appeal.id).execute();
    expect(audit.map((a) => a.action)).toContain("appeal.create");
    const timers = await ctx.db.selectFrom("timers").select(["kind", "fire_at"]).where("ref_id", "=", appeal.id).execute();
    expect(timers.map((t) => t.kind).sort()).toEqual(["appeal.escalation", "appeal.escalation", "appeal.escalation", "appeal.forward_limit"]);
  });

  it("keeps one citizen record however many appeals they send", async () => {
    const person = applicant(2);
    for (const subject of ["First", "Second"]) {
      const r = await operator.post("/api/v1/appeals", { typeCode: "request", subject, text: "…", citizen: person });
      expect(r.status).toBe(201);
    }
    const rows = await ctx.db.selectFrom("citizens").select("id").where("iin", "=", person.iin).execute();
    expect(rows).toHaveLength(1);
  });

  it("rejects bad input with codes per field and writes nothing", async () => {
    const before = await writeCounts(ctx.db);
    const valid = applicant(9).iin;
    const wrongCheckDigit = `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}`;
    const response = await operator.post("/api/v1/appeals", {
      typeCode: "no_such_type",
      subject: "x",
      text: "y",
      citizen: { iin: wrongCheckDigit, fullName: "A", phone: "12345" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("VALIDATION_FAILED");
    const fields = Object.fromEntries(response.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code]));
    expect(fields).toMatchObject({ typeCode: "REFERENCE_UNKNOWN", "citizen.iin": "IIN_INVALID_CHECKSUM", "citizen.phone": "PHONE_INVALID" });
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it("answers schema errors in the reader's language", async () => {
    const response = await operator.request("POST", "/api/v1/appeals?lang=kk", { subject: "x", text: "y", extra: 1 });
    expect(response.status).toBe(400);
    const fields = response.body.error.fields as { field: string; code: string; message: string }[];
    expect(fields).toContainEqual({ field: "typeCode", code: "FIELD_REQUIRED", message: "Міндетті өріс." });
    expect(fields).toContainEqual(expect.objectContaining({ field: "extra", code: "FIELD_UNKNOWN" }));
  });

  it("needs a category for a complaint", async () => {
    const response = await operator.post("/api/v1/appeals", { typeCode: "complaint", subject: "Rude", text: "…", citizen: applicant(3) });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toContainEqual(expect.objectContaining({ field: "categoryId", code: "COMPLAINT_CATEGORY_REQUIRED" }));
  });

  it("registers once per Idempotency-Key, also when the requests race", async () => {
    const body = { typeCode: "request", subject: "Idempotent", text: "…", citizen: applicant(4) };
    const headers = { "idempotency-key": "key-race-1" };
    const [a, b] = await Promise.all([operator.post("/api/v1/appeals", body, headers), operator.post("/api/v1/appeals", body, headers)]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).toBe(b.body.id);
    const replay = await operator.post("/api/v1/appeals", body, headers);
    expect(replay.body.id).toBe(a.body.id);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    const count = await ctx.db.selectFrom("appeals").select("id").where("subject", "=", "Idempotent").execute();
    expect(count).toHaveLength(1);
    const reused = await operator.post("/api/v1/appeals", { ...body, subject: "Other" }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});

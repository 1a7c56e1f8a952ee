import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, signedInStaff, startTestApp, textWithoutIds, type TestContext } from "../../test/harness.ts";
import { runDueTimers } from "../timers/timer.runner.ts";

let ctx: TestContext;
beforeAll(async () => {
  // The per-address limit of the public page is not what these tests are about: the per-number limit is.
  ctx = await startTestApp({ BAILANYS_PUBLIC_RATE_LIMIT: "10000" });
});
afterAll(async () => {
  await ctx.close();
});

let serial = 700;
/** A tenant with one appeal of unit A1; returns what its applicant knows: the number, their ИИН and phone. */
async function setup(extra: Record<string, unknown> = {}) {
  const tenant = await buildTenant(ctx.db);
  const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
  serial += 1;
  const person = applicant(serial);
  const response = await supervisor.client.post("/api/v1/appeals", {
    typeCode: "statement",
    categoryId: tenant.categoryId,
    subject: "Playground is broken",
    text: "The swings in the yard are broken.",
    citizen: person,
    ...extra,
  });
  expect(response.status).toBe(201);
  return { tenant, supervisor, person, appeal: response.body as { id: string; number: string; dueAt: string } };
}

/** The public page, as a citizen's browser calls it: no sign-in. */
async function lookup(number: string, query: Record<string, string>) {
  const response = await ctx.app.inject({ method: "GET", url: `/api/v1/public/appeals/${encodeURIComponent(number)}`, query });
  return { status: response.statusCode, body: response.json() };
}

const withoutRequestId = (body: { error: Record<string, unknown> }) => ({ error: { ...body.error, requestId: undefined } });
const wrongIin = (iin: string) => applicant(Number(iin.slice(7, 11)) + 1).iin;

describe("the public status page (R6.3)", () => {
  it("shows status, deadline, the responsible body and unit, and only the history meant for the applicant", async () => {
    const { tenant, supervisor, person, appeal } = await setup({ receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    await runDueTimers(ctx.db);
    await supervisor.client.post(`/api/v1/appeals/${appeal.id}/assign`, { unitId: tenant.unitId, positionId: tenant.positionId, assigneeId: supervisor.id });
    await supervisor.client.post(`/api/v1/appeals/${appeal.id}/transitions`, { to: "in_progress" });
    await supervisor.client.post(`/api/v1/appeals/${appeal.id}/transitions`, { to: "awaiting_confirmation", reason: "INTERNAL: contractor was slow" });
    const internal = await ctx.db.selectFrom("appeal_events").select("kind").where("appeal_id", "=", appeal.id).execute();
    expect(internal.map((e) => e.kind)).toEqual(expect.arrayContaining(["escalated", "forward_limit_passed", "assigned"]));

    const { status, body } = await lookup(appeal.number, { iin: person.iin, tenant: tenant.code });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      number: appeal.number,
      status: { code: "awaiting_confirmation", name: "Исполнено, ожидает подтверждения", phase: "awaiting_confirmation" },
      dueAt: appeal.dueAt,
      dueDate: new Date(Date.parse(appeal.dueAt) + 5 * 3_600_000).toISOString().slice(0, 10),
      body: "Body A ru",
      unit: "Unit A1 ru",
      position: "Специалист",
      closed: false,
    });
    expect(body.history.map((h: { status: string | null }) => h.status)).toEqual(["Зарегистрировано", "На исполнении", "Исполнено, ожидает подтверждения"]);
    const text = JSON.stringify(body);
    for (const secret of ["INTERNAL", "escalat", "assign", person.iin, person.fullName, person.phone, supervisor.id]) {
      expect(text).not.toContain(secret);
    }
  });

  it("shows the answer once the appeal is closed", async () => {
    const { tenant, supervisor, person, appeal } = await setup();
    await supervisor.client.post(`/api/v1/appeals/${appeal.id}/transitions`, { to: "in_progress" });
    await supervisor.client.post(`/api/v1/appeals/${appeal.id}/transitions`, { to: "executed", clientMessage: "The swings were replaced." });
    const { body } = await lookup(appeal.number, { iin: person.iin, tenant: tenant.code });
    expect(body.closed).toBe(true);
    expect(body.history.at(-1)).toMatchObject({ status: "Исполнено", message: "The swings were replaced." });
  });

  it("accepts the last four digits of the applicant's phone instead of the ИИН", async () => {
    const { tenant, person, appeal } = await setup();
    const { status, body } = await lookup(appeal.number, { phone: person.phone.slice(-4), tenant: tenant.code });
    expect(status).toBe(200);
    expect(body.number).toBe(appeal.number);
  });

  it("answers a wrong ИИН, wrong phone digits and an unknown number all alike", async () => {
    const { tenant, person, appeal } = await setup();
    const wrongPhone = String((Number(person.phone.slice(-4)) + 1) % 10000).padStart(4, "0");
    const answers = [
      await lookup(appeal.number, { iin: wrongIin(person.iin), tenant: tenant.code }),
      await lookup(appeal.number, { phone: wrongPhone, tenant: tenant.code }),
      await lookup("T-2026-99999999", { iin: person.iin, tenant: tenant.code }),
      await lookup(appeal.number, { iin: person.iin, tenant: "no-such-centre" }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe("PUBLIC_LOOKUP_FAILED");
      expect(withoutRequestId(answer.body)).toEqual(withoutRequestId(answers[0]?.body));
    }
  });

  it("does not let a wrong ИИН through with a fragment of the phone", async () => {
    const { tenant, person, appeal } = await setup();
    // One digit matches one phone in ten: ten guesses would open every appeal.
    for (const phone of [person.phone.slice(-1), person.phone.slice(-3)]) {
      const answer = await lookup(appeal.number, { iin: wrongIin(person.iin), phone, tenant: tenant.code });
      expect(answer.status).toBe(404);
    }
  });

  it("needs a second factor", async () => {
    const { tenant, person, appeal } = await setup();
    const queries: Record<string, string>[] = [{}, { iin: person.iin.slice(0, 11) }, { phone: "12" }];
    for (const query of queries) {
      const answer = await lookup(appeal.number, { ...query, tenant: tenant.code });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("locks a number after 10 wrong guesses within the hour, even for the right ИИН", async () => {
    const { tenant, supervisor, person, appeal } = await setup();
    for (let guess = 0; guess < 10; guess += 1) {
      const answer = await lookup(appeal.number, { iin: applicant(9_000 + guess).iin, tenant: tenant.code });
      expect(answer.status).toBe(404);
    }
    const locked = await lookup(appeal.number, { iin: person.iin, tenant: tenant.code });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("RATE_LIMITED");
    // Only that number is locked: the applicant's next appeal still opens.
    const next = await supervisor.client.post("/api/v1/appeals", { typeCode: "request", subject: "Again", text: "…", citizen: person });
    expect((await lookup(next.body.number, { iin: person.iin, tenant: tenant.code })).status).toBe(200);
  });

  it("locks an unknown number the same way, so locking reveals nothing either", async () => {
    const { tenant, person } = await setup();
    for (let guess = 0; guess < 10; guess += 1) {
      expect((await lookup("T-2026-88888888", { iin: person.iin, tenant: tenant.code })).status).toBe(404);
    }
    expect((await lookup("T-2026-88888888", { iin: person.iin, tenant: tenant.code })).status).toBe(429);
  });

  it("names statuses in Kazakh with ?lang=kk", async () => {
    const { tenant, person, appeal } = await setup();
    const { body } = await lookup(appeal.number, { iin: person.iin, tenant: tenant.code, lang: "kk" });
    expect(body.status.name).toBe("Тіркелді");
    expect(body.type).toBe("Өтініш");
    expect(body.body).toBe("Body A kk");
    expect(body.history[0].status).toBe("Тіркелді");
    const english = await lookup(appeal.number, { iin: person.iin, tenant: tenant.code, lang: "en" });
    expect(english.body.status.name).toBe("Registered");
  });

  it("records every lookup in the audit log, without the ИИН or the phone", async () => {
    const { tenant, person, appeal } = await setup();
    await lookup(appeal.number, { iin: person.iin, tenant: tenant.code });
    await lookup(appeal.number, { iin: wrongIin(person.iin), tenant: tenant.code });
    await lookup(appeal.number, { phone: person.phone.slice(-4), tenant: tenant.code });

    const rows = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("tenant_id", "=", tenant.tenantId)
      .where("action", "like", "public.%")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.action, r.actor_kind, r.entity_id, r.details])).toEqual([
      ["public.appeal_lookup", "citizen", appeal.id, { factor: "iin" }],
      ["public.appeal_lookup_failed", "citizen", appeal.id, { factor: "iin" }],
      ["public.appeal_lookup", "citizen", appeal.id, { factor: "phone" }],
    ]);
    const text = textWithoutIds(rows);
    expect(text).not.toContain(person.iin);
    expect(text).not.toContain(person.phone.slice(-4));
  });
});

import { computeDueDate } from "@bailanys/common/calendar";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, signedInStaff, startTestApp, type ApiClient, type TestContext } from "../../test/harness.ts";
import { calendarRules } from "../calendar/calendar.service.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

let serial = 500;
async function register(client: ApiClient, extra: Record<string, unknown> = {}): Promise<{ id: string; number: string; citizen: { id: string } }> {
  serial += 1;
  const response = await client.post("/api/v1/appeals", {
    typeCode: "statement",
    subject: `Appeal ${serial}`,
    text: "…",
    citizen: applicant(serial),
    ...extra,
  });
  expect(response.status).toBe(201);
  return response.body;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((i) => i.id);
const sameSet = (actual: string[], expected: { id: string }[]) => expect([...actual].sort()).toEqual(expected.map((a) => a.id).sort());

async function list(client: ApiClient, query: string) {
  const response = await client.get(`/api/v1/appeals?${query}`);
  expect(response.status).toBe(200);
  return response;
}

/** Every page of a listing, following nextCursor. */
async function allPages(client: ApiClient, query: string, limit: number): Promise<{ pages: string[][]; items: string[] }> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response = await list(client, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    pages.push(ids(response));
    cursor = response.body.nextCursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor !== null);
  return { pages, items: pages.flat() };
}

describe("work queues", () => {
  it("mine lists the open appeals assigned to me", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const executor = await signedInStaff(ctx, tenant, ["executor"]);
    const [assigned, assignedThenClosed, unassigned] = [await register(supervisor.client), await register(supervisor.client), await register(supervisor.client)];
    for (const appeal of [assigned, assignedThenClosed]) {
      expect((await supervisor.client.post(`/api/v1/appeals/${appeal.id}/assign`, { assigneeId: executor.id })).status).toBe(200);
    }
    await supervisor.client.post(`/api/v1/appeals/${assignedThenClosed.id}/withdraw`, { reason: "Not needed" });

    expect(ids(await list(executor.client, "queue=mine"))).toEqual([assigned.id]);
    expect(ids(await list(supervisor.client, "queue=mine"))).toEqual([]);
    expect(ids(await list(supervisor.client, "queue=all"))).toContain(unassigned.id);
  });

  it("unit lists the open appeals of my unit", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const executorA = await signedInStaff(ctx, tenant, ["executor"], { unitId: tenant.unitId });
    const noUnit = await signedInStaff(ctx, tenant, ["senior_operator"]);
    const inUnit = await register(supervisor.client, { categoryId: tenant.categoryId });
    const otherUnit = await register(supervisor.client, { bodyId: tenant.otherBodyId, unitId: tenant.otherUnitId });
    const closedInUnit = await register(supervisor.client, { categoryId: tenant.categoryId });
    await supervisor.client.post(`/api/v1/appeals/${closedInUnit.id}/withdraw`, { reason: "Not needed" });

    expect(ids(await list(executorA.client, "queue=unit"))).toEqual([inUnit.id]);
    expect(ids(await list(noUnit.client, "queue=unit"))).toEqual([]);
    expect(ids(await list(supervisor.client, "queue=all"))).toContain(otherUnit.id);
  });

  it("overdue lists open appeals whose deadline has passed, most overdue first", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const veryLate = await register(supervisor.client, { receivedAt: daysAgo(60) });
    const late = await register(supervisor.client, { receivedAt: daysAgo(40) });
    const lateButClosed = await register(supervisor.client, { receivedAt: daysAgo(40) });
    await supervisor.client.post(`/api/v1/appeals/${lateButClosed.id}/withdraw`, { reason: "Not needed" });
    await register(supervisor.client);

    const response = await list(supervisor.client, "queue=overdue");
    expect(ids(response)).toEqual([veryLate.id, late.id]);
    expect(response.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
  });

  it("due_soon lists open appeals due within the given hours, and neither overdue nor later ones", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    // The reception time whose deadline comes soonest after the next hour, by the tenant's own calendar.
    const rules = await calendarRules(ctx.db, tenant.tenantId);
    const now = Date.now();
    let soonest: { received: Date; dueAt: Date } | null = null;
    for (let hours = 1; hours < 24 * 40; hours += 1) {
      const received = new Date(now - hours * 3_600_000);
      const { dueAt } = computeDueDate(rules, { received, term: 15, unit: "WD" });
      if (dueAt.getTime() > now + 3_600_000 && (soonest === null || dueAt < soonest.dueAt)) {
        soonest = { received, dueAt };
      }
    }
    if (soonest === null) {
      throw new Error("no reception time gives a deadline in the coming days");
    }
    const soon = await register(supervisor.client, { receivedAt: soonest.received.toISOString() });
    await register(supervisor.client, { receivedAt: daysAgo(40) });
    const fresh = await register(supervisor.client);
    const hours = Math.ceil((soonest.dueAt.getTime() - now) / 3_600_000) + 1;

    expect(ids(await list(supervisor.client, `queue=due_soon&dueWithinHours=${hours}`))).toEqual([soon.id]);
    expect(ids(await list(supervisor.client, `queue=due_soon&dueWithinHours=${24 * 60}`))).toEqual([soon.id, fresh.id]);
  });

  it("routing lists open appeals still new or awaiting routing", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const fresh = await register(supervisor.client);
    const waiting = await register(supervisor.client);
    await supervisor.client.post(`/api/v1/appeals/${waiting.id}/transitions`, { to: "awaiting_routing" });
    const working = await register(supervisor.client);
    await supervisor.client.post(`/api/v1/appeals/${working.id}/transitions`, { to: "in_progress" });
    const withdrawn = await register(supervisor.client);
    await supervisor.client.post(`/api/v1/appeals/${withdrawn.id}/withdraw`, { reason: "Not needed" });

    sameSet(ids(await list(supervisor.client, "queue=routing")), [fresh, waiting]);
    // The registry shows everything, newest first, closed ones included.
    expect(ids(await list(supervisor.client, "queue=all"))).toEqual([withdrawn.id, working.id, waiting.id, fresh.id]);
    expect(ids(await list(supervisor.client, ""))).toEqual([withdrawn.id, working.id, waiting.id, fresh.id]);
  });
});

describe("registry filters", () => {
  it("filters by status, type and criticality", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const statement = await register(supervisor.client);
    const request = await register(supervisor.client, { typeCode: "request", criticalityCode: "critical" });
    const complaint = await register(supervisor.client, { typeCode: "complaint", categoryId: tenant.categoryId, criticalityCode: "critical" });
    await supervisor.client.post(`/api/v1/appeals/${complaint.id}/transitions`, { to: "in_progress" });

    expect(ids(await list(supervisor.client, "status=in_progress"))).toEqual([complaint.id]);
    expect(ids(await list(supervisor.client, "status=registered"))).toEqual([request.id, statement.id]);
    expect(ids(await list(supervisor.client, "typeCode=request"))).toEqual([request.id]);
    expect(ids(await list(supervisor.client, "criticalityCode=critical"))).toEqual([complaint.id, request.id]);
    expect(ids(await list(supervisor.client, "criticalityCode=critical&typeCode=complaint"))).toEqual([complaint.id]);
    expect(ids(await list(supervisor.client, "kindCode=complaint&queue=routing"))).toEqual([]);
  });

  it("finds an appeal by its number, the end of its number, or words of its subject", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const water = await register(supervisor.client, { subject: "Нет воды в подвале дома" });
    const lights = await register(supervisor.client, { subject: "Street lights are off" });

    expect(ids(await list(supervisor.client, `q=${encodeURIComponent(water.number)}`))).toEqual([water.id]);
    expect(ids(await list(supervisor.client, `q=${water.number.slice(-8)}`))).toEqual([water.id]);
    expect(ids(await list(supervisor.client, `q=${encodeURIComponent("ВОДЫ")}`))).toEqual([water.id]);
    expect(ids(await list(supervisor.client, "q=lights"))).toEqual([lights.id]);
    // Words need not stand next to each other in the subject.
    expect(ids(await list(supervisor.client, `q=${encodeURIComponent("воды дома")}`))).toEqual([water.id]);
    expect(ids(await list(supervisor.client, `q=${encodeURIComponent("воды lights")}`))).toEqual([]);
    // Wildcards typed by the user are plain characters.
    expect(ids(await list(supervisor.client, "q=%25"))).toEqual([]);
  });
});

describe("pagination", () => {
  it("returns every appeal exactly once, in order, across pages", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const created: { id: string }[] = [];
    for (let i = 0; i < 25; i += 1) {
      // Spread over a few deadlines so that the deadline-ordered queues have ties to break as well.
      created.push(await register(supervisor.client, { receivedAt: daysAgo(40 + (i % 4)) }));
    }
    for (const queue of ["all", "overdue", "routing"]) {
      const whole = ids(await list(supervisor.client, `queue=${queue}&limit=100`));
      sameSet(whole, created);
      const { pages, items } = await allPages(supervisor.client, `queue=${queue}`, 7);
      expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 4]);
      expect(items).toEqual(whole);
    }
  });

  it("loses no appeal when several were registered within the same millisecond", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const created: { id: string }[] = [];
    for (let i = 0; i < 10; i += 1) {
      created.push(await register(supervisor.client));
    }
    // A busy installation registers several appeals within one millisecond; the database keeps microseconds.
    for (const [i, appeal] of created.entries()) {
      await ctx.db
        .updateTable("appeals")
        .set({ registered_at: sql<Date>`timestamptz '2026-11-20 10:00:00.123000+00' + make_interval(secs => ${i} / 1000000.0)` })
        .where("id", "=", appeal.id)
        .execute();
    }
    const { items } = await allPages(supervisor.client, "queue=all", 3);
    expect(items).toEqual(created.map((a) => a.id).reverse());
  });

  it("refuses a cursor it did not issue", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const cursors = [
      "garbage",
      encoded(["yesterday", crypto.randomUUID()]),
      encoded([1, 2]),
      encoded(["2026-02-30T10:00:00.000000Z", crypto.randomUUID()]),
      encoded(["2026-11-20T10:00:00.000000Z", "-".repeat(36)]),
    ];
    for (const cursor of cursors) {
      const response = await supervisor.client.get(`/api/v1/appeals?cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([expect.objectContaining({ field: "query.cursor", code: "FIELD_INVALID" })]);
    }
  });
});

describe("who sees what", () => {
  it("an operator without appeal.read_all sees only what they registered, are assigned or their unit holds", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const operator = await signedInStaff(ctx, tenant, ["operator"]);
    const unitOperator = await signedInStaff(ctx, tenant, ["operator"], { unitId: tenant.unitId });
    const own = await register(operator.client);
    const assigned = await register(supervisor.client, { bodyId: tenant.otherBodyId });
    await supervisor.client.post(`/api/v1/appeals/${assigned.id}/assign`, { assigneeId: operator.id });
    const ofUnit = await register(supervisor.client, { categoryId: tenant.categoryId });
    const foreign = await register(supervisor.client, { bodyId: tenant.otherBodyId, unitId: tenant.otherUnitId });

    sameSet(ids(await list(operator.client, "queue=all")), [own, assigned]);
    sameSet(ids(await list(unitOperator.client, "queue=all")), [ofUnit]);
    sameSet(ids(await list(supervisor.client, "queue=all")), [own, assigned, ofUnit, foreign]);
    expect((await operator.client.get(`/api/v1/appeals/${foreign.id}`)).status).toBe(404);
    expect((await operator.client.get(`/api/v1/appeals/${ofUnit.id}`)).status).toBe(404);
    expect((await unitOperator.client.get(`/api/v1/appeals/${ofUnit.id}`)).status).toBe(200);
    // Nor can they act on what they cannot see.
    expect((await operator.client.post(`/api/v1/appeals/${foreign.id}/transitions`, { to: "in_progress" })).status).toBe(404);
  });

  it("an analyst sees the registry with applicants' names masked, and no personal-data read is logged", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const analyst = await signedInStaff(ctx, tenant, ["analyst"]);
    const appeal = await register(supervisor.client, { citizen: applicant(590, { fullName: "Айгерим Нурланова" }) });

    const response = await list(analyst.client, "queue=all");
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0].applicantName).toBe("А. Н.");
    expect(JSON.stringify(response.body)).not.toContain("Нурланова");
    const card = await analyst.client.get(`/api/v1/appeals/${appeal.id}`);
    expect(card.body.citizen).toMatchObject({ masked: true, fullName: "А. Н." });
    expect(card.body.citizen.iin).not.toBe(applicant(590).iin);

    const reads = await ctx.db.selectFrom("audit_log").select("action").where("actor_id", "=", analyst.id).execute();
    expect(reads.map((r) => r.action)).not.toContain("citizen.read_list");
  });

  it("listing with personal data writes a citizen.read_list audit record naming the citizens shown", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const first = await register(supervisor.client);
    const second = await register(supervisor.client);

    const response = await list(supervisor.client, "queue=all");
    expect(response.body.items.map((i: { applicantName: string }) => i.applicantName)).toEqual([`Заявитель ${serial}`, `Заявитель ${serial - 1}`]);
    const audit = await ctx.db.selectFrom("audit_log").select(["action", "details"]).where("actor_id", "=", supervisor.id).where("action", "=", "citizen.read_list").execute();
    expect(audit).toHaveLength(1);
    expect([...(audit[0]?.details as { citizenIds: string[] }).citizenIds].sort()).toEqual([first.citizen.id, second.citizen.id].sort());
    expect(JSON.stringify(audit[0]?.details)).not.toContain("Заявитель");
  });
});

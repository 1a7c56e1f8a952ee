import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, signedInStaff, startTestApp, writeCounts, type ApiClient, type TestContext } from "../../test/harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

let serial = 200;
/** A tenant with a supervisor and one appeal received on Saturday 31 January 2026 (15 working days). */
async function appealReceivedEndOfJanuary() {
  const tenant = await buildTenant(ctx.db);
  const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
  serial += 1;
  const response = await supervisor.client.post("/api/v1/appeals", {
    typeCode: "statement",
    subject: "Heating is off",
    text: "No heating in the flat since Friday.",
    receivedAt: "2026-01-31T10:00:00+05:00",
    citizen: applicant(serial),
  });
  expect(response.status).toBe(201);
  return { tenant, supervisor, appeal: response.body };
}

const extend = (client: ApiClient, id: string, body: Record<string, unknown>) => client.post(`/api/v1/appeals/${id}/extensions`, body);
const plan = { reason: "The boiler needs a spare part", actionPlan: "Order the part, replace it, check the pressure" };
const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) =>
  Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.code]));

describe("extending the deadline (R6.4, АППК Art. 76)", () => {
  it("an operator may not extend a deadline; a supervisor may", async () => {
    const { tenant, supervisor, appeal } = await appealReceivedEndOfJanuary();
    const operator = await signedInStaff(ctx, tenant, ["operator", "senior_operator"]);

    const refused = await extend(operator.client, appeal.id, { newDueDate: "2026-03-20", ...plan });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
    const allowed = await extend(supervisor.client, appeal.id, { newDueDate: "2026-03-20", ...plan });
    expect(allowed.status).toBe(200);
    expect(allowed.body.dueAt).toBe("2026-03-20T18:59:59.000Z");
  });

  it("the new date must be later than the current deadline", async () => {
    const { supervisor, appeal } = await appealReceivedEndOfJanuary();
    // 31 Jan is a Saturday: counting starts on Monday 2 Feb, 15 working days end on Friday 20 Feb.
    expect(appeal.dueAt).toBe("2026-02-20T18:59:59.000Z");
    const before = await writeCounts(ctx.db);

    for (const newDueDate of ["2026-02-20", "2026-02-10"]) {
      const response = await extend(supervisor.client, appeal.id, { newDueDate, ...plan });
      expect(response.status).toBe(400);
      expect(fieldCodes(response.body)).toEqual({ newDueDate: "EXTENSION_NOT_LATER" });
    }
    const impossible = await extend(supervisor.client, appeal.id, { newDueDate: "2026-02-30", ...plan });
    expect(impossible.status).toBe(400);
    expect(fieldCodes(impossible.body)).toEqual({ newDueDate: "DATE_INVALID" });
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it("allows at most two months from receipt: received 31 Jan, 1 Apr is refused and 31 Mar accepted to 23:59:59 local", async () => {
    const { supervisor, appeal } = await appealReceivedEndOfJanuary();
    expect(appeal.extensionLimitDate).toBe("2026-03-31");

    const tooLate = await extend(supervisor.client, appeal.id, { newDueDate: "2026-04-01", ...plan });
    expect(tooLate.status).toBe(400);
    expect(fieldCodes(tooLate.body)).toEqual({ newDueDate: "EXTENSION_LIMIT_EXCEEDED" });

    const response = await extend(supervisor.client, appeal.id, { newDueDate: "2026-03-31", ...plan });
    expect(response.status).toBe(200);
    expect(response.body.dueAt).toBe(new Date("2026-03-31T23:59:59+05:00").toISOString());
    expect(response.body.originalDueAt).toBe("2026-02-20T18:59:59.000Z");
    expect(response.body.extensions).toHaveLength(1);
    expect(response.body.extensions[0]).toMatchObject({
      previousDueAt: "2026-02-20T18:59:59.000Z",
      newDueAt: "2026-03-31T18:59:59.000Z",
      reason: plan.reason,
      actionPlan: plan.actionPlan,
      approvedBy: { id: supervisor.id, name: supervisor.fullName },
    });
    expect(response.body.events.at(-1)).toMatchObject({ kind: "extended", reason: plan.reason, clientMessage: plan.actionPlan, clientVisible: true });

    const notices = await ctx.db.selectFrom("notification_outbox").selectAll().where("appeal_id", "=", appeal.id).where("template", "=", "appeal_extended").execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.params).toEqual({ number: appeal.number, dueDate: "31.03.2026", reason: plan.reason, plan: plan.actionPlan });
    expect(notices[0]?.citizen_id).toBe(appeal.citizen.id);
  });

  it("a second extension still counts the two months from receipt, not from the previous deadline", async () => {
    const { supervisor, appeal } = await appealReceivedEndOfJanuary();
    expect((await extend(supervisor.client, appeal.id, { newDueDate: "2026-03-10", ...plan })).status).toBe(200);

    const beyond = await extend(supervisor.client, appeal.id, { newDueDate: "2026-04-15", ...plan });
    expect(fieldCodes(beyond.body)).toEqual({ newDueDate: "EXTENSION_LIMIT_EXCEEDED" });
    const second = await extend(supervisor.client, appeal.id, { newDueDate: "2026-03-31", ...plan });
    expect(second.status).toBe(200);
    expect(second.body.extensions.map((e: { previousDueAt: string }) => e.previousDueAt)).toEqual(["2026-02-20T18:59:59.000Z", "2026-03-10T18:59:59.000Z"]);
    expect(second.body.originalDueAt).toBe("2026-02-20T18:59:59.000Z");
  });

  it("a month shorter than the day of receipt ends the limit on its last day (31 Dec → 28 Feb)", async () => {
    const tenant = await buildTenant(ctx.db);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const created = await supervisor.client.post("/api/v1/appeals", {
      typeCode: "statement",
      subject: "Snow not cleared",
      text: "…",
      receivedAt: "2025-12-31T09:00:00+05:00",
      citizen: applicant(299),
    });
    expect(created.body.extensionLimitDate).toBe("2026-02-28");
    expect((await extend(supervisor.client, created.body.id, { newDueDate: "2026-03-01", ...plan })).body.error.fields[0].code).toBe("EXTENSION_LIMIT_EXCEEDED");
    expect((await extend(supervisor.client, created.body.id, { newDueDate: "2026-02-28", ...plan })).status).toBe(200);
  });

  it("re-plans the pending escalation timers for the new deadline", async () => {
    const { supervisor, appeal } = await appealReceivedEndOfJanuary();
    const timersOf = () => ctx.db.selectFrom("timers").selectAll().where("ref_id", "=", appeal.id).orderBy("id").execute();
    const before = await timersOf();
    const forwardWatch = before.find((t) => t.kind === "appeal.forward_limit");

    expect((await extend(supervisor.client, appeal.id, { newDueDate: "2026-03-31", ...plan })).status).toBe(200);

    const after = await timersOf();
    const pendingEscalation = after.filter((t) => t.kind === "appeal.escalation" && t.cancelled_at === null && t.fired_at === null);
    const received = Date.parse("2026-01-31T10:00:00+05:00");
    const newDue = Date.parse("2026-03-31T23:59:59+05:00");
    const at = (pct: number) => new Date(received + Math.round(((newDue - received) * pct) / 100)).toISOString();
    expect(pendingEscalation.map((t) => [(t.payload as { level: number }).level, new Date(t.fire_at).toISOString()])).toEqual([
      [1, at(50)],
      [2, at(80)],
      [3, new Date(newDue + 1000).toISOString()],
    ]);
    // The timers planned for the old deadline no longer fire; the forwarding watch is not about the deadline.
    for (const old of before.filter((t) => t.kind === "appeal.escalation")) {
      expect(after.find((t) => t.id === old.id)?.cancelled_at).not.toBeNull();
    }
    const watch = after.find((t) => t.id === forwardWatch?.id);
    expect(watch?.cancelled_at).toBeNull();
    expect(watch?.fire_at).toEqual(forwardWatch?.fire_at);
  });

  it("starts escalation over for the new deadline when an overdue appeal is extended", async () => {
    const { supervisor, appeal } = await appealReceivedEndOfJanuary();
    await ctx.db.updateTable("appeals").set({ escalation_level: 3 }).where("id", "=", appeal.id).execute();

    const extended = await extend(supervisor.client, appeal.id, { newDueDate: "2026-03-31", ...plan });

    expect(extended.status).toBe(200);
    expect(extended.body.escalationLevel).toBe(0);
    const pending = await ctx.db
      .selectFrom("timers")
      .select("payload")
      .where("ref_id", "=", appeal.id)
      .where("kind", "=", "appeal.escalation")
      .where("fired_at", "is", null)
      .where("cancelled_at", "is", null)
      .execute();
    expect(pending.map((t) => (t.payload as { level: number }).level).sort()).toEqual([1, 2, 3]);
  });
});

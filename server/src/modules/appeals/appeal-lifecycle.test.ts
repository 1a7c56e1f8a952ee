import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, signedInStaff, startTestApp, writeCounts, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

/** A tenant of its own with the people who work an appeal through its life. */
async function centre() {
  const tenant = await buildTenant(ctx.db);
  const [operator, supervisor] = await Promise.all([signedInStaff(ctx, tenant, ["operator"]), signedInStaff(ctx, tenant, ["supervisor"])]);
  return { tenant, operator, supervisor };
}

let serial = 100;
async function register(client: ApiClient, tenant: TestTenant, extra: Record<string, unknown> = {}) {
  serial += 1;
  const response = await client.post("/api/v1/appeals", {
    typeCode: "statement",
    categoryId: tenant.categoryId,
    subject: `Appeal ${serial}`,
    text: "The street lights are off.",
    citizen: applicant(serial),
    ...extra,
  });
  expect(response.status).toBe(201);
  return response.body;
}

const move = (client: ApiClient, id: string, body: Record<string, unknown>) => client.post(`/api/v1/appeals/${id}/transitions`, body);
const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) =>
  Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.code]));

async function outboxOf(appealId: string) {
  return ctx.db.selectFrom("notification_outbox").selectAll().where("appeal_id", "=", appealId).orderBy("created_at").execute();
}

async function pendingTimers(appealId: string) {
  return ctx.db.selectFrom("timers").selectAll().where("ref_id", "=", appealId).where("fired_at", "is", null).where("cancelled_at", "is", null).execute();
}

describe("the status graph", () => {
  it("moves an appeal along an allowed edge and records from where to where and who moved it", async () => {
    const { tenant, operator } = await centre();
    const appeal = await register(operator.client, tenant);

    const response = await move(operator.client, appeal.id, { to: "in_progress" });
    expect(response.status).toBe(200);
    expect(response.body.status.code).toBe("in_progress");
    expect(response.body.version).toBe(appeal.version + 1);
    const event = response.body.events.at(-1);
    expect(event).toMatchObject({ kind: "transition", actorName: operator.fullName, fromStatus: { code: "registered" }, toStatus: { code: "in_progress" } });
    const row = await ctx.db.selectFrom("appeal_events").select("actor_id").where("id", "=", event.id).executeTakeFirstOrThrow();
    expect(row.actor_id).toBe(operator.id);
    const audit = await ctx.db.selectFrom("audit_log").select(["action", "actor_id"]).where("entity_id", "=", appeal.id).where("action", "=", "appeal.transition").execute();
    expect(audit).toEqual([{ action: "appeal.transition", actor_id: operator.id }]);
  });

  it("refuses a move that is not an edge of the graph and changes nothing", async () => {
    const { tenant, supervisor } = await centre();
    const appeal = await register(supervisor.client, tenant);
    const before = await writeCounts(ctx.db);

    // registered → executed is not an edge, even for someone who may close appeals.
    const skip = await move(supervisor.client, appeal.id, { to: "executed", clientMessage: "Done." });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe("TRANSITION_NOT_ALLOWED");
    const unknown = await move(supervisor.client, appeal.id, { to: "no_such_status" });
    expect(unknown.status).toBe(409);
    expect(unknown.body.error.code).toBe("TRANSITION_NOT_ALLOWED");
    // Statuses reached only through their own action are not taken through the generic move either.
    const sideDoor = await move(supervisor.client, appeal.id, { to: "withdrawn", reason: "Asked by phone" });
    expect(sideDoor.status).toBe(409);

    expect(await writeCounts(ctx.db)).toEqual(before);
    const card = await supervisor.client.get(`/api/v1/appeals/${appeal.id}`);
    expect(card.body.status.code).toBe("registered");
    expect(card.body.version).toBe(appeal.version);
  });

  it("an operator cannot close an appeal: in_progress → executed needs appeal.close", async () => {
    const { tenant, operator } = await centre();
    const appeal = await register(operator.client, tenant);
    expect((await move(operator.client, appeal.id, { to: "in_progress" })).status).toBe(200);

    const response = await move(operator.client, appeal.id, { to: "executed", clientMessage: "Fixed." });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("FORBIDDEN");
    const card = await operator.client.get(`/api/v1/appeals/${appeal.id}`);
    expect(card.body.status.code).toBe("in_progress");
    expect(card.body.closedAt).toBeNull();
    // The card offers the operator only the moves they may take.
    expect(card.body.transitions.map((t: { to: { code: string } }) => t.to.code)).not.toContain("executed");
  });

  it("asks for the reason and the answer an edge requires, naming each missing field", async () => {
    const { tenant, supervisor } = await centre();
    const appeal = await register(supervisor.client, tenant);
    await move(supervisor.client, appeal.id, { to: "in_progress" });
    const before = await writeCounts(ctx.db);

    const noReason = await move(supervisor.client, appeal.id, { to: "awaiting_confirmation", reason: "   " });
    expect(noReason.status).toBe(400);
    expect(fieldCodes(noReason.body)).toEqual({ reason: "REASON_REQUIRED" });

    const noAnswer = await move(supervisor.client, appeal.id, { to: "executed" });
    expect(noAnswer.status).toBe(400);
    expect(fieldCodes(noAnswer.body)).toEqual({ clientMessage: "ANSWER_REQUIRED" });

    const stopBare = await move(supervisor.client, appeal.id, { to: "stopped" });
    expect(fieldCodes(stopBare.body)).toEqual({ reason: "REASON_REQUIRED", clientMessage: "ANSWER_REQUIRED" });

    expect(await writeCounts(ctx.db)).toEqual(before);
    const ok = await move(supervisor.client, appeal.id, { to: "awaiting_confirmation", reason: "Crew repaired the line" });
    expect(ok.status).toBe(200);
    expect(ok.body.events.at(-1).reason).toBe("Crew repaired the line");
  });

  it("closing records closedAt, queues the answer in the same transaction and cancels pending timers", async () => {
    const { tenant, supervisor } = await centre();
    const appeal = await register(supervisor.client, tenant);
    await move(supervisor.client, appeal.id, { to: "in_progress" });
    expect(await pendingTimers(appeal.id)).toHaveLength(4);

    const response = await move(supervisor.client, appeal.id, { to: "executed", clientMessage: "The lights are on again.", answerCharacter: "satisfied" });
    expect(response.status).toBe(200);
    expect(response.body.status.code).toBe("executed");
    expect(response.body.closedAt).not.toBeNull();
    expect(response.body.answerText).toBe("The lights are on again.");
    expect(response.body.answerCharacter).toBe("satisfied");
    expect(response.body.transitions).toEqual([]);

    const answers = (await outboxOf(appeal.id)).filter((n) => n.template === "appeal_answer");
    expect(answers).toHaveLength(1);
    expect(answers[0]?.params).toMatchObject({ number: appeal.number, message: "The lights are on again." });
    // now() is the transaction's start: the answer was queued by the very transaction that closed the appeal.
    const row = await ctx.db.selectFrom("appeals").select("closed_at").where("id", "=", appeal.id).executeTakeFirstOrThrow();
    expect(new Date(answers[0]?.created_at ?? 0).getTime()).toBe(new Date(row.closed_at ?? 1).getTime());
    expect(await pendingTimers(appeal.id)).toEqual([]);
  });

  it("a closed appeal refuses every further action with APPEAL_CLOSED", async () => {
    const { tenant, supervisor } = await centre();
    const other = await register(supervisor.client, tenant);
    const appeal = await register(supervisor.client, tenant);
    await move(supervisor.client, appeal.id, { to: "in_progress" });
    await move(supervisor.client, appeal.id, { to: "executed", clientMessage: "Answered." });
    const before = await writeCounts(ctx.db);

    const base = `/api/v1/appeals/${appeal.id}`;
    const attempts = await Promise.all([
      supervisor.client.post(`${base}/transitions`, { to: "in_progress" }),
      supervisor.client.post(`${base}/assign`, { unitId: tenant.unitId }),
      supervisor.client.post(`${base}/withdraw`, { reason: "Changed my mind" }),
      supervisor.client.post(`${base}/duplicate`, { duplicateOf: other.number, reason: "Same street" }),
      supervisor.client.post(`${base}/extensions`, { newDueDate: "2099-01-01", reason: "More time", actionPlan: "Visit" }),
      supervisor.client.post(`${base}/forwards`, { scope: "whole", externalBodyName: "Ministry", reason: "Not ours" }),
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toBe(409);
      expect(attempt.body.error.code).toBe("APPEAL_CLOSED");
    }
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it("is data: a move an administrator removes from the graph is refused afterwards", async () => {
    const { tenant, operator } = await centre();
    const admin = await signedInStaff(ctx, tenant, ["admin"]);
    const reference = await admin.client.get("/api/v1/reference");
    const transitions = reference.body.transitions.filter(
      (t: { fromStatus: string; toStatus: string }) => !(t.fromStatus === "registered" && t.toStatus === "in_progress"),
    );
    expect(transitions.length).toBe(reference.body.transitions.length - 1);
    const put = await admin.client.request("PUT", "/api/v1/reference/transitions", { transitions });
    expect(put.status).toBe(200);

    const appeal = await register(operator.client, tenant);
    expect(appeal.transitions.map((t: { to: { code: string } }) => t.to.code)).toEqual(["awaiting_routing"]);
    const refused = await move(operator.client, appeal.id, { to: "in_progress" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("TRANSITION_NOT_ALLOWED");
    expect((await move(operator.client, appeal.id, { to: "awaiting_routing" })).status).toBe(200);
  });

  it("refuses a change made on a stale version with CONFLICT", async () => {
    const { tenant, supervisor } = await centre();
    const appeal = await register(supervisor.client, tenant);
    const first = await move(supervisor.client, appeal.id, { to: "in_progress", version: appeal.version });
    expect(first.status).toBe(200);

    const stale = await move(supervisor.client, appeal.id, { to: "stopped", reason: "Duplicate call", clientMessage: "Closed.", version: appeal.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("CONFLICT");
    const card = await supervisor.client.get(`/api/v1/appeals/${appeal.id}`);
    expect(card.body.status.code).toBe("in_progress");
    expect(card.body.version).toBe(first.body.version);
  });
});

describe("complaints (R8, R9.4)", () => {
  it("a complaint cannot be closed without its outcome", async () => {
    const { tenant, supervisor } = await centre();
    const complaint = await register(supervisor.client, tenant, { typeCode: "complaint", subject: "Rude operator" });
    await move(supervisor.client, complaint.id, { to: "in_progress" });
    expect(complaint.transitions.length).toBeGreaterThan(0);

    const response = await move(supervisor.client, complaint.id, { to: "executed", clientMessage: "We apologise." });
    expect(response.status).toBe(400);
    expect(fieldCodes(response.body)).toEqual({ outcome: "COMPLAINT_OUTCOME_REQUIRED" });
    const card = await supervisor.client.get(`/api/v1/appeals/${complaint.id}`);
    expect(card.body.closedAt).toBeNull();
    expect(card.body.transitions.find((t: { to: { code: string } }) => t.to.code === "executed")?.requiresOutcome).toBe(true);
  });

  it("a confirmed complaint closes with its answer and keeps the outcome", async () => {
    const { tenant, supervisor } = await centre();
    const complaint = await register(supervisor.client, tenant, { typeCode: "complaint", subject: "Rude operator" });
    await move(supervisor.client, complaint.id, { to: "in_progress" });

    const response = await move(supervisor.client, complaint.id, { to: "executed", outcome: "confirmed", clientMessage: "The operator was reprimanded." });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ outcome: "confirmed", answerText: "The operator was reprimanded.", status: { code: "executed" } });
    expect(response.body.closedAt).not.toBeNull();
    const row = await ctx.db.selectFrom("appeals").select("outcome").where("id", "=", complaint.id).executeTakeFirstOrThrow();
    expect(row.outcome).toBe("confirmed");
    expect((await outboxOf(complaint.id)).map((n) => n.template)).toContain("appeal_answer");
  });
});

describe("withdrawal, duplicates and assignment", () => {
  it("withdrawal closes the appeal as withdrawn and tells the citizen", async () => {
    const { tenant, operator } = await centre();
    const appeal = await register(operator.client, tenant);

    const response = await operator.client.post(`/api/v1/appeals/${appeal.id}/withdraw`, { reason: "Resolved by the neighbours" });
    expect(response.status).toBe(200);
    expect(response.body.status.code).toBe("withdrawn");
    expect(response.body.closedAt).not.toBeNull();
    expect(response.body.events.at(-1)).toMatchObject({ kind: "withdrawn", reason: "Resolved by the neighbours", toStatus: { code: "withdrawn" } });
    const withdrawn = (await outboxOf(appeal.id)).filter((n) => n.template === "appeal_withdrawn");
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]?.citizen_id).toBe(appeal.citizen.id);
    expect(await pendingTimers(appeal.id)).toEqual([]);
  });

  it("a duplicate linked by the original's number closes and points at it; the original records it", async () => {
    const { tenant, supervisor } = await centre();
    const original = await register(supervisor.client, tenant, { subject: "Pothole on Abay street" });
    const repeat = await register(supervisor.client, tenant, { subject: "Pothole on Abay street again" });

    const response = await supervisor.client.post(`/api/v1/appeals/${repeat.id}/duplicate`, { duplicateOf: original.number, reason: "Same pothole" });
    expect(response.status).toBe(200);
    expect(response.body.status.code).toBe("duplicate");
    expect(response.body.closedAt).not.toBeNull();
    expect(response.body.duplicateOf).toEqual({ id: original.id, number: original.number });

    const originalCard = await supervisor.client.get(`/api/v1/appeals/${original.id}`);
    const received = originalCard.body.events.filter((e: { kind: string }) => e.kind === "duplicate_received");
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ clientVisible: false, details: { duplicateId: repeat.id, duplicateNumber: repeat.number } });
    expect(originalCard.body.closedAt).toBeNull();
  });

  it("refuses to link an appeal to itself or to a number that does not exist", async () => {
    const { tenant, supervisor } = await centre();
    const appeal = await register(supervisor.client, tenant);
    for (const duplicateOf of [appeal.number, appeal.id, "T-1999-99999999", crypto.randomUUID(), "-".repeat(36)]) {
      const response = await supervisor.client.post(`/api/v1/appeals/${appeal.id}/duplicate`, { duplicateOf, reason: "Same" });
      expect(response.status).toBe(400);
      expect(fieldCodes(response.body)).toEqual({ duplicateOf: "REFERENCE_UNKNOWN" });
    }
  });

  it("assigns a unit, position and person of the appeal's body, and refuses a unit of another body", async () => {
    const { tenant, supervisor } = await centre();
    const executor = await signedInStaff(ctx, tenant, ["executor"], { unitId: tenant.unitId });
    const appeal = await register(supervisor.client, tenant);

    const foreign = await supervisor.client.post(`/api/v1/appeals/${appeal.id}/assign`, { unitId: tenant.otherUnitId });
    expect(foreign.status).toBe(400);
    expect(fieldCodes(foreign.body)).toEqual({ unitId: "REFERENCE_UNKNOWN" });

    const ok = await supervisor.client.post(`/api/v1/appeals/${appeal.id}/assign`, { unitId: tenant.unitId, positionId: tenant.positionId, assigneeId: executor.id });
    expect(ok.status).toBe(200);
    expect(ok.body.unit.id).toBe(tenant.unitId);
    expect(ok.body.position.id).toBe(tenant.positionId);
    expect(ok.body.assignee).toEqual({ id: executor.id, name: executor.fullName });
    expect(ok.body.events.at(-1)).toMatchObject({ kind: "assigned", clientVisible: false });
  });

  it("an operator cannot assign, link duplicates or forward", async () => {
    const { tenant, operator } = await centre();
    const appeal = await register(operator.client, tenant);
    const other = await register(operator.client, tenant);
    const base = `/api/v1/appeals/${appeal.id}`;
    const attempts = await Promise.all([
      operator.client.post(`${base}/assign`, { unitId: tenant.unitId }),
      operator.client.post(`${base}/duplicate`, { duplicateOf: other.number, reason: "Same" }),
      operator.client.post(`${base}/forwards`, { scope: "whole", externalBodyName: "Ministry", reason: "Not ours" }),
    ]);
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue } from "../../test/contact-fixtures.ts";
import { applicant, buildTenant, signIn, signedInStaff, startTestApp, textWithoutIds, type TestContext } from "../../test/harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

const ALWAYS = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["00:00", "24:00"]]));
const NEVER = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), null]));
let serial = 7100;

/** A centre with a phone queue and an outbound trunk, an operator who registered an appeal of a citizen with a phone. */
async function appealOfCitizen() {
  const tenant = await buildTenant(ctx.db);
  const queueId = await buildQueue(ctx.db, tenant.tenantId, { channels: ["phone"] });
  await ctx.db.insertInto("voice_settings").values({ tenant_id: tenant.tenantId, menu: JSON.stringify({ start: "q", defaultLocale: "ru", nodes: { q: { kind: "queue", prompt: null, queue: "general", topic: null } } }), outbound_trunk: "127.0.0.1:9", outbound_hours: JSON.stringify(ALWAYS) }).execute();
  const user = await buildAgent(ctx.db, tenant.tenantId, { channels: { phone: 1 } });
  const operator = await signIn(ctx.app, user);
  serial += 1;
  const person = applicant(serial);
  const created = await operator.post("/api/v1/appeals", { typeCode: "request", subject: "Ремонт дороги", text: "Яма у дома 5.", citizen: person });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { tenantId: tenant.tenantId, queueId, user, operator, person, appealId: created.body.id as string, citizenId: created.body.citizen.id as string };
}

const outboundContacts = (tenantId: string) => ctx.db.selectFrom("contacts").select("id").where("tenant_id", "=", tenantId).where("direction", "=", "outbound").execute();

describe("calling the citizen of an appeal (a follow-up with no contact open)", () => {
  it("opens an outbound phone contact in the operator's window, linked to the appeal and the citizen, and requests the call with its reason; the read of the number is audited", async () => {
    const { tenantId, queueId, user, operator, person, appealId, citizenId } = await appealOfCitizen();
    const noReason = await operator.post(`/api/v1/appeals/${appealId}/dial`, { reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toMatchObject([{ field: "reason", code: "FIELD_REQUIRED" }]);

    const placed = await operator.post(`/api/v1/appeals/${appealId}/dial`, { reason: "Уточнить адрес по обращению" });
    expect(placed.status, JSON.stringify(placed.body)).toBe(202);
    const contact = await ctx.db.selectFrom("contacts").selectAll().where("id", "=", placed.body.contactId).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ channel: "phone", direction: "outbound", state: "active", agent_id: user.id, citizen_id: citizenId, visitor_phone: person.phone, queue_id: queueId, language: "ru" });
    expect(await ctx.db.selectFrom("contact_appeals").select("appeal_id").where("contact_id", "=", contact.id).execute()).toEqual([{ appeal_id: appealId }]);
    const call = await ctx.db.selectFrom("voice_outbound_calls").selectAll().where("id", "=", placed.body.id).executeTakeFirstOrThrow();
    expect(call).toMatchObject({ contact_id: contact.id, agent_id: user.id, phone: person.phone, reason: "Уточнить адрес по обращению", state: "requested" });
    const script = await ctx.db.selectFrom("contact_log").select(["data", "staff_only"]).where("contact_id", "=", contact.id).where("event", "=", "outbound_call").executeTakeFirstOrThrow();
    expect(script).toEqual({ data: { reason: "Уточнить адрес по обращению" }, staff_only: true });

    // The operator's window shows the call as their open contact.
    const window = await operator.get("/api/v1/agent/me");
    expect(window.body.contacts.map((c: { id: string }) => c.id)).toEqual([contact.id]);

    // Reading the citizen's number to call it is recorded like a read of the card (no number in the record).
    const audits = await ctx.db.selectFrom("audit_log").select(["action", "entity", "entity_id", "details"]).where("tenant_id", "=", tenantId).where("actor_id", "=", user.id).where("action", "in", ["citizen.read", "call.outbound.request"]).orderBy("id").execute();
    expect(audits).toEqual([
      { action: "citizen.read", entity: "appeal", entity_id: appealId, details: { citizenId } },
      { action: "call.outbound.request", entity: "contact", entity_id: contact.id, details: {} },
    ]);
    expect(textWithoutIds(audits)).not.toContain(person.phone.slice(-7));

    // A call takes the operator whole: with this one open, a second is refused.
    const second = await operator.post(`/api/v1/appeals/${appealId}/dial`, { reason: "Ещё раз" });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("AGENT_NO_ROOM");
  });

  it("refuses outside the calling hours (R13.5) and a number on the do-not-call list (R13.4), leaving no contact behind", async () => {
    const { tenantId, operator, person, appealId } = await appealOfCitizen();
    await ctx.db.updateTable("voice_settings").set({ outbound_hours: JSON.stringify(NEVER) }).where("tenant_id", "=", tenantId).execute();
    const outside = await operator.post(`/api/v1/appeals/${appealId}/dial`, { reason: "Уточнить адрес" });
    expect(outside.status).toBe(409);
    expect(outside.body.error.code).toBe("OUTSIDE_CALLING_HOURS");

    await ctx.db.updateTable("voice_settings").set({ outbound_hours: JSON.stringify(ALWAYS) }).where("tenant_id", "=", tenantId).execute();
    expect((await operator.request("POST", "/api/v1/calls/do-not-call", { phone: person.phone, note: "просил не звонить" })).status).toBe(204);
    const blocked = await operator.post(`/api/v1/appeals/${appealId}/dial`, { reason: "Уточнить адрес" });
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.fields).toMatchObject([{ field: "phone", code: "DO_NOT_CALL" }]);
    // Another number may be given, as for a contact.
    expect((await operator.post(`/api/v1/appeals/${appealId}/dial`, { reason: "Уточнить адрес", phone: "abc" })).body.error.fields).toMatchObject([{ field: "phone", code: "PHONE_INVALID" }]);
    expect(await outboundContacts(tenantId)).toEqual([]);
    expect(await ctx.db.selectFrom("voice_outbound_calls").select("id").where("tenant_id", "=", tenantId).execute()).toEqual([]);
  });

  it("is for those who handle contacts and may read the appeal", async () => {
    const { tenantId, appealId } = await appealOfCitizen();
    const analyst = await signedInStaff(ctx, { tenantId }, ["analyst"]);
    expect((await analyst.client.post(`/api/v1/appeals/${appealId}/dial`, { reason: "Уточнить" })).status).toBe(403);
    // Another operator sees only the appeals they registered or hold.
    const colleague = await signIn(ctx.app, await buildAgent(ctx.db, tenantId, { channels: { phone: 1 } }));
    const hidden = await colleague.post(`/api/v1/appeals/${appealId}/dial`, { reason: "Уточнить" });
    expect(hidden.status).toBe(404);
    expect(await outboundContacts(tenantId)).toEqual([]);
  });
});

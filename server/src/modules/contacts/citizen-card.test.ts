import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue, inboundChat } from "../../test/contact-fixtures.ts";
import { applicant, buildTenant, signIn, signedInStaff, startTestApp, type TestContext } from "../../test/harness.ts";

let ctx: TestContext;
const deps = () => ({ db: ctx.db, bus: ctx.bus });

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe("the citizen card of a conversation", () => {
  it("matches the citizen by phone, hides protected data until the identity is verified, and audits each step", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId);
    const registrar = await signedInStaff(ctx, tenant, ["operator"]);
    const person = applicant(71);
    const appeal = await registrar.client.post("/api/v1/appeals", { typeCode: "request", subject: "Нет воды", text: "Третий день нет воды", citizen: person });
    expect(appeal.status).toBe(201);

    const operator = await buildAgent(ctx.db, tenant.tenantId);
    const chat = await inboundChat(deps(), tenant.tenantId, { visitor: { name: "Айгерим", phone: person.phone, email: null, address: null } });
    const client = await signIn(ctx.app, operator);
    const offer = (await client.get("/api/v1/agent/me")).body.offers[0] as { id: string };
    expect((await client.post(`/api/v1/offers/${offer.id}/accept`)).status).toBe(200);

    const masked = await client.get(`/api/v1/contacts/${chat.contactId}/citizen`);
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({ verified: false, citizen: { iin: null, phone: null, masked: true } });
    expect(masked.body.citizen.fullName).not.toBe(person.fullName);
    const appealItem = masked.body.timeline.find((i: { kind: string }) => i.kind === "appeal");
    expect(appealItem).toMatchObject({ number: appeal.body.number, title: null });
    expect(masked.body.timeline.some((i: { kind: string; id: string }) => i.kind === "contact" && i.id === chat.contactId)).toBe(true);

    const wrong = await client.post(`/api/v1/contacts/${chat.contactId}/verify`, { iin: person.iin, phoneLast4: "0000" });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe("VERIFICATION_FAILED");
    const verified = await client.post(`/api/v1/contacts/${chat.contactId}/verify`, { iin: person.iin, phoneLast4: person.phone.slice(-4) });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ verified: true, verifiedMethod: "iin_phone", citizen: { iin: person.iin, fullName: person.fullName, masked: false } });
    expect(verified.body.timeline.find((i: { kind: string }) => i.kind === "appeal").title).toBe("Нет воды");

    const audit = await ctx.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", chat.contactId).where("action", "in", ["contact.verify", "contact.citizen_card"]).orderBy("id").execute();
    expect(audit.map((a) => [a.action, (a.details as { result?: string }).result ?? null])).toEqual([
      ["contact.citizen_card", null],
      ["contact.verify", "failed"],
      ["contact.verify", "verified"],
      ["contact.citizen_card", null],
    ]);

    // Tied by hand to another record, the conversation is no longer verified.
    const other = await registrar.client.post("/api/v1/appeals", { typeCode: "request", subject: "Свет", text: "Нет света", citizen: applicant(72) });
    const relinked = await client.post(`/api/v1/contacts/${chat.contactId}/citizen`, { citizenId: other.body.citizen.id });
    expect(relinked.status).toBe(200);
    expect(relinked.body).toMatchObject({ verified: false, citizen: { id: other.body.citizen.id, masked: true } });
  });
});

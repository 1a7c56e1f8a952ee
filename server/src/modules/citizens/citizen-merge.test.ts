import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue, inboundChat } from "../../test/contact-fixtures.ts";
import { applicant, buildTenant, signIn, signedInStaff, startTestApp, writeCounts, type ApiClient, type TestContext } from "../../test/harness.ts";

let ctx: TestContext;
const deps = () => ({ db: ctx.db, bus: ctx.bus });

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

async function register(client: ApiClient, subject: string, citizen: Record<string, unknown>): Promise<{ appealId: string; citizenId: string }> {
  const response = await client.post("/api/v1/appeals", { typeCode: "request", subject, text: "…", citizen: { ...citizen, consent: { given: true, source: "phone" } } });
  expect(response.status).toBe(201);
  return { appealId: response.body.id, citizenId: response.body.citizen.id };
}

/**
 * The usual case: a citizen wrote in chat from a phone known only from an earlier phone-only appeal (record A),
 * and has another record with their ИИН from a registration at the front desk (record B).
 */
async function twoRecordsOfOnePerson(serial: number) {
  const tenant = await buildTenant(ctx.db);
  await buildQueue(ctx.db, tenant.tenantId);
  const registrar = await signedInStaff(ctx, tenant, ["operator"]);
  const person = { ...applicant(serial), email: `person${serial}@example.kz` };
  const chatPhone = `+7705${String(2000000 + serial).slice(-7)}`;
  const byPhone = await register(registrar.client, "Нет воды", { fullName: "Айгерим", phone: chatPhone });
  const byIin = await register(registrar.client, "Справка", person);
  const senior = await buildAgent(ctx.db, tenant.tenantId, { roles: ["senior_operator"] });
  const seniorClient = await signIn(ctx.app, senior);
  const chat = await inboundChat(deps(), tenant.tenantId, { visitor: { name: "Айгерим", phone: chatPhone, email: null, address: null } });
  const offer = (await seniorClient.get("/api/v1/agent/me")).body.offers[0] as { id: string };
  expect((await seniorClient.post(`/api/v1/offers/${offer.id}/accept`)).status).toBe(200);
  return { tenant, registrar, person, chatPhone, byPhone, byIin, senior, seniorClient, contactId: chat.contactId };
}

describe("merging two records of one person", () => {
  it("moves contacts, appeals and consents to the kept record, keeps the chosen details, and leaves an audited trail", async () => {
    const { tenant, person, chatPhone, byPhone, byIin, senior, seniorClient, contactId } = await twoRecordsOfOnePerson(801);

    // Before the merge the chat is tied to the phone-only record, so the ИИН the citizen states does not verify.
    const refused = await seniorClient.post(`/api/v1/contacts/${contactId}/verify`, { iin: person.iin, phoneLast4: chatPhone.slice(-4) });
    expect(refused.body.error.code).toBe("VERIFICATION_FAILED");

    const merge = await seniorClient.post("/api/v1/citizens/merge", {
      keptId: byIin.citizenId,
      mergedId: byPhone.citizenId,
      take: { phone: "merged" },
      reason: "Одно лицо: подтвердила ИИН в чате",
    });
    expect(merge.status).toBe(200);
    expect(merge.body).toEqual({
      citizen: expect.objectContaining({ id: byIin.citizenId, iin: person.iin, fullName: person.fullName, phone: chatPhone, email: person.email }),
      moved: { contacts: 1, appeals: 1, consents: 1, notifications: expect.any(Number), identities: 0 },
    });

    expect(await ctx.db.selectFrom("citizens").select("id").where("id", "=", byPhone.citizenId).execute()).toEqual([]);
    const contact = await ctx.db.selectFrom("contacts").select("citizen_id").where("id", "=", contactId).executeTakeFirstOrThrow();
    expect(contact.citizen_id).toBe(byIin.citizenId);
    const appeals = await ctx.db.selectFrom("appeals").select(["id", "citizen_id"]).where("tenant_id", "=", tenant.tenantId).execute();
    expect(appeals.every((a) => a.citizen_id === byIin.citizenId)).toBe(true);
    const event = await ctx.db.selectFrom("appeal_events").selectAll().where("appeal_id", "=", byPhone.appealId).where("kind", "=", "applicant_merged").executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: senior.id, reason: "Одно лицо: подтвердила ИИН в чате", client_visible: false });
    const consents = await ctx.db.selectFrom("consents").select("citizen_id").where("tenant_id", "=", tenant.tenantId).execute();
    expect(consents.map((c) => c.citizen_id)).toEqual([byIin.citizenId, byIin.citizenId]);
    const trail = await ctx.db.selectFrom("citizen_merges").selectAll().where("tenant_id", "=", tenant.tenantId).executeTakeFirstOrThrow();
    expect(trail).toMatchObject({ merged_id: byPhone.citizenId, kept_id: byIin.citizenId, merged_by: senior.id, reason: "Одно лицо: подтвердила ИИН в чате" });

    const audit = await ctx.db.selectFrom("audit_log").selectAll().where("tenant_id", "=", tenant.tenantId).where("action", "=", "citizen.merge").execute();
    expect(audit).toHaveLength(1);
    const [record] = audit;
    expect(record).toMatchObject({ actor_id: senior.id, entity: "citizen", entity_id: byIin.citizenId, details: { mergedId: byPhone.citizenId, taken: ["phone"] } });
    // The audit names records, never personal details.
    const details = JSON.stringify(record?.details);
    for (const secret of [person.iin, chatPhone, person.fullName, person.email]) {
      expect(details).not.toContain(secret);
    }

    // The old id still leads to the person; the conversation now verifies and shows the whole timeline.
    const found = await seniorClient.get(`/api/v1/citizens?id=${byPhone.citizenId}`);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([byIin.citizenId]);
    const verified = await seniorClient.post(`/api/v1/contacts/${contactId}/verify`, { iin: person.iin, phoneLast4: chatPhone.slice(-4) });
    expect(verified.status).toBe(200);
    const timelineAppeals = verified.body.timeline.filter((i: { kind: string }) => i.kind === "appeal").map((i: { id: string }) => i.id);
    expect(timelineAppeals.sort()).toEqual([byPhone.appealId, byIin.appealId].sort());
  });

  it("refuses different people, itself, an unknown record or no reason — field by field, writing nothing", async () => {
    const { registrar, byPhone, byIin, seniorClient } = await twoRecordsOfOnePerson(802);
    const stranger = await register(registrar.client, "Другое", applicant(803));
    const organisation = await register(registrar.client, "Организация", { fullName: "ТОО Тест", phone: "+77010000804", kind: "organisation" });
    const before = await writeCounts(ctx.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ keptId: byIin.citizenId, mergedId: stranger.citizenId, reason: "x" }, "mergedId", "CITIZEN_MERGE_IIN_CONFLICT"],
      [{ keptId: byPhone.citizenId, mergedId: organisation.citizenId, reason: "x" }, "mergedId", "CITIZEN_MERGE_KIND_CONFLICT"],
      [{ keptId: byIin.citizenId, mergedId: byIin.citizenId, reason: "x" }, "mergedId", "CITIZEN_MERGE_SAME"],
      [{ keptId: byIin.citizenId, mergedId: "00000000-0000-4000-8000-000000000000", reason: "x" }, "mergedId", "CITIZEN_NOT_FOUND"],
      [{ keptId: byIin.citizenId, mergedId: byPhone.citizenId, reason: "   " }, "reason", "FIELD_REQUIRED"],
    ];
    for (const [body, field, code] of cases) {
      const response = await seniorClient.post("/api/v1/citizens/merge?lang=kk", body);
      expect(response.status, code).toBe(400);
      expect(response.body.error.fields, code).toEqual([{ field, code, message: expect.stringMatching(/[\u0400-\u04FF]/) }]);
    }
    expect(await writeCounts(ctx.db)).toEqual(before);
    expect(await ctx.db.selectFrom("citizen_merges").select("id").where("kept_id", "in", [byIin.citizenId, byPhone.citizenId]).execute()).toEqual([]);
  });

  it("is a senior's permission: an operator may not merge", async () => {
    const { registrar, byPhone, byIin } = await twoRecordsOfOnePerson(805);
    const response = await registrar.client.post("/api/v1/citizens/merge", { keptId: byIin.citizenId, mergedId: byPhone.citizenId, reason: "x" });
    expect(response.status).toBe(403);
    expect(await ctx.db.selectFrom("citizens").select("id").where("id", "=", byPhone.citizenId).execute()).toHaveLength(1);
  });

  it("merges again: the ИИН moves to a record that had none, and an id merged earlier leads to the last record", async () => {
    const { registrar, person, byPhone, byIin, seniorClient } = await twoRecordsOfOnePerson(806);
    expect((await seniorClient.post("/api/v1/citizens/merge", { keptId: byIin.citizenId, mergedId: byPhone.citizenId, reason: "одно лицо" })).status).toBe(200);
    const third = await register(registrar.client, "Ещё", { fullName: "Айгерим Сериковна", email: "third806@example.kz" });
    const again = await seniorClient.post("/api/v1/citizens/merge", { keptId: third.citizenId, mergedId: byIin.citizenId, reason: "одно лицо" });
    expect(again.status).toBe(200);
    expect(again.body.citizen).toMatchObject({ id: third.citizenId, iin: person.iin, fullName: "Айгерим Сериковна", email: "third806@example.kz", phone: person.phone });
    expect(again.body.moved.appeals).toBe(2);
    for (const oldId of [byPhone.citizenId, byIin.citizenId]) {
      const found = await seniorClient.get(`/api/v1/citizens?id=${oldId}`);
      expect(found.body.items.map((c: { id: string }) => c.id), oldId).toEqual([third.citizenId]);
    }
  });
});

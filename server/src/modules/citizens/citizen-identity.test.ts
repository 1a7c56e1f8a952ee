import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue, inboundChat } from "../../test/contact-fixtures.ts";
import { applicant, buildTenant, signIn, signedInStaff, startTestApp, type ApiClient, type TestContext } from "../../test/harness.ts";

let ctx: TestContext;
const deps = () => ({ db: ctx.db, bus: ctx.bus });

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

/** A centre with a Telegram queue, a registrar who files appeals and a senior operator who takes Telegram chats. */
async function telegramCentre() {
  const tenant = await buildTenant(ctx.db);
  await buildQueue(ctx.db, tenant.tenantId, { channels: ["telegram"] });
  const registrar = await signedInStaff(ctx, tenant, ["operator"]);
  const operator = await buildAgent(ctx.db, tenant.tenantId, { channels: { telegram: 10 }, roles: ["senior_operator"] });
  const client = await signIn(ctx.app, operator);
  const register = async (citizen: Record<string, unknown>): Promise<{ citizenId: string; number: string }> => {
    const response = await registrar.client.post("/api/v1/appeals", { typeCode: "request", subject: "Нет воды", text: "…", citizen });
    expect(response.status).toBe(201);
    return { citizenId: response.body.citizen.id, number: response.body.number };
  };
  /** A Telegram message from a sender known by their Telegram user id only, through the real intake. */
  const telegram = async (externalId: string) => {
    const contact = await inboundChat(deps(), tenant.tenantId, { channel: "telegram", visitor: { name: "Сәуле", phone: null, email: null, address: null, externalId } });
    return contact.contactId;
  };
  const citizenOf = async (contactId: string) => (await ctx.db.selectFrom("contacts").select("citizen_id").where("id", "=", contactId).executeTakeFirstOrThrow()).citizen_id;
  const identities = async () =>
    ctx.db.selectFrom("citizen_identities").select(["citizen_id", "channel", "external_id", "created_by"]).where("tenant_id", "=", tenant.tenantId).orderBy("external_id").execute();
  const auditDetails = async (action: string) =>
    (await ctx.db.selectFrom("audit_log").select("details").where("tenant_id", "=", tenant.tenantId).where("action", "=", action).orderBy("id").execute()).map((a) => a.details);
  return { tenant, operator, client, register, telegram, citizenOf, identities, auditDetails };
}

async function accept(client: ApiClient, contactId: string): Promise<void> {
  const offers = (await client.get("/api/v1/agent/me")).body.offers as { id: string; contactId: string }[];
  const offer = offers.find((o) => o.contactId === contactId);
  if (!offer) {
    throw new Error(`no offer for ${contactId}`);
  }
  expect((await client.post(`/api/v1/offers/${offer.id}/accept`)).status).toBe(200);
}

describe("matching a citizen by messenger id", () => {
  it("leaves an unknown sender unmatched; once linked by hand, their next message lands in the same record and timeline", async () => {
    const { operator, client, register, telegram, citizenOf, identities, auditDetails } = await telegramCentre();
    const person = applicant(901);
    const record = await register(person);

    const first = await telegram("700100901");
    expect(await ctx.db.selectFrom("contacts").select(["citizen_id", "visitor_external_id"]).where("id", "=", first).executeTakeFirstOrThrow()).toEqual({
      citizen_id: null,
      visitor_external_id: "700100901",
    });
    await accept(client, first);
    expect((await client.post(`/api/v1/contacts/${first}/citizen`, { citizenId: record.citizenId })).status).toBe(200);
    expect(await identities()).toEqual([{ citizen_id: record.citizenId, channel: "telegram", external_id: "700100901", created_by: operator.id }]);

    const second = await telegram("700100901");
    expect(await citizenOf(second)).toBe(record.citizenId);
    await accept(client, second);
    const card = await client.get(`/api/v1/contacts/${second}/citizen`);
    expect(card.status).toBe(200);
    expect(card.body.citizen.id).toBe(record.citizenId);
    const timeline = card.body.timeline as { kind: string; id: string; number: string | null }[];
    expect(timeline.filter((i) => i.kind === "contact").map((i) => i.id).sort()).toEqual([first, second].sort());
    expect(timeline.filter((i) => i.kind === "appeal").map((i) => i.number)).toEqual([record.number]);

    // Another sender is another person until an operator says otherwise.
    expect(await citizenOf(await telegram("700100902"))).toBeNull();
    expect(await auditDetails("contact.link_citizen")).toEqual([{ citizenId: record.citizenId, identity: "added" }]);
  });

  it("ties the sender on verification, moves the tie to the record an operator links later, and audits without the id", async () => {
    const { client, register, telegram, citizenOf, identities, auditDetails } = await telegramCentre();
    const personA = applicant(911);
    const personB = applicant(912);
    const a = await register(personA);
    const b = await register(personB);

    const verifiedChat = await telegram("700100911");
    await accept(client, verifiedChat);
    const verified = await client.post(`/api/v1/contacts/${verifiedChat}/verify`, { iin: personA.iin, phoneLast4: personA.phone.slice(-4) });
    expect(verified.status).toBe(200);
    const next = await telegram("700100911");
    expect(await citizenOf(next)).toBe(a.citizenId);

    // The operator decides this sender is B: the tie moves, so the message after lands in B as well.
    await accept(client, next);
    expect((await client.post(`/api/v1/contacts/${next}/citizen`, { citizenId: b.citizenId })).status).toBe(200);
    expect((await identities()).map((i) => i.citizen_id)).toEqual([b.citizenId]);
    expect(await citizenOf(await telegram("700100911"))).toBe(b.citizenId);
    expect((await client.post(`/api/v1/contacts/${next}/citizen`, { citizenId: b.citizenId })).status).toBe(200);

    const verifyAudit = await auditDetails("contact.verify");
    const linkAudit = await auditDetails("contact.link_citizen");
    expect(verifyAudit).toEqual([{ result: "verified", identity: "added" }]);
    expect(linkAudit).toEqual([
      { citizenId: b.citizenId, identity: "moved", identityFromCitizenId: a.citizenId },
      { citizenId: b.citizenId, identity: "kept" },
    ]);
    const written = JSON.stringify([...verifyAudit, ...linkAudit]);
    for (const secret of ["700100911", "Сәуле", personA.fullName, personB.fullName, personA.phone]) {
      expect(written).not.toContain(secret);
    }
  });

  it("moves the merged record's messenger ids to the kept record, next to the ids it has", async () => {
    const { tenant, client, register, telegram, citizenOf, identities } = await telegramCentre();
    const byPhone = await register({ fullName: "Сәуле", phone: "+77052000921" });
    const byIin = await register(applicant(921));
    const toMerged = await telegram("700100921");
    await accept(client, toMerged);
    expect((await client.post(`/api/v1/contacts/${toMerged}/citizen`, { citizenId: byPhone.citizenId })).status).toBe(200);
    const toKept = await telegram("700100922");
    await accept(client, toKept);
    expect((await client.post(`/api/v1/contacts/${toKept}/citizen`, { citizenId: byIin.citizenId })).status).toBe(200);

    const merge = await client.post("/api/v1/citizens/merge", { keptId: byIin.citizenId, mergedId: byPhone.citizenId, reason: "Одно лицо" });
    expect(merge.status).toBe(200);
    expect(merge.body.moved).toMatchObject({ contacts: 1, identities: 1 });
    expect((await identities()).map((i) => [i.external_id, i.citizen_id])).toEqual([
      ["700100921", byIin.citizenId],
      ["700100922", byIin.citizenId],
    ]);
    const trail = await ctx.db.selectFrom("citizen_merges").select("moved").where("tenant_id", "=", tenant.tenantId).executeTakeFirstOrThrow();
    expect(trail.moved).toMatchObject({ identities: 1 });

    expect(await citizenOf(await telegram("700100921"))).toBe(byIin.citizenId);
  });
});

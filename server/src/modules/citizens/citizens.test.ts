import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, buildUser, signIn, startTestApp, type ApiClient, type TestContext, type TestTenant, type TestUser } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

interface Applicant {
  iin: string;
  fullName: string;
  phone: string;
  email: string;
}

async function centreWithApplicant(serial: number): Promise<{ tenant: TestTenant; operatorUser: TestUser; operator: ApiClient; person: Applicant; citizenId: string }> {
  const tenant = await buildTenant(ctx.db);
  const operatorUser = await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] });
  const operator = await signIn(ctx.app, operatorUser);
  const person = { ...applicant(serial), email: `applicant${serial}@example.kz` };
  const appeal = await operator.post("/api/v1/appeals", { typeCode: "request", subject: "Lookup", text: "…", citizen: { ...person, consent: { given: true, source: "phone" } } });
  expect(appeal.status).toBe(201);
  return { tenant, operatorUser, operator, person, citizenId: appeal.body.citizen.id };
}

const lookups = (tenantId: string) =>
  ctx.db.selectFrom("audit_log").select(["actor_id", "entity", "details"]).where("tenant_id", "=", tenantId).where("action", "=", "citizen.lookup").orderBy("id").execute();

describe("finding an applicant", () => {
  it("shows one identifier a masked record and the ИИН with the phone's last four digits the full one, auditing every lookup without the number itself", async () => {
    const { tenant, operatorUser, operator, person, citizenId } = await centreWithApplicant(501);
    const full = {
      id: citizenId,
      kind: "person",
      iin: person.iin,
      fullName: person.fullName,
      phone: person.phone,
      email: person.email,
      preferredLanguage: "ru",
      masked: false,
      consentGivenAt: expect.any(String),
      consentSource: "phone",
    };
    const masked = {
      ...full,
      iin: `${person.iin.slice(0, 2)}********${person.iin.slice(10)}`,
      fullName: person.fullName.split(" ").map((part) => `${part[0]}.`).join(" "),
      phone: `***${person.phone.slice(-2)}`,
      email: "***",
      masked: true,
    };
    const local = person.phone.replace("+7", "8");
    const written = `${local.slice(0, 1)} (${local.slice(1, 4)}) ${local.slice(4, 7)}-${local.slice(7, 9)}-${local.slice(9)}`;
    const wrongDigits = String((Number(person.phone.slice(-4)) + 1) % 10000).padStart(4, "0");
    const cases: [string, unknown][] = [
      [`iin=${person.iin}`, masked],
      [`phone=${encodeURIComponent(written)}`, masked],
      // An operator may not open a record by id: ids travel in links and would bypass the second factor.
      [`id=${citizenId}`, masked],
      [`iin=${person.iin}&phoneLast4=${wrongDigits}`, masked],
      [`iin=${person.iin}&phoneLast4=${person.phone.slice(-4)}`, full],
    ];
    for (const [query, expected] of cases) {
      const response = await operator.get(`/api/v1/citizens?${query}`);
      expect(response.status, query).toBe(200);
      expect(response.body.items, query).toEqual([expected]);
    }
    const audit = await lookups(tenant.tenantId);
    expect(audit.map((a) => a.details)).toEqual([
      { citizenIds: [citizenId], disclosedIds: [], by: "iin" },
      { citizenIds: [citizenId], disclosedIds: [], by: "phone" },
      { citizenIds: [citizenId], disclosedIds: [], by: "id" },
      { citizenIds: [citizenId], disclosedIds: [], by: "iin_phone" },
      { citizenIds: [citizenId], disclosedIds: [citizenId], by: "iin_phone" },
    ]);
    expect(audit.every((a) => a.actor_id === operatorUser.id && a.entity === "citizen")).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(person.iin);
    expect(JSON.stringify(audit)).not.toContain(person.phone);
  });

  it("shows a senior who may merge records the full record by id", async () => {
    const { tenant, citizenId, person } = await centreWithApplicant(504);
    const senior = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["senior_operator"] }));
    const response = await senior.get(`/api/v1/citizens?id=${citizenId}`);
    expect(response.status).toBe(200);
    expect(response.body.items).toMatchObject([{ id: citizenId, iin: person.iin, fullName: person.fullName, masked: false }]);
    expect((await senior.get(`/api/v1/citizens?iin=${person.iin}`)).body.items).toMatchObject([{ id: citizenId, masked: true }]);
  });

  it("finds nothing in another contact centre, and a lookup that finds nobody is not recorded", async () => {
    const { person } = await centreWithApplicant(502);
    const other = await buildTenant(ctx.db);
    const stranger = await signIn(ctx.app, await buildUser(ctx.db, other.tenantId, { roles: ["senior_operator"] }));
    const response = await stranger.get(`/api/v1/citizens?iin=${person.iin}`);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
    expect(await lookups(other.tenantId)).toEqual([]);
  });

  it("refuses lookups without a key or with a malformed one, and readers without citizen.read", async () => {
    const { tenant, operator, person } = await centreWithApplicant(503);
    const cases: [string, string][] = [
      ["", "query.iin:FIELD_REQUIRED"],
      ["iin=12345", "query.iin:FIELD_INVALID"],
      ["phone=12345", "query.phone:PHONE_INVALID"],
      ["id=not-a-uuid", "query.id:FIELD_INVALID"],
      ["phoneLast4=1234", "query.iin:FIELD_REQUIRED"],
      [`iin=${person.iin}&phoneLast4=12a4`, "query.phoneLast4:FIELD_INVALID"],
    ];
    for (const [query, expected] of cases) {
      const response = await operator.get(`/api/v1/citizens?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`), query).toEqual([expected]);
    }
    const analyst = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["analyst"] }));
    expect((await analyst.get(`/api/v1/citizens?iin=${person.iin}`)).status).toBe(403);
    expect(await lookups(tenant.tenantId)).toEqual([]);
  });
});

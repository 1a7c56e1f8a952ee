import { checkDigit, makeBin } from "@bailanys/common/identity-number";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, buildUser, signIn, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

async function centre(): Promise<{ tenant: TestTenant; admin: ApiClient }> {
  const tenant = await buildTenant(ctx.db);
  return { tenant, admin: await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["admin"] })) };
}

const names = (en: string) => ({ nameKk: `${en} kk`, nameRu: `${en} ru`, nameEn: en });
const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) => (body.error.fields ?? []).map((f) => `${f.field}:${f.code}`);

/** A БИН with a valid check digit but whatever else the first 11 digits say. */
function withCheckDigit(first11: string): string {
  for (let serial = 0; serial < 10; serial += 1) {
    const head = `${first11.slice(0, 10)}${serial}`;
    const c = checkDigit(head);
    if (c !== null) {
      return `${head}${c}`;
    }
  }
  throw new Error(`no check digit for ${first11}`);
}

describe("bodies", () => {
  it("adds, changes and deletes a body; GET /reference shows it at once", async () => {
    const { tenant, admin } = await centre();
    const bin = makeBin("2012-06", 31);
    const created = await admin.post("/api/v1/bodies", { bin, ...names("Akimat of Almaty"), isExternal: false, email: " office@akimat.kz " });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), bin, ...names("Akimat of Almaty"), isExternal: false, email: "office@akimat.kz", active: true });
    const id = created.body.id;
    expect((await admin.get("/api/v1/reference")).body.bodies).toContainEqual(created.body);

    const changed = await admin.request("PUT", `/api/v1/bodies/${id}`, { bin: null, ...names("Akimat"), isExternal: true, active: false });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ id, bin: null, ...names("Akimat"), isExternal: true, email: null, active: false });
    // An omitted `active` keeps the stored value.
    expect((await admin.request("PUT", `/api/v1/bodies/${id}`, { ...names("Akimat"), isExternal: true })).body.active).toBe(false);

    expect((await admin.request("DELETE", `/api/v1/bodies/${id}`)).status).toBe(204);
    expect((await admin.get("/api/v1/reference")).body.bodies.map((b: { id: string }) => b.id)).not.toContain(id);
    expect((await admin.request("DELETE", `/api/v1/bodies/${id}`)).status).toBe(404);
    expect((await admin.request("PUT", `/api/v1/bodies/${id}`, { ...names("Gone"), isExternal: false })).status).toBe(404);

    const audit = await ctx.db.selectFrom("audit_log").select("action").where("tenant_id", "=", tenant.tenantId).where("entity", "=", "body").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["org.body.create", "org.body.update", "org.body.update", "org.body.delete"]);
  });

  it("checks the БИН and the e-mail, reporting each problem and saving nothing", async () => {
    const { tenant, admin } = await centre();
    const valid = makeBin("2012-06", 31);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ bin: `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}` }, ["bin:BIN_INVALID_CHECKSUM"]],
      [{ bin: withCheckDigit("12069000001") }, ["bin:BIN_INVALID_TYPE"]],
      [{ bin: withCheckDigit("12134000001") }, ["bin:BIN_INVALID_DATE"]],
      [{ bin: "12345" }, ["bin:FIELD_INVALID"]],
      [{ email: "not-an-address" }, ["email:EMAIL_INVALID"]],
      [{ bin: withCheckDigit("12134000001"), email: "x@" }, ["bin:BIN_INVALID_DATE", "email:EMAIL_INVALID"]],
    ];
    const count = async () => (await ctx.db.selectFrom("bodies").select("id").where("tenant_id", "=", tenant.tenantId).execute()).length;
    const before = await count();
    for (const [patch, expected] of cases) {
      const response = await admin.post("/api/v1/bodies", { ...names("Bad"), isExternal: false, ...patch });
      expect(response.status, JSON.stringify(patch)).toBe(400);
      expect(fieldCodes(response.body), JSON.stringify(patch)).toEqual(expected);
    }
    expect(await count()).toBe(before);
  });

  it("refuses a second body with the same БИН in one contact centre, but not in another", async () => {
    const { admin } = await centre();
    const bin = makeBin("2015-03", 77);
    expect((await admin.post("/api/v1/bodies", { bin, ...names("First"), isExternal: false })).status).toBe(201);
    const again = await admin.post("/api/v1/bodies", { bin, ...names("Second"), isExternal: false });
    expect(again.status).toBe(400);
    expect(fieldCodes(again.body)).toEqual(["bin:ALREADY_EXISTS"]);
    const other = await centre();
    expect((await other.admin.post("/api/v1/bodies", { bin, ...names("Elsewhere"), isExternal: false })).status).toBe(201);
  });

  it("a body in use cannot be deleted", async () => {
    const { tenant, admin } = await centre();
    // The factory's body has units, users may work there and appeals are routed to it.
    const response = await admin.request("DELETE", `/api/v1/bodies/${tenant.bodyId}`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("IN_USE");
    expect((await admin.get("/api/v1/reference")).body.bodies.map((b: { id: string }) => b.id)).toContain(tenant.bodyId);
  });
});

describe("units and positions", () => {
  it("nests units within one body only, and never under themselves", async () => {
    const { tenant, admin } = await centre();
    const top = await admin.post("/api/v1/units", { bodyId: tenant.bodyId, ...names("Housing department") });
    expect(top.status).toBe(201);
    expect(top.body).toMatchObject({ bodyId: tenant.bodyId, parentId: null, nameEn: "Housing department", active: true });
    const sub = await admin.post("/api/v1/units", { bodyId: tenant.bodyId, parentId: top.body.id, ...names("Water section") });
    expect(sub.body.parentId).toBe(top.body.id);

    // A parent in another body is refused.
    const crossBody = await admin.post("/api/v1/units", { bodyId: tenant.bodyId, parentId: tenant.otherUnitId, ...names("Stray") });
    expect(crossBody.status).toBe(400);
    expect(fieldCodes(crossBody.body)).toEqual(["parentId:REFERENCE_UNKNOWN"]);
    // So is a body of another contact centre.
    const other = await buildTenant(ctx.db);
    const foreign = await admin.post("/api/v1/units", { bodyId: other.bodyId, ...names("Foreign") });
    expect(fieldCodes(foreign.body)).toEqual(["bodyId:REFERENCE_UNKNOWN"]);

    const loop = await admin.request("PUT", `/api/v1/units/${top.body.id}`, { bodyId: tenant.bodyId, parentId: sub.body.id, ...names("Housing department") });
    expect(loop.status).toBe(400);
    expect(fieldCodes(loop.body)).toEqual(["parentId:FIELD_INVALID"]);
    // Moving a unit with sub-units to another body would split them from it.
    const move = await admin.request("PUT", `/api/v1/units/${top.body.id}`, { bodyId: tenant.otherBodyId, ...names("Housing department") });
    expect(fieldCodes(move.body)).toEqual(["bodyId:FIELD_INVALID"]);

    const renamed = await admin.request("PUT", `/api/v1/units/${sub.body.id}`, { bodyId: tenant.bodyId, parentId: top.body.id, ...names("Water and sewage") });
    expect(renamed.status).toBe(200);
    expect(renamed.body.nameEn).toBe("Water and sewage");

    // A unit with a sub-unit cannot go; once the sub-unit has gone, it can.
    expect((await admin.request("DELETE", `/api/v1/units/${top.body.id}`)).status).toBe(409);
    expect((await admin.request("DELETE", `/api/v1/units/${sub.body.id}`)).status).toBe(204);
    expect((await admin.request("DELETE", `/api/v1/units/${top.body.id}`)).status).toBe(204);
  });

  it("adds positions to units; a position or unit someone holds or works in cannot be deleted", async () => {
    const { tenant, admin } = await centre();
    const unit = await admin.post("/api/v1/units", { bodyId: tenant.bodyId, ...names("Front office") });
    const position = await admin.post("/api/v1/positions", { unitId: unit.body.id, ...names("Chief specialist") });
    expect(position.status).toBe(201);
    expect(position.body).toEqual({ id: expect.any(String), unitId: unit.body.id, ...names("Chief specialist"), active: true });

    const unknownUnit = await admin.post("/api/v1/positions", { unitId: "00000000-0000-4000-8000-000000000000", ...names("Ghost") });
    expect(fieldCodes(unknownUnit.body)).toEqual(["unitId:REFERENCE_UNKNOWN"]);

    const holder = await admin.post("/api/v1/users", {
      login: `holder_${tenant.code}`,
      fullName: "Position Holder",
      roles: ["executor"],
      locale: "ru",
      bodyId: tenant.bodyId,
      unitId: unit.body.id,
      positionId: position.body.id,
      password: "a long enough password",
    });
    expect(holder.status).toBe(201);

    const positionInUse = await admin.request("DELETE", `/api/v1/positions/${position.body.id}`);
    expect(positionInUse.status).toBe(409);
    expect(positionInUse.body.error.code).toBe("IN_USE");
    expect((await admin.request("DELETE", `/api/v1/units/${unit.body.id}`)).status).toBe(409);
    // Its holder works in the unit; moving the position elsewhere would leave them behind.
    const move = await admin.request("PUT", `/api/v1/positions/${position.body.id}`, { unitId: tenant.unitId, ...names("Chief specialist") });
    expect(fieldCodes(move.body)).toEqual(["unitId:FIELD_INVALID"]);

    const spare = await admin.post("/api/v1/positions", { unitId: unit.body.id, ...names("Spare") });
    const moved = await admin.request("PUT", `/api/v1/positions/${spare.body.id}`, { unitId: tenant.unitId, ...names("Spare"), active: false });
    expect(moved.body).toMatchObject({ unitId: tenant.unitId, active: false });
    expect((await admin.request("DELETE", `/api/v1/positions/${spare.body.id}`)).status).toBe(204);
  });

  it("a unit an appeal was routed to cannot be deleted", async () => {
    const { tenant, admin } = await centre();
    const operator = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] }));
    // The factory's category routes appeals to its unit.
    const appeal = await operator.post("/api/v1/appeals", { typeCode: "request", categoryId: tenant.categoryId, subject: "Water", text: "…", citizen: applicant(301) });
    expect(appeal.body.unit.id).toBe(tenant.unitId);
    // Leave the appeal as the only thing referring to the unit.
    await ctx.db.deleteFrom("positions").where("unit_id", "=", tenant.unitId).execute();
    await ctx.db.updateTable("classifier_items").set({ unit_id: null }).where("id", "=", tenant.categoryId).execute();
    const response = await admin.request("DELETE", `/api/v1/units/${tenant.unitId}`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("IN_USE");
  });

  it("is out of reach for anyone without org.write", async () => {
    const { tenant } = await centre();
    const supervisor = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["supervisor"] }));
    expect((await supervisor.post("/api/v1/bodies", { ...names("X"), isExternal: false })).status).toBe(403);
    expect((await supervisor.request("DELETE", `/api/v1/units/${tenant.unitId}`)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, signedInStaff, startTestApp, type TestContext } from "../test/harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const unitBody = (bodyId: string, name: string) => ({ bodyId, nameKk: `${name} kk`, nameRu: `${name} ru`, nameEn: name });

describe("Idempotency-Key on creation routes", () => {
  it("creates once and replays the first answer for a repeat with the same key", async () => {
    const tenant = await buildTenant(ctx.db);
    const { client } = await signedInStaff(ctx, tenant, ["admin"]);
    const headers = { "idempotency-key": "unit-1" };
    const first = await client.post("/api/v1/units", unitBody(tenant.bodyId, "Hotline"), headers);
    const again = await client.post("/api/v1/units", unitBody(tenant.bodyId, "Hotline"), headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.body).toEqual(first.body);
    const units = await ctx.db.selectFrom("units").select("id").where("tenant_id", "=", tenant.tenantId).where("name_en", "=", "Hotline").execute();
    expect(units).toHaveLength(1);
  });

  it("refuses the same key for a different request, and frees a key whose request failed", async () => {
    const tenant = await buildTenant(ctx.db);
    const { client } = await signedInStaff(ctx, tenant, ["admin"]);
    expect((await client.post("/api/v1/units", unitBody(tenant.bodyId, "A"), { "idempotency-key": "k2" })).status).toBe(201);
    const reused = await client.post("/api/v1/units", unitBody(tenant.bodyId, "B"), { "idempotency-key": "k2" });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");

    const failed = await client.post("/api/v1/units", unitBody(tenant.otherUnitId, "C"), { "idempotency-key": "k3" });
    expect(failed.status).toBe(400);
    const retried = await client.post("/api/v1/units", unitBody(tenant.bodyId, "C"), { "idempotency-key": "k3" });
    expect(retried.status).toBe(201);
  });
});

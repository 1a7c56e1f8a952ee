import ExcelJS from "exceljs";
import { makeBin } from "@bailanys/common/identity-number";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicant, buildTenant, buildUser, signIn, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

async function centre(): Promise<{ tenant: TestTenant; admin: ApiClient; operator: ApiClient }> {
  const tenant = await buildTenant(ctx.db);
  return {
    tenant,
    admin: await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["admin"] })),
    operator: await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] })),
  };
}

const names = (en: string) => ({ nameKk: `${en} (kk)`, nameRu: `${en} (ru)`, nameEn: en });
const fieldCodes = (body: { error: { fields?: { field: string; code: string }[] } }) => (body.error.fields ?? []).map((f) => `${f.field}:${f.code}`);
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Rows of the tenant in every table an import or an edit could touch, to prove a refusal wrote nothing. */
async function tenantCounts(tenantId: string) {
  const count = async (table: "classifier_items" | "appeal_types" | "appeal_statuses" | "escalation_rules" | "audit_log") =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("tenant_id", "=", tenantId).executeTakeFirstOrThrow()).n);
  return {
    classifier: await count("classifier_items"),
    types: await count("appeal_types"),
    statuses: await count("appeal_statuses"),
    escalation: await count("escalation_rules"),
    audit: await count("audit_log"),
  };
}

async function importFile(admin: ApiClient, contentType: string, payload: string | Buffer) {
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/reference/classifier/import",
    headers: { authorization: `Bearer ${admin.token}`, "content-type": contentType },
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

describe("reference data", () => {
  it("a new contact centre has the appeal types and terms of DOMAIN.md §2", async () => {
    const { operator } = await centre();
    const response = await operator.get("/api/v1/reference");
    expect(response.status).toBe(200);
    const terms = Object.fromEntries(response.body.types.map((t: { code: string; term: number; termUnit: string; kindCode: string }) => [t.code, `${t.term} ${t.termUnit} ${t.kindCode}`]));
    expect(terms).toEqual({
      request: "15 WD request",
      notary_request: "10 CD request",
      advocate_request: "10 WD request",
      information_request: "15 CD request",
      media_request: "7 WD request",
      bailiff_request: "3 WD request",
      declassification_request: "30 CD request",
      statement: "15 WD statement",
      rehabilitation_statement: "90 CD statement",
      feedback: "15 WD feedback",
      complaint: "20 WD complaint",
      public_service_complaint: "5 WD complaint",
      taxpayer_complaint: "30 WD complaint",
      taxpayer_monitoring_complaint: "45 WD complaint",
    });
    expect(response.body.kinds.find((k: { code: string }) => k.code === "complaint")).toMatchObject({ requiresCategory: true, requiresOutcome: true });
    expect(response.body.statuses.filter((s: { isInitial: boolean }) => s.isInitial).map((s: { code: string }) => s.code)).toEqual(["registered"]);
  });

  it("a type created or changed by an administrator gives its term to the very next registration", async () => {
    const { admin, operator } = await centre();
    const created = await admin.request("PUT", "/api/v1/reference/types/urgent_request", { ...names("Urgent request"), kindCode: "request", term: 2, termUnit: "WD" });
    expect(created.status).toBe(200);
    expect(created.body.types).toContainEqual(expect.objectContaining({ code: "urgent_request", term: 2, termUnit: "WD", kindCode: "request", nameEn: "Urgent request" }));

    const register = (serial: number) =>
      operator.post("/api/v1/appeals", { typeCode: "urgent_request", subject: "Urgent", text: "…", receivedAt: "2026-03-20T10:00:00+05:00", citizen: applicant(serial) });
    // Friday 20 March counts as day 1; Nauryz follows, so day 2 is Thursday 26 March.
    const first = await register(101);
    expect(first.status).toBe(201);
    expect(first.body.dueAt).toBe("2026-03-26T18:59:59.000Z");

    expect((await admin.request("PUT", "/api/v1/reference/types/urgent_request", { ...names("Urgent request"), kindCode: "request", term: 12, termUnit: "CD" })).status).toBe(200);
    const second = await register(102);
    expect(second.body.dueAt).toBe("2026-03-31T18:59:59.000Z");
  });

  it("refuses a type of an unknown kind, and a type in use cannot be deleted", async () => {
    const { tenant, admin, operator } = await centre();
    const before = await tenantCounts(tenant.tenantId);
    const unknownKind = await admin.request("PUT", "/api/v1/reference/types/odd", { ...names("Odd"), kindCode: "no_such_kind", term: 5, termUnit: "WD" });
    expect(unknownKind.status).toBe(400);
    expect(fieldCodes(unknownKind.body)).toEqual(["kindCode:REFERENCE_UNKNOWN"]);
    expect(await tenantCounts(tenant.tenantId)).toEqual(before);

    expect((await operator.post("/api/v1/appeals", { typeCode: "media_request", subject: "Press", text: "…", citizen: applicant(103) })).status).toBe(201);
    const inUse = await admin.request("DELETE", "/api/v1/reference/types/media_request");
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe("IN_USE");
    const unused = await admin.request("DELETE", "/api/v1/reference/types/bailiff_request");
    expect(unused.status).toBe(200);
    expect(unused.body.types.map((t: { code: string }) => t.code)).not.toContain("bailiff_request");
    expect(unused.body.types.map((t: { code: string }) => t.code)).toContain("media_request");
    expect((await admin.request("DELETE", "/api/v1/reference/types/bailiff_request")).status).toBe(404);
  });

  it("keeps exactly one initial status: a second one demotes the first, and the last one cannot be dropped", async () => {
    const { admin, operator } = await centre();
    const status = { ...names("Received"), phase: "new" };
    const promoted = await admin.request("PUT", "/api/v1/reference/statuses/received", { ...status, isInitial: true });
    expect(promoted.status).toBe(200);
    const initial = (body: { statuses: { code: string; isInitial: boolean }[] }) => body.statuses.filter((s) => s.isInitial).map((s) => s.code);
    expect(initial(promoted.body)).toEqual(["received"]);

    // Editing the name without the flag keeps it initial.
    const renamed = await admin.request("PUT", "/api/v1/reference/statuses/received", { ...status, nameEn: "Received at the desk" });
    expect(initial(renamed.body)).toEqual(["received"]);
    // Switching it off outright would leave registration without a starting status.
    const demoted = await admin.request("PUT", "/api/v1/reference/statuses/received", { ...status, isInitial: false });
    expect(demoted.status).toBe(400);
    expect(fieldCodes(demoted.body)).toEqual(["isInitial:FIELD_INVALID"]);
    const deleted = await admin.request("DELETE", "/api/v1/reference/statuses/received");
    expect(deleted.status).toBe(409);
    expect(deleted.body.error.code).toBe("IN_USE");

    const appeal = await operator.post("/api/v1/appeals", { typeCode: "request", subject: "Start", text: "…", citizen: applicant(104) });
    expect(appeal.status).toBe(201);
    expect(appeal.body.status.code).toBe("received");

    // Handing the role back is how it changes.
    const back = await admin.request("PUT", "/api/v1/reference/statuses/registered", { ...names("Registered"), phase: "new", isInitial: true });
    expect(initial(back.body)).toEqual(["registered"]);
  });

  it("refuses escalation rules that notify an unknown role, and replaces them when valid", async () => {
    const { tenant, admin } = await centre();
    const before = await tenantCounts(tenant.tenantId);
    const rule = { level: 1, thresholdPct: 60, ...names("Most of the term"), notifyRoles: ["supervisor"], active: true };
    const bad = await admin.request("PUT", "/api/v1/reference/escalation-rules", { rules: [rule, { ...rule, level: 2, thresholdPct: 90, notifyRoles: ["supervisor", "overlord"] }] });
    expect(bad.status).toBe(400);
    expect(fieldCodes(bad.body)).toEqual(["rules.1.notifyRoles.1:REFERENCE_UNKNOWN"]);
    expect(await tenantCounts(tenant.tenantId)).toEqual(before);

    const good = await admin.request("PUT", "/api/v1/reference/escalation-rules", { rules: [rule] });
    expect(good.status).toBe(200);
    expect(good.body.escalationRules).toEqual([rule]);
  });
});

describe("the service classifier", () => {
  it("adds, changes and deletes items; refuses duplicates, unknown parents and loops; an item in use stays", async () => {
    const { tenant, admin, operator } = await centre();
    const add = (body: object) => admin.post("/api/v1/reference/classifier", body);
    const find = (body: { classifier: { code: string; id: string }[] }, code: string) => body.classifier.find((c) => c.code === code);

    const root = await add({ code: "05", ...names("Roads"), bodyId: tenant.bodyId, unitId: tenant.unitId, defaultTypeCode: "statement" });
    expect(root.status).toBe(201);
    const rootId = find(root.body, "05")?.id;
    const child = await add({ code: "05.1", parentId: rootId, ...names("Potholes") });
    const childId = find(child.body, "05.1")?.id;
    expect(find(child.body, "05.1")).toMatchObject({ parentId: rootId, nameEn: "Potholes", active: true });

    expect(fieldCodes((await add({ code: "05", ...names("Again") })).body)).toEqual(["code:ALREADY_EXISTS"]);
    const ghostParent = await add({ code: "05.9", parentId: "00000000-0000-4000-8000-000000000000", ...names("Ghost") });
    expect(fieldCodes(ghostParent.body)).toEqual(["parentId:REFERENCE_UNKNOWN"]);
    const badCode = await add({ code: "has space", ...names("Bad") });
    expect(fieldCodes(badCode.body)).toEqual(["code:FIELD_INVALID"]);

    const changed = await admin.request("PUT", `/api/v1/reference/classifier/${childId}`, { code: "05.1", parentId: rootId, ...names("Potholes and cracks"), active: false });
    expect(find(changed.body, "05.1")).toMatchObject({ nameEn: "Potholes and cracks", active: false });
    // An item cannot hang under itself or under its own descendant.
    for (const parentId of [rootId, childId]) {
      const loop = await admin.request("PUT", `/api/v1/reference/classifier/${rootId}`, { code: "05", parentId, ...names("Roads") });
      expect(loop.status).toBe(400);
      expect(fieldCodes(loop.body)).toEqual(["parentId:FIELD_INVALID"]);
    }

    // With a sub-item, or used by an appeal, an item cannot be deleted.
    expect((await admin.request("DELETE", `/api/v1/reference/classifier/${rootId}`)).status).toBe(409);
    expect((await operator.post("/api/v1/appeals", { typeCode: "request", categoryId: tenant.categoryId, subject: "Water", text: "…", citizen: applicant(105) })).status).toBe(201);
    const used = await admin.request("DELETE", `/api/v1/reference/classifier/${tenant.categoryId}`);
    expect(used.status).toBe(409);
    expect(used.body.error.code).toBe("IN_USE");

    const removed = await admin.request("DELETE", `/api/v1/reference/classifier/${childId}`);
    expect(removed.status).toBe(200);
    expect(find(removed.body, "05.1")).toBeUndefined();
    expect((await admin.request("DELETE", `/api/v1/reference/classifier/${childId}`)).status).toBe(404);
  });

  it("imports a CSV from Excel: semicolons, quoted commas, Cyrillic, children before their parents", async () => {
    const { tenant, admin } = await centre();
    const bin = makeBin("2015-03", 7);
    expect((await admin.post("/api/v1/bodies", { bin, ...names("Akimat"), isExternal: false })).status).toBe(201);
    const csv = [
      "\uFEFFcode;parent_code;name_kk;name_ru;name_en;body_bin;default_type",
      `10.1.1;10.1;Ауыз су сапасы;"Качество воды; жалобы";"Water quality, complaints";${bin};complaint`,
      `10.1;10;Сумен жабдықтау;"Водоснабжение, водоотведение";Water supply;${bin};`,
      `10;;Тұрғын үй-коммуналдық шаруашылық;"ЖКХ ""Жилищное хозяйство""";;;`,
    ].join("\r\n");
    const first = await importFile(admin, "text/csv; charset=utf-8", csv);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 3, updated: 0 });

    const reference = await admin.get("/api/v1/reference");
    const byCode = new Map(reference.body.classifier.map((c: { code: string }) => [c.code, c]));
    const [housing, water, quality] = ["10", "10.1", "10.1.1"].map((code) => byCode.get(code) as Record<string, unknown>);
    const bodyId = reference.body.bodies.find((b: { bin: string | null }) => b.bin === bin).id;
    expect(housing).toMatchObject({ parentId: null, nameKk: "Тұрғын үй-коммуналдық шаруашылық", nameRu: 'ЖКХ "Жилищное хозяйство"', nameEn: 'ЖКХ "Жилищное хозяйство"' });
    expect(water).toMatchObject({ parentId: housing?.id, nameRu: "Водоснабжение, водоотведение", bodyId, defaultTypeCode: null });
    expect(quality).toMatchObject({ parentId: water?.id, nameRu: "Качество воды; жалобы", nameEn: "Water quality, complaints", bodyId, defaultTypeCode: "complaint" });

    // Importing again updates by code.
    const again = await importFile(admin, "text/csv", "code,name_kk,name_ru\n10,ТҮКШ,ЖКХ\n");
    expect(again.body).toEqual({ created: 0, updated: 1 });
    const audit = await ctx.db.selectFrom("audit_log").select("details").where("tenant_id", "=", tenant.tenantId).where("action", "=", "reference.classifier.import").orderBy("id").execute();
    expect(audit.map((a) => a.details)).toEqual([{ rows: 3 }, { rows: 1 }]);
  });

  it("imports an XLSX workbook the same way", async () => {
    const { admin } = await centre();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Классификатор");
    sheet.addRow(["code", "parent_code", "name_kk", "name_ru", "name_en"]);
    sheet.addRow(["20.1", "20", "Автобустар", "Автобусы, маршруты", "Buses"]);
    sheet.addRow(["20", "", "Көлік", "Транспорт", "Transport"]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await importFile(admin, XLSX_TYPE, file);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ created: 2, updated: 0 });
    const reference = await admin.get("/api/v1/reference");
    const transport = reference.body.classifier.find((c: { code: string }) => c.code === "20");
    expect(reference.body.classifier.find((c: { code: string }) => c.code === "20.1")).toMatchObject({ parentId: transport.id, nameRu: "Автобусы, маршруты", nameEn: "Buses" });
  });

  it("reports every wrong row by its line and column, and imports nothing, also when a row would close a loop", async () => {
    const { tenant, admin } = await centre();
    const before = await tenantCounts(tenant.tenantId);
    const csv = [
      "code,parent_code,name_kk,name_ru,name_en,body_bin,default_type",
      "30,,Білім,Образование,Education,,",
      "30.1,99,Мектептер,Школы,Schools,,",
      "30.2,30,Балабақшалар,,Kindergartens,,",
      "30.3,30,Колледждер,Колледжи,Colleges,000000000000,no_such_type",
      "30,,Қайта,Повтор,Again,,",
    ].join("\n");
    const response = await importFile(admin, "text/csv", csv);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("VALIDATION_FAILED");
    expect(fieldCodes(response.body)).toEqual([
      "rows.3.parent_code:REFERENCE_UNKNOWN",
      "rows.4.name_ru:FIELD_REQUIRED",
      "rows.5.body_bin:REFERENCE_UNKNOWN",
      "rows.5.default_type:REFERENCE_UNKNOWN",
      "rows.6.code:ALREADY_EXISTS",
    ]);
    expect(await tenantCounts(tenant.tenantId)).toEqual(before);

    // Rows that are fine on their own may still close a loop with items already stored.
    expect((await importFile(admin, "text/csv", "code,parent_code,name_kk,name_ru\n40,,Денсаулық,Здравоохранение\n40.1,40,Емханалар,Поликлиники\n")).status).toBe(200);
    const stored = await tenantCounts(tenant.tenantId);
    const loop = await importFile(admin, "text/csv", "code,parent_code,name_kk,name_ru\n41,,Спорт,Спорт\n40,40.1,Денсаулық,Здравоохранение\n");
    expect(loop.status).toBe(400);
    expect(fieldCodes(loop.body)).toEqual(["rows.3.parent_code:FIELD_INVALID"]);
    expect(await tenantCounts(tenant.tenantId)).toEqual(stored);
    const root = await ctx.db.selectFrom("classifier_items").select("parent_id").where("tenant_id", "=", tenant.tenantId).where("code", "=", "40").executeTakeFirstOrThrow();
    expect(root.parent_id).toBeNull();

    const noColumns = await importFile(admin, "text/csv", "kod;nazvanie\n1;x\n");
    expect(fieldCodes(noColumns.body)).toEqual(["columns.code:FIELD_REQUIRED", "columns.name_kk:FIELD_REQUIRED", "columns.name_ru:FIELD_REQUIRED"]);
    expect(await tenantCounts(tenant.tenantId)).toEqual(stored);
  });
});

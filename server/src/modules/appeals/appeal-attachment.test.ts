import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartFile } from "../../test/multipart.ts";
import { applicant, buildTenant, buildUser, signIn, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";

let ctx: TestContext;
let tenant: TestTenant;
let operator: ApiClient;

beforeAll(async () => {
  ctx = await startTestApp({ BAILANYS_ATTACHMENT_MAX_BYTES: "2048" });
  tenant = await buildTenant(ctx.db);
  operator = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: ["operator"] }));
});
afterAll(async () => ctx.close());

async function upload(appealId: string, fileName: string, content: Buffer) {
  const { payload, headers } = multipartFile(fileName, content);
  const response = await ctx.app.inject({
    method: "POST",
    url: `/api/v1/appeals/${appealId}/attachments`,
    headers: { ...headers, authorization: `Bearer ${operator.token}` },
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(100, 32)]);

describe("attachments", () => {
  let appealId: string;
  beforeAll(async () => {
    const created = await operator.post("/api/v1/appeals", { typeCode: "statement", subject: "With a scan", text: "See the attached scan.", citizen: applicant(70) });
    appealId = created.body.id;
  });

  it("stores an allowed document and lists it on the card", async () => {
    const response = await upload(appealId, "заявление.pdf", PDF);
    expect(response.status).toBe(201);
    expect(response.body.attachments).toHaveLength(1);
    expect(response.body.attachments[0]).toMatchObject({ fileName: "заявление.pdf", contentType: "application/pdf", sizeBytes: PDF.length });
    const download = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/appeals/${appealId}/attachments/${response.body.attachments[0].id}`,
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const audit = await ctx.db.selectFrom("audit_log").select("action").where("entity_id", "=", appealId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["appeal.attach", "appeal.attachment_read"]));
  });

  it("refuses a file over the size limit", async () => {
    const response = await upload(appealId, "big.pdf", Buffer.concat([PDF, Buffer.alloc(4096, 32)]));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("ATTACHMENT_TOO_LARGE");
  });

  it("refuses an executable disguised as a PDF and an unknown extension", async () => {
    const fake = await upload(appealId, "scan.pdf", Buffer.from("MZ\x90\x00 not really a pdf"));
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
    const exe = await upload(appealId, "run.exe", PDF);
    expect(exe.status).toBe(415);
    const count = await ctx.db.selectFrom("appeal_attachments").select("id").where("appeal_id", "=", appealId).execute();
    expect(count).toHaveLength(1);
  });
});

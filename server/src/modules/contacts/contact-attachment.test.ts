import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue } from "../../test/contact-fixtures.ts";
import { buildTenant, signIn, startTestApp, type ApiClient, type TestContext } from "../../test/harness.ts";
import { multipartFile } from "../../test/multipart.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx.close());

const PDF = Buffer.from("%PDF-1.4\n% a document\n");

/** A chat the operator has accepted, with a caller for each side. */
async function conversation() {
  const tenant = await buildTenant(ctx.db);
  await buildQueue(ctx.db, tenant.tenantId);
  const operatorUser = await buildAgent(ctx.db, tenant.tenantId, { channels: { web_chat: 1 } });
  const start = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/public/chat/sessions",
    payload: { tenant: tenant.code, locale: "ru", language: "ru", name: "Айгерим", consent: true },
  });
  const { contactId, token } = start.json() as { contactId: string; token: string };
  const operator = await signIn(ctx.app, operatorUser);
  const me = await operator.get("/api/v1/agent/me");
  const offer = me.body.offers[0] as { id: string };
  expect((await operator.post(`/api/v1/offers/${offer.id}/accept`)).status).toBe(200);

  const asCitizen = { "x-chat-token": token };
  const asOperator = { authorization: `Bearer ${operator.token}` };
  const chatPath = `/api/v1/public/chat/sessions/${contactId}/attachments`;
  const staffPath = `/api/v1/contacts/${contactId}/attachments`;
  const upload = async (path: string, auth: Record<string, string>, fileName: string) => {
    const { payload, headers } = multipartFile(fileName, PDF);
    const response = await ctx.app.inject({ method: "POST", url: path, headers: { ...headers, ...auth }, payload });
    expect(response.statusCode).toBe(200);
    return (response.json() as { id: string }).id;
  };
  const remove = async (path: string, auth: Record<string, string>, id: string) => (await ctx.app.inject({ method: "DELETE", url: `${path}/${id}`, headers: auth })).statusCode;
  return { contactId, operator: operator as ApiClient, asCitizen, asOperator, chatPath, staffPath, upload, remove };
}

const stored = async (id: string) => (await ctx.db.selectFrom("contact_attachments").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;

describe("files picked but not sent in a conversation", () => {
  it("the citizen removes their own unsent upload; a sent file, someone else's file and a removed one stay out of reach", async () => {
    const c = await conversation();
    const unsent = await c.upload(c.chatPath, c.asCitizen, "unsent.pdf");
    const sent = await c.upload(c.chatPath, c.asCitizen, "sent.pdf");
    const message = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/public/chat/sessions/${c.contactId}/messages`,
      headers: c.asCitizen,
      payload: { text: "Справка", clientMsgId: "with-file", attachmentId: sent },
    });
    expect(message.statusCode).toBe(200);
    const operatorsFile = await c.upload(c.staffPath, c.asOperator, "operator.pdf");

    expect(await c.remove(c.chatPath, c.asCitizen, sent)).toBe(404);
    expect(await c.remove(c.chatPath, c.asCitizen, operatorsFile)).toBe(404);
    expect(await c.remove(c.chatPath, { "x-chat-token": "wrong" }, unsent)).toBe(404);
    expect(await stored(unsent)).toBe(true);
    expect(await c.remove(c.chatPath, c.asCitizen, unsent)).toBe(204);
    expect(await stored(unsent)).toBe(false);
    expect(await c.remove(c.chatPath, c.asCitizen, unsent)).toBe(404);
    expect(await stored(sent)).toBe(true);
    expect(await stored(operatorsFile)).toBe(true);
  });

  it("the operator removes their own unsent upload, not the citizen's", async () => {
    const c = await conversation();
    const citizensFile = await c.upload(c.chatPath, c.asCitizen, "citizen.pdf");
    const mine = await c.upload(c.staffPath, c.asOperator, "mine.pdf");
    expect(await c.remove(c.staffPath, c.asOperator, citizensFile)).toBe(404);
    expect(await c.remove(c.staffPath, c.asOperator, mine)).toBe(204);
    expect(await stored(mine)).toBe(false);
    expect(await stored(citizensFile)).toBe(true);
  });
});

import type { LogEntryDto, ServerFrame } from "@bailanys/common/api/contacts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue } from "../../test/contact-fixtures.ts";
import { buildTenant, signIn, signedInStaff, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";
import { openSocket, type TestSocket } from "../../test/ws-client.ts";

let ctx: TestContext;
let base: string;

beforeAll(async () => {
  ctx = await startTestApp();
  base = (await ctx.app.listen({ port: 0, host: "127.0.0.1" })).replace("http", "ws");
});
afterAll(async () => {
  await ctx.close();
});

const isLog = (frame: ServerFrame): frame is Extract<ServerFrame, { type: "log" }> => frame.type === "log";
const logWith = (pred: (e: LogEntryDto) => boolean) => (frame: ServerFrame) => isLog(frame) && frame.entries.some(pred);

async function startChat(tenant: TestTenant, extra: Record<string, unknown> = {}) {
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/public/chat/sessions",
    payload: { tenant: tenant.code, locale: "kk", language: "ru", name: "Айгерим", consent: true, message: "Сәлеметсіз бе", clientMsgId: "first", ...extra },
  });
  return { status: response.statusCode, body: response.json() as { contactId: string; token: string } & { error?: { fields: { field: string }[] } } };
}

function citizen(contactId: string, token: string) {
  const call = async (method: "GET" | "POST", path: string, payload?: object) => {
    const response = await ctx.app.inject({ method, url: `/api/v1/public/chat/sessions/${contactId}${path}`, headers: { "x-chat-token": token }, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.body === "" ? null : (response.json() as Record<string, unknown>) };
  };
  return { get: (path: string) => call("GET", path), post: (path: string, payload?: object) => call("POST", path, payload ?? {}) };
}

async function citizenSocket(contactId: string, token: string, since: number): Promise<TestSocket> {
  const socket = await openSocket(`${base}/api/v1/public/chat/ws`);
  socket.send({ type: "hello", contactId, token, since });
  await socket.waitFor((f) => f.type === "ready");
  return socket;
}

async function acceptOffer(client: ApiClient): Promise<string> {
  const me = await client.get("/api/v1/agent/me");
  const offer = me.body.offers[0] as { id: string; contactId: string };
  const accepted = await client.post(`/api/v1/offers/${offer.id}/accept`);
  expect(accepted.status).toBe(200);
  // The accepting statement answers the contact itself: the same as reading it afterwards.
  expect(accepted.body).toEqual((await client.get(`/api/v1/contacts/${offer.contactId}`)).body);
  expect(accepted.body).toMatchObject({ id: offer.contactId, state: "active", agent: { name: expect.any(String) } });
  return offer.contactId;
}

describe("web chat", () => {
  it("refuses a start without consent or with a bad phone, naming the fields, and writes nothing", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId);
    const bad = await startChat(tenant, { consent: false, phone: "12" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields.map((f) => f.field).sort()).toEqual(["consent", "phone"]);
    const count = await ctx.db.selectFrom("contacts").select((eb) => eb.fn.countAll<number>().as("n")).where("tenant_id", "=", tenant.tenantId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("says the centre is closed outside the queue's hours", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId, { hours: {} });
    const closed = await startChat(tenant);
    expect(closed.status).toBe(409);
    const config = await ctx.app.inject({ method: "GET", url: `/api/v1/public/chat/config?tenant=${tenant.code}&locale=ru` });
    expect(config.json()).toMatchObject({ open: false, hours: [] });
  });

  it("a whole conversation live: queue position, answer, messages both ways, typing, read receipts, resume after a drop, survey", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId);
    const operator = await buildAgent(ctx.db, tenant.tenantId, { state: "not_ready", channels: { web_chat: 1 } });
    const first = await startChat(tenant);
    const second = await startChat(tenant, { name: "Ерлан" });
    expect(first.status).toBe(200);
    const me = citizen(second.body.contactId, second.body.token);
    expect((await me.get("")).body).toMatchObject({ state: "queued", position: 2 });
    expect((await citizen(first.body.contactId, "wrong-token").get("")).status).toBe(404);

    const chatSocket = await citizenSocket(second.body.contactId, second.body.token, 0);
    const replayed = await chatSocket.waitFor(logWith((e) => e.kind === "message" && e.body === "Сәлеметсіз бе"));
    expect(isLog(replayed) && replayed.entries.every((e) => !e.staffOnly)).toBe(true);

    const client = await signIn(ctx.app, operator);
    const staffSocket = await openSocket(`${base}/api/v1/ws`, { authorization: `Bearer ${client.token}` });
    await staffSocket.waitFor((f) => f.type === "agent");
    await client.request("PUT", "/api/v1/agent/me/state", { state: "ready" });
    const offer = await staffSocket.waitFor((f) => f.type === "offer");
    expect(offer.type === "offer" && offer.offer.contactId).toBe(first.body.contactId);
    // The first chat is offered and answered: the second citizen moves up to first place.
    await chatSocket.waitFor((f) => f.type === "status" && f.status.position === 1);
    await acceptOffer(client);

    // The operator (room for one chat) wraps the first one up; the second is offered at once.
    expect((await client.post(`/api/v1/contacts/${first.body.contactId}/wrapup`, { wrapupCode: "consultation", resolvedFirstContact: true })).status).toBe(200);
    await staffSocket.waitFor((f) => f.type === "offer" && f.offer.contactId === second.body.contactId);
    const contactId = await acceptOffer(client);
    expect(contactId).toBe(second.body.contactId);
    await chatSocket.waitFor(logWith((e) => e.event === "answered" && e.data.agentName !== undefined));
    await chatSocket.waitFor((f) => f.type === "status" && f.status.state === "active" && f.status.agentName !== null);

    staffSocket.send({ type: "subscribe", contactId, since: 0 });
    await staffSocket.waitFor(logWith((e) => e.event === "offered" && e.staffOnly));
    expect((await client.post(`/api/v1/contacts/${contactId}/messages`, { text: "Қайырлы күн! Тыңдап тұрмын.", clientMsgId: "a1" })).status).toBe(200);
    await chatSocket.waitFor(logWith((e) => e.author === "agent" && e.body === "Қайырлы күн! Тыңдап тұрмын."));

    expect((await me.post("/typing")).status).toBe(200);
    await staffSocket.waitFor((f) => f.type === "typing" && f.who === "citizen");
    const sent = await me.post("/messages", { text: "Су жоқ", clientMsgId: "c2" });
    expect(sent.status).toBe(200);
    await staffSocket.waitFor(logWith((e) => e.author === "citizen" && e.body === "Су жоқ"));
    expect((await me.post("/read", { seq: Number(sent.body?.seq) })).status).toBe(200);
    await staffSocket.waitFor((f) => f.type === "receipt" && f.who === "citizen" && f.read === Number(sent.body?.seq));

    // The citizen's connection drops; two messages arrive meanwhile; the reconnect asks from the last seq it had.
    const lastSeen = Number(sent.body?.seq);
    await chatSocket.close();
    await client.post(`/api/v1/contacts/${contactId}/messages`, { text: "Бір", clientMsgId: "a2" });
    await client.post(`/api/v1/contacts/${contactId}/notes`, { text: "internal" });
    await client.post(`/api/v1/contacts/${contactId}/messages`, { text: "Екі", clientMsgId: "a3" });
    const resumed = await citizenSocket(contactId, second.body.token, lastSeen);
    const caughtUp = await resumed.waitFor(logWith((e) => e.body === "Екі"));
    expect(isLog(caughtUp) && caughtUp.entries.map((e) => e.body)).toEqual(["Бір", "Екі"]);

    expect((await client.post(`/api/v1/contacts/${contactId}/end`)).status).toBe(200);
    await resumed.waitFor((f) => f.type === "status" && f.status.state === "wrapup");
    expect((await me.post("/survey", { rating: 5, solved: true })).status).toBe(200);
    expect((await me.post("/survey", { rating: 1, solved: false })).status).toBe(409);
    expect((await me.post("/transcript", { email: "citizen@example.kz" })).status).toBe(200);
    const transcript = await ctx.db.selectFrom("notification_outbox").select(["template", "params"]).where("tenant_id", "=", tenant.tenantId).where("template", "=", "chat_transcript").executeTakeFirstOrThrow();
    expect(String(transcript.params.transcript)).toContain("Су жоқ");
    expect(String(transcript.params.transcript)).not.toContain("internal");
    await resumed.close();
    await staffSocket.close();
  });

  it("registers an appeal from the conversation: the citizen sees its number in the chat", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId);
    const operator = await buildAgent(ctx.db, tenant.tenantId, { state: "not_ready" });
    const chat = await startChat(tenant, { phone: "+7 701 555 12 34" });
    const client = await signIn(ctx.app, operator);
    await client.request("PUT", "/api/v1/agent/me/state", { state: "ready" });
    const contactId = await acceptOffer(client);
    const other = await signedInStaff(ctx, tenant, ["operator"]);
    const body = { typeCode: "request", subject: "Су жоқ", text: "Үйде су жоқ", citizen: { fullName: "Айгерим", phone: "+77015551234" }, contactId };
    const foreign = await other.client.post("/api/v1/appeals", body);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields[0].field).toBe("contactId");
    const registered = await client.post("/api/v1/appeals", body);
    expect(registered.status).toBe(201);
    const log = await citizen(contactId, chat.body.token).get("/log");
    const entries = (log.body?.entries ?? []) as LogEntryDto[];
    expect(entries.find((e) => e.event === "appeal_registered")?.data).toEqual({ number: registered.body.number });
    const contact = await client.get(`/api/v1/contacts/${contactId}`);
    expect(contact.body.appeals).toEqual([{ id: registered.body.id, number: registered.body.number }]);
    expect(contact.body.citizen).toMatchObject({ verified: false });
  });

  it("offers a callback after the queue's wait and turns the chat into an outbound callback contact", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId, { channels: ["web_chat", "phone"], callbackAfterSeconds: 1 });
    const chat = await startChat(tenant);
    const me = citizen(chat.body.contactId, chat.body.token);
    expect((await me.post("/callback", { phone: "87015550000" })).status).toBe(200);
    const rows = await ctx.db.selectFrom("contacts").select(["state", "outcome", "direction", "channel", "callback_phone"]).where("tenant_id", "=", tenant.tenantId).orderBy("arrived_at").execute();
    expect(rows).toEqual([
      { state: "closed", outcome: "callback", direction: "inbound", channel: "web_chat", callback_phone: "+77015550000" },
      { state: "queued", outcome: null, direction: "outbound", channel: "phone", callback_phone: "+77015550000" },
    ]);
  });

  it("shows interruption notices to citizens while a supervisor keeps them in force", async () => {
    const tenant = await buildTenant(ctx.db);
    await buildQueue(ctx.db, tenant.tenantId);
    const supervisor = await signedInStaff(ctx, tenant, ["supervisor"]);
    const operator = await signedInStaff(ctx, tenant, ["operator"]);
    const notice = { channels: ["web_chat"], messageKk: "eGov уақытша қолжетімсіз", messageRu: "eGov временно недоступен", messageEn: "eGov is down", alternativesRu: "Позвоните 109", resumeAt: new Date(Date.now() + 3600_000).toISOString() };
    expect((await operator.client.post("/api/v1/notices", notice)).status).toBe(403);
    const created = await supervisor.client.post("/api/v1/notices", notice);
    expect(created.status).toBe(201);
    const config = await ctx.app.inject({ method: "GET", url: `/api/v1/public/chat/config?tenant=${tenant.code}&locale=ru` });
    expect(config.json().notices).toMatchObject([{ message: "eGov временно недоступен", alternatives: "Позвоните 109" }]);
    expect((await supervisor.client.post(`/api/v1/notices/${created.body.id}/end`)).status).toBe(200);
    const after = await ctx.app.inject({ method: "GET", url: `/api/v1/public/chat/notices?tenant=${tenant.code}` });
    expect(after.statusCode).toBe(404);
    const publicList = await ctx.app.inject({ method: "GET", url: `/api/v1/public/notices?tenant=${tenant.code}` });
    expect(publicList.json().items).toEqual([]);
  });
});

import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue, inboundChat, offeredTo } from "../../test/contact-fixtures.ts";
import { buildTenant, signIn, startTestApp, type ApiClient, type TestContext } from "../../test/harness.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

/** An operator with room for one chat who has accepted a citizen's chat. */
async function answeredChat() {
  const tenant = await buildTenant(ctx.db);
  await buildQueue(ctx.db, tenant.tenantId);
  const operator = await buildAgent(ctx.db, tenant.tenantId, { channels: { web_chat: 1 } });
  const chat = await inboundChat({ db: ctx.app.db, bus: ctx.app.bus }, tenant.tenantId);
  const client = await signIn(ctx.app, operator);
  const me = await client.get("/api/v1/agent/me");
  const offer = me.body.offers[0] as { id: string };
  expect((await client.post(`/api/v1/offers/${offer.id}/accept`)).status).toBe(200);
  return { tenant, client, contactId: chat.contactId, token: chat.accessToken };
}

/** Moves the start of the current hold back, as if the citizen had waited `seconds` on hold. */
async function ageHold(contactId: string, seconds: number): Promise<void> {
  await sql`update contacts set held_at = held_at - make_interval(secs => ${seconds}) where id = ${contactId}`.execute(ctx.db);
}

async function contact(client: ApiClient, contactId: string) {
  return (await client.get(`/api/v1/contacts/${contactId}`)).body as { state: string; heldAt: string | null; holdSeconds: number; holdCount: number };
}

describe("hold", () => {
  it("puts a conversation on hold and back: the citizen is told, the time on hold is counted, wrong states are refused", async () => {
    const { tenant, client, contactId, token } = await answeredChat();
    expect((await client.post(`/api/v1/contacts/${contactId}/resume`)).body.error.code).toBe("CONTACT_NOT_ACTIVE");

    expect((await client.post(`/api/v1/contacts/${contactId}/hold`)).status).toBe(200);
    expect(await contact(client, contactId)).toMatchObject({ state: "held", heldAt: expect.any(String), holdCount: 1, holdSeconds: 0 });
    const again = await client.post(`/api/v1/contacts/${contactId}/hold`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONTACT_NOT_ACTIVE");

    // A colleague cannot take someone else's conversation off hold.
    const colleague = await signIn(ctx.app, await buildAgent(ctx.db, tenant.tenantId));
    expect((await colleague.post(`/api/v1/contacts/${contactId}/resume`)).body.error.code).toBe("NOT_YOUR_CONTACT");

    // Messages still flow while on hold.
    expect((await client.post(`/api/v1/contacts/${contactId}/messages`, { text: "Ещё минуту", clientMsgId: "h1" })).status).toBe(200);
    await ageHold(contactId, 30);
    expect((await client.post(`/api/v1/contacts/${contactId}/resume`)).status).toBe(200);
    const resumed = await contact(client, contactId);
    expect(resumed).toMatchObject({ state: "active", heldAt: null, holdCount: 1 });
    expect(resumed.holdSeconds).toBeGreaterThanOrEqual(30);
    expect(resumed.holdSeconds).toBeLessThan(40);

    // The citizen reads both events in the chat (they are not staff-only).
    const log = await ctx.app.inject({ method: "GET", url: `/api/v1/public/chat/sessions/${contactId}/log`, headers: { "x-chat-token": token } });
    const events = (log.json().entries as LogEntryDto[]).filter((e) => e.kind === "event").map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(["held", "resumed"]));
    expect(events.indexOf("held")).toBeLessThan(events.indexOf("resumed"));
  });

  it("a held conversation keeps its seat, and ending it adds the open hold to the total", async () => {
    const { tenant, client, contactId } = await answeredChat();
    expect((await client.post(`/api/v1/contacts/${contactId}/hold`)).status).toBe(200);
    // The operator's only chat seat is still taken: a new chat waits.
    const next = await inboundChat({ db: ctx.app.db, bus: ctx.app.bus }, tenant.tenantId);
    expect(await offeredTo(ctx.db, next.contactId)).toBeNull();

    await ageHold(contactId, 20);
    expect((await client.post(`/api/v1/contacts/${contactId}/end`)).status).toBe(200);
    const ended = await contact(client, contactId);
    expect(ended).toMatchObject({ state: "wrapup", heldAt: null, holdCount: 1 });
    expect(ended.holdSeconds).toBeGreaterThanOrEqual(20);
    expect((await client.post(`/api/v1/contacts/${contactId}/hold`)).body.error.code).toBe("CONTACT_NOT_ACTIVE");
  });

  it("a transfer from hold ends the hold", async () => {
    const { tenant, client, contactId } = await answeredChat();
    const secondLine = await buildQueue(ctx.db, tenant.tenantId, { line: 2 });
    expect((await client.post(`/api/v1/contacts/${contactId}/hold`)).status).toBe(200);
    await ageHold(contactId, 10);
    expect((await client.post(`/api/v1/contacts/${contactId}/transfer`, { queueId: secondLine, note: "к специалисту" })).status).toBe(200);
    const row = await ctx.db.selectFrom("contacts").select(["state", "held_at", "hold_seconds"]).where("id", "=", contactId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "queued", held_at: null });
    expect(row.hold_seconds).toBeGreaterThanOrEqual(10);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ageContact, buildAgent, buildQueue, inboundChat, offeredTo } from "../../test/contact-fixtures.ts";
import { buildTenant, signIn, startTestApp, type TestContext } from "../../test/harness.ts";
import { expireOffers } from "../contacts/contact-offer.service.ts";
import { reviewWaiting } from "./routing-sweep.ts";
import { resyncFreeAgents } from "./routing.repository.ts";

let ctx: TestContext;
const deps = () => ({ db: ctx.db, bus: ctx.bus });

beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

/** A tenant with a topic tree: "Housing" → "Utilities". */
async function tenantWithTopics() {
  const tenant = await buildTenant(ctx.db);
  const topic = async (code: string, parentId: string | null) =>
    (
      await ctx.db
        .insertInto("classifier_items")
        .values({ tenant_id: tenant.tenantId, code, parent_id: parentId, name_kk: code, name_ru: code, name_en: code })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const housing = await topic("housing", null);
  const utilities = await topic("utilities", housing);
  return { ...tenant, housing, utilities };
}

describe("routing", () => {
  it("offers a new contact to the longest-idle competent operator", async () => {
    const t = await tenantWithTopics();
    await buildQueue(ctx.db, t.tenantId);
    await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 10 });
    const longest = await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 300 });
    await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 900, languages: ["kk"] });
    await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 1000, state: "not_ready" });
    const chat = await inboundChat(deps(), t.tenantId, { language: "ru" });
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(longest.id);
  });

  it("needs the topic skill at the queue's level; a skill on the parent topic covers its children", async () => {
    const t = await tenantWithTopics();
    await buildQueue(ctx.db, t.tenantId, { topicIds: [t.housing], minLevel: 2 });
    await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 900 });
    await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 800, skills: [{ topicId: t.housing, level: 1 }] });
    const expert = await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 10, skills: [{ topicId: t.housing, level: 3 }] });
    const chat = await inboundChat(deps(), t.tenantId, { topicId: t.utilities });
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(expert.id);
  });

  it("respects capacity per channel and keeps a call exclusive", async () => {
    const t = await tenantWithTopics();
    await buildQueue(ctx.db, t.tenantId, { channels: ["web_chat", "phone"] });
    const agent = await buildAgent(ctx.db, t.tenantId, { channels: { web_chat: 2, phone: 1 } });
    const first = await inboundChat(deps(), t.tenantId);
    const second = await inboundChat(deps(), t.tenantId);
    const third = await inboundChat(deps(), t.tenantId);
    const call = await inboundChat(deps(), t.tenantId, { channel: "phone" });
    expect(await offeredTo(ctx.db, first.contactId)).toBe(agent.id);
    expect(await offeredTo(ctx.db, second.contactId)).toBe(agent.id);
    expect(await offeredTo(ctx.db, third.contactId)).toBeNull();
    expect(await offeredTo(ctx.db, call.contactId)).toBeNull();
  });

  it("widens the requirements step by step while nobody competent is free", async () => {
    const t = await tenantWithTopics();
    await buildQueue(ctx.db, t.tenantId, { topicIds: [t.housing], minLevel: 3, widening: [{ after: 30, relax: "level" }, { after: 60, relax: "language" }] });
    const kazakhOnly = await buildAgent(ctx.db, t.tenantId, { languages: ["kk"], skills: [{ topicId: t.housing, level: 1 }] });
    const chat = await inboundChat(deps(), t.tenantId, { topicId: t.housing, language: "ru" });
    expect(await offeredTo(ctx.db, chat.contactId)).toBeNull();
    await ageContact(ctx.db, chat.contactId, 31);
    await reviewWaiting(deps());
    expect(await offeredTo(ctx.db, chat.contactId)).toBeNull();
    const afterLevel = await ctx.db.selectFrom("contacts").select(["relaxed", "widen_step"]).where("id", "=", chat.contactId).executeTakeFirstOrThrow();
    expect(afterLevel).toEqual({ relaxed: ["level"], widen_step: 1 });
    await ageContact(ctx.db, chat.contactId, 30);
    await reviewWaiting(deps());
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(kazakhOnly.id);
  });

  it("overflows to another queue after its time and offers a callback", async () => {
    const t = await tenantWithTopics();
    const backup = await buildQueue(ctx.db, t.tenantId, { topicIds: [t.utilities], line: 2 });
    await buildQueue(ctx.db, t.tenantId, { topicIds: [t.housing], overflowQueueId: backup, overflowAfterSeconds: 45, callbackAfterSeconds: 20, minLevel: 5 });
    const secondLine = await buildAgent(ctx.db, t.tenantId, { line: 2, skills: [{ topicId: t.housing, level: 1 }] });
    const chat = await inboundChat(deps(), t.tenantId, { topicId: t.housing });
    expect(await offeredTo(ctx.db, chat.contactId)).toBeNull();
    await ageContact(ctx.db, chat.contactId, 21);
    await reviewWaiting(deps());
    const log = await ctx.db.selectFrom("contact_log").select(["event", "staff_only"]).where("contact_id", "=", chat.contactId).where("event", "=", "callback_offered").execute();
    expect(log).toEqual([{ event: "callback_offered", staff_only: false }]);
    await ageContact(ctx.db, chat.contactId, 25);
    await reviewWaiting(deps());
    const moved = await ctx.db.selectFrom("contacts").select("queue_id").where("id", "=", chat.contactId).executeTakeFirstOrThrow();
    expect(moved.queue_id).toBe(backup);
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(secondLine.id);
  });

  it("re-offers a timed-out offer to the next operator and sets the first one not ready", async () => {
    const t = await tenantWithTopics();
    await buildQueue(ctx.db, t.tenantId);
    const sleepy = await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 100 });
    const next = await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 50 });
    const chat = await inboundChat(deps(), t.tenantId);
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(sleepy.id);
    await ctx.db.updateTable("contact_offers").set({ expires_at: new Date(Date.now() - 1000) }).where("contact_id", "=", chat.contactId).execute();
    expect(await expireOffers(deps())).toBe(1);
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(next.id);
    const state = await ctx.db.selectFrom("agents").select(["state", "reason_code"]).where("user_id", "=", sleepy.id).executeTakeFirstOrThrow();
    expect(state).toEqual({ state: "not_ready", reason_code: "missed_offer" });
  });

  it("offers the most critical, then the longest-waiting contact to an operator who becomes ready", async () => {
    const t = await tenantWithTopics();
    await buildQueue(ctx.db, t.tenantId);
    const agentUser = await buildAgent(ctx.db, t.tenantId, { state: "not_ready", channels: { web_chat: 1 } });
    const older = await inboundChat(deps(), t.tenantId);
    const critical = await inboundChat(deps(), t.tenantId, { criticalityCode: "high" });
    const client = await signIn(ctx.app, agentUser);
    const ready = await client.request("PUT", "/api/v1/agent/me/state", { state: "ready" });
    expect(ready.status).toBe(200);
    expect(ready.body.offers.map((o: { contactId: string }) => o.contactId)).toEqual([critical.contactId]);
    expect(await offeredTo(ctx.db, older.contactId)).toBeNull();
  });

  it("accept, decline, transfer to a queue and to a colleague, end and wrap up through the API", async () => {
    const t = await tenantWithTopics();
    const general = await buildQueue(ctx.db, t.tenantId);
    const secondLine = await buildQueue(ctx.db, t.tenantId, { line: 2, topicIds: [t.utilities] });
    const first = await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 300 });
    const second = await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 200 });
    const expert = await buildAgent(ctx.db, t.tenantId, { idleForSeconds: 100, line: 2 });
    const [a, b, e] = await Promise.all([signIn(ctx.app, first), signIn(ctx.app, second), signIn(ctx.app, expert)]);
    const chat = await inboundChat(deps(), t.tenantId);
    // A chat without a topic enters the general queue, not the 2nd line that serves a topic.
    expect((await ctx.db.selectFrom("contacts").select("queue_id").where("id", "=", chat.contactId).executeTakeFirstOrThrow()).queue_id).toBe(general);
    const offerOf = async (client: typeof a) => ((await client.get("/api/v1/agent/me")).body.offers[0] as { id: string } | undefined)?.id;

    const declined = await a.post(`/api/v1/offers/${await offerOf(a)}/decline`);
    expect(declined.status).toBe(200);
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(second.id);
    // The offers cleared both operators' `free` hint; the sweep gives it back to the one who declined.
    const freeOf = async (id: string) => (await ctx.db.selectFrom("agents").select("free").where("user_id", "=", id).executeTakeFirstOrThrow()).free;
    expect([await freeOf(first.id), await freeOf(second.id)]).toEqual([false, false]);
    await resyncFreeAgents(ctx.db);
    expect([await freeOf(first.id), await freeOf(second.id)]).toEqual([true, false]);
    const offerId = await offerOf(b);
    const accepted = await b.post(`/api/v1/offers/${offerId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe("active");
    // The answer shows the citizen's details: the reading is audited with the acceptance, and only once.
    expect((await b.post(`/api/v1/offers/${offerId}/accept`)).body.error.code).toBe("OFFER_NOT_PENDING");
    const readings = await ctx.db.selectFrom("audit_log").select(["actor_id", "entity_id"]).where("action", "=", "contact.read").where("tenant_id", "=", t.tenantId).execute();
    expect(readings).toEqual([{ actor_id: second.id, entity_id: chat.contactId }]);
    expect((await a.post(`/api/v1/contacts/${chat.contactId}/messages`, { text: "not mine" })).status).toBe(403);
    expect((await b.post(`/api/v1/contacts/${chat.contactId}/messages`, { text: "Сәлеметсіз бе! Қалай көмектесе аламын?", clientMsgId: "m1" })).status).toBe(200);
    expect((await b.post(`/api/v1/contacts/${chat.contactId}/messages`, { text: "Сәлеметсіз бе! Қалай көмектесе аламын?", clientMsgId: "m1" })).status).toBe(200);

    const transferred = await b.post(`/api/v1/contacts/${chat.contactId}/transfer`, { queueId: secondLine, note: "needs an expert" });
    expect(transferred.status).toBe(200);
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(expert.id);
    expect((await e.post(`/api/v1/offers/${await offerOf(e)}/accept`)).status).toBe(200);
    const log = await e.get(`/api/v1/contacts/${chat.contactId}/log`);
    expect(log.body.entries.filter((x: { kind: string }) => x.kind === "message")).toHaveLength(2);
    expect(log.body.entries.find((x: { kind: string }) => x.kind === "note").body).toBe("needs an expert");

    const toColleague = await e.post(`/api/v1/contacts/${chat.contactId}/transfer`, { agentId: first.id });
    expect(toColleague.status).toBe(200);
    expect(await offeredTo(ctx.db, chat.contactId)).toBe(first.id);
    expect((await a.post(`/api/v1/offers/${await offerOf(a)}/accept`)).status).toBe(200);
    expect((await a.post(`/api/v1/contacts/${chat.contactId}/end`)).status).toBe(200);
    const badCode = await a.post(`/api/v1/contacts/${chat.contactId}/wrapup`, { wrapupCode: "nonsense", resolvedFirstContact: true });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.fields[0].field).toBe("wrapupCode");
    expect((await a.post(`/api/v1/contacts/${chat.contactId}/wrapup`, { wrapupCode: "consultation", resolvedFirstContact: true })).status).toBe(200);
    const closed = await ctx.db.selectFrom("contacts").select(["state", "wrapup_code", "resolved_first_contact", "queue_id"]).where("id", "=", chat.contactId).executeTakeFirstOrThrow();
    expect(closed).toEqual({ state: "closed", wrapup_code: "consultation", resolved_first_contact: true, queue_id: secondLine });
  });
});

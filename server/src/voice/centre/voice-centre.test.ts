import { setTimeout as sleep } from "node:timers/promises";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue } from "../../test/contact-fixtures.ts";
import { applicant, buildTenant, signIn, signedInStaff, startTestApp, type TestContext, type TestUser } from "../../test/harness.ts";
import { decodeWav } from "../media/wav.ts";
import { PromptLibrary } from "../prompts/prompt-library.ts";
import type { IvrMenu } from "../ivr/ivr-menu.ts";
import { digestHa1 } from "../registrar/digest.ts";
import { level, longestSound } from "../test/audio-level.ts";
import { freeUdpPort, runSipp, sippAvailable } from "../test/sipp.ts";
import { alawFile, startTestCentre, tone } from "../test/test-centre.ts";
import { VoiceCentre } from "./voice-centre.ts";

const REALM = "test.bailanys";
const PASSWORD = "phone-secret-1";

/** Language (1 kk, 2 ru), then 0 for the operator. */
const MENU: IvrMenu = {
  start: "language",
  defaultLocale: "kk",
  nodes: {
    language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru" }, next: "topics", timeoutSeconds: 3, retries: 0 },
    topics: { kind: "menu", prompt: "topics", choices: { "0": "operator" }, timeoutSeconds: 3, retries: 0, onFailure: "operator" },
    operator: { kind: "queue", prompt: null, queue: "general", topic: null },
  },
};

let ctx: TestContext;
let centre: VoiceCentre;
const log = pino({ level: process.env.VOICE_TEST_LOG ?? "silent" });
/** Every text the centre had spoken (rendered once each: the library keeps what it rendered). */
let spoken: string[];
let speech: string;
/** A second of A-law silence: a phone that says nothing. */
let quiet: string;
const files: { remove(): void }[] = [];
beforeAll(async () => {
  ctx = await startTestApp();
  ({ centre, spoken } = await startTestCentre(ctx, { realm: REALM, rtpPorts: 60, rtpBand: [24_000, 30_000], holdPromptSeconds: 1 }));
  const speaking = alawFile("centre", tone(300, 1));
  const silent = alawFile("centre-quiet", new Int16Array(8000));
  files.push(speaking, silent);
  speech = speaking.file;
  quiet = silent.file;
});
afterAll(async () => {
  await centre?.stop();
  await ctx?.close();
  files.forEach((file) => file.remove());
});

let numberSerial = 0;
let extensionSerial = 2000;

/**
 * A tenant answering its own number with the menu, a phone queue (offers time out after `offerSeconds`) and operators
 * with extensions, whose phones register at `registerAt` (this file's centre, or another voice process).
 */
async function voiceTenant(operators: number, offerSeconds = 8, registerAt: VoiceCentre = centre) {
  const tenant = await buildTenant(ctx.db);
  numberSerial += 1;
  const number = `10${numberSerial}`;
  await buildQueue(ctx.db, tenant.tenantId, { channels: ["phone"], offerTimeoutSeconds: offerSeconds });
  await ctx.db.insertInto("voice_settings").values({ tenant_id: tenant.tenantId, menu: JSON.stringify(MENU), short_abandon_seconds: 5 }).execute();
  await ctx.db.insertInto("voice_trunks").values({ tenant_id: tenant.tenantId, name: "loopback", allowed_sources: ["127.0.0.0/8"] }).execute();
  await ctx.db.insertInto("voice_entry_points").values({ number, tenant_id: tenant.tenantId }).execute();
  const agents = [];
  for (let i = 0; i < operators; i += 1) {
    extensionSerial += 1;
    const extension = String(extensionSerial);
    // The first operator has been idle longest: the engine offers them the call first.
    const user = await buildAgent(ctx.db, tenant.tenantId, { channels: { phone: 1 }, idleForSeconds: 100 - i * 10 });
    await ctx.db.insertInto("voice_extensions").values({ extension, tenant_id: tenant.tenantId, user_id: user.id, realm: REALM, ha1: digestHa1(extension, REALM, PASSWORD) }).execute();
    agents.push({ user, extension, port: await freeUdpPort() });
  }
  await centre.directory.reload();
  await registerAt.directory.reload();
  for (const agent of agents) {
    const registered = await runSipp("phone-registers.xml", registerAt.gateway.local, { localPort: agent.port, keys: { user: agent.extension, password: PASSWORD, expect: "200" } });
    expect(registered.code, registered.output).toBe(0);
  }
  return { tenantId: tenant.tenantId, number, agents };
}

/** A callback contact the operator has accepted: an outbound phone contact, active with them. */
async function activeCallback(tenantId: string, agentId: string): Promise<string> {
  const queue = await ctx.db.selectFrom("contact_queues").select("id").where("tenant_id", "=", tenantId).executeTakeFirstOrThrow();
  const row = await ctx.db
    .insertInto("contacts")
    .values({ tenant_id: tenantId, channel: "phone", direction: "outbound", state: "active", queue_id: queue.id, original_queue_id: queue.id, language: "ru", locale: "ru", agent_id: agentId, callback_phone: "+77011234567", visitor_phone: "+77011234567", queued_at: new Date(), answered_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A tenant with `operators` phones calling out through its trunk, and a callback its first operator has accepted. */
async function callback(operators: number) {
  const { tenantId, agents } = await voiceTenant(operators);
  const citizenPort = await outboundTrunk(tenantId);
  const contact = await activeCallback(tenantId, agents[0]?.user.id ?? "");
  const operatorClient = await signIn(ctx.app, agents[0]?.user as TestUser);
  return { tenantId, agents, citizenPort, contact, operatorClient };
}

/** The tenant calls out through a trunk on a free loopback port at any hour; the port, where the citizen's phone answers. */
async function outboundTrunk(tenantId: string): Promise<number> {
  const citizenPort = await freeUdpPort();
  const always = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ["00:00", "24:00"]]));
  await ctx.db.updateTable("voice_settings").set({ outbound_trunk: `127.0.0.1:${citizenPort}`, outbound_hours: JSON.stringify(always) }).where("tenant_id", "=", tenantId).execute();
  await centre.directory.reload();
  return citizenPort;
}

/** The operator's phone answers, then the citizen's (called at `number`), who talks and hangs up: both SIPp runs pass. */
async function bothPhonesAnswer(operatorPort: number | undefined, citizenPort: number, number: string): Promise<void> {
  const phone = runSipp("operator-answers.xml", null, { localPort: operatorPort, keys: { audio: speech }, timeoutSeconds: 25 });
  const citizen = runSipp("citizen-answers-hangs-up.xml", null, { localPort: citizenPort, keys: { audio: speech, talk_ms: "2500", number }, timeoutSeconds: 25 });
  const citizenRun = await citizen;
  expect(citizenRun.code, citizenRun.output.slice(-3000)).toBe(0);
  const phoneRun = await phone;
  expect(phoneRun.code, phoneRun.output.slice(-3000)).toBe(0);
}

/** Waits until an outbound call's citizen has answered. */
async function connected(callId: string): Promise<void> {
  for (let i = 0; i < 200 && (await ctx.db.selectFrom("voice_outbound_calls").select("state").where("id", "=", callId).executeTakeFirstOrThrow()).state !== "connected"; i += 1) {
    await sleep(50);
  }
}

/** Waits for an outbound call to end and its contact to go to wrap-up; the call's row, which connected. */
async function talkedAndEnded(callId: string, contactId: string) {
  for (let i = 0; i < 100; i += 1) {
    const row = await ctx.db.selectFrom("voice_outbound_calls").select("state").where("id", "=", callId).executeTakeFirstOrThrow();
    const state = await ctx.db.selectFrom("contacts").select("state").where("id", "=", contactId).executeTakeFirstOrThrow();
    if (row.state === "ended" && state.state === "wrapup") {
      break;
    }
    await sleep(50);
  }
  const outbound = await ctx.db.selectFrom("voice_outbound_calls").selectAll().where("id", "=", callId).executeTakeFirstOrThrow();
  expect(outbound.state).toBe("ended");
  expect(outbound.connected_at).not.toBeNull();
  expect(await ctx.db.selectFrom("contacts").select("state").where("id", "=", contactId).executeTakeFirstOrThrow()).toEqual({ state: "wrapup" });
  return outbound;
}

async function callRow(tenantId: string) {
  return ctx.db.selectFrom("voice_calls").selectAll().where("tenant_id", "=", tenantId).executeTakeFirstOrThrow();
}

/** The stereo recording of a contact's call, as quality control listens to it. */
async function recordingOf(tenantId: string, contactId: string) {
  const supervisor = (await signedInStaff(ctx, { tenantId }, ["supervisor"])).client;
  const listened = await ctx.app.inject({ method: "GET", url: `/api/v1/contacts/${contactId}/call/recording`, headers: { authorization: `Bearer ${supervisor.token}` } });
  expect(listened.statusCode).toBe(200);
  return decodeWav(listened.rawPayload);
}

/** Waits until the session has finished writing the call's end (it runs just after the last SIP message). */
async function settled(tenantId: string) {
  for (let i = 0; i < 100; i += 1) {
    const row = await callRow(tenantId);
    const recorded = await ctx.db.selectFrom("call_recordings").select("id").where("call_id", "=", row.id).executeTakeFirst();
    if (row.ended_at !== null && recorded) {
      return row;
    }
    await sleep(50);
  }
  throw new Error("the call's end was not recorded");
}

describe.skipIf(!sippAvailable())("the single number: menu, queue, operator's phone (SIPp on 127.0.0.1)", () => {
  it("a caller chooses Russian and the operator, the longest-idle operator's phone rings and answers, they talk, the caller hangs up", async () => {
    const { tenantId, number, agents } = await voiceTenant(1);
    const [agent] = agents;
    const phone = runSipp("operator-answers.xml", null, { localPort: agent?.port, keys: { audio: speech }, timeoutSeconds: 25 });
    const caller = await runSipp("caller-queues.xml", centre.gateway.local, { service: number, keys: { first: "2", second: "0", audio: speech, talk_ms: "4000" }, timeoutSeconds: 20 });
    const operator = await phone;
    expect(caller.code, caller.output).toBe(0);
    expect(operator.code, operator.output).toBe(0);

    const call = await settled(tenantId);
    expect(call).toMatchObject({ caller_number: "87011234567", dialled_number: number, ivr_digits: ["2", "0"], locale: "ru", ivr_outcome: "queue", operator_attempts: 1, ended_by: "caller", short_abandon: false });
    const contact = await ctx.db.selectFrom("contacts").selectAll().where("id", "=", call.contact_id ?? "").executeTakeFirstOrThrow();
    // A phone contact of the same engine as chats: answered by the operator, then their wrap-up.
    expect(contact).toMatchObject({ channel: "phone", direction: "inbound", language: "ru", agent_id: agent?.user.id, state: "wrapup", outcome: "answered", ended_by: "citizen", visitor_phone: "+77011234567" });
    expect(contact.answered_at).not.toBeNull();
    // The operator's window shows where the caller came from and what they chose in the menu.
    const menu = await ctx.db.selectFrom("contact_log").select(["data", "staff_only"]).where("contact_id", "=", contact.id).where("event", "=", "voice_menu").executeTakeFirstOrThrow();
    expect(menu).toEqual({ data: { number: "87011234567", digits: "2 → 0" }, staff_only: true });
    const recording = await ctx.db.selectFrom("call_recordings").select(["duration_ms", "size_bytes"]).where("call_id", "=", call.id).executeTakeFirstOrThrow();
    expect(recording.duration_ms).toBeGreaterThan(3000);

    // The figures that feed the KPIs, and the recording: quality control listens (audited), an operator may not.
    const supervisor = (await signedInStaff(ctx, { tenantId }, ["supervisor"])).client;
    const figures = await supervisor.get(`/api/v1/contacts/${contact.id}/call`);
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({ callerNumber: "87011234567", menuDigits: ["2", "0"], answered: true, abandoned: false, operatorAttempts: 1, transfers: 0, holdSeconds: 0, endedBy: "caller" });
    expect(figures.body.ivrSeconds).toBeGreaterThanOrEqual(0);
    expect(figures.body.talkSeconds).toBeGreaterThanOrEqual(2);
    expect(figures.body.recordingSeconds).toBeGreaterThanOrEqual(3);
    const listened = await ctx.app.inject({ method: "GET", url: `/api/v1/contacts/${contact.id}/call/recording`, headers: { authorization: `Bearer ${supervisor.token}` } });
    expect(listened.statusCode).toBe(200);
    expect(listened.headers["content-type"]).toBe("audio/wav");
    expect(decodeWav(listened.rawPayload)).toMatchObject({ channels: 2, sampleRate: 8000 });
    const audits = await ctx.db.selectFrom("audit_log").select("action").where("tenant_id", "=", tenantId).where("action", "=", "call.recording.listen").execute();
    expect(audits).toHaveLength(1);
    const colleague = (await signedInStaff(ctx, { tenantId }, ["operator"])).client;
    expect((await colleague.get(`/api/v1/contacts/${contact.id}/call/recording`)).status).toBe(403);
  });

  it("a phone registered over UDP at another voice process rings for a call arriving here (registrations are kept in the database)", async () => {
    const rtpBase = 24_000 + 2 * Math.floor(Math.random() * 3_000);
    const other = await VoiceCentre.start({ db: ctx.db, bus: ctx.bus }, { host: "127.0.0.1", sipPort: 0, rtpPorts: { first: rtpBase, last: rtpBase + 20 }, realm: REALM, log, prompts: new PromptLibrary(async () => tone(500, 0.3)) });
    try {
      const { tenantId, number, agents } = await voiceTenant(1, 8, other);
      const [agent] = agents;
      // This process never saw the phone register.
      expect(centre.registrar.lookup(agent?.extension ?? "")).toEqual([]);
      const phone = runSipp("operator-answers.xml", null, { localPort: agent?.port, keys: { audio: speech }, timeoutSeconds: 25 });
      const caller = await runSipp("caller-queues.xml", centre.gateway.local, { service: number, keys: { first: "2", second: "0", audio: speech, talk_ms: "3000" }, timeoutSeconds: 20 });
      expect(caller.code, caller.output).toBe(0);
      expect((await phone).code).toBe(0);
      const call = await settled(tenantId);
      expect(call).toMatchObject({ operator_attempts: 1, ended_by: "caller" });
      const contact = await ctx.db.selectFrom("contacts").select(["agent_id", "outcome"]).where("id", "=", call.contact_id ?? "").executeTakeFirstOrThrow();
      expect(contact).toEqual({ agent_id: agent?.user.id, outcome: "answered" });
    } finally {
      await other.stop();
    }
  });

  it("an operator who does not answer is passed over: their phone is cancelled, they become not ready, the next operator's phone rings", async () => {
    const { tenantId, number, agents } = await voiceTenant(2, 5);
    const [silent, answering] = agents;
    const unanswered = runSipp("operator-no-answer.xml", null, { localPort: silent?.port, timeoutSeconds: 25 });
    const phone = runSipp("operator-answers.xml", null, { localPort: answering?.port, keys: { audio: speech }, timeoutSeconds: 25 });
    const caller = await runSipp("caller-queues.xml", centre.gateway.local, { service: number, keys: { first: "2", second: "0", audio: speech, talk_ms: "9000" }, timeoutSeconds: 25 });
    expect(caller.code, caller.output).toBe(0);
    expect((await unanswered).code).toBe(0);
    expect((await phone).code).toBe(0);

    const call = await settled(tenantId);
    expect(call.operator_attempts).toBe(2);
    const contact = await ctx.db.selectFrom("contacts").select(["agent_id", "outcome"]).where("id", "=", call.contact_id ?? "").executeTakeFirstOrThrow();
    expect(contact).toEqual({ agent_id: answering?.user.id, outcome: "answered" });
    const missed = await ctx.db.selectFrom("agents").select(["state", "reason_code"]).where("user_id", "=", silent?.user.id ?? "").executeTakeFirstOrThrow();
    expect(missed).toEqual({ state: "not_ready", reason_code: "missed_offer" });
    const events = await ctx.db.selectFrom("contact_log").select("event").where("contact_id", "=", call.contact_id ?? "").where("kind", "=", "event").orderBy("seq").execute();
    expect(events.map((e) => e.event)).toEqual(["voice_menu", "queued", "offered", "offer_expired", "offered", "answered", "ended"]);
  });

  it("an operator transfers the call to a colleague from the window: their own phone is hung up, the colleague's rings and takes it", async () => {
    const { tenantId, number, agents } = await voiceTenant(2);
    const [first, second] = agents;
    const firstPhone = runSipp("operator-answers.xml", null, { localPort: first?.port, keys: { audio: speech }, timeoutSeconds: 30 });
    const secondPhone = runSipp("operator-answers.xml", null, { localPort: second?.port, keys: { audio: speech }, timeoutSeconds: 30 });
    const caller = runSipp("caller-queues.xml", centre.gateway.local, { service: number, keys: { first: "2", second: "0", audio: speech, talk_ms: "9000" }, timeoutSeconds: 30 });
    let contactId: string | undefined;
    for (let i = 0; i < 200 && contactId === undefined; i += 1) {
      const active = await ctx.db.selectFrom("contacts").select("id").where("tenant_id", "=", tenantId).where("state", "=", "active").where("agent_id", "=", first?.user.id ?? "").executeTakeFirst();
      contactId = active?.id;
      await sleep(50);
    }
    expect(contactId).toBeDefined();
    const client = await signIn(ctx.app, first?.user as TestUser);
    const transferred = await client.post(`/api/v1/contacts/${contactId}/transfer`, { agentId: second?.user.id, note: "Вопрос по субсидии" });
    expect(transferred.status, JSON.stringify(transferred.body)).toBe(200);
    // The first operator's phone got the BYE at the transfer; the colleague's rang and talked until the caller hung up.
    expect((await firstPhone).code).toBe(0);
    expect((await secondPhone).code).toBe(0);
    expect((await caller).code).toBe(0);
    const call = await settled(tenantId);
    expect(call.operator_attempts).toBe(2);
    const contact = await ctx.db.selectFrom("contacts").select(["agent_id", "state"]).where("id", "=", contactId ?? "").executeTakeFirstOrThrow();
    expect(contact).toEqual({ agent_id: second?.user.id, state: "wrapup" });
    const supervisor = (await signedInStaff(ctx, { tenantId }, ["supervisor"])).client;
    expect((await supervisor.get(`/api/v1/contacts/${contactId}/call`)).body).toMatchObject({ transfers: 1, answered: true });
  });

  it("tells a caller of a service interruption in Kazakh and Russian before the menu (R34)", async () => {
    const { tenantId, number } = await voiceTenant(0);
    const supervisor = (await signedInStaff(ctx, { tenantId }, ["supervisor"])).client;
    const notice = await supervisor.post("/api/v1/notices", {
      channels: ["phone"],
      messageKk: "eGov порталы уақытша жұмыс істемейді.",
      messageRu: "Портал eGov временно не работает.",
      messageEn: "The eGov portal is down for now.",
      alternativesKk: "Өтінішті ЦОН арқылы беріңіз.",
      alternativesRu: "Подайте заявление через ЦОН.",
    });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    const caller = await runSipp("caller-queues.xml", centre.gateway.local, { service: number, keys: { first: "2", second: "0", audio: speech, talk_ms: "1500" }, timeoutSeconds: 15 });
    expect(caller.code, caller.output).toBe(0);
    expect(spoken).toContain("Назар аударыңыз. eGov порталы уақытша жұмыс істемейді. Өтінішті ЦОН арқылы беріңіз.");
    expect(spoken).toContain("Внимание. Портал eGov временно не работает. Подайте заявление через ЦОН.");
  });

  it("hold pressed on the operator's phone is the contact's hold: counted, and logged as held and resumed", async () => {
    const { tenantId, number, agents } = await voiceTenant(1);
    const [agent] = agents;
    const phone = runSipp("operator-holds.xml", null, { localPort: agent?.port, keys: { audio: speech, hold_ms: "1500" }, timeoutSeconds: 25 });
    const caller = await runSipp("caller-queues.xml", centre.gateway.local, { service: number, keys: { first: "2", second: "0", audio: speech, talk_ms: "6000" }, timeoutSeconds: 20 });
    expect(caller.code, caller.output).toBe(0);
    expect((await phone).code).toBe(0);
    const call = await settled(tenantId);
    const contact = await ctx.db.selectFrom("contacts").select(["hold_count", "hold_seconds", "state"]).where("id", "=", call.contact_id ?? "").executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ hold_count: 1, state: "wrapup" });
    expect(contact.hold_seconds).toBeGreaterThanOrEqual(1);
    const events = await ctx.db.selectFrom("contact_log").select("event").where("contact_id", "=", call.contact_id ?? "").where("kind", "=", "event").orderBy("seq").execute();
    expect(events.map((e) => e.event)).toEqual(["voice_menu", "queued", "offered", "answered", "held", "resumed", "ended"]);
  });

  it("a held caller hears the hold music and, between stretches of it, the hold prompt in their language; it stops on resume and the recording keeps it", async () => {
    const { tenantId, number, agents } = await voiceTenant(1);
    const [agent] = agents;
    // The operator's phone says nothing: whatever the caller hears is the gateway's.
    const phone = runSipp("operator-holds.xml", null, { localPort: agent?.port, keys: { audio: speech, hold_ms: "2500" }, timeoutSeconds: 25 });
    // The caller echoes all it receives: their side of the recording is what reached them.
    const caller = await runSipp("caller-queues-listens.xml", centre.gateway.local, { service: number, keys: { first: "2", second: "0", talk_ms: "6500" }, timeoutSeconds: 20, echo: true });
    expect(caller.code, caller.output).toBe(0);
    expect((await phone).code).toBe(0);
    const call = await settled(tenantId);
    const wav = await recordingOf(tenantId, call.contact_id ?? "");
    const seconds = wav.samples.length / 2 / 8000;
    // Before the hold nothing plays longer than an announcement (under a second); the 2.5 s hold sounds throughout,
    // sent to the caller (right) and come back from them (left).
    const held = longestSound(wav.samples, 300);
    expect(held.to - held.from).toBeGreaterThanOrEqual(2);
    // Taken back: the operator's silent phone again, until the caller hangs up.
    expect(seconds - held.to).toBeGreaterThan(0.8);
    expect(level(wav.samples, 1, held.to + 0.2, seconds)).toBeLessThan(100);
    expect(spoken).toContain("Пожалуйста, оставайтесь на линии, оператор скоро вернётся к вам.");
  });

  it("a caller who hangs up while waiting (nobody free) is abandoned before an operator answered, a short abandon under the threshold", async () => {
    const { tenantId, number } = await voiceTenant(0);
    const caller = await runSipp("caller-queues.xml", centre.gateway.local, { service: number, keys: { first: "1", second: "0", audio: speech, talk_ms: "1500" }, timeoutSeconds: 15 });
    expect(caller.code, caller.output).toBe(0);
    const call = await settled(tenantId);
    expect(call).toMatchObject({ locale: "kk", ivr_outcome: "queue", operator_attempts: 0, ended_by: "caller", short_abandon: true });
    const contact = await ctx.db.selectFrom("contacts").select(["state", "outcome", "answered_at", "language"]).where("id", "=", call.contact_id ?? "").executeTakeFirstOrThrow();
    expect(contact).toEqual({ state: "abandoned", outcome: "abandoned", answered_at: null, language: "kk" });
  });

  it("a waiting caller presses 9 to be called back instead (R13.1): the call ends and a callback to their number waits in the queue", async () => {
    const { tenantId, number } = await voiceTenant(0);
    const caller = await runSipp("caller-asks-callback.xml", centre.gateway.local, { service: number, keys: { first: "2", second: "0", wait_ms: "1500" }, timeoutSeconds: 20 });
    expect(caller.code, caller.output).toBe(0);
    const call = await settled(tenantId);
    expect(call.ended_by).toBe("gateway");
    const contact = await ctx.db.selectFrom("contacts").select(["state", "outcome", "callback_contact_id"]).where("id", "=", call.contact_id ?? "").executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ state: "closed", outcome: "callback" });
    const callback = await ctx.db.selectFrom("contacts").select(["direction", "state", "callback_phone"]).where("id", "=", contact.callback_contact_id ?? "").executeTakeFirstOrThrow();
    expect(callback).toEqual({ direction: "outbound", state: "queued", callback_phone: "+77011234567" });
  });

  it("calls a citizen back: the reason is stated (R13.3), the operator's phone rings first, then the citizen's through the trunk; they talk, the citizen hangs up", async () => {
    const { agents, citizenPort, contact, operatorClient } = await callback(1);
    const [agent] = agents;

    const phones = bothPhonesAnswer(agent?.port, citizenPort, "77011234567");
    const noReason = await operatorClient.post(`/api/v1/contacts/${contact}/dial`, { reason: "   " });
    expect(noReason.body.error.fields).toMatchObject([{ field: "reason", code: "FIELD_REQUIRED" }]);
    const requested = await operatorClient.post(`/api/v1/contacts/${contact}/dial`, { reason: "Ответ по вашему обращению о ремонте дороги" });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    await phones;

    const outbound = await talkedAndEnded(requested.body.id, contact);
    expect(outbound).toMatchObject({ state: "ended", phone: "+77011234567", reason: "Ответ по вашему обращению о ремонте дороги", failure: null });
    const script = await ctx.db.selectFrom("contact_log").select("data").where("contact_id", "=", contact).where("event", "=", "outbound_call").executeTakeFirstOrThrow();
    expect(script.data).toEqual({ reason: "Ответ по вашему обращению о ремонте дороги" });
  });

  it("the media thread dies while an operator talks to a citizen they called: both phones are hung up, the call ends, the contact goes to wrap-up, the board shows the cut call", async () => {
    const { tenantId, agents, citizenPort, contact, operatorClient } = await callback(1);
    const [agent] = agents;

    const phone = runSipp("operator-answers.xml", null, { localPort: agent?.port, keys: { audio: speech }, timeoutSeconds: 25 });
    const citizen = runSipp("operator-answers.xml", null, { localPort: citizenPort, keys: { audio: speech }, timeoutSeconds: 25 });
    const requested = await operatorClient.post(`/api/v1/contacts/${contact}/dial`, { reason: "Ответ по вашему обращению" });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    await connected(requested.body.id);
    await sleep(500);
    await centre.gateway.media.killThread();

    // Each phone got the gateway's BYE (a scenario waiting for it fails on its time-out otherwise).
    const citizenRun = await citizen;
    expect(citizenRun.code, citizenRun.output.slice(-3000)).toBe(0);
    const phoneRun = await phone;
    expect(phoneRun.code, phoneRun.output.slice(-3000)).toBe(0);
    expect(await talkedAndEnded(requested.body.id, contact)).toMatchObject({ state: "ended", failure: null });
    // The supervisors' board says why the call ended: one call of this tenant was cut.
    const supervisor = (await signedInStaff(ctx, { tenantId }, ["supervisor"])).client;
    let board = await supervisor.get("/api/v1/board");
    for (let i = 0; i < 40 && board.body.voiceIncidents.length === 0; i += 1) {
      await sleep(50);
      board = await supervisor.get("/api/v1/board");
    }
    expect(board.body.voiceIncidents).toMatchObject([{ kind: "media_lost", callsCut: 1 }]);
  });

  it("calls the citizen of an appeal with no contact open: an outbound contact opens for the operator, linked to the appeal, and the call goes out as a callback's does", async () => {
    const { tenantId, agents } = await voiceTenant(1);
    const [agent] = agents;
    const citizenPort = await outboundTrunk(tenantId);
    const operatorClient = await signIn(ctx.app, agent?.user as TestUser);
    const person = applicant(8801);
    const appeal = await operatorClient.post("/api/v1/appeals", { typeCode: "request", subject: "Ремонт дороги", text: "Яма у дома 5.", citizen: person });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);

    const phones = bothPhonesAnswer(agent?.port, citizenPort, person.phone.replace(/^\+/, ""));
    const requested = await operatorClient.post(`/api/v1/appeals/${appeal.body.id}/dial`, { reason: "Уточнить адрес по обращению" });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    await phones;

    const outbound = await talkedAndEnded(requested.body.id, requested.body.contactId);
    expect(outbound).toMatchObject({ contact_id: requested.body.contactId, phone: person.phone, reason: "Уточнить адрес по обращению", failure: null });
    const contact = await ctx.db.selectFrom("contacts").select(["direction", "agent_id", "citizen_id"]).where("id", "=", requested.body.contactId).executeTakeFirstOrThrow();
    expect(contact).toEqual({ direction: "outbound", agent_id: agent?.user.id, citizen_id: appeal.body.citizen.id });
    expect(await ctx.db.selectFrom("contact_appeals").select("appeal_id").where("contact_id", "=", requested.body.contactId).execute()).toEqual([{ appeal_id: appeal.body.id }]);
    // The call's figures and recording belong to the new contact, as for any outbound call.
    const call = await ctx.db.selectFrom("voice_calls").select("dialled_number").where("contact_id", "=", requested.body.contactId).executeTakeFirstOrThrow();
    expect(call.dialled_number).toBe(person.phone.replace(/^\+/, ""));
  });

  it("an outbound call held in the operator's window plays the citizen the hold music, resume stops it, and ending the contact there hangs up both phones", async () => {
    const { tenantId, agents, citizenPort, contact, operatorClient } = await callback(1);
    const [agent] = agents;
    // Both phones keep quiet and wait for the gateway's BYE: what the citizen hears is the gateway's.
    const operatorPhone = runSipp("operator-answers.xml", null, { localPort: agent?.port, keys: { audio: quiet }, timeoutSeconds: 25 });
    const citizenPhone = runSipp("operator-answers.xml", null, { localPort: citizenPort, keys: { audio: quiet }, timeoutSeconds: 25 });
    const requested = await operatorClient.post(`/api/v1/contacts/${contact}/dial`, { reason: "Уточнить адрес" });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    await connected(requested.body.id);
    await sleep(800);
    expect((await operatorClient.post(`/api/v1/contacts/${contact}/hold`, {})).status).toBeLessThan(300);
    await sleep(2500);
    expect((await operatorClient.post(`/api/v1/contacts/${contact}/resume`, {})).status).toBeLessThan(300);
    await sleep(1500);
    expect((await operatorClient.post(`/api/v1/contacts/${contact}/end`, {})).status).toBeLessThan(300);
    expect((await citizenPhone).code).toBe(0);
    expect((await operatorPhone).code).toBe(0);

    const outbound = await talkedAndEnded(requested.body.id, contact);
    expect(outbound.failure).toBeNull();
    const wav = await recordingOf(tenantId, contact);
    const seconds = wav.samples.length / 2 / 8000;
    // What the citizen heard (right): quiet, the 2.5 s hold's music, quiet again until the end in the window.
    const held = longestSound(wav.samples, 300, [1]);
    expect(held.to - held.from).toBeGreaterThanOrEqual(2);
    expect(level(wav.samples, 1, 0, held.from - 0.2)).toBeLessThan(100);
    expect(seconds - held.to).toBeGreaterThan(1);
    expect(level(wav.samples, 1, held.to + 0.2, seconds)).toBeLessThan(100);
  });

  it("an outbound call transferred to a colleague from the window: the operator's phone is hung up, the citizen holds, the colleague's phone rings and takes the call", async () => {
    const { tenantId, agents, citizenPort, contact, operatorClient: firstClient } = await callback(2);
    const [first, second] = agents;
    const firstPhone = runSipp("operator-answers.xml", null, { localPort: first?.port, keys: { audio: quiet }, timeoutSeconds: 30 });
    const secondPhone = runSipp("operator-rings-answers.xml", null, { localPort: second?.port, keys: { audio: quiet, ring_ms: "1500" }, timeoutSeconds: 30 });
    const citizenPhone = runSipp("operator-answers.xml", null, { localPort: citizenPort, keys: { audio: quiet }, timeoutSeconds: 30 });
    const requested = await firstClient.post(`/api/v1/contacts/${contact}/dial`, { reason: "Уточнить адрес" });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    await connected(requested.body.id);
    await sleep(500);
    const transferred = await firstClient.post(`/api/v1/contacts/${contact}/transfer`, { agentId: second?.user.id, note: "Вопрос по субсидии" });
    expect(transferred.status, JSON.stringify(transferred.body)).toBe(200);
    // The first operator's phone got the BYE at the transfer.
    expect((await firstPhone).code).toBe(0);
    for (let i = 0; i < 200; i += 1) {
      const row = await ctx.db.selectFrom("contacts").select(["state", "agent_id"]).where("id", "=", contact).executeTakeFirstOrThrow();
      if (row.state === "active" && row.agent_id === second?.user.id) {
        break;
      }
      await sleep(50);
    }
    await sleep(1500);
    const secondClient = await signIn(ctx.app, second?.user as TestUser);
    expect((await secondClient.post(`/api/v1/contacts/${contact}/end`, {})).status).toBeLessThan(300);
    expect((await secondPhone).code).toBe(0);
    const citizenRun = await citizenPhone;
    expect(citizenRun.code, citizenRun.output.slice(-3000)).toBe(0);

    const outbound = await talkedAndEnded(requested.body.id, contact);
    expect(outbound.failure).toBeNull();
    expect(await ctx.db.selectFrom("contacts").select("agent_id").where("id", "=", contact).executeTakeFirstOrThrow()).toEqual({ agent_id: second?.user.id });
    // What the citizen heard (right): quiet from the first operator, the hold music while the colleague's phone rang, quiet again.
    const wav = await recordingOf(tenantId, contact);
    const held = longestSound(wav.samples, 300, [1]);
    expect(held.to - held.from).toBeGreaterThanOrEqual(1.2);
    expect(level(wav.samples, 1, held.to + 0.3, wav.samples.length / 2 / 8000)).toBeLessThan(100);
  });

  it("refuses a call to a number on the do-not-call list (R13.4) and outside calling hours unless the citizen asked for this time (R13.5)", async () => {
    const { tenantId, agents } = await voiceTenant(1);
    const [agent] = agents;
    const closed = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), null]));
    await ctx.db.updateTable("voice_settings").set({ outbound_trunk: "127.0.0.1:9", outbound_hours: JSON.stringify(closed), agreed_schedule: ["00:00", "24:00"] }).where("tenant_id", "=", tenantId).execute();
    const contact = await activeCallback(tenantId, agent?.user.id ?? "");
    const operatorClient = await signIn(ctx.app, agent?.user as TestUser);

    const outside = await operatorClient.post(`/api/v1/contacts/${contact}/dial`, { reason: "Уточнить адрес" });
    expect(outside.status, JSON.stringify(outside.body)).toBe(409);
    expect(outside.body.error.code).toBe("OUTSIDE_CALLING_HOURS");
    // The citizen asked to be called within the next hour: now is allowed (the agreed schedule is the whole day here).
    await ctx.db.updateTable("contacts").set({ callback_window_start: new Date(Date.now() - 60_000), callback_window_end: new Date(Date.now() + 3_600_000) }).where("id", "=", contact).execute();
    expect((await operatorClient.request("POST", "/api/v1/calls/do-not-call", { phone: "8 701 123 45 67", note: "просил не звонить" })).status).toBe(204);
    const blocked = await operatorClient.post(`/api/v1/contacts/${contact}/dial`, { reason: "Уточнить адрес" });
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.fields).toMatchObject([{ field: "phone", code: "DO_NOT_CALL" }]);
    await ctx.db.deleteFrom("do_not_call").where("tenant_id", "=", tenantId).execute();
    const allowed = await operatorClient.post(`/api/v1/contacts/${contact}/dial`, { reason: "Уточнить адрес" });
    expect(allowed.status).toBe(202);
    // A second call for a contact whose call is under way is refused (another contact of theirs, its call talking).
    const talking = await activeCallback(tenantId, agent?.user.id ?? "");
    await ctx.db.updateTable("contacts").set({ callback_window_start: new Date(Date.now() - 60_000), callback_window_end: new Date(Date.now() + 3_600_000) }).where("id", "=", talking).execute();
    await ctx.db.insertInto("voice_outbound_calls").values({ tenant_id: tenantId, contact_id: talking, agent_id: agent?.user.id ?? "", phone: "+77011234567", reason: "Звонок идёт", state: "connected" }).execute();
    expect((await operatorClient.post(`/api/v1/contacts/${talking}/dial`, { reason: "Ещё раз" })).body.error.code).toBe("CALL_IN_PROGRESS");
  });

  it("refuses a number nobody answers here with 404 and a source outside the tenant's trunks with 403", async () => {
    const refused = await runSipp("caller-refused.xml", centre.gateway.local, { service: "999", keys: { expect: "404" } });
    expect(refused.code, refused.output).toBe(0);
    const { tenantId, number } = await voiceTenant(0);
    await ctx.db.updateTable("voice_trunks").set({ allowed_sources: ["10.1.2.0/24"] }).where("tenant_id", "=", tenantId).execute();
    await centre.directory.reload();
    const forbidden = await runSipp("caller-refused.xml", centre.gateway.local, { service: number, keys: { expect: "403" } });
    expect(forbidden.code, forbidden.output).toBe(0);
    expect(await ctx.db.selectFrom("voice_calls").select("id").where("tenant_id", "=", tenantId).execute()).toEqual([]);
  });
});

import type { VoiceSettingsBody } from "@bailanys/common/api/voice-admin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent } from "../../test/contact-fixtures.ts";
import { buildTenant, signedInStaff, startTestApp, writeCounts, type ApiClient, type TestContext } from "../../test/harness.ts";
import { multipartFile } from "../../test/multipart.ts";
import { VoiceDirectory } from "../../voice/centre/voice-directory.ts";
import { decodeWav, encodeWav } from "../../voice/media/wav.ts";
import { digestHa1 } from "../../voice/registrar/digest.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.close();
});

async function supervisorOf() {
  const tenant = await buildTenant(ctx.db);
  return { tenant, client: (await signedInStaff(ctx, tenant, ["supervisor"])).client };
}

const SETTINGS: VoiceSettingsBody = {
  menu: {
    start: "language",
    defaultLocale: "kk",
    nodes: {
      language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru" }, next: "topics", timeoutSeconds: 5, retries: 1 },
      topics: { kind: "menu", prompt: "topics", choices: { "1": "operator", "3": "hours" }, timeoutSeconds: 5, retries: 1, onFailure: "operator" },
      hours: { kind: "info", prompt: "info:hours", next: "topics" },
      operator: { kind: "queue", prompt: null, queue: "general", topic: null },
    },
    prompts: { topics: { kk: "Операторға бірді басыңыз.", ru: "Оператор — один." } },
  },
  noticeIntervalSeconds: 90,
  waitingFree: false,
  shortAbandonSeconds: 8,
  recordCalls: true,
  recordingRetentionDays: 180,
  numbers: ["1414"],
  trunks: [{ name: "Kazakhtelecom", allowedSources: ["10.20.0.0/16", "192.0.2.7"], active: true }],
  outboundTrunk: "10.20.0.1:5060",
  outboundHours: { "1": ["09:00", "18:00"], "2": ["09:00", "18:00"], "3": ["09:00", "18:00"], "4": ["09:00", "18:00"], "5": ["09:00", "17:00"], "6": null, "7": null },
  agreedSchedule: ["08:00", "21:00"],
};

const put = (client: ApiClient, body: unknown) => client.request("PUT", "/api/v1/voice/settings", body);

describe("voice administration", () => {
  it("saves the menu, waiting rules, numbers and trunks, and the gateway's directory finds the number and the trunk", async () => {
    const { tenant, client } = await supervisorOf();
    const initial = await client.get("/api/v1/voice/settings");
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ noticeIntervalSeconds: 60, numbers: [], trunks: [] });

    const saved = await put(client, SETTINGS);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual(SETTINGS);
    const directory = await VoiceDirectory.open(ctx.db);
    try {
      const voice = directory.tenantForNumber("1414");
      expect(voice).toMatchObject({ tenantId: tenant.tenantId, noticeIntervalSeconds: 90, waitingFree: false, shortAbandonSeconds: 8 });
      expect(voice && directory.admits(voice, "10.20.5.6")).toBe(true);
      expect(voice && directory.admits(voice, "192.0.2.8")).toBe(false);
    } finally {
      directory.close();
    }
  });

  it("refuses a waiting notice more often than once a minute (R12.2) with the field, in the user's language (English here), writing nothing", async () => {
    const { client } = await supervisorOf();
    const before = await writeCounts(ctx.db);
    const refused = await put(client, { ...SETTINGS, numbers: ["1415"], noticeIntervalSeconds: 59 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ field: "noticeIntervalSeconds", code: "NOTICE_INTERVAL_TOO_SHORT", message: "The waiting notice may not repeat more often than once a minute (at least 60 seconds)." }]);
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it("points at the menu node whose choice leads nowhere, and refuses a number another body answers, writing nothing", async () => {
    const { client } = await supervisorOf();
    const broken = structuredClone(SETTINGS);
    broken.numbers = ["1416"];
    broken.menu.nodes.topics = { kind: "menu", prompt: "topics", choices: { "1": "nowhere" }, timeoutSeconds: 5, retries: 1, onFailure: "operator" };
    const refused = await put(client, broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toMatchObject([{ field: "menu.nodes.topics", code: "IVR_MENU_INVALID" }]);

    const other = await supervisorOf();
    expect((await put(other.client, { ...SETTINGS, numbers: ["1417"] })).status).toBe(200);
    const before = await writeCounts(ctx.db);
    const taken = await put(client, { ...SETTINGS, numbers: ["1417"] });
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields).toMatchObject([{ field: "numbers", code: "VOICE_NUMBER_TAKEN" }]);
    expect(await writeCounts(ctx.db)).toEqual(before);
  });

  it("creates an extension with its password kept only as the digest, assigns it to an operator, and moves it on", async () => {
    const { tenant, client } = await supervisorOf();
    const operator = await buildAgent(ctx.db, tenant.tenantId, { channels: { phone: 1 } });
    const noPassword = await client.request("PUT", "/api/v1/voice/extensions/3001", { userId: operator.id });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.error.fields).toMatchObject([{ field: "password", code: "FIELD_REQUIRED" }]);

    const created = await client.request("PUT", "/api/v1/voice/extensions/3001", { userId: operator.id, password: "phone-pass-1" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ extension: "3001", userId: operator.id });
    const row = await ctx.db.selectFrom("voice_extensions").selectAll().where("extension", "=", "3001").executeTakeFirstOrThrow();
    expect(row.ha1).toBe(digestHa1("3001", ctx.config.voice.realm, "phone-pass-1"));
    expect(JSON.stringify(row)).not.toContain("phone-pass-1");

    // One phone per operator: giving them another extension frees the first.
    expect((await client.request("PUT", "/api/v1/voice/extensions/3002", { userId: operator.id, password: "phone-pass-2" })).status).toBe(200);
    const listed = await client.get("/api/v1/voice/extensions");
    expect(listed.body.items).toEqual([
      { extension: "3001", userId: null, userName: null },
      { extension: "3002", userId: operator.id, userName: expect.any(String) },
    ]);
    const other = await supervisorOf();
    const foreign = await other.client.request("PUT", "/api/v1/voice/extensions/3001", { userId: null, password: "stolen-pass" });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toMatchObject([{ field: "extension", code: "VOICE_NUMBER_TAKEN" }]);
    expect((await client.request("DELETE", "/api/v1/voice/extensions/3001")).status).toBe(204);
  });

  it("takes a recorded prompt as WAV of any rate, keeps it as 8 kHz mono, plays it back, and refuses what is not WAV", async () => {
    const { client } = await supervisorOf();
    const samples = Int16Array.from({ length: 16_000 * 2 }, (_, i) => Math.round(5000 * Math.sin((2 * Math.PI * 440 * Math.floor(i / 2)) / 16_000)));
    const { payload, headers } = multipartFile("topics-kk.wav", encodeWav({ sampleRate: 16_000, channels: 2, samples }));
    const auth = { authorization: `Bearer ${client.token}` };
    const uploaded = await ctx.app.inject({ method: "PUT", url: "/api/v1/voice/prompts/topics/kk", headers: { ...headers, ...auth }, payload });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ key: "topics", locale: "kk", durationMs: 1000 });
    const played = await ctx.app.inject({ method: "GET", url: "/api/v1/voice/prompts/topics/kk", headers: auth });
    expect(played.headers["content-type"]).toBe("audio/wav");
    expect(decodeWav(played.rawPayload)).toMatchObject({ sampleRate: 8000, channels: 1 });

    const text = multipartFile("notes.txt", Buffer.from("not audio"));
    const refused = await ctx.app.inject({ method: "PUT", url: "/api/v1/voice/prompts/topics/ru", headers: { ...text.headers, ...auth }, payload: text.payload });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toMatchObject([{ field: "file", code: "PROMPT_NOT_WAV" }]);
    expect((await client.get("/api/v1/voice/prompts")).body.items).toHaveLength(1);
  });
});

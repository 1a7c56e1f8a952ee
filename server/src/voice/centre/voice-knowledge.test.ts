import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishArticle } from "../../modules/kb/kb-test-fixtures.ts";
import { buildQueue } from "../../test/contact-fixtures.ts";
import { buildTenant, signedInStaff, startTestApp, type TestContext } from "../../test/harness.ts";
import type { IvrMenu } from "../ivr/ivr-menu.ts";
import { knowledgeSpeech } from "../prompts/knowledge-text.ts";
import { runSipp, sippAvailable } from "../test/sipp.ts";
import { alawFile, startTestCentre, tone } from "../test/test-centre.ts";
import type { VoiceCentre } from "./voice-centre.ts";

/** Language (1 kk, 2 ru), then 3 reads the offices of an article from the knowledge base, then the queue. */
const MENU: IvrMenu = {
  start: "language",
  defaultLocale: "kk",
  nodes: {
    language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru" }, next: "topics", timeoutSeconds: 3, retries: 0 },
    topics: { kind: "menu", prompt: "topics", choices: { "3": "where" }, timeoutSeconds: 3, retries: 0, onFailure: "operator" },
    where: { kind: "info", prompt: "kb:passport:offices", next: "operator" },
    operator: { kind: "queue", prompt: null, queue: "general", topic: null },
  },
};

let ctx: TestContext;
let centre: VoiceCentre;
let spoken: string[];
let speech: { file: string; remove(): void };

beforeAll(async () => {
  ctx = await startTestApp();
  ({ centre, spoken } = await startTestCentre(ctx, { realm: "kb.test", rtpPorts: 20, rtpBand: [21_000, 23_000] }));
  speech = alawFile("kb-voice", tone(440, 1));
});
afterAll(async () => {
  await centre?.stop();
  await ctx?.close();
  speech.remove();
});

async function tenantWithOffice() {
  const tenant = await buildTenant(ctx.db);
  const editor = (await signedInStaff(ctx, tenant, ["knowledge_editor"])).client;
  const approver = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
  const office = await editor.post("/api/v1/kb/offices", {
    nameKk: "№1 ХҚКО",
    nameRu: "ЦОН № 1",
    nameEn: "PSC 1",
    addressKk: "Абай даңғылы, 10",
    addressRu: "проспект Абая, 10",
    addressEn: "10 Abay Ave",
    hours: [...[1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00", breakFrom: "13:00", breakTo: "14:00" })), { day: 6, open: "10:00", close: "14:00" }],
  });
  await publishArticle(editor, approver, { code: "passport", officeIds: [office.body.id], texts: { ru: { title: "Удостоверение личности", body: "Выдаётся в ЦОН.", facts: { fee: "Бесплатно", term: "10 рабочих дней", documents: ["Фото", "Заявление"] } } } });
  return { tenant, editor, approver };
}

describe("the voice menu reads the knowledge base (R12.3)", () => {
  it("speaks an article's description, documents and offices with their hours, in the nearest published language", async () => {
    const { tenant } = await tenantWithOffice();
    expect(await knowledgeSpeech(ctx.db, tenant.tenantId, "kb:passport", "ru")).toEqual({ text: "Удостоверение личности. Выдаётся в ЦОН. Стоимость: Бесплатно. Срок: 10 рабочих дней.", locale: "ru" });
    expect(await knowledgeSpeech(ctx.db, tenant.tenantId, "kb:passport:documents", "ru")).toEqual({ text: "Необходимые документы: Фото; Заявление.", locale: "ru" });
    // Not published in Kazakh: the Russian text is read in the Russian voice.
    expect(await knowledgeSpeech(ctx.db, tenant.tenantId, "kb:passport:offices", "kk")).toEqual({
      text: "ЦОН № 1. проспект Абая, 10. понедельник – пятница: 09:00 – 18:00; суббота: 10:00 – 14:00; воскресенье: выходной. перерыв: 13:00 – 14:00.",
      locale: "ru",
    });
    expect(await knowledgeSpeech(ctx.db, tenant.tenantId, "kb:nothing-here", "kk")).toEqual({ text: "Бұл ақпарат қазір қолжетімсіз.", locale: "kk" });
  });

  it("refuses a menu that reads an article citizens cannot see, with the node at fault", async () => {
    const { tenant } = await tenantWithOffice();
    const supervisor = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
    const settings = {
      menu: { ...MENU, nodes: { ...MENU.nodes, ghost: { kind: "info", prompt: "kb:no-such-article", next: "topics" } } },
      noticeIntervalSeconds: 60,
      waitingFree: true,
      shortAbandonSeconds: 5,
      recordCalls: true,
      recordingRetentionDays: 30,
      numbers: [],
      trunks: [],
      outboundTrunk: null,
      outboundHours: {},
      agreedSchedule: ["09:00", "18:00"],
    };
    const refused = await supervisor.request("PUT", "/api/v1/voice/settings", settings);
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error.fields).toEqual([{ field: "menu.nodes.ghost", code: "IVR_MENU_INVALID", message: expect.any(String) }]);
    // The published one is accepted.
    const fixed = { ...settings, menu: { ...settings.menu, nodes: { ...settings.menu.nodes, ghost: { kind: "info", prompt: "kb:passport", next: "topics" } } } };
    expect((await supervisor.request("PUT", "/api/v1/voice/settings", fixed)).status).toBe(200);
  });

  it.skipIf(!sippAvailable())("a caller who presses 3 hears the offices' addresses and hours from the knowledge base (SIPp)", async () => {
    const { tenant } = await tenantWithOffice();
    await buildQueue(ctx.db, tenant.tenantId, { channels: ["phone"] });
    await ctx.db.insertInto("voice_settings").values({ tenant_id: tenant.tenantId, menu: JSON.stringify(MENU) }).execute();
    await ctx.db.insertInto("voice_trunks").values({ tenant_id: tenant.tenantId, name: "loopback", allowed_sources: ["127.0.0.0/8"] }).execute();
    await ctx.db.insertInto("voice_entry_points").values({ number: "1414", tenant_id: tenant.tenantId }).execute();
    await centre.directory.reload();
    const caller = await runSipp("caller-queues.xml", centre.gateway.local, { service: "1414", keys: { first: "2", second: "3", audio: speech.file, talk_ms: "2500" }, timeoutSeconds: 15 });
    expect(caller.code, caller.output).toBe(0);
    expect(spoken).toContain("ЦОН № 1. проспект Абая, 10. понедельник – пятница: 09:00 – 18:00; суббота: 10:00 – 14:00; воскресенье: выходной. перерыв: 13:00 – 14:00.");
  });
});

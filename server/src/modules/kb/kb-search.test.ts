import type { SearchResultDto } from "@bailanys/common/api/kb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent, buildQueue, inboundChat } from "../../test/contact-fixtures.ts";
import { buildTenant, signIn, signedInStaff, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";
import { publishArticle } from "./kb-test-fixtures.ts";

let ctx: TestContext;
let tenant: TestTenant;
let editor: ApiClient;
let operator: ApiClient;

beforeAll(async () => {
  ctx = await startTestApp();
  tenant = await buildTenant(ctx.db);
  editor = (await signedInStaff(ctx, tenant, ["knowledge_editor"])).client;
  operator = (await signedInStaff(ctx, tenant, ["operator"])).client;
  const approver = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
  await publishArticle(editor, approver, {
    code: "pension",
    categoryId: tenant.categoryId,
    texts: {
      ru: { title: "Пенсионные выплаты по возрасту", body: "Пенсия назначается мужчинам с 63 лет, женщинам с 61 года. Заявление подаётся в отделение Госкорпорации." },
      kk: { title: "Жасына байланысты зейнетақы төлемдері", body: "Зейнетақы ерлерге 63 жастан, әйелдерге 61 жастан тағайындалады. Өтініш Мемлекеттік корпорацияның бөліміне беріледі." },
    },
  });
  await publishArticle(editor, approver, {
    code: "passport",
    texts: { ru: { title: "Получение удостоверения личности", body: "Документы принимают в ЦОН. Срок изготовления — 10 рабочих дней." } },
  });
  await publishArticle(editor, approver, {
    code: "housing-aid",
    texts: { kk: { title: "Тұрғын үй көмегі", body: "Үй көмегі аз қамтылған отбасыларға тұрғын үйді ұстауға беріледі. Оны отбасы ала алады." } },
  });
  await publishArticle(editor, approver, {
    code: "internal-script",
    audience: "internal",
    texts: { ru: { title: "Скрипт: жалоба на пенсию", body: "Уточните номер обращения. Пенсия пересчитывается по заявлению." } },
  });
});
afterAll(async () => {
  await ctx.close();
});

async function codes(client: ApiClient, query: string, extra = ""): Promise<string[]> {
  const response = await client.get(`/api/v1/kb/search?q=${encodeURIComponent(query)}${extra}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as SearchResultDto).items.map((hit) => hit.code);
}

async function publicCodes(query: string, lang = "ru"): Promise<SearchResultDto> {
  const response = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/search?tenant=${tenant.code}&lang=${lang}&q=${encodeURIComponent(query)}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SearchResultDto;
}

describe("knowledge search", () => {
  it("finds Russian word forms of each other (PostgreSQL's Russian stemming)", async () => {
    expect(await codes(operator, "пенсиях")).toContain("pension");
    expect(await codes(operator, "пенсионных выплат")).toEqual(["pension"]);
    expect(await codes(operator, "удостоверением")).toEqual(["passport"]);
  });

  it("finds Kazakh word forms of each other (our stemmer), preferring the reader's language", async () => {
    const response = await operator.get(`/api/v1/kb/search?q=${encodeURIComponent("зейнетақыны")}&lang=kk`);
    const hit = (response.body as SearchResultDto).items[0];
    expect(hit).toMatchObject({ code: "pension", locale: "kk" });
    // The match is marked in the snippet, on the inflected form the text has.
    const marked = hit ? hit.ranges.map(([start, end]) => hit.snippet.slice(start, end).toLowerCase()) : [];
    expect(marked).toContain("зейнетақы");
    expect(await codes(operator, "төлемдерін", "&lang=kk")).toEqual(["pension"]);
  });

  it("corrects typos to words the texts have and says so", async () => {
    const response = await operator.get(`/api/v1/kb/search?q=${encodeURIComponent("пенсея")}`);
    const result = response.body as SearchResultDto;
    expect(result.items.map((hit) => hit.code)).toContain("pension");
    expect(result.corrections[0]).toMatchObject({ from: "пенсея" });
    // A known word is not "corrected".
    expect((await operator.get(`/api/v1/kb/search?q=${encodeURIComponent("пенсии")}`)).body.corrections).toEqual([]);
  });

  it("reads Kazakh typed without Kazakh letters (a Russian keyboard) as the Kazakh words it folds from", async () => {
    const response = await operator.get(`/api/v1/kb/search?q=${encodeURIComponent("айелдерге зейнетакы")}&lang=kk`);
    const result = response.body as SearchResultDto;
    expect(result.items[0]).toMatchObject({ code: "pension", locale: "kk" });
    expect(result.corrections).toEqual([
      { from: "айелдерге", to: "әйелдерге" },
      { from: "зейнетакы", to: "зейнетақы" },
    ]);
    // Short words and words that merely look like others too, on the citizens' portal as well.
    const housing = await publicCodes("уй комеги", "kk");
    expect(housing.items.map((hit) => hit.code)).toEqual(["housing-aid"]);
    expect(housing.corrections).toEqual([
      { from: "уй", to: "үй" },
      { from: "комеги", to: "көмегі" },
    ]);
  });

  it("leaves out a word that no text has and nothing is near, instead of taking articles with any word", async () => {
    // All the other words must still match: the internal script has "пенсия" but not "госкорпорации".
    expect(await codes(operator, "пенсия госкорпорации щщъхю")).toEqual(["pension"]);
    const result = (await operator.get(`/api/v1/kb/search?q=${encodeURIComponent("пенсия щщъхю")}`)).body as SearchResultDto;
    expect(result.items.map((hit) => hit.code).sort()).toEqual(["internal-script", "pension"]);
    expect(result.corrections).toEqual([]);
    // "алу" is no text's word: that the Russian stemmer cuts it to "ал", as it cuts the Kazakh text's "ала", does
    // not make it one.
    expect(await codes(operator, "пенсия госкорпорации алу")).toEqual(["pension"]);
  });

  it("uses the synonyms editors define", async () => {
    expect(await codes(operator, "паспорт")).toEqual([]);
    expect((await operator.post("/api/v1/kb/synonyms", { terms: ["паспорт", "удостоверение личности"] })).status).toBe(403);
    expect((await editor.post("/api/v1/kb/synonyms", { terms: ["паспорт", "удостоверение личности"] })).status).toBe(201);
    expect(await codes(operator, "паспорт")).toEqual(["passport"]);
  });

  it("shows citizens public articles only; operators see internal ones too", async () => {
    expect(await codes(operator, "пенсия")).toEqual(expect.arrayContaining(["pension", "internal-script"]));
    const pub = await publicCodes("пенсия");
    expect(pub.items.map((hit) => hit.code)).toEqual(["pension"]);
    const internal = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/articles/internal-script?tenant=${tenant.code}` });
    expect(internal.statusCode).toBe(404);
    const article = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/articles/pension?tenant=${tenant.code}&lang=kk` });
    expect(article.json()).toMatchObject({ locale: "kk", availableLocales: expect.arrayContaining(["kk", "ru"]) });
    // A typo is corrected to a word only an internal text has for staff, never for a citizen, who would see it.
    const staffFix = (await operator.get(`/api/v1/kb/search?q=${encodeURIComponent("пересчитываеться")}`)).body as SearchResultDto;
    expect(staffFix.corrections).toEqual([{ from: "пересчитываеться", to: "пересчитывается" }]);
    expect(staffFix.items.map((hit) => hit.code)).toEqual(["internal-script"]);
    const citizenFix = await publicCodes("пересчитываеться");
    expect(citizenFix.corrections).toEqual([]);
    expect(citizenFix.items).toEqual([]);
  });

  it("shows the portal's topics and its most used public answers first, then the newest", async () => {
    const home = async () => (await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/home?tenant=${tenant.code}&lang=ru` })).json() as { categories: { id: string; articles: number }[]; popular: { code: string }[] };
    expect((await home()).categories).toEqual([expect.objectContaining({ id: tenant.categoryId, articles: 1 })]);
    expect((await home()).popular.map((p) => p.code).sort()).toEqual(["housing-aid", "passport", "pension"]);
    await operator.get("/api/v1/kb/read/passport?lang=ru");
    await operator.get("/api/v1/kb/read/internal-script?lang=ru");
    // Used: passport first; the internal script, however much it is read, is not the portal's.
    expect((await home()).popular.map((p) => p.code)[0]).toBe("passport");
    await operator.get("/api/v1/kb/read/pension?lang=ru");
    await operator.get("/api/v1/kb/read/pension?lang=ru");
    expect((await home()).popular.map((p) => p.code).slice(0, 2)).toEqual(["pension", "passport"]);
  });

  it("lists a topic's public articles on the portal when the citizen browses it without words", async () => {
    const browse = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/search?tenant=${tenant.code}&lang=ru&q=&categoryId=${tenant.categoryId}` });
    expect(browse.json().items.map((hit: { code: string }) => hit.code)).toEqual(["pension"]);
    const nothing = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/search?tenant=${tenant.code}&lang=ru&q=` });
    expect(nothing.json().error.fields[0]).toMatchObject({ field: "q", code: "FIELD_REQUIRED" });
  });

  it("falls back to titles that look like the query, and to any word when not all match", async () => {
    expect(await codes(operator, "удостоверене личнсти")).toContain("passport");
    expect(await codes(operator, "пенсия марсианам")).toContain("pension");
  });

  it("lists searches that found nothing, and searches in a contact that ended in a transfer, as gaps (R10); personal data masked", async () => {
    await publicCodes("субсидия на жильё 870112345678");
    await publicCodes("субсидия на жильё");
    await buildQueue(ctx.db, tenant.tenantId);
    const agent = await buildAgent(ctx.db, tenant.tenantId);
    const chat = await inboundChat({ db: ctx.db, bus: ctx.bus }, tenant.tenantId, { firstMessage: "Как получить паспорт?" });
    const agentClient = await signIn(ctx.app, agent);
    const offer = (await agentClient.get("/api/v1/agent/me")).body.offers[0] as { id: string };
    await agentClient.post(`/api/v1/offers/${offer.id}/accept`);
    await agentClient.get(`/api/v1/kb/search?q=${encodeURIComponent("загранпаспорт срочно")}&contactId=${chat.contactId}`);
    await ctx.db.updateTable("contacts").set({ transferred_at: new Date() }).where("id", "=", chat.contactId).execute();

    expect((await operator.get("/api/v1/kb/gaps")).status).toBe(403);
    const gaps = (await editor.get("/api/v1/kb/gaps")).body.items as { query: string; searches: number; empty: number; escalated: number }[];
    expect(gaps).toEqual(
      expect.arrayContaining([
        // The masked number is no part of the query's meaning: both searches are one gap.
        expect.objectContaining({ query: "субсидия на жилье", searches: 2, empty: 2 }),
        expect.objectContaining({ query: "загранпаспорт срочно", escalated: 1 }),
      ]),
    );
    const stored = await ctx.db.selectFrom("kb_searches").select("query").where("tenant_id", "=", tenant.tenantId).execute();
    expect(stored.map((row) => row.query).join(" ")).not.toMatch(/\d{6}/);
  });

  it("suggests articles for a conversation, sends one to the citizen and counts its use", async () => {
    const own = await buildTenant(ctx.db);
    const ownEditor = (await signedInStaff(ctx, own, ["knowledge_editor"])).client;
    const ownApprover = (await signedInStaff(ctx, own, ["supervisor"])).client;
    const office = await ownEditor.post("/api/v1/kb/offices", {
      nameKk: "ХҚКО №1",
      nameRu: "ЦОН №1",
      nameEn: "PSC No. 1",
      addressKk: "Абай даңғылы, 10",
      addressRu: "проспект Абая, 10",
      addressEn: "10 Abay Avenue",
      hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00", breakFrom: "13:00", breakTo: "14:00" })),
      latitude: 43.238,
      longitude: 76.945,
    });
    expect(office.status).toBe(201);
    const article = await publishArticle(ownEditor, ownApprover, {
      code: "housing-subsidy",
      categoryId: own.categoryId,
      officeIds: [office.body.id],
      texts: { ru: { title: "Жилищная помощь", body: "Назначается малообеспеченным семьям.", facts: { documents: ["Удостоверение личности", "Справка о доходах"], term: "10 рабочих дней" } } },
    });
    await buildQueue(ctx.db, own.tenantId);
    const agent = await buildAgent(ctx.db, own.tenantId);
    const chat = await inboundChat({ db: ctx.db, bus: ctx.bus }, own.tenantId, { firstMessage: "Положена ли мне жилищная помощь?" });
    const client = await signIn(ctx.app, agent);
    const offer = (await client.get("/api/v1/agent/me")).body.offers[0] as { id: string };
    await client.post(`/api/v1/offers/${offer.id}/accept`);

    const suggestions = await client.get(`/api/v1/kb/suggestions?contactId=${chat.contactId}`);
    expect(suggestions.body.items.map((hit: { code: string }) => hit.code)).toEqual(["housing-subsidy"]);

    const sent = await client.post(`/api/v1/contacts/${chat.contactId}/kb-send`, { articleId: article.id, locale: "ru", fact: "documents" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const offices = await client.post(`/api/v1/contacts/${chat.contactId}/kb-send`, { articleId: article.id, locale: "ru", fact: "offices" });
    expect(offices.status).toBe(200);
    const log = (await client.get(`/api/v1/contacts/${chat.contactId}/log?since=0`)).body.entries as { kind: string; author: string; body: string | null }[];
    const messages = log.filter((entry) => entry.kind === "message" && entry.author === "agent").map((entry) => entry.body ?? "");
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain("— Справка о доходах");
    // An absolute link (the address the operator reached us at, without BAILANYS_PUBLIC_URL): chats, e-mail and messengers open it.
    expect(messages[0]).toMatch(new RegExp(`https?://[^/\\s]+/kb/housing-subsidy\\?tenant=${own.code}&lang=ru`));
    expect(messages[1]).toContain("проспект Абая, 10");
    expect(messages[1]).toContain("Пн–Пт 09:00–18:00, перерыв 13:00–14:00");

    expect((await client.post(`/api/v1/kb/articles/${article.id}/use`, { kind: "answered", locale: "ru", contactId: chat.contactId })).status).toBe(204);
    expect((await client.post(`/api/v1/kb/articles/${article.id}/use`, { kind: "answered", locale: "ru", contactId: chat.contactId })).status).toBe(204);
    const stats = (await ownEditor.get("/api/v1/kb/stats")).body.items as { articleId: string; sent: number; answered: number }[];
    expect(stats.find((s) => s.articleId === article.id)).toMatchObject({ sent: 2, answered: 1 });

    // An internal article is never sent to a citizen.
    const internal = await publishArticle(ownEditor, ownApprover, { code: "internal-only", audience: "internal", texts: { ru: { title: "Для операторов", body: "Внутреннее." } } });
    const refused = await client.post(`/api/v1/contacts/${chat.contactId}/kb-send`, { articleId: internal.id, locale: "ru" });
    expect(refused.body.error.fields[0]).toMatchObject({ field: "articleId", code: "FIELD_INVALID" });
  });
});

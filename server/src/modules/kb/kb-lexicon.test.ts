import type { ArticleDto, VersionDto } from "@bailanys/common/api/kb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, signedInStaff, startTestApp, type ApiClient, type TestContext, type TestTenant } from "../../test/harness.ts";
import { markLexiconStale, rebuildStaleLexicons } from "./kb-lexicon.ts";
import { publishArticle, SOURCE } from "./kb-test-fixtures.ts";

let ctx: TestContext;
let tenant: TestTenant;
let editor: ApiClient;
let approver: ApiClient;

beforeAll(async () => {
  ctx = await startTestApp();
  tenant = await buildTenant(ctx.db);
  editor = (await signedInStaff(ctx, tenant, ["knowledge_editor"])).client;
  approver = (await signedInStaff(ctx, tenant, ["supervisor"])).client;
});
afterAll(async () => {
  await ctx.close();
});

const lexicon = async (words: string[]) =>
  ctx.db.selectFrom("kb_lexicon").select(["word", "in_kk", "in_other", "in_public"]).where("tenant_id", "=", tenant.tenantId).where("word", "in", words).orderBy("word").execute();

const staleSince = async () => (await ctx.db.selectFrom("kb_lexicon_state").select("stale_since").where("tenant_id", "=", tenant.tenantId).executeTakeFirst())?.stale_since ?? null;

/** Publishes a new version of the article's Russian text with `body`. */
async function republish(article: ArticleDto, body: string): Promise<void> {
  const saved = await editor.request("PUT", `/api/v1/kb/articles/${article.id}/translations/ru/draft`, { title: "Субсидия на отопление", body, ...SOURCE, validFrom: "2026-01-01", reviewBy: "2027-12-31" });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const id = (saved.body as VersionDto).id;
  expect((await editor.post(`/api/v1/kb/versions/${id}/submit`)).status).toBe(200);
  expect((await approver.post(`/api/v1/kb/versions/${id}/approve`, {})).status).toBe(200);
}

describe("the typo check's lexicon", () => {
  it("forgets the words of superseded versions and archived articles once the worker rebuilds it, and gives old words their languages and audience", async () => {
    const heating = await publishArticle(editor, approver, { code: "heating", texts: { ru: { title: "Субсидия на отопление", body: "Выплачивается зимой по заявлению." } } });
    const archived = await publishArticle(editor, approver, { code: "old-rule", texts: { kk: { title: "Ескі ереже", body: "Бұрынғы тәртіп." } } });
    await publishArticle(editor, approver, { code: "script", audience: "internal", texts: { ru: { title: "Скрипт оператора", body: "Отопление уточнить конфиденциально." } } });
    // A word known from before the lexicon kept languages counts as both (migration 202612070002).
    await ctx.db.insertInto("kb_lexicon").values({ tenant_id: tenant.tenantId, word: "заявлению", ru_stem: "заявлен", kk_stem: "заявлению", in_kk: true, in_other: true, in_public: true }).onConflict((oc) => oc.columns(["tenant_id", "word"]).doUpdateSet({ in_kk: true })).execute();
    expect(await staleSince()).toBeNull();

    await republish(heating, "Выплачивается по заявлению.");
    expect((await ctx.db.selectFrom("kb_versions").select("state").where("article_id", "=", heating.id).orderBy("created_at").execute()).map((v) => v.state)).toEqual(["superseded", "published"]);
    expect((await approver.post(`/api/v1/kb/articles/${archived.id}/archive`)).status).toBe(200);
    expect(await staleSince()).not.toBeNull();
    // Until the rebuild the lexicon only grew.
    expect((await lexicon(["зимой", "ереже"])).map((w) => w.word)).toEqual(["ереже", "зимой"]);

    expect(await rebuildStaleLexicons(ctx.db)).toBeGreaterThanOrEqual(1);
    expect(await lexicon(["зимой", "ереже", "заявлению", "отопление", "конфиденциально"])).toEqual([
      { word: "заявлению", in_kk: false, in_other: true, in_public: true },
      { word: "конфиденциально", in_kk: false, in_other: true, in_public: false },
      { word: "отопление", in_kk: false, in_other: true, in_public: true },
    ]);
    expect(await staleSince()).toBeNull();
    // Nothing is stale any more: the next run rebuilds nothing of this tenant.
    const before = await ctx.db.selectFrom("kb_lexicon_state").select("rebuilt_at").where("tenant_id", "=", tenant.tenantId).executeTakeFirstOrThrow();
    await rebuildStaleLexicons(ctx.db);
    expect(await ctx.db.selectFrom("kb_lexicon_state").select("rebuilt_at").where("tenant_id", "=", tenant.tenantId).executeTakeFirstOrThrow()).toEqual(before);

    // A public article made internal: its words may be in no public text any more.
    const internal = await editor.request("PUT", `/api/v1/kb/articles/${heating.id}`, { audience: "internal" });
    expect(internal.status, JSON.stringify(internal.body)).toBe(200);
    expect(await staleSince()).not.toBeNull();
    await rebuildStaleLexicons(ctx.db);
    expect(await lexicon(["отопление"])).toEqual([{ word: "отопление", in_kk: false, in_other: true, in_public: false }]);
  });

  it("keeps the words of a version published while the rebuild gathered, and leaves the tenant stale for a change made meanwhile", async () => {
    const notice = await publishArticle(editor, approver, { code: "notice", texts: { ru: { title: "Субсидия на отопление", body: "Подаётся весной." } } });
    await publishArticle(editor, approver, { code: "memo", audience: "internal", texts: { ru: { title: "Памятка", body: "Льготники уведомляются." } } });
    await rebuildStaleLexicons(ctx.db);
    expect(await lexicon(["льготники"])).toEqual([{ word: "льготники", in_kk: false, in_other: true, in_public: false }]);

    // The gathering has read the texts; before the swap a public text with a new word and an internal word commits,
    // and another version replaces one the gathering read.
    let published = false;
    await markLexiconStale(ctx.db, tenant.tenantId);
    await rebuildStaleLexicons(ctx.db, {
      afterGathering: async () => {
        if (published) {
          return;
        }
        published = true;
        await publishArticle(editor, approver, { code: "late", texts: { ru: { title: "Льготники и многодетные", body: "Новый порядок подачи." } } });
        await republish(notice, "Подаётся осенью.");
      },
    });
    expect(published).toBe(true);
    expect(await lexicon(["льготники", "многодетные"])).toEqual([
      { word: "льготники", in_kk: false, in_other: true, in_public: true },
      { word: "многодетные", in_kk: false, in_other: true, in_public: true },
    ]);
    // The superseded text's "весной" was read by the gathering: the tenant stays stale, and the next run forgets it.
    expect(await staleSince()).not.toBeNull();
    expect((await lexicon(["весной"])).map((w) => w.word)).toEqual(["весной"]);
    await rebuildStaleLexicons(ctx.db);
    expect(await lexicon(["весной", "осенью"])).toEqual([{ word: "осенью", in_kk: false, in_other: true, in_public: true }]);
    expect(await staleSince()).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestContext } from "../test/harness.ts";
import { DEMO_TENANT_CODE, seedDemo } from "./demo-seed.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp();
  await seedDemo(ctx.db, "demo-password-123", 1024);
});
afterAll(async () => {
  await ctx.close();
});

describe("the demo knowledge base", () => {
  it("answers a citizen's search on the portal in Kazakh and Russian, with offices and their hours", async () => {
    const search = async (q: string, lang: string) =>
      (await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/search?tenant=${DEMO_TENANT_CODE}&lang=${lang}&q=${encodeURIComponent(q)}` })).json() as { items: { code: string; locale: string }[] };
    expect((await search("жилищную помощь", "ru")).items[0]).toMatchObject({ code: "housing-aid", locale: "ru" });
    expect((await search("зейнетақыны", "kk")).items[0]).toMatchObject({ code: "pension-age", locale: "kk" });
    // Synonyms: a Russian word finds the Kazakh text too.
    expect((await search("пенсия", "kk")).items.map((hit) => hit.code)).toContain("pension-age");
    // Kazakh typed on a Russian keyboard: «үй көмегі» as "уй комеги".
    expect((await search("уй комеги", "kk")).items[0]).toMatchObject({ code: "housing-aid", locale: "kk" });
    // The operators' script is not public.
    expect((await search("скрипт жалоба", "ru")).items).toEqual([]);
    const article = (await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/articles/reception-hours?tenant=${DEMO_TENANT_CODE}&lang=kk` })).json();
    expect(article.offices).toHaveLength(2);
    expect(article.sourceTitle).not.toBe("");
  });
});

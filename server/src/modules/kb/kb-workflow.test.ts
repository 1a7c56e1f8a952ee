import type { ArticleDto, VersionDiffDto } from "@bailanys/common/api/kb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, signedInStaff, startTestApp, type TestContext, type TestTenant } from "../../test/harness.ts";
import { openSocket } from "../../test/ws-client.ts";
import { remindStaleArticles } from "./kb-review-reminders.ts";
import { SOURCE, publishArticle } from "./kb-test-fixtures.ts";
import { publishScheduledVersions } from "./kb-version.service.ts";

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await startTestApp();
  tenant = await buildTenant(ctx.db);
});
afterAll(async () => {
  await ctx.close();
});

const draft = { title: "Пенсия по возрасту", body: "Назначается мужчинам с 63 лет.\n\n| Кто | С какого возраста |\n|---|---|\n| мужчины | 63 |", validFrom: "2026-01-01", reviewBy: "2027-06-30" };

describe("the article workflow (R22)", () => {
  it("goes draft → review → published, needs an official source, and nobody approves their own version", async () => {
    const editor = await signedInStaff(ctx, tenant, ["knowledge_editor"]);
    const approver = await signedInStaff(ctx, tenant, ["knowledge_editor"]);
    const operator = await signedInStaff(ctx, tenant, ["operator"]);

    const created = await editor.client.post("/api/v1/kb/articles", { code: "pension-age", audience: "public", categoryId: tenant.categoryId, locale: "ru", draft });
    expect(created.status).toBe(201);
    const article = created.body as ArticleDto;
    expect(article.translations).toEqual([{ locale: "ru", title: draft.title, published: null, open: { id: expect.any(String), number: 1, state: "draft", validFrom: "2026-01-01" } }]);
    const versionId = article.versions[0]?.id ?? "";

    // R22.5: without its official source a draft stays a draft; the answer names both fields.
    const noSource = await editor.client.post(`/api/v1/kb/versions/${versionId}/submit`);
    expect(noSource.status).toBe(400);
    expect(noSource.body.error.fields).toEqual([
      { field: "sourceTitle", code: "KB_SOURCE_REQUIRED", message: expect.any(String) },
      { field: "sourceReference", code: "KB_SOURCE_REQUIRED", message: expect.any(String) },
    ]);
    expect((await editor.client.request("PUT", `/api/v1/kb/articles/${article.id}/translations/ru/draft`, { ...draft, ...SOURCE })).status).toBe(200);

    // An operator reads the knowledge base but writes and publishes nothing.
    expect((await operator.client.post("/api/v1/kb/articles", { code: "x", audience: "public", locale: "ru", draft })).status).toBe(403);
    expect((await operator.client.post(`/api/v1/kb/versions/${versionId}/submit`)).status).toBe(403);

    const submitted = await editor.client.post(`/api/v1/kb/versions/${versionId}/submit`);
    expect(submitted.body.state).toBe("review");
    // Frozen under review: the author cannot edit it in place.
    expect((await editor.client.request("PUT", `/api/v1/kb/articles/${article.id}/translations/ru/draft`, { ...draft, ...SOURCE })).body.error.code).toBe("KB_VERSION_STATE");
    expect((await operator.client.post(`/api/v1/kb/versions/${versionId}/approve`, {})).status).toBe(403);
    const own = await editor.client.post(`/api/v1/kb/versions/${versionId}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe("KB_OWN_VERSION");
    // Not published yet: the operator cannot read it.
    expect((await operator.client.get(`/api/v1/kb/read/pension-age?lang=ru`)).status).toBe(404);

    const published = await approver.client.post(`/api/v1/kb/versions/${versionId}/approve`, { comment: "Сверено с кодексом" });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: "published", reviewer: { id: approver.id }, reviewComment: "Сверено с кодексом" });

    const read = await operator.client.get(`/api/v1/kb/read/pension-age?lang=kk`);
    expect(read.status).toBe(200);
    // Not translated into Kazakh yet: the Russian text is shown and the reader is told which languages exist.
    expect(read.body).toMatchObject({ locale: "ru", availableLocales: ["ru"], title: draft.title, sourceTitle: SOURCE.sourceTitle, version: 1 });

    const audit = await ctx.db.selectFrom("audit_log").select("action").where("tenant_id", "=", tenant.tenantId).where("action", "like", "kb.%").execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["kb.article.create", "kb.version.submit", "kb.version.publish"]));
  });

  it("keeps every version with a readable diff, and a new version supersedes the published one", async () => {
    const editor = await signedInStaff(ctx, tenant, ["knowledge_editor"]);
    const approver = await signedInStaff(ctx, tenant, ["supervisor"]);
    const article = await publishArticle(editor.client, approver.client, { code: "child-benefit", texts: { ru: { title: "Пособие на ребёнка", body: "Выплачивается ежемесячно до одного года." } } });
    const first = article.versions[0] as { id: string };

    const second = await editor.client.request("PUT", `/api/v1/kb/articles/${article.id}/translations/ru/draft`, {
      title: "Пособие по уходу за ребёнком",
      body: "Выплачивается ежемесячно до полутора лет.",
      ...SOURCE,
      reviewBy: "2027-12-31",
      changeNote: "Срок продлён",
    });
    expect(second.body).toMatchObject({ number: 2, state: "draft" });
    const diff = (await editor.client.get(`/api/v1/kb/versions/${second.body.id}/diff?from=${first.id}`)).body as VersionDiffDto;
    expect(diff.body).toEqual(
      expect.arrayContaining([
        { kind: "removed", text: expect.stringContaining("одного года") },
        { kind: "added", text: expect.stringContaining("полутора лет") },
      ]),
    );
    expect(diff.title.filter((part) => part.kind === "added").map((part) => part.text).join("")).toContain("по уходу за");

    // Until the new version is approved, readers see the first one.
    expect((await editor.client.get(`/api/v1/kb/read/child-benefit?lang=ru`)).body.version).toBe(1);
    await editor.client.post(`/api/v1/kb/versions/${second.body.id}/submit`);
    const rejected = await approver.client.post(`/api/v1/kb/versions/${second.body.id}/reject`, {});
    expect(rejected.body.error.fields[0]).toMatchObject({ field: "comment", code: "FIELD_REQUIRED" });
    expect((await approver.client.post(`/api/v1/kb/versions/${second.body.id}/reject`, { comment: "Нет ссылки на приказ" })).body.state).toBe("rejected");
    const third = await editor.client.request("PUT", `/api/v1/kb/articles/${article.id}/translations/ru/draft`, { title: "Пособие по уходу за ребёнком", body: "До полутора лет.", ...SOURCE, reviewBy: "2027-12-31" });
    expect(third.body.number).toBe(3);
    await editor.client.post(`/api/v1/kb/versions/${third.body.id}/submit`);
    await approver.client.post(`/api/v1/kb/versions/${third.body.id}/approve`, {});

    const versions = ((await editor.client.get(`/api/v1/kb/articles/${article.id}`)).body as ArticleDto).versions;
    expect(versions.map((v) => [v.number, v.state])).toEqual([
      [3, "published"],
      [2, "rejected"],
      [1, "superseded"],
    ]);
    expect((await editor.client.get(`/api/v1/kb/read/child-benefit?lang=ru`)).body).toMatchObject({ version: 3, body: "До полутора лет." });
  });

  it("refuses contradictory dates and unknown references with the field at fault, writing nothing", async () => {
    const editor = await signedInStaff(ctx, tenant, ["knowledge_editor"]);
    const before = await ctx.db.selectFrom("kb_articles").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const dates = await editor.client.post("/api/v1/kb/articles", { code: "dates", audience: "public", locale: "ru", draft: { ...draft, validFrom: "2027-01-01", reviewBy: "2026-01-01" } });
    expect(dates.body.error.fields).toEqual([{ field: "reviewBy", code: "FIELD_OUT_OF_RANGE", message: expect.any(String) }]);
    const category = await editor.client.post("/api/v1/kb/articles", { code: "cat", audience: "public", categoryId: "00000000-0000-4000-8000-000000000000", locale: "ru", draft });
    expect(category.body.error.fields[0]).toMatchObject({ field: "categoryId", code: "REFERENCE_UNKNOWN" });
    const office = await editor.client.post("/api/v1/kb/articles", { code: "office", audience: "public", officeIds: ["00000000-0000-4000-8000-000000000000"], locale: "ru", draft });
    expect(office.body.error.fields[0]).toMatchObject({ field: "officeIds", code: "REFERENCE_UNKNOWN" });
    const after = await ctx.db.selectFrom("kb_articles").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await editor.client.post("/api/v1/kb/articles", { code: "taken", audience: "public", locale: "ru", draft });
    const taken = await editor.client.post("/api/v1/kb/articles", { code: "taken", audience: "public", locale: "ru", draft });
    expect(taken.body.error.fields[0]).toMatchObject({ field: "code", code: "KB_CODE_TAKEN" });
    // Messages come in the reader's language.
    const kk = await editor.client.request("POST", "/api/v1/kb/articles?lang=kk", { code: "taken", audience: "public", locale: "ru", draft });
    expect(kk.body.error.fields[0].message).toBe("Мұндай коды бар мақала бұрыннан бар.");
  });

  it("holds an approved version back until its valid-from date: the rule in force is read until the worker publishes it", async () => {
    const own = await buildTenant(ctx.db);
    const editor = await signedInStaff(ctx, own, ["knowledge_editor"]);
    const approver = await signedInStaff(ctx, own, ["supervisor"]);
    const article = await publishArticle(editor.client, approver.client, { code: "fee", texts: { ru: { title: "Пошлина 2026", body: "Размер пошлины — 1 МРП." } } });
    const inForce = (await editor.client.get(`/api/v1/kb/read/fee?lang=ru`)).body as { title: string };
    expect(inForce.title).toBe("Пошлина 2026");

    const next = await editor.client.request("PUT", `/api/v1/kb/articles/${article.id}/translations/ru/draft`, { title: "Пошлина 2027", body: "Размер пошлины — 2 МРП.", ...SOURCE, validFrom: "2027-01-01", reviewBy: "2027-12-31" });
    const nextId = (next.body as { id: string }).id;
    expect((await editor.client.post(`/api/v1/kb/versions/${nextId}/submit`)).status).toBe(200);
    const approved = await approver.client.post(`/api/v1/kb/versions/${nextId}/approve`, {});
    expect(approved.body).toMatchObject({ state: "scheduled", reviewer: { id: approver.id }, publishedAt: null });
    const listed = (await editor.client.get(`/api/v1/kb/articles/${article.id}`)).body as ArticleDto;
    expect(listed.translations[0]).toMatchObject({ published: { number: 1 }, open: { id: nextId, state: "scheduled", validFrom: "2027-01-01" } });
    const scheduledList = await editor.client.get("/api/v1/kb/articles?state=scheduled");
    expect(scheduledList.body.items.map((item: { code: string }) => item.code)).toEqual(["fee"]);
    // Until then the current version is what everyone reads and finds, and the scheduled one is frozen.
    expect(((await editor.client.get(`/api/v1/kb/read/fee?lang=ru`)).body as { title: string }).title).toBe("Пошлина 2026");
    const edit = await editor.client.request("PUT", `/api/v1/kb/articles/${article.id}/translations/ru/draft`, { title: "Пошлина 2027!", body: "—", ...SOURCE, validFrom: "2027-01-01", reviewBy: "2027-12-31" });
    expect(edit.body.error.code).toBe("KB_VERSION_STATE");

    expect(await publishScheduledVersions(ctx, new Date("2026-12-31T18:00:00Z"))).toBe(0);
    // 1 January 2027 has begun in Almaty (UTC+5) at 19:00 UTC on 31 December.
    expect(await publishScheduledVersions(ctx, new Date("2026-12-31T19:30:00Z"))).toBe(1);
    expect(((await editor.client.get(`/api/v1/kb/read/fee?lang=ru`)).body as { title: string }).title).toBe("Пошлина 2027");
    const versions = await ctx.db.selectFrom("kb_versions").select(["number", "state"]).where("article_id", "=", article.id).orderBy("number").execute();
    expect(versions).toEqual([
      { number: 1, state: "superseded" },
      { number: 2, state: "published" },
    ]);
    const audit = await ctx.db.selectFrom("audit_log").select(["action", "actor_kind"]).where("entity_id", "=", nextId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["kb.version.schedule", "kb.version.publish"]));
    expect(audit.find((a) => a.action === "kb.version.publish")?.actor_kind).toBe("system");
  });

  it("takes a scheduled version back as a draft, to be approved again", async () => {
    const own = await buildTenant(ctx.db);
    const editor = await signedInStaff(ctx, own, ["knowledge_editor"]);
    const approver = await signedInStaff(ctx, own, ["supervisor"]);
    const created = await editor.client.post("/api/v1/kb/articles", { code: "later", audience: "public", locale: "ru", draft: { ...draft, ...SOURCE, validFrom: "2030-01-01", reviewBy: "2030-06-30" } });
    const versionId = (created.body as ArticleDto).versions[0]?.id ?? "";
    await editor.client.post(`/api/v1/kb/versions/${versionId}/submit`);
    expect((await approver.client.post(`/api/v1/kb/versions/${versionId}/approve`, {})).body.state).toBe("scheduled");
    const back = await editor.client.post(`/api/v1/kb/versions/${versionId}/withdraw`);
    expect(back.body).toMatchObject({ state: "draft", reviewer: null });
    expect(await publishScheduledVersions(ctx, new Date("2030-02-01T12:00:00Z"))).toBe(0);
  });

  it("reminds the editors once before an article's review date, not for the ones far from it", async () => {
    const own = await buildTenant(ctx.db);
    const editor = await signedInStaff(ctx, own, ["knowledge_editor"]);
    const approver = await signedInStaff(ctx, own, ["supervisor"]);
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await publishArticle(editor.client, approver.client, { code: "soon-stale", reviewBy: soon, texts: { ru: { title: "Скоро устареет", body: "Текст." } } });
    await publishArticle(editor.client, approver.client, { code: "fresh", reviewBy: "2030-01-01", texts: { ru: { title: "Свежая", body: "Текст." } } });
    const due = await editor.client.get("/api/v1/kb/articles?state=due");
    expect(due.body.items.map((item: { code: string }) => item.code)).toEqual(["soon-stale"]);

    await remindStaleArticles(ctx.db);
    await remindStaleArticles(ctx.db);
    const outbox = await ctx.db.selectFrom("notification_outbox").select(["template", "params", "recipient_roles"]).where("tenant_id", "=", own.tenantId).execute();
    expect(outbox).toEqual([{ template: "kb_review_due", recipient_roles: ["knowledge_editor"], params: expect.objectContaining({ code: "soon-stale", reviewBy: soon.split("-").reverse().join(".") }) }]);
  });

  it("tells every open window of the tenant when a version is published", async () => {
    const editor = await signedInStaff(ctx, tenant, ["knowledge_editor"]);
    const approver = await signedInStaff(ctx, tenant, ["supervisor"]);
    const operator = await signedInStaff(ctx, tenant, ["operator"]);
    const address = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const socket = await openSocket(`${address.replace("http", "ws")}/api/v1/ws`, { authorization: `Bearer ${operator.client.token}` });
    try {
      await socket.waitFor((frame) => frame.type === "ready");
      const article = await publishArticle(editor.client, approver.client, { code: "live", texts: { kk: { title: "Жаңа ереже", body: "Мәтін." } } });
      const frame = await socket.waitFor((f) => f.type === "kb");
      expect(frame).toEqual({ type: "kb", articleId: article.id, locale: "kk", title: "Жаңа ереже" });
    } finally {
      await socket.close();
    }
  });

  it("archives an article out of reading and search, and brings it back", async () => {
    const editor = await signedInStaff(ctx, tenant, ["knowledge_editor"]);
    const approver = await signedInStaff(ctx, tenant, ["supervisor"]);
    const operator = await signedInStaff(ctx, tenant, ["operator"]);
    const article = await publishArticle(editor.client, approver.client, { code: "archived-one", texts: { ru: { title: "Устаревшая справка о прописке", body: "Прописка отменена." } } });
    expect((await operator.client.post(`/api/v1/kb/articles/${article.id}/archive`)).status).toBe(403);
    expect((await approver.client.post(`/api/v1/kb/articles/${article.id}/archive`)).status).toBe(200);
    expect((await operator.client.get("/api/v1/kb/read/archived-one")).status).toBe(404);
    expect((await operator.client.get("/api/v1/kb/search?q=прописка")).body.items).toEqual([]);
    await approver.client.post(`/api/v1/kb/articles/${article.id}/restore`);
    expect((await operator.client.get("/api/v1/kb/search?q=прописка")).body.items.map((hit: { code: string }) => hit.code)).toEqual(["archived-one"]);
  });
});



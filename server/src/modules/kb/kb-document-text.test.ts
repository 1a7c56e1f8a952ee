import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import type { ArticleDto, SearchResultDto } from "@bailanys/common/api/kb";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, signedInStaff, startTestApp, type StaffMember, type TestContext, type TestTenant } from "../../test/harness.ts";
import { multipartFile } from "../../test/multipart.ts";
import { ocrAvailable } from "./document-text/ocr.ts";
import { readAttachedDocuments } from "./kb-document-text.ts";
import { publishArticle } from "./kb-test-fixtures.ts";

let ctx: TestContext;
let tenant: TestTenant;
let editor: StaffMember;
let approver: StaffMember;
let operator: StaffMember;
const logged: string[] = [];
const log = pino({ level: "info" }, new Writable({ write: (chunk: Buffer, _encoding, done) => (logged.push(chunk.toString()), done()) }));

beforeAll(async () => {
  ctx = await startTestApp();
  tenant = await buildTenant(ctx.db);
  editor = await signedInStaff(ctx, tenant, ["knowledge_editor"]);
  approver = await signedInStaff(ctx, tenant, ["supervisor"]);
  operator = await signedInStaff(ctx, tenant, ["operator"]);
});
afterAll(async () => {
  await ctx.close();
});

const canRecognize = await ocrAvailable();
const fixture = (name: string): Buffer => readFileSync(new URL(`./document-text/fixtures/${name}`, import.meta.url));

async function attach(articleId: string, fileName: string, content: Buffer): Promise<{ id: string; textState: string }> {
  const { payload, headers } = multipartFile(fileName, content);
  const response = await ctx.app.inject({ method: "POST", url: `/api/v1/kb/articles/${articleId}/attachments`, payload, headers: { ...headers, authorization: `Bearer ${editor.client.token}` } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function publicSearch(q: string, lang = "ru"): Promise<SearchResultDto["items"]> {
  const response = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/search?tenant=${tenant.code}&lang=${lang}&q=${encodeURIComponent(q)}` });
  return (response.json() as SearchResultDto).items;
}

async function textStates(articleId: string): Promise<Record<string, string>> {
  const article = (await editor.client.get(`/api/v1/kb/articles/${articleId}`)).body as ArticleDto;
  return Object.fromEntries(article.attachments.map((file) => [file.fileName, file.textState]));
}

/** Runs the worker's job until nothing is left to read. */
async function readAll(): Promise<void> {
  while ((await readAttachedDocuments(ctx.db, log)) > 0) {
    // Each run takes a batch.
  }
}

describe("the text of attached documents is searched (kb.document-text job)", () => {
  it("finds an article by words inside its PDF, in Russian and in Kazakh word forms, with the document in the snippet, until it is removed", async () => {
    const article = await publishArticle(editor.client, approver.client, {
      code: "housing-aid",
      texts: { ru: { title: "Жилищная помощь", body: "Назначается малообеспеченным семьям." }, kk: { title: "Тұрғын үй көмегі", body: "Аз қамтылған отбасыларға тағайындалады." } },
    });
    const added = await attach(article.id, "Бланк.pdf", fixture("housing-aid-form.pdf"));
    expect(added.textState).toBe("pending");
    expect(await publicSearch("квитанции коммунальных услуг")).toEqual([]);

    await readAll();
    expect(await textStates(article.id)).toEqual({ "Бланк.pdf": "read" });
    const [hit, ...others] = await publicSearch("квитанцию об оплате коммунальной услуги");
    expect(others).toEqual([]);
    expect(hit).toMatchObject({ code: "housing-aid", locale: "ru" });
    expect(hit?.snippet).toContain("Бланк:");
    expect(hit?.ranges.map(([start, end]) => hit.snippet.slice(start, end).toLowerCase())).toEqual(expect.arrayContaining(["квитанции", "коммунальных"]));
    // The Kazakh words of the form, in other forms than written ("анықтамасы" for "анықтама").
    expect((await publicSearch("отбасы құрамы туралы анықтамасы", "kk")).map((h) => h.code)).toEqual(["housing-aid"]);

    const removed = await editor.client.request("DELETE", `/api/v1/kb/articles/${article.id}/attachments/${added.id}`);
    expect(removed.status).toBe(204);
    expect(await publicSearch("квитанции коммунальных услуг")).toEqual([]);
  });

  it("keeps an internal article's documents from the public portal, not from operators", async () => {
    const article = await publishArticle(editor.client, approver.client, { code: "subsidy-script", audience: "internal", texts: { ru: { title: "Скрипт по субсидиям", body: "Для операторов." } } });
    await attach(article.id, "Перечень.docx", fixture("subsidy-documents.docx"));
    await readAll();
    expect(await publicSearch("ставки вознаграждения")).toEqual([]);
    const staff = await operator.client.get(`/api/v1/kb/search?q=${encodeURIComponent("ставки вознаграждения")}&lang=ru`);
    expect((staff.body as SearchResultDto).items.map((h) => h.code)).toEqual(["subsidy-script"]);
  });

  it("tells the editor which documents have no text to search and which could not be read, and logs no file name", async () => {
    const article = await publishArticle(editor.client, approver.client, { code: "scans", texts: { ru: { title: "Образцы", body: "Образцы документов." } } });
    const doc = await attach(article.id, "Старый_бланк.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(doc.textState).toBe("none");
    await attach(article.id, "Фото_Иванова.png", fixture("blank-photo.png"));
    await attach(article.id, "Схема.pdf", fixture("no-text.pdf"));
    await attach(article.id, "Иванов_повреждён.pdf", Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(100, 0x20)]));
    const fees = await attach(article.id, "Тарифы.txt", fixture("fees-cp1251.txt"));
    logged.length = 0;
    await readAll();
    expect(await textStates(article.id)).toEqual({ "Старый_бланк.doc": "none", "Фото_Иванова.png": "none", "Схема.pdf": "none", "Иванов_повреждён.pdf": "failed", "Тарифы.txt": "read" });
    expect(logged.join("")).toContain("could not be read");
    expect(logged.join("")).not.toContain("Иванов");
    expect((await publicSearch("госпошлина дубликат удостоверения")).map((h) => h.code)).toEqual(["scans"]);
    // The editor can read the text the search knows; an operator may not.
    const textUrl = `/api/v1/kb/articles/${article.id}/attachments/${fees.id}/text`;
    expect((await editor.client.get(textUrl)).body).toMatchObject({ fileName: "Тарифы.txt", textState: "read", textRecognized: false, text: "Госпошлина за выдачу дубликата удостоверения — 0,5 МРП." });
    expect((await operator.client.get(textUrl)).status).toBe(403);
  });

  it.skipIf(!canRecognize)("recognises a scanned order (OCR), marks its text as recognised, and finds the article by its Kazakh and Russian words", async () => {
    const article = await publishArticle(editor.client, approver.client, { code: "household-plot", texts: { ru: { title: "Справка о подсобном хозяйстве", body: "Выдаётся акиматом." } } });
    await attach(article.id, "Приказ_117.pdf", fixture("scanned-order.pdf"));
    await readAll();
    const files = ((await editor.client.get(`/api/v1/kb/articles/${article.id}`)).body as ArticleDto).attachments;
    expect(files).toMatchObject([{ fileName: "Приказ_117.pdf", textState: "read", textRecognized: true }]);
    const text = await editor.client.get(`/api/v1/kb/articles/${article.id}/attachments/${files[0]?.id ?? ""}/text`);
    expect(text.body.text).toContain("Об утверждении порядка выдачи справок о наличии подсобного хозяйства");
    expect((await publicSearch("в течение трёх рабочих дней")).map((h) => h.code)).toEqual(["household-plot"]);
    expect((await publicSearch("үш жұмыс күні", "kk")).map((h) => h.code)).toEqual(["household-plot"]);
  });

  it("shares the documents between workers reading at once, and reads again one a dead worker left half-read", async () => {
    const article = await publishArticle(editor.client, approver.client, { code: "shared-work", texts: { ru: { title: "Памятки", body: "Памятки для граждан." } } });
    const files = await Promise.all(Array.from({ length: 6 }, (_, i) => attach(article.id, `Памятка-${i}.odt`, fixture("reception-memo.odt"))));
    const counts = await Promise.all([readAttachedDocuments(ctx.db, log), readAttachedDocuments(ctx.db, log), readAttachedDocuments(ctx.db, log)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);

    // A worker died while reading the first one: its claim is 31 minutes old (and one of 29 minutes is left alone).
    await ctx.db.updateTable("kb_attachments").set({ text_state: "reading", text_content: null, text_claimed_at: new Date(Date.now() - 31 * 60_000) }).where("id", "=", files[0]?.id ?? "").execute();
    await ctx.db.updateTable("kb_attachments").set({ text_state: "reading", text_content: null, text_claimed_at: new Date(Date.now() - 29 * 60_000) }).where("id", "=", files[1]?.id ?? "").execute();
    expect(await readAttachedDocuments(ctx.db, log)).toBe(1);
    expect(Object.values(await textStates(article.id)).sort()).toEqual([...Array(5).fill("read"), "reading"]);
    expect((await publicSearch("приём ведётся по записи")).map((h) => h.code)).toEqual(["shared-work"]);
  });
});

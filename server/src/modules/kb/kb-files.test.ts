import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, signedInStaff, startTestApp, type StaffMember, type TestContext, type TestTenant } from "../../test/harness.ts";
import { multipartFile } from "../../test/multipart.ts";
import { parseMarkdownArticle, renderMarkdownArticle } from "./kb-markdown.ts";
import { publishArticle } from "./kb-test-fixtures.ts";

let ctx: TestContext;
let tenant: TestTenant;
let editor: StaffMember;
let approver: StaffMember;

beforeAll(async () => {
  ctx = await startTestApp();
  tenant = await buildTenant(ctx.db);
  editor = await signedInStaff(ctx, tenant, ["knowledge_editor"]);
  approver = await signedInStaff(ctx, tenant, ["supervisor"]);
});
afterAll(async () => {
  await ctx.close();
});

async function upload(url: string, fileName: string, content: Buffer, token = editor.client.token) {
  const { payload, headers } = multipartFile(fileName, content);
  const response = await ctx.app.inject({ method: "POST", url, payload, headers: { ...headers, authorization: `Bearer ${token}` } });
  return { status: response.statusCode, body: response.json() };
}

const MARKDOWN = `---
code: birth-certificate
locale: kk
audience: public
category: 01
source_title: «Неке (ерлі-зайыптылық) және отбасы туралы» Кодекс
source_reference: 187-бап
source_date: 2011-12-26
valid_from: 2026-01-01
review_by: 2027-01-01
tags:
  - туу туралы куәлік
fee: Тегін
documents:
  - Жеке куәлік
  - Медициналық анықтама
---

# Туу туралы куәлік алу

| Қайда | Мерзімі |
|---|---|
| ХҚКО | 1 күн |
`;

describe("import and export of the knowledge base", () => {
  it("reads a Markdown article back exactly as it was written", () => {
    const article = parseMarkdownArticle(MARKDOWN);
    expect(article).toMatchObject({ code: "birth-certificate", locale: "kk", title: "Туу туралы куәлік алу", tags: ["туу туралы куәлік"], facts: { fee: "Тегін", documents: ["Жеке куәлік", "Медициналық анықтама"] } });
    expect(article && parseMarkdownArticle(renderMarkdownArticle(article))).toEqual(article);
    expect(parseMarkdownArticle("# no front matter")).toBeNull();
  });

  it("imports Markdown, CSV and XLSX as drafts that still need approval, and refuses a bad file whole", async () => {
    const md = await upload("/api/v1/kb/import", "birth.md", Buffer.from(MARKDOWN));
    expect(md).toEqual({ status: 200, body: { created: 1, updated: 0 } });

    const csv = [
      "code;locale;audience;title;body;documents;source_title;source_reference;review_by",
      'birth-certificate;ru;public;Получение свидетельства о рождении;"Выдаётся в ЦОН; бесплатно.";"Удостоверение личности\nМедицинская справка";Кодекс о браке и семье;ст. 187;2027-01-01',
      "marriage;ru;public;Регистрация брака;Подаётся заявление.;;;;",
    ].join("\n");
    expect(await upload("/api/v1/kb/import", "base.csv", Buffer.from(`\uFEFF${csv}`))).toEqual({ status: 200, body: { created: 1, updated: 1 } });

    const list = (await editor.client.get("/api/v1/kb/articles?state=draft")).body.items as { code: string; translations: { locale: string; open: { state: string } | null; published: unknown }[] }[];
    const birth = list.find((a) => a.code === "birth-certificate");
    expect(birth?.translations.map((t) => [t.locale, t.open?.state, t.published])).toEqual([
      ["kk", "draft", null],
      ["ru", "draft", null],
    ]);

    // A file with one wrong row writes nothing, and says which row and column.
    const before = await ctx.db.selectFrom("kb_versions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("kb");
    sheet.addRow(["code", "locale", "title", "category", "review_by"]);
    sheet.addRow(["divorce", "ru", "Расторжение брака", "", "2027-01-01"]);
    sheet.addRow(["alimony", "de", "Алименты", "99", "2027-13-01"]);
    const bad = await upload("/api/v1/kb/import", "base.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string; code: string }) => `${f.field} ${f.code}`)).toEqual(["rows.3.locale FIELD_INVALID", "rows.3.category REFERENCE_UNKNOWN", "rows.3.review_by FIELD_INVALID"]);
    const after = await ctx.db.selectFrom("kb_versions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await upload("/api/v1/kb/import", "notes.pdf", Buffer.from("%PDF-1.4"))).body.error.fields[0]).toMatchObject({ field: "file", code: "KB_IMPORT_UNREADABLE" });
    const operator = await signedInStaff(ctx, tenant, ["operator"]);
    expect((await upload("/api/v1/kb/import", "birth.md", Buffer.from(MARKDOWN), operator.client.token)).status).toBe(403);
  });

  it("exports the base as XLSX and CSV in the columns the import reads, and one translation as Markdown", async () => {
    const article = await publishArticle(editor.client, approver.client, { code: "export-me", texts: { ru: { title: "Экспорт", body: "Текст с запятой, и кавычками \"так\".", facts: { fee: "Бесплатно" } } } });
    const xlsx = await ctx.app.inject({ method: "GET", url: "/api/v1/kb/export?format=xlsx", headers: { authorization: `Bearer ${editor.client.token}` } });
    expect(xlsx.headers["content-disposition"]).toContain("knowledge-base.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    const header = rows[0] ?? [];
    const exported = rows.find((row) => row[0] === "export-me") ?? [];
    expect(exported[header.indexOf("fee")]).toBe("Бесплатно");
    expect(exported[header.indexOf("state")]).toBe("published");

    const csv = await ctx.app.inject({ method: "GET", url: "/api/v1/kb/export?format=csv", headers: { authorization: `Bearer ${editor.client.token}` } });
    expect(csv.body).toContain('"Текст с запятой, и кавычками ""так""."');
    // Re-importing the export changes nothing but opens drafts for approval.
    expect(await upload("/api/v1/kb/import", "again.csv", Buffer.from(csv.body))).toMatchObject({ status: 200, body: { created: 0 } });

    const md = await ctx.app.inject({ method: "GET", url: `/api/v1/kb/articles/${article.id}/markdown?locale=ru`, headers: { authorization: `Bearer ${editor.client.token}` } });
    expect(parseMarkdownArticle(md.body)).toMatchObject({ code: "export-me", title: "Экспорт", facts: { fee: "Бесплатно" } });
  });

  it("attaches documents to an article: public articles' files are public, checked by their first bytes", async () => {
    const article = await publishArticle(editor.client, approver.client, { code: "with-form", texts: { ru: { title: "Бланк заявления", body: "Скачайте бланк." } } });
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(100, 0x20)]);
    const added = await upload(`/api/v1/kb/articles/${article.id}/attachments`, "бланк.pdf", pdf);
    expect(added).toMatchObject({ status: 201, body: { fileName: "бланк.pdf", contentType: "application/pdf" } });
    expect((await upload(`/api/v1/kb/articles/${article.id}/attachments`, "fake.pdf", Buffer.from("MZ not a pdf"))).body.error.code).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
    const view = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/articles/with-form?tenant=${tenant.code}` });
    expect(view.json().attachments).toEqual([{ id: added.body.id, fileName: "бланк.pdf", contentType: "application/pdf", sizeBytes: pdf.length }]);
    const file = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/articles/with-form/attachments/${added.body.id}?tenant=${tenant.code}` });
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("finds an article by the names of its documents, until the document is removed", async () => {
    const article = await publishArticle(editor.client, approver.client, { code: "heating-aid", texts: { ru: { title: "Помощь на отопление", body: "Назначается зимой." } } });
    const search = async () => {
      const response = await ctx.app.inject({ method: "GET", url: `/api/v1/public/kb/search?tenant=${tenant.code}&lang=ru&q=${encodeURIComponent("анкета малообеспеченной семьи")}` });
      return (response.json() as { items: { code: string }[] }).items.map((hit) => hit.code);
    };
    expect(await search()).not.toContain("heating-aid");
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(100, 0x20)]);
    const added = await upload(`/api/v1/kb/articles/${article.id}/attachments`, "Анкета_малообеспеченной-семьи.pdf", pdf);
    expect(added.status).toBe(201);
    expect(await search()).toEqual(["heating-aid"]);
    const removed = await ctx.app.inject({ method: "DELETE", url: `/api/v1/kb/articles/${article.id}/attachments/${added.body.id}`, headers: { authorization: `Bearer ${editor.client.token}` } });
    expect(removed.statusCode).toBe(204);
    expect(await search()).not.toContain("heating-aid");
  });
});

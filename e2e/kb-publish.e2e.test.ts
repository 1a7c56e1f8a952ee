import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ocrAvailable } from "../server/src/modules/kb/document-text/ocr.ts";
import { readAttachedDocuments } from "../server/src/modules/kb/kb-document-text.ts";
import { SCREENSHOTS, signInAs, startPlatform, type Platform } from "./browser.ts";

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => platform.close());

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
/** Lets opening drawers and fading notices finish, so a screenshot shows the screen as a person sees it settle. */
const settled = (page: Page) => page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));

const TITLE = "Как получить разрешение на фотофиксацию";
const SCAN = new URL("../server/src/modules/kb/document-text/fixtures/scanned-order.png", import.meta.url);
/** Words only the attached form has, not the article's text. */
const FORM_WORDS = "К заявлению приложите схему размещения камер на фасаде";
const BODY = [
  "Разрешение на фотофиксацию объектов выдаёт акимат района.",
  "",
  "| Документ | Срок |",
  "| --- | --- |",
  "| Заявление | 5 рабочих дней |",
].join("\n");

/** A date a year ahead, typed the way the editors write it (DD.MM.YYYY). */
function nextYear(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return `${String(date.getUTCDate()).padStart(2, "0")}.${String(date.getUTCMonth() + 1).padStart(2, "0")}.${date.getUTCFullYear()}`;
}

it("an editor publishes an article, an operator finds it from a chat and sends it, a citizen finds it on the portal", async () => {
  const editorContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } });
  const supervisorContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } });
  const operatorContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } });
  const citizenContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 420, height: 860 } });
  const editor = await editorContext.newPage();
  const supervisor = await supervisorContext.newPage();
  const operator = await operatorContext.newPage();
  const citizen = await citizenContext.newPage();

  // The editor tries an import with a wrong row first: nothing is written and the row and column are named.
  await signInAs(platform, editor, "editor", "/knowledge");
  await editor.getByTestId("kb-article-row").first().waitFor({ timeout: 15_000 });
  const csv = "code;locale;title;review_by\nbad-row;de;Тест;2027-01-01\n";
  await editor.locator('input[type="file"][accept=".md,.markdown,.csv,.xlsx"]').setInputFiles({ name: "base.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const problems = editor.getByTestId("kb-import-problems");
  await problems.waitFor({ timeout: 15_000 });
  expect(await problems.innerText()).toContain("строка 2, locale:");
  await shot(editor, "kb-publish-01-import-problems");

  // A new public article in Russian: a text with a table, the official source and the review date; a form attached.
  await editor.getByTestId("kb-new-article").click();
  await editor.getByTestId("kb-new-title").fill(TITLE);
  await editor.getByTestId("kb-new-code").fill("photo-permit");
  await editor.getByTestId("submit-kb-new").click();
  await editor.waitForURL(/\/knowledge\/[0-9a-f-]{36}/, { timeout: 15_000 });
  const articleUrl = new URL(editor.url());
  const draft = editor.getByTestId("kb-draft-ru");
  await draft.waitFor({ timeout: 15_000 });
  await draft.getByTestId("kb-body").fill(BODY);
  await draft.getByTestId("kb-source-title").fill("Закон Республики Казахстан «О разрешениях и уведомлениях»");
  await draft.getByTestId("kb-source-reference").fill("ст. 12, https://adilet.zan.kz/rus/docs/Z1400000202");
  await draft.getByTestId("kb-review-by").fill(nextYear());
  await draft.getByTestId("kb-review-by").press("Tab");
  await draft.getByTestId("kb-preview").locator("table").waitFor();
  await editor.getByTestId("kb-save-draft").click();
  await editor.getByTestId("kb-lang-ru").filter({ hasText: "черновик" }).waitFor({ timeout: 15_000 });

  // The form is a real PDF, printed by the same Chromium; the words inside it are searched once the worker reads it.
  const form = await editorContext.newPage();
  await form.setContent(`<meta charset="utf-8"><h1>Заявление на фотофиксацию</h1><p>${FORM_WORDS}.</p>`);
  const pdf = await form.pdf({ format: "A4" });
  await form.close();
  await editor.getByTestId("kb-files").locator('input[type="file"]').setInputFiles({ name: "zayavlenie-foto.pdf", mimeType: "application/pdf", buffer: pdf });
  const file = editor.getByTestId("kb-file").filter({ hasText: "zayavlenie-foto.pdf" });
  await file.waitFor({ timeout: 15_000 });
  expect(await file.getByTestId("kb-file-text").innerText()).toBe("Текст ещё не прочитан");
  // This platform runs the API role only; its worker's job is run here, as the worker would within a second.
  expect(await readAttachedDocuments(platform.database.db, platform.app.log)).toBe(1);
  await file.getByTestId("kb-file-text").filter({ hasText: "Текст в поиске" }).waitFor({ timeout: 15_000 });
  // A scanned order is recognised (OCR) where tesseract is installed, as in CI; the badge says which.
  await editor.getByTestId("kb-files").locator('input[type="file"]').setInputFiles({ name: "prikaz-skan.png", mimeType: "image/png", buffer: readFileSync(SCAN) });
  const scan = editor.getByTestId("kb-file").filter({ hasText: "prikaz-skan.png" });
  await scan.waitFor({ timeout: 15_000 });
  expect(await readAttachedDocuments(platform.database.db, platform.app.log)).toBe(1);
  const canRecognize = await ocrAvailable();
  await scan.getByTestId("kb-file-text").filter({ hasText: canRecognize ? "Текст распознан со скана" : "Нет текста для поиска" }).waitFor({ timeout: 15_000 });
  if (canRecognize) {
    // The editor checks what OCR made of the scan.
    await scan.getByTestId("kb-file-text").click();
    const recognized = editor.getByTestId("kb-file-text-content");
    await recognized.waitFor({ timeout: 15_000 });
    expect(await recognized.innerText()).toContain("порядка выдачи справок о наличии подсобного хозяйства");
    await settled(editor);
    await editor.screenshot({ path: path.join(SCREENSHOTS, "kb-publish-02a-recognized-text.png") });
    await editor.keyboard.press("Escape");
    await recognized.waitFor({ state: "detached", timeout: 15_000 });
  }
  await editor.getByTestId("kb-markdown-ru").waitFor();
  await shot(editor, "kb-publish-02-editor-draft");

  await editor.getByTestId("kb-submit").click();
  await editor.getByTestId("kb-review").waitFor({ timeout: 15_000 });
  await shot(editor, "kb-publish-03-submitted");

  // Another approver publishes it.
  await signInAs(platform, supervisor, "supervisor", `${articleUrl.pathname}?lang=ru`);
  await supervisor.getByTestId("kb-review").waitFor({ timeout: 15_000 });
  await supervisor.getByTestId("kb-approve").click();
  await supervisor.getByTestId("kb-lang-ru").filter({ hasText: "опубликована" }).waitFor({ timeout: 15_000 });
  await shot(supervisor, "kb-publish-04-approved");

  // A citizen asks in the web chat; the operator finds the article by search and sends it.
  await signInAs(platform, operator, "operator", "/workspace");
  await operator.getByTestId("agent-state-ready").click();
  await citizen.goto(`${platform.baseUrl}/chat?tenant=demo&lang=ru`);
  await citizen.getByTestId("chat-start-form").waitFor();
  await citizen.getByTestId("chat-name").fill("Дана Омарова");
  await citizen.getByTestId("chat-first-message").fill("Здравствуйте! Нужна фотофиксация фасада, куда обращаться?");
  await citizen.getByTestId("chat-consent").check();
  await citizen.getByTestId("chat-start").click();

  await operator.getByTestId("offer-card").waitFor({ timeout: 15_000 });
  await operator.getByTestId("offer-accept").click();
  await operator.getByTestId("conversation").waitFor({ timeout: 15_000 });
  await operator.getByTestId("kb-search").fill("фотофиксацию");
  const hit = operator.locator('[data-testid="kb-results"] [data-testid="kb-hit"]').filter({ hasText: TITLE });
  await hit.waitFor({ timeout: 15_000 });
  await hit.click();
  await operator.locator('[data-testid="kb-article"][data-code="photo-permit"]').waitFor({ timeout: 15_000 });
  await settled(operator);
  await shot(operator, "kb-publish-05-operator-article");
  await operator.getByTestId("kb-send").click();

  const sent = citizen.locator('[data-testid="chat-message"][data-author="agent"]').filter({ hasText: "/kb/" });
  await sent.waitFor({ timeout: 15_000 });
  expect(await sent.innerText()).toContain(TITLE);
  await shot(citizen, "kb-publish-06-citizen-chat");

  // The citizen looks it up on the portal by words of the form: the text with its table, and the form to download.
  await citizen.goto(`${platform.baseUrl}/kb?tenant=demo&lang=ru`);
  await citizen.getByTestId("kb-portal-query").fill("схема размещения камеры");
  await citizen.getByTestId("kb-portal-submit").click();
  const found = citizen.getByTestId("kb-portal-hit").filter({ hasText: TITLE });
  await found.waitFor({ timeout: 15_000 });
  expect(await found.innerText()).toContain("схему размещения камер");
  await shot(citizen, "kb-publish-07-portal-found-in-form");
  await found.getByRole("link", { name: TITLE }).click();
  const article = citizen.locator('[data-testid="kb-portal-article"][data-locale="ru"]');
  await article.waitFor({ timeout: 15_000 });
  expect(await article.locator("table").innerText()).toContain("5 рабочих дней");
  expect(await citizen.getByTestId("kb-attachments").innerText()).toContain("zayavlenie-foto.pdf");
  await shot(citizen, "kb-publish-08-portal-article");

  await editorContext.close();
  await supervisorContext.close();
  await operatorContext.close();
  await citizenContext.close();
});

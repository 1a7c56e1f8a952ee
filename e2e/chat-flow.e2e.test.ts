import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SCREENSHOTS, signInAs, startPlatform, type Platform } from "./browser.ts";

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => platform.close());

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

it("a citizen chats with an operator who registers an appeal and wraps up; the citizen rates the chat; the board shows it", async () => {
  const citizenContext = await platform.browser.newContext({ locale: "kk-KZ", viewport: { width: 420, height: 860 } });
  const operatorContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } });
  const supervisorContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } });
  const citizen = await citizenContext.newPage();
  const operator = await operatorContext.newPage();
  const supervisor = await supervisorContext.newPage();

  // The citizen opens the chat in Kazakh, fills the pre-chat form and waits, seeing their place in the queue.
  await citizen.goto(`${platform.baseUrl}/chat?tenant=demo&lang=kk`);
  await citizen.getByTestId("chat-start-form").waitFor();
  await citizen.getByTestId("chat-name").fill("Ержан Бекетов");
  await citizen.getByTestId("chat-first-message").fill("Сәлеметсіз бе! Үйде үш күн бойы су жоқ.");
  await citizen.getByTestId("chat-consent").check();
  await shot(citizen, "chat-01-form-kk");
  await citizen.getByTestId("chat-start").click();
  const position = citizen.getByTestId("chat-queue-position");
  await position.waitFor();
  expect(await position.getAttribute("data-position")).toBe("1");
  await shot(citizen, "chat-02-waiting-kk");

  // The supervisor's board shows the waiting chat.
  await signInAs(platform, supervisor, "supervisor", "/board");
  await expect.poll(async () => supervisor.getByTestId("board-queue-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-waiting"))).reduce((a, b) => a + b, 0)), { timeout: 15_000 }).toBe(1);

  // The operator (the demo's Айгерим Сапарова) opens the workspace, becomes ready and accepts the offer.
  await signInAs(platform, operator, "operator", "/workspace");
  await operator.getByTestId("agent-state-ready").click();
  const offer = operator.getByTestId("offer-card");
  await offer.waitFor({ timeout: 15_000 });
  await shot(operator, "chat-03-offer");
  await operator.getByTestId("offer-accept").click();
  await operator.getByTestId("conversation").waitFor();
  await citizen.getByTestId("chat-agent-name").waitFor({ timeout: 15_000 });
  expect(await citizen.getByTestId("chat-agent-name").textContent()).toContain("Айгерим Сапарова");

  // They exchange messages both ways.
  await operator.getByTestId("agent-message-input").fill("Сәлеметсіз бе! Мекенжайыңызды айтыңызшы.");
  await operator.getByTestId("agent-send").click();
  await citizen.locator('[data-testid="chat-message"][data-author="agent"]').filter({ hasText: "Мекенжайыңызды" }).waitFor({ timeout: 15_000 });
  await citizen.getByTestId("chat-message-input").fill("Астана, Сарайшық көшесі, 5");
  await citizen.getByTestId("chat-send").click();
  await operator.locator('[data-testid="agent-message"][data-author="citizen"]').filter({ hasText: "Сарайшық" }).waitFor({ timeout: 15_000 });
  // The citizen picks a file, picks another instead, then thinks better of it: nothing unsent stays stored.
  const storedFiles = async () => Number((await platform.database.db.selectFrom("contact_attachments").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  await citizen.locator('input[type="file"]').setInputFiles({ name: "anyqtama.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% test\n") });
  const removeFile = citizen.getByRole("button", { name: /anyqtama\.pdf/ });
  await removeFile.waitFor({ timeout: 15_000 });
  expect(await storedFiles()).toBe(1);
  // Picking another file instead replaces the first on the server too.
  await citizen.locator('input[type="file"]').setInputFiles({ name: "spravka.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% other\n") });
  const removeSecond = citizen.getByRole("button", { name: /spravka\.pdf/ });
  await removeSecond.waitFor({ timeout: 15_000 });
  await expect.poll(async () => (await platform.database.db.selectFrom("contact_attachments").select("file_name").execute()).map((r) => r.file_name), { timeout: 5_000 }).toEqual(["spravka.pdf"]);
  await shot(citizen, "chat-05a-file-picked-kk");
  await removeSecond.click();
  await expect.poll(storedFiles, { timeout: 5_000 }).toBe(0);
  await shot(operator, "chat-04-conversation");
  await shot(citizen, "chat-05-conversation-kk");

  // The operator puts the chat on hold to check something; the citizen is asked to wait, in Kazakh.
  await operator.getByTestId("action-hold").click();
  await operator.locator('[data-testid="conversation"][data-state="held"]').waitFor({ timeout: 15_000 });
  const heldNotice = citizen.locator('[data-testid="chat-event"][data-event="held"]');
  await heldNotice.waitFor({ timeout: 15_000 });
  expect(await heldNotice.textContent()).toContain("сәл күте тұруды");
  await shot(operator, "chat-05b-on-hold");
  await operator.getByTestId("action-hold").click();
  await operator.locator('[data-testid="conversation"][data-state="active"]').waitFor({ timeout: 15_000 });
  await citizen.locator('[data-testid="chat-event"][data-event="resumed"]').waitFor({ timeout: 15_000 });

  // The operator registers an appeal from the conversation; the citizen sees its number in the chat.
  await operator.getByTestId("action-register-appeal").click();
  const form = operator.getByTestId("register-appeal-form");
  await form.waitFor();
  await form.getByRole("textbox", { name: "Тип обращения", exact: true }).click();
  await operator.getByRole("option", { name: "Заявление", exact: true }).click();
  await form.getByLabel("Тема", { exact: true }).fill("Нет воды три дня");
  await shot(operator, "chat-06-register-appeal");
  await operator.getByTestId("register-appeal-submit").click();
  const registered = operator.getByTestId("registered-appeal-number").first();
  await registered.waitFor({ timeout: 15_000 });
  const number = (await registered.getAttribute("data-number")) ?? "";
  expect(number).toMatch(/^109-\d{4}-\d{8}$/);
  await expect.poll(async () => citizen.getByTestId("chat-appeal-number").first().textContent(), { timeout: 15_000 }).toContain(number);

  // The operator ends the chat and wraps up; the citizen rates it.
  await operator.getByTestId("action-end").click();
  await operator.getByTestId("submit-end").click();
  const wrapup = operator.getByTestId("wrapup-panel");
  await wrapup.waitFor({ timeout: 15_000 });
  await shot(operator, "chat-07-wrapup");
  await operator.getByTestId("wrapup-submit").click();
  await wrapup.waitFor({ state: "detached", timeout: 15_000 });

  await citizen.getByTestId("chat-survey").waitFor({ timeout: 15_000 });
  await citizen.getByTestId("chat-survey-rating-5").check();
  await citizen.getByTestId("chat-survey-solved-yes").check();
  await shot(citizen, "chat-08-survey-kk");
  await citizen.getByTestId("chat-survey-submit").click();
  await citizen.getByTestId("chat-survey-thanks").waitFor();

  const contact = await platform.database.db
    .selectFrom("contacts")
    .select(["state", "wrapup_code", "resolved_first_contact", "survey_rating", "survey_solved", "answered_at"])
    .where("visitor_name", "=", "Ержан Бекетов")
    .executeTakeFirstOrThrow();
  expect(contact).toMatchObject({ state: "closed", wrapup_code: "appeal_registered", resolved_first_contact: false, survey_rating: 5, survey_solved: true });

  // The board shows the queue empty again and the operator among those at work.
  await expect.poll(async () => supervisor.getByTestId("board-queue-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-waiting"))).reduce((a, b) => a + b, 0)), { timeout: 15_000 }).toBe(0);
  await expect.poll(async () => supervisor.getByTestId("board-agents").textContent(), { timeout: 15_000 }).toContain("Айгерим Сапарова");
  await shot(supervisor, "chat-09-board");
  await citizenContext.close();
  await operatorContext.close();
  await supervisorContext.close();
});

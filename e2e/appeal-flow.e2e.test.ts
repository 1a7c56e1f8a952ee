import path from "node:path";
import { makeIin } from "@bailanys/common/identity-number";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, SCREENSHOTS, startPlatform, type Platform } from "./browser.ts";

let platform: Platform;
const PHONE = "+77015550123";

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => platform.close());

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(`${platform.baseUrl}/login`);
  await page.getByLabel("Логин", { exact: true }).fill(login);
  await page.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  try {
    // After signing in the app returns to the page that asked for it, or opens the registry.
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  } catch (error) {
    await shot(page, `failed-sign-in-${login}`);
    throw error;
  }
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

it("an operator registers an appeal, a senior operator forwards it, the citizen sees it on the status page", async () => {
  const context = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const iin = makeIin("1880-09-09", "female", 4242);

  await signIn(page, "operator");
  // An operator starts in the workspace; the registry is one click away.
  await page.getByTestId("agent-state").waitFor();
  await page.getByRole("link", { name: "Обращения", exact: true }).click();
  await page.getByTestId("appeals-table").waitFor();
  await shot(page, "01-registry");

  await page.goto(`${platform.baseUrl}/appeals/new`);
  await page.getByLabel("ИИН / БИН", { exact: true }).fill(iin);
  await page.getByLabel("ФИО", { exact: true }).fill("Гүлнар Серікқызы Әлиева");
  await page.getByLabel("Телефон", { exact: true }).fill(PHONE);
  await page.getByRole("textbox", { name: "Тип обращения", exact: true }).click();
  await page.getByRole("option", { name: "Заявление", exact: true }).click();
  await page.getByLabel("Тема", { exact: true }).fill("Не работает уличное освещение");
  await page.getByLabel("Текст обращения", { exact: true }).fill("Третий день не горят фонари на ул. Сарайшык.");
  const preview = page.getByTestId("due-date-preview");
  await expect.poll(async () => preview.textContent()).toContain("Срок:");
  await shot(page, "02-registration-form");
  await page.getByTestId("appeal-submit").click();

  await page.waitForURL(/\/appeals\/[0-9a-f-]{36}$/);
  const number = (await page.getByTestId("appeal-number").textContent())?.trim() ?? "";
  expect(number).toMatch(/^109-\d{4}-\d{8}$/);
  expect(await page.getByTestId("appeal-status").textContent()).toContain("Зарегистрировано");
  const cardUrl = page.url();
  await shot(page, "03-appeal-card");

  // The next registration for the same person: the ИИН alone shows the record masked (R11.1); the details fill
  // in only with the last four digits of the phone on record.
  await page.goto(`${platform.baseUrl}/appeals/new`);
  await page.getByLabel("ИИН / БИН", { exact: true }).fill(iin);
  await page.getByTestId("applicant-find").click();
  const masked = page.getByTestId("applicant-masked");
  await masked.waitFor();
  expect(await masked.textContent()).toContain("Г. С. Ә.");
  expect(await page.getByLabel("ФИО", { exact: true }).inputValue()).toBe("");
  await page.getByTestId("applicant-last4").fill("0000");
  await page.getByTestId("applicant-last4-confirm").click();
  await expect.poll(async () => masked.textContent()).toContain("не совпадают");
  await shot(page, "03a-applicant-second-factor");
  await page.getByTestId("applicant-last4").fill(PHONE.slice(-4));
  await page.getByTestId("applicant-last4-confirm").click();
  await expect.poll(async () => page.getByLabel("ФИО", { exact: true }).inputValue()).toBe("Гүлнар Серікқызы Әлиева");
  expect(await page.getByTestId("applicant-masked").count()).toBe(0);

  await page.getByRole("button", { name: "Выйти" }).click();
  await page.waitForURL(/\/login/);
  await signIn(page, "senior");
  await page.goto(cardUrl);
  await page.getByTestId("action-forward").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Орган", exact: true }).click();
  await page.getByRole("option", { name: /транспорта/ }).click();
  await dialog.getByLabel("Причина", { exact: true }).fill("Вопрос в компетенции управления транспорта");
  await shot(page, "04-forward-dialog");
  await dialog.getByTestId("submit-forward").click();
  await expect.poll(async () => page.getByTestId("appeal-status").textContent()).toContain("Ожидает распределения");
  expect(await page.getByTestId("forward-row").count()).toBe(1);
  await shot(page, "05-forwarded");

  await context.clearCookies();
  const citizenPage = await context.newPage();
  await citizenPage.goto(`${platform.baseUrl}/status`);
  await citizenPage.getByLabel("Регистрационный номер", { exact: true }).fill(number);
  await citizenPage.getByLabel("ИИН", { exact: true }).fill(iin);
  await citizenPage.getByTestId("public-submit").click();
  const result = citizenPage.getByTestId("public-result");
  await result.waitFor();
  const text = (await result.textContent()) ?? "";
  expect(text).toContain(number);
  expect(text).toContain("Ожидает распределения");
  expect(text).toMatch(/транспорта/);
  await shot(citizenPage, "06-public-status");

  // The same page with a wrong ИИН reveals nothing.
  await citizenPage.getByLabel("ИИН", { exact: true }).fill(makeIin("1880-09-09", "female", 4243));
  await citizenPage.getByTestId("public-submit").click();
  await citizenPage.getByTestId("public-error").waitFor();
  expect(await citizenPage.getByTestId("public-error").getAttribute("data-kind")).toBe("not_found");
  await context.close();
});

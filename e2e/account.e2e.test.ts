import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { accessibilityViolations } from "./accessibility.ts";
import { DEMO_PASSWORD, SCREENSHOTS, signInAs, startPlatform, type Platform } from "./browser.ts";

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => platform.close());

const NEW_PASSWORD = "жаңа құпия фраза 2027";
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

it("a staff member opens their account from the header, turns e-mail notifications off, changes their password and signs in with the new one", async () => {
  const db = platform.database.db;
  await db.updateTable("users").set({ email: "editor@akimat.example.kz" }).where("login", "=", "editor").execute();
  const page = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } })).newPage();
  await signInAs(platform, page, "editor", "/knowledge");
  await page.getByTestId("current-user").click();
  await page.waitForURL(/\/account$/);
  const account = page.getByTestId("account-page");
  await account.waitFor({ timeout: 15_000 });
  expect(await account.innerText()).toContain("Редактор базы знаний");
  expect(await account.innerText()).toContain("editor@akimat.example.kz");
  expect(await account.innerText()).toContain("Это первый вход");
  expect((await accessibilityViolations(page)).map((v) => `${v.id}: ${v.help} at ${v.targets.join(", ")}`)).toEqual([]);

  // E-mail notifications off: the switch is saved at once.
  await page.getByLabel("Присылать служебные уведомления на электронную почту").click({ force: true });
  await page.getByText("Сохранено.").waitFor({ timeout: 15_000 });
  expect((await db.selectFrom("users").select("email_notifications").where("login", "=", "editor").executeTakeFirstOrThrow()).email_notifications).toBe(false);

  // A wrong current password is named under its field; the right one changes it.
  await page.getByTestId("account-current-password").fill("не тот пароль");
  await page.getByTestId("account-new-password").fill(NEW_PASSWORD);
  await page.getByTestId("account-repeat-password").fill(NEW_PASSWORD);
  await page.getByTestId("account-change-password").click();
  await page.getByText("Текущий пароль введён неверно.").first().waitFor({ timeout: 15_000 });
  await shot(page, "account-01-wrong-password");
  await page.getByTestId("account-current-password").fill(DEMO_PASSWORD);
  await page.getByTestId("account-change-password").click();
  await page.getByText("Пароль изменён. Другие ваши сеансы завершены.").waitFor({ timeout: 15_000 });
  await shot(page, "account-02-changed");

  // Signed out, the old password no longer opens the account; the new one does.
  await page.getByRole("button", { name: "Выйти" }).click();
  await page.waitForURL(/\/login/);
  await page.getByLabel("Логин", { exact: true }).fill("editor");
  await page.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByText("Неверный логин или пароль.").waitFor({ timeout: 15_000 });
  await page.getByLabel("Пароль", { exact: true }).fill(NEW_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 15_000 });

  // The account page now shows the sign-in before this one and warns of the failed attempt since.
  await page.goto(`${platform.baseUrl}/account`);
  await page.getByTestId("account-failed-sign-ins").waitFor({ timeout: 15_000 });
  expect(await page.getByTestId("account-failed-sign-ins").innerText()).toContain("С тех пор была 1 неудачная попытка");
  expect(await page.getByTestId("account-page").innerText()).toMatch(/Предыдущий вход\s+\d\d\.\d\d\.\d{4} \d\d:\d\d с адреса 127\.0\.0\.1/);
  expect((await accessibilityViolations(page)).map((v) => `${v.id}: ${v.help} at ${v.targets.join(", ")}`)).toEqual([]);
  await shot(page, "account-03-previous-sign-in");
});

import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, SCREENSHOTS, startPlatform, type Platform } from "./browser.ts";

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => platform.close());

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

const MESSAGE = {
  kk: "Телефон желісі жөнделуде.",
  ru: "Телефонная линия на ремонте.",
  en: "The phone line is under repair.",
};

it("a supervisor announces a service interruption in the contact-centre administration; citizens see it on the status page and in the chat until it ends", async () => {
  const supervisorContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } });
  const citizenContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 420, height: 860 } });
  const supervisor = await supervisorContext.newPage();
  const citizen = await citizenContext.newPage();

  await supervisor.goto(`${platform.baseUrl}/login`);
  await supervisor.getByLabel("Логин", { exact: true }).fill("supervisor");
  await supervisor.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
  await supervisor.getByTestId("login-submit").click();
  await supervisor.waitForURL((url) => !url.pathname.startsWith("/login"));

  // The queues tab opens first; the notices tab lists none.
  await supervisor.goto(`${platform.baseUrl}/admin/contact-centre`);
  await supervisor.getByTestId("routing-admin-tab-queues").waitFor();
  await shot(supervisor, "admin-cc-01-queues");
  await supervisor.getByTestId("routing-admin-tab-notices").click();
  await supervisor.getByTestId("notice-add").click();
  const form = supervisor.getByTestId("notice-form");
  // An empty form is refused at its fields, nothing is sent.
  await supervisor.getByTestId("notice-submit").click();
  expect(await form.getByText("Обязательное поле").count()).toBeGreaterThanOrEqual(3);
  await form.getByLabel("Сообщение (казахский)").fill(MESSAGE.kk);
  await form.getByLabel("Сообщение (русский)").fill(MESSAGE.ru);
  await form.getByLabel("Сообщение (английский)").fill(MESSAGE.en);
  await form.getByLabel("Альтернативы (русский)").fill("Пишите в веб-чат.");
  await shot(supervisor, "admin-cc-02-notice-form");
  await supervisor.getByTestId("notice-submit").click();
  const row = supervisor.getByTestId("notices-current").getByTestId("notice-row");
  await row.waitFor();
  expect(await row.getAttribute("data-active")).toBe("true");
  await shot(supervisor, "admin-cc-03-notice-listed");

  // The citizen's status page and the chat show it, in the reader's language.
  await citizen.goto(`${platform.baseUrl}/status?tenant=demo&lang=ru`);
  await citizen.getByTestId("service-notice").waitFor();
  expect(await citizen.getByTestId("service-notice").textContent()).toContain(MESSAGE.ru);
  expect(await citizen.getByTestId("service-notice").textContent()).toContain("Пишите в веб-чат.");
  await shot(citizen, "status-notice-ru");
  await citizen.goto(`${platform.baseUrl}/chat?tenant=demo&lang=kk`);
  await citizen.getByTestId("service-notice").waitFor();
  expect(await citizen.getByTestId("service-notice").textContent()).toContain(MESSAGE.kk);

  // Service is back: the supervisor ends the notice and it is gone for citizens.
  await row.getByTestId("notice-end").click();
  await supervisor.getByTestId("notice-end-confirm").click();
  await supervisor.getByTestId("notices-past").getByTestId("notice-row").waitFor();
  await citizen.goto(`${platform.baseUrl}/status?tenant=demo&lang=ru`);
  await citizen.waitForLoadState("networkidle");
  expect(await citizen.getByTestId("service-notice").count()).toBe(0);

  await supervisorContext.close();
  await citizenContext.close();
});

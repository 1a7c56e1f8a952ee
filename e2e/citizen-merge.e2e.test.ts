import path from "node:path";
import { makeIin } from "@bailanys/common/identity-number";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD, SCREENSHOTS, startPlatform, type Platform } from "./browser.ts";

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => platform.close());

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Registers an appeal through the API as the senior operator; returns the applicant's record id. */
async function registerAppeal(token: string, subject: string, citizen: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${platform.baseUrl}/api/v1/appeals`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ typeCode: "request", subject, text: "…", citizen: { ...citizen, consent: { given: true, source: "phone" } } }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { citizen: { id: string } }).citizen.id;
}

it("a senior operator merges the chat's phone-only record with the citizen's record by ИИН; the citizen then verifies and the card shows one timeline", async () => {
  const login = await fetch(`${platform.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "senior", password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const iin = makeIin("1880-05-17", "female", 811);
  const chatPhone = "+77057770811";
  const byPhone = await registerAppeal(token, "Нет воды", { fullName: "Динара", phone: chatPhone });
  const byIin = await registerAppeal(token, "Справка о составе семьи", { iin, fullName: "Динара Касымова", phone: "+77017770811", email: "dinara@example.kz" });

  const citizenContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 420, height: 860 } });
  const seniorContext = await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } });
  const citizen = await citizenContext.newPage();
  const senior = await seniorContext.newPage();

  await citizen.goto(`${platform.baseUrl}/chat?tenant=demo&lang=ru`);
  await citizen.getByTestId("chat-name").fill("Динара");
  await citizen.getByTestId("chat-phone").fill(chatPhone);
  await citizen.getByTestId("chat-first-message").fill("Здравствуйте, что с моей справкой?");
  await citizen.getByTestId("chat-consent").check();
  await citizen.getByTestId("chat-start").click();
  await citizen.getByTestId("chat-queue-position").waitFor();

  await senior.goto(`${platform.baseUrl}/login`);
  await senior.getByLabel("Логин", { exact: true }).fill("senior");
  await senior.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
  await senior.getByTestId("login-submit").click();
  await senior.waitForURL((url) => !url.pathname.startsWith("/login"));
  await senior.goto(`${platform.baseUrl}/workspace`);
  await senior.getByTestId("agent-state-ready").click();
  await senior.getByTestId("offer-accept").click({ timeout: 15_000 });
  const card = senior.getByTestId("citizen-card");
  await card.getByTestId("citizen-name").waitFor({ timeout: 15_000 });

  // The chat matched the phone-only record; the ИИН the citizen states belongs to another record and does not verify.
  await card.getByTestId("verify-iin").fill(iin);
  await card.getByTestId("verify-phone4").fill(chatPhone.slice(-4));
  await card.getByTestId("verify-submit").click();
  await card.getByTestId("verify-error").waitFor();

  // The senior finds the other record and merges: it stays (it has the ИИН), the chat's phone is kept.
  await card.getByTestId("merge-citizen").click();
  const dialog = senior.getByTestId("merge-dialog");
  await dialog.getByTestId("link-search").fill(iin);
  await dialog.getByTestId("link-find").click();
  await dialog.getByTestId("merge-comparison").waitFor();
  await dialog.getByTestId("merge-phone-current").check();
  // Without a reason nothing is sent.
  await dialog.getByTestId("merge-submit").click();
  await dialog.getByText("Обязательное поле").waitFor();
  await dialog.getByTestId("merge-reason").fill("Подтвердила ИИН в чате, телефон из первого обращения");
  await shot(senior, "merge-01-dialog");
  await dialog.getByTestId("merge-submit").click();
  await dialog.waitFor({ state: "detached", timeout: 15_000 });

  // Now the stated ИИН and the chat phone's last digits verify, and the timeline holds both appeals and the chat.
  await card.getByTestId("verify-iin").fill(iin);
  await card.getByTestId("verify-phone4").fill(chatPhone.slice(-4));
  await card.getByTestId("verify-submit").click();
  await expect.poll(async () => card.getByTestId("citizen-verified").getAttribute("data-verified"), { timeout: 15_000 }).toBe("true");
  expect(await card.getByTestId("citizen-name").textContent()).toBe("Динара Касымова");
  await expect.poll(async () => card.getByTestId("timeline-item").count()).toBe(3);
  await shot(senior, "merge-02-card-verified");

  const records = await platform.database.db.selectFrom("citizens").select(["id", "phone"]).where("id", "in", [byPhone, byIin]).execute();
  expect(records).toEqual([{ id: byIin, phone: chatPhone }]);
  await citizenContext.close();
  await seniorContext.close();
});

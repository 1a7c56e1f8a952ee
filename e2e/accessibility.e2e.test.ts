import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { accessibilityViolations } from "./accessibility.ts";
import { SCREENSHOTS, signInAs, startPlatform, watchErrors, type Platform } from "./browser.ts";

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(async () => platform.close());

/** Fails with axe's findings (rule, what to fix, where) when the page as it is now has any. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect(violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(", ")}`)).toEqual([]);
}

/** Presses Tab until the focus is on the element with this test id; fails if it is not reached in 25 steps. */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 25; i += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null || document.activeElement?.getAttribute("data-testid") === id, testId)) {
      return;
    }
  }
  throw new Error(`the keyboard never reached ${testId}`);
}

async function signIn(page: Page, login: string, next: string): Promise<void> {
  await page.goto(`${platform.baseUrl}/login`);
  await expectAccessible(page, "sign-in");
  await signInAs(platform, page, login, next);
}

it("the citizen's chat, the operator's window and the board pass WCAG 2.1 AA checks; a chat is started with the keyboard alone", async () => {
  const citizen = await (await platform.browser.newContext({ locale: "kk-KZ", viewport: { width: 390, height: 844 } })).newPage();
  const operator = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } })).newPage();
  const supervisor = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } })).newPage();
  // The content policy must not get in the way of any of these pages.
  const errors = [citizen, operator, supervisor].map(watchErrors);

  // The citizen, on a phone, fills the pre-chat form with the keyboard only: Tab, typing, Space, Enter.
  await citizen.goto(`${platform.baseUrl}/chat?tenant=demo&lang=kk`);
  await citizen.getByTestId("chat-start-form").waitFor();
  await expectAccessible(citizen, "chat form (kk)");
  await tabTo(citizen, "chat-name");
  await citizen.keyboard.type("Әлия Нұрланқызы");
  await tabTo(citizen, "chat-first-message");
  await citizen.keyboard.type("Жарық жоқ");
  await tabTo(citizen, "chat-consent");
  await citizen.keyboard.press("Space");
  await tabTo(citizen, "chat-start");
  await citizen.keyboard.press("Enter");
  await citizen.getByTestId("chat-queue-position").waitFor({ timeout: 15_000 });
  await expectAccessible(citizen, "waiting in the queue");

  // The operator's window with an offer, then with the conversation.
  await signIn(operator, "operator", "/workspace");
  await operator.getByTestId("agent-state-ready").click();
  await operator.getByTestId("offer-card").waitFor({ timeout: 15_000 });
  await expectAccessible(operator, "workspace with an offer");
  await operator.getByTestId("offer-accept").click();
  await operator.getByTestId("conversation").waitFor();
  await operator.getByTestId("agent-message-input").fill("Сәлеметсіз бе! Мекенжайыңыз?");
  await operator.getByTestId("agent-send").click();
  await citizen.locator('[data-testid="chat-message"][data-author="agent"]').waitFor({ timeout: 15_000 });
  await expectAccessible(operator, "workspace with a conversation");
  await expectAccessible(citizen, "chat conversation (kk)");

  // On hold, then ended: the citizen's notice and survey, the operator's wrap-up.
  await operator.getByTestId("action-hold").click();
  await citizen.locator('[data-testid="chat-event"][data-event="held"]').waitFor({ timeout: 15_000 });
  await expectAccessible(citizen, "chat on hold");
  await expectAccessible(operator, "workspace, conversation on hold");
  await operator.getByTestId("action-end").click();
  await operator.getByTestId("submit-end").click();
  await operator.getByTestId("wrapup-panel").waitFor({ timeout: 15_000 });
  await expectAccessible(operator, "wrap-up");
  await citizen.getByTestId("chat-survey").waitFor({ timeout: 15_000 });
  await expectAccessible(citizen, "survey");
  await citizen.screenshot({ path: path.join(SCREENSHOTS, "a11y-survey-phone-kk.png"), fullPage: true });

  // The supervisor's board, with a fault of the voice service that cut two calls today, and the public status page.
  const demo = await platform.database.db.selectFrom("tenants").select("id").where("code", "=", "demo").executeTakeFirstOrThrow();
  await platform.database.db.insertInto("voice_incidents").values({ tenant_id: demo.id, kind: "media_lost", calls_cut: 2 }).execute();
  await signIn(supervisor, "supervisor", "/board");
  await supervisor.getByTestId("board-queue-row").first().waitFor({ timeout: 15_000 });
  expect(await supervisor.getByTestId("board-voice-incidents").innerText()).toContain("прервано 2 звонка");
  await expectAccessible(supervisor, "board");
  await supervisor.screenshot({ path: path.join(SCREENSHOTS, "a11y-board-voice-incident.png"), fullPage: true });
  await citizen.goto(`${platform.baseUrl}/status?tenant=demo&lang=ru`);
  await citizen.getByRole("heading").first().waitFor();
  await expectAccessible(citizen, "status page");
  expect(errors.flat()).toEqual([]);
});

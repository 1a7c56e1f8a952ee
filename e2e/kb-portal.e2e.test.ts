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

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect(violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(", ")}`)).toEqual([]);
}

it("a citizen finds an answer on the portal, reads it in another language and rates it; the chat form suggests it too", async () => {
  const citizen = await (await platform.browser.newContext({ locale: "kk-KZ", viewport: { width: 390, height: 844 } })).newPage();
  const errors = watchErrors(citizen);

  // The front page: topics and the frequent questions, in Kazakh.
  await citizen.goto(`${platform.baseUrl}/kb?tenant=demo&lang=kk`);
  const popular = citizen.getByTestId("kb-portal-popular");
  await popular.first().waitFor({ timeout: 15_000 });
  await expectAccessible(citizen, "portal home (kk)");
  const title = (await popular.first().innerText()).trim();

  // A search by the answer's first word finds it, with the word marked in the snippet.
  const word = title.split(/\s+/)[0] ?? title;
  await citizen.getByTestId("kb-portal-query").fill(word);
  await citizen.getByTestId("kb-portal-submit").click();
  await citizen.getByTestId("kb-portal-hit").first().waitFor({ timeout: 15_000 });
  expect(await citizen.getByTestId("kb-portal-hit").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(title)]));
  await expectAccessible(citizen, "portal results (kk)");

  // The answer: facts, offices with a map link, the source; the reader switches to Russian and says it helped.
  await citizen.getByTestId("kb-portal-hit").getByRole("link", { name: title }).click();
  const article = citizen.getByTestId("kb-portal-article");
  await article.waitFor({ timeout: 15_000 });
  expect(await article.getAttribute("data-locale")).toBe("kk");
  await expectAccessible(citizen, "portal article (kk)");
  await shot(citizen, "kb-portal-article-kk");
  await citizen.getByTestId("language-switcher").getByText("РУС").click();
  await citizen.locator('[data-testid="kb-portal-article"][data-locale="ru"]').waitFor({ timeout: 15_000 });
  expect(new URL(citizen.url()).searchParams.get("lang")).toBe("ru");
  await citizen.getByTestId("kb-feedback-yes").click();
  await citizen.getByTestId("kb-feedback-done").waitFor();

  // Offices, each with its hours.
  await citizen.getByTestId("kb-portal-offices").click();
  await citizen.getByTestId("kb-office").first().waitFor({ timeout: 15_000 });
  await expectAccessible(citizen, "portal offices (ru)");

  // The chat's pre-chat form suggests the answer while the citizen types the question; the chat still starts.
  await citizen.goto(`${platform.baseUrl}/chat?tenant=demo&lang=kk`);
  await citizen.getByTestId("chat-start-form").waitFor();
  await citizen.getByTestId("chat-first-message").fill(title);
  const suggestion = citizen.getByTestId("chat-kb-suggestion").first();
  await suggestion.waitFor({ timeout: 15_000 });
  expect(await suggestion.getAttribute("target")).toBe("_blank");
  await expectAccessible(citizen, "chat form with suggestions (kk)");
  expect(errors).toEqual([]);
});

it("an operator sees suggestions for the conversation, sends the article to the citizen and marks it as the answer", async () => {
  const citizen = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 420, height: 860 } })).newPage();
  const operator = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } })).newPage();
  await signInAs(platform, operator, "operator", "/workspace");
  await operator.getByTestId("agent-state-ready").click();

  await citizen.goto(`${platform.baseUrl}/kb?tenant=demo&lang=ru`);
  const title = (await citizen.getByTestId("kb-portal-popular").first().innerText({ timeout: 15_000 })).trim();
  await citizen.goto(`${platform.baseUrl}/chat?tenant=demo&lang=ru`);
  await citizen.getByTestId("chat-name").fill("Айгуль");
  await citizen.getByTestId("chat-first-message").fill(`Подскажите: ${title}`);
  await citizen.getByTestId("chat-consent").check();
  await citizen.getByTestId("chat-start").click();

  await operator.getByTestId("offer-card").waitFor({ timeout: 15_000 });
  await operator.getByTestId("offer-accept").click();
  const suggested = operator.locator('[data-testid="kb-suggestions"] [data-testid="kb-hit"]');
  await suggested.first().waitFor({ timeout: 15_000 });
  await suggested.first().click();
  await operator.getByTestId("kb-article").waitFor({ timeout: 15_000 });
  await expectAccessible(operator, "workspace with the article open");

  await operator.getByTestId("kb-send").click();
  await citizen.locator('[data-testid="chat-message"][data-author="agent"]').first().waitFor({ timeout: 15_000 });
  expect(await citizen.locator('[data-testid="chat-message"][data-author="agent"]').first().innerText()).toContain("/kb/");
  await operator.getByTestId("kb-answered").click();
  await expect.poll(() => operator.getByTestId("kb-answered").isDisabled(), { timeout: 10_000 }).toBe(true);
  await shot(operator, "kb-workspace-reader");
});

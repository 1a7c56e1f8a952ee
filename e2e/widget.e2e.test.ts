import { createServer, type Server } from "node:http";
import { once } from "node:events";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SCREENSHOTS, signInAs, startPlatform, watchErrors, type Platform } from "./browser.ts";

let platform: Platform;
let site: Server;
let siteUrl: string;

/** A body's website on another site (localhost, not 127.0.0.1) with the one-tag embed, as its editors paste it. */
beforeAll(async () => {
  platform = await startPlatform();
  site = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Акимат</title></head>
<body><main><h1>Акимат города</h1><p>Официальный сайт.</p></main>
<script src="${platform.baseUrl}/widget.js" data-tenant="demo" data-lang="ru" async></script></body></html>`);
  });
  site.listen(0, "127.0.0.1");
  await once(site, "listening");
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  site.close();
  await platform.close();
});

it("the one-tag widget on a body's website: a citizen chats in the frame, keeps the chat across a reload, and the staff pages refuse framing", async () => {
  const citizen = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 860 } })).newPage();
  const errors = watchErrors(citizen);
  await citizen.goto(siteUrl);
  const launcher = citizen.getByRole("button", { name: "Чат / Chat" });
  await launcher.click();
  expect(await launcher.getAttribute("aria-expanded")).toBe("true");
  const chat = citizen.frameLocator('iframe[title="Чат / Chat"]');
  await chat.getByTestId("chat-start-form").waitFor({ timeout: 15_000 });
  await chat.getByTestId("chat-name").fill("Марат Оспанов");
  await chat.getByTestId("chat-first-message").fill("Когда дадут отопление?");
  await chat.getByTestId("chat-consent").check();
  await chat.getByTestId("chat-start").click();
  await expect.poll(async () => chat.getByTestId("chat-queue-position").getAttribute("data-position"), { timeout: 15_000 }).toBe("1");
  await citizen.screenshot({ path: path.join(SCREENSHOTS, "widget-01-waiting.png") });

  // An operator answers; the citizen reloads the body's page: the widget opens again on the same conversation.
  const operator = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1400, height: 900 } })).newPage();
  await signInAs(platform, operator, "operator", "/workspace");
  await operator.getByTestId("agent-state-ready").click();
  await operator.getByTestId("offer-accept").click();
  await operator.getByTestId("agent-message-input").fill("Здравствуйте! Уточню по вашему адресу.");
  await operator.getByTestId("agent-send").click();
  await chat.locator('[data-testid="chat-message"][data-author="agent"]').waitFor({ timeout: 15_000 });
  await citizen.reload();
  await chat.locator('[data-testid="chat-message"][data-author="agent"]').filter({ hasText: "Уточню" }).waitFor({ timeout: 15_000 });
  expect(await chat.locator('[data-testid="chat-message"][data-author="citizen"]').filter({ hasText: "отопление" }).count()).toBe(1);
  await chat.getByTestId("chat-message-input").fill("Спасибо, жду");
  await chat.getByTestId("chat-send").click();
  await operator.locator('[data-testid="agent-message"][data-author="citizen"]').filter({ hasText: "Спасибо, жду" }).waitFor({ timeout: 15_000 });
  await citizen.screenshot({ path: path.join(SCREENSHOTS, "widget-02-after-reload.png") });
  // The content policy let everything the chat needs load inside the frame.
  expect(errors).toEqual([]);

  // On a phone the chat fills the screen and closes from its own button; the focus goes back to the launcher.
  const phone = await (await platform.browser.newContext({ locale: "kk-KZ", viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(siteUrl);
  await phone.getByRole("button", { name: "Чат / Chat" }).click();
  const frame = phone.locator('iframe[title="Чат / Chat"]');
  await phone.frameLocator('iframe[title="Чат / Chat"]').getByTestId("chat-start-form").waitFor({ timeout: 15_000 });
  expect((await frame.boundingBox())?.width).toBe(390);
  await phone.screenshot({ path: path.join(SCREENSHOTS, "widget-03-phone.png") });
  await phone.getByRole("button", { name: "Жабу / Закрыть / Close" }).click();
  expect(await phone.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Чат / Chat");

  // Framing: the chat embed may be framed by any website, a staff page by none.
  const embed = await fetch(`${platform.baseUrl}/chat/embed?tenant=demo`);
  expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
  const workspace = await fetch(`${platform.baseUrl}/workspace`);
  expect(workspace.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(workspace.headers.get("x-frame-options")).toBe("DENY");
});

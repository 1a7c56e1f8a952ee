import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { createEventBus, type EventBus } from "../server/src/realtime/event-bus.ts";
import { buildApp } from "../server/src/app.ts";
import { openDatabase, type Database } from "../server/src/db/database.ts";
import { migrate } from "../server/src/db/migrate.ts";
import { loadConfig } from "../server/src/platform/config.ts";
import { seedDemo } from "../server/src/seed/demo-seed.ts";

export const DEMO_PASSWORD = "e2e-demo-password";
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../test-results/screenshots");
const WEB_DIST = path.resolve(import.meta.dirname, "../web/dist/index.html");

export interface Platform {
  baseUrl: string;
  app: FastifyInstance;
  database: Database;
  bus: EventBus;
  browser: Browser;
  close(): Promise<void>;
}

/** The whole platform on a fresh embedded database with the demo centre, and Debian's Chromium to drive it. */
export async function startPlatform(): Promise<Platform> {
  if (!existsSync(WEB_DIST)) {
    throw new Error("web/dist is missing: run `npm run build:web` before the browser tests");
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrate(database);
  await seedDemo(database.db, DEMO_PASSWORD, 1024);
  const config = loadConfig({ LOG_LEVEL: "warn", BAILANYS_ARGON2_MEMORY_KIB: "1024" }, ["--role=api"]);
  const bus = await createEventBus(database);
  const app = await buildApp({ config, db: database.db, bus });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    baseUrl,
    app,
    database,
    bus,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await bus.close();
      await database.close();
    },
  };
}

/** Signs a demo user in through the login page (in Russian), then opens `next`. */
export async function signInAs(platform: Platform, page: Page, login: string, next: string): Promise<void> {
  await page.goto(`${platform.baseUrl}/login`);
  await page.getByLabel("Логин", { exact: true }).fill(login);
  await page.getByLabel("Пароль", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto(`${platform.baseUrl}${next}`);
}

/** Console errors and uncaught errors of a page as they happen (a content-policy refusal shows up here). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      errors.push(message.text());
    }
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

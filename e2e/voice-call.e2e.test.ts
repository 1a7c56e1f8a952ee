import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VoiceCentre } from "../server/src/voice/centre/voice-centre.ts";
import { encodeG711 } from "../server/src/voice/media/g711.ts";
import { PromptLibrary } from "../server/src/voice/prompts/prompt-library.ts";
import { freeUdpPort, runSipp, sippAvailable } from "../server/src/voice/test/sipp.ts";
import { DEMO_SIP_REALM } from "../server/src/seed/demo-seed.ts";
import { DEMO_PASSWORD, SCREENSHOTS, signInAs, startPlatform, watchErrors, type Platform } from "./browser.ts";

let platform: Platform;
let centre: VoiceCentre;
let speech: string;
beforeAll(async () => {
  platform = await startPlatform();
  // The voice role on the platform's own database and bus, as `npm start` runs it in one process.
  const bus = platform.bus;
  const tone = Int16Array.from({ length: 2400 }, (_, i) => Math.round(5000 * Math.sin((2 * Math.PI * 500 * i) / 8000)));
  centre = await VoiceCentre.start(
    { db: platform.database.db, bus },
    { host: "127.0.0.1", sipPort: 0, rtpPorts: { first: 28_000, last: 28_100 }, realm: DEMO_SIP_REALM, log: pino({ level: "silent" }), prompts: new PromptLibrary(async () => tone), statusRefreshMs: 500 },
  );
  speech = path.join(os.tmpdir(), `bailanys-e2e-voice-${process.pid}.alaw`);
  writeFileSync(speech, encodeG711(tone, "PCMA"));
}, 60_000);
afterAll(async () => {
  await centre?.stop();
  await platform?.close();
  rmSync(speech, { force: true });
});

describe.skipIf(!sippAvailable())("the single number in the operator's window", () => {
  it("a call to 109 rings the ready operator's phone; the window shows the call with the number and the menu choices", async () => {
    // The demo operator's phone (extension 1001) registers with the demo's password.
    const phonePort = await freeUdpPort();
    const registered = await runSipp("phone-registers.xml", centre.gateway.local, { localPort: phonePort, keys: { user: "1001", password: DEMO_PASSWORD, expect: "200" } });
    expect(registered.code, registered.output).toBe(0);

    const page = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1366, height: 860 } })).newPage();
    const errors = watchErrors(page);
    await signInAs(platform, page, "operator", "/workspace");
    await page.getByTestId("agent-state-ready").click();

    const phone = runSipp("operator-answers.xml", null, { localPort: phonePort, keys: { audio: speech }, timeoutSeconds: 40 });
    const caller = runSipp("caller-queues.xml", centre.gateway.local, { service: "109", keys: { first: "2", second: "0", audio: speech, talk_ms: "9000" }, timeoutSeconds: 40 });
    // Answering the phone accepted the offer: the window shows the call, and what the caller chose in the menu.
    const menuLine = page.locator('[data-testid="log-event"][data-event="voice_menu"]');
    await menuLine.waitFor({ timeout: 20_000 });
    expect(await menuLine.textContent()).toContain("87011234567");
    expect(await menuLine.textContent()).toContain("2 → 0");
    await page.screenshot({ path: path.join(SCREENSHOTS, "voice-call-workspace.png"), fullPage: true });
    // A call back needs its reason (R13.3); the demo has no outbound trunk, and the operator is told so in the dialog.
    await page.getByTestId("action-call").click();
    await page.getByTestId("dial-reason").fill("Уточнить адрес по обращению");
    await page.getByTestId("submit-dial").click();
    await page.getByTestId("dial-error").waitFor();
    expect(await page.getByTestId("dial-error").textContent()).toContain("Для исходящих звонков не настроен транк");
    await page.screenshot({ path: path.join(SCREENSHOTS, "voice-dial-refused.png") });
    await page.keyboard.press("Escape");
    expect((await caller).code).toBe(0);
    expect((await phone).code).toBe(0);
    // The refused dial answered 409, which the browser logs as a failed request; nothing else may be logged.
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
    await page.close();
  }, 90_000);

  it("Call the citizen on an appeal's card asks the reason and posts the follow-up call; the demo has no outbound trunk, and the dialog says so", async () => {
    const { db } = platform.database;
    const appeal = await db.selectFrom("appeals").select("id").where("citizen_id", "is not", null).where("closed_at", "is", null).orderBy("registered_at", "desc").executeTakeFirstOrThrow();
    const linked = () => db.selectFrom("contact_appeals").select("contact_id").where("appeal_id", "=", appeal.id).execute();
    const before = await linked();
    const page = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1366, height: 900 } })).newPage();
    const errors = watchErrors(page);
    // The senior operator reads every appeal and handles contacts (and has nothing open: a call takes them whole).
    await signInAs(platform, page, "senior", `/appeals/${appeal.id}`);
    await page.getByTestId("action-dial").click();
    await page.getByTestId("submit-dial").click();
    await page.getByText("Обязательное поле").first().waitFor();
    await page.getByTestId("dial-reason").fill("Уточнить адрес по обращению");
    await page.getByTestId("submit-dial").click();
    await page.getByTestId("dial-error").waitFor();
    expect(await page.getByTestId("dial-error").textContent()).toContain("Для исходящих звонков не настроен транк");
    // Refused: no contact was opened for the call.
    expect(await linked()).toEqual(before);
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
    await page.close();
  }, 60_000);

  it("the administration shows the demo menu, the waiting rules and the extensions", async () => {
    const page = await (await platform.browser.newContext({ locale: "ru-RU", viewport: { width: 1366, height: 900 } })).newPage();
    const errors = watchErrors(page);
    await signInAs(platform, page, "supervisor", "/admin/contact-centre?tab=voice");
    await page.getByText("1001").first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "voice-admin.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

import type { Locale } from "@bailanys/common/locales";
import { afterEach, describe, expect, it } from "vitest";
import type { InboundCall } from "../gateway/inbound-call.ts";
import { VoiceGateway } from "../gateway/voice-gateway.ts";
import { encodeG711 } from "../media/g711.ts";
import { runSipp, sippAvailable } from "../test/sipp.ts";
import { menuLocales, menuProblems, type IvrMenu } from "./ivr-menu.ts";
import { runIvr, type IvrOutcome } from "./ivr-runner.ts";

/** Language first, then a topic menu; the prompts are tones (see promptSeconds). */
const MENU: IvrMenu = {
  start: "language",
  defaultLocale: "kk",
  nodes: {
    language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru" }, next: "topics", timeoutSeconds: 1, retries: 1 },
    topics: { kind: "menu", prompt: "topics", choices: { "1": "housing", "2": "hours" }, timeoutSeconds: 0.5, retries: 1, onFailure: "goodbye" },
    hours: { kind: "info", prompt: "working_hours", next: "topics" },
    housing: { kind: "queue", prompt: null, queue: "housing", topic: null },
    goodbye: { kind: "hangup", prompt: "goodbye" },
  },
};

const played: { prompt: string; locale: Locale }[] = [];
/** Seconds each prompt lasts (long where keys must cut it short, short where the test waits them out). */
let promptSeconds = 1.5;
const prompts = (prompt: string, locale: Locale) => {
  played.push({ prompt, locale });
  return encodeG711(Int16Array.from({ length: Math.round(8000 * promptSeconds) }, (_, i) => Math.round(6000 * Math.sin(i / 3))), "PCMU");
};

const running: VoiceGateway[] = [];
afterEach(async () => {
  played.length = 0;
  promptSeconds = 1.5;
  await Promise.all(running.splice(0).map((g) => g.stop()));
});

/** A gateway whose calls go through MENU and are hung up when it ends; resolves with the outcome. */
async function ivrGateway() {
  let resolveOutcome: (outcome: IvrOutcome) => void = () => undefined;
  const outcome = new Promise<IvrOutcome>((resolve) => (resolveOutcome = resolve));
  const gateway = await VoiceGateway.start({
    host: "127.0.0.1",
    sipPort: 0,
    rtpPorts: { first: 28_000 + 2 * Math.floor(Math.random() * 500), last: 30_000 },
    onCall: (call: InboundCall) => {
      void runIvr(call, MENU, prompts).then((result) => {
        resolveOutcome(result);
        call.hangUp();
      });
    },
  });
  running.push(gateway);
  return { gateway, outcome };
}

describe("voice menus", () => {
  it("finds what keeps a menu from running, by node", () => {
    expect(menuProblems(MENU)).toEqual([]);
    const broken: IvrMenu = { ...MENU, start: "nowhere", nodes: { ...MENU.nodes, topics: { kind: "menu", prompt: "topics", choices: { x: "missing" }, timeoutSeconds: 1, retries: 0, onFailure: "goodbye" } } };
    expect(menuProblems(broken)).toEqual([
      { node: "nowhere", problem: "no_start" },
      { node: "topics", problem: "unknown_target" },
      { node: "topics", problem: "bad_digit" },
    ]);
  });

  it("names the languages a caller can hear, for rendering their prompts ahead: the default and every one offered", () => {
    expect(menuLocales(MENU)).toEqual(["kk", "ru"]);
    const withEnglish: IvrMenu = { ...MENU, defaultLocale: "ru", nodes: { ...MENU.nodes, language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru", "3": "en" }, next: "topics", timeoutSeconds: 1, retries: 1 } } };
    expect(menuLocales(withEnglish)).toEqual(["ru", "kk", "en"]);
    expect(menuLocales({ ...MENU, defaultLocale: "ru", start: "topics", nodes: { topics: MENU.nodes.topics as IvrMenu["nodes"][string] } })).toEqual(["ru"]);
  });
});

describe.skipIf(!sippAvailable())("voice menus with SIPp as the caller", () => {
  it("a caller chooses Russian, then housing, cutting both prompts short: queued with the topic's queue and language", async () => {
    const { gateway, outcome } = await ivrGateway();
    const run = await runSipp("caller-presses.xml", gateway.local, { service: "1414", keys: { keys: "21" } });
    expect(run.code, run.output).toBe(0);
    const result = await outcome;
    expect(result).toMatchObject({ kind: "queue", queue: "housing", locale: "ru", digits: ["2", "1"] });
    // Both 1.5 s prompts were cut by the keys (barge-in): the menu took far less than the 3 s of prompts.
    expect(result.ivrMs).toBeLessThan(2_500);
    expect(played).toEqual([{ prompt: "choose_language", locale: "kk" }, { prompt: "topics", locale: "ru" }]);
  });

  it("a caller who presses nothing hears each prompt again once, the default language, then goodbye", async () => {
    promptSeconds = 0.3;
    const { gateway, outcome } = await ivrGateway();
    const run = await runSipp("caller-waits.xml", gateway.local, { service: "1414", timeoutSeconds: 20 });
    expect(run.code, run.output).toBe(0);
    expect(await outcome).toMatchObject({ kind: "hangup", locale: "kk", digits: [] });
    expect(played.map((p) => p.prompt)).toEqual(["choose_language", "choose_language", "topics", "topics", "goodbye"]);
  });
});

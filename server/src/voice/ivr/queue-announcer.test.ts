import type { Locale } from "@bailanys/common/locales";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { InboundCall } from "../gateway/inbound-call.ts";
import { VoiceGateway } from "../gateway/voice-gateway.ts";
import { encodeG711 } from "../media/g711.ts";
import { runSipp, sippAvailable } from "../test/sipp.ts";
import { announcementProblems, announceWhileWaiting } from "./queue-announcer.ts";

const running: VoiceGateway[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((g) => g.stop()));
});

describe("queue announcements", () => {
  it("refuse a free/paid notice more often than once a minute (R12.2)", () => {
    expect(announcementProblems({ noticeIntervalSeconds: 59 })).toEqual([{ field: "noticeIntervalSeconds", problem: "too_short" }]);
    expect(announcementProblems({ noticeIntervalSeconds: 60 })).toEqual([]);
  });

  it.skipIf(!sippAvailable())("tell a waiting caller the expected wait, then that waiting is free, again a full interval after each ends", async () => {
    const heard: { prompt: string; locale: Locale }[] = [];
    const events: { at: "start" | "end"; time: number }[] = [];
    let position = 3;
    const prompts = (prompt: string, locale: Locale) => {
      heard.push({ prompt, locale });
      return encodeG711(new Int16Array(2400).fill(3000), "PCMA");
    };
    const gateway = await VoiceGateway.start({
      host: "127.0.0.1",
      sipPort: 0,
      rtpPorts: { first: 32_000 + 2 * Math.floor(Math.random() * 500), last: 34_000 },
      onCall: (call: InboundCall) => {
        const announcer = announceWhileWaiting(call, {
          locale: "ru",
          prompts,
          waitingIsFree: true,
          intervalSeconds: 0.8,
          status: () => ({ position, expectedWaitSeconds: position === 3 ? null : 130 }),
          onAnnouncement: (event) => events.push(event),
        });
        void sleep(1_000).then(() => (position = 2));
        void sleep(3_500).then(() => {
          announcer.stop();
          call.hangUp();
        });
      },
    });
    running.push(gateway);
    const run = await runSipp("caller-waits.xml", gateway.local, { service: "1414" });
    expect(run.code, run.output).toBe(0);
    // 0.6 s announcements every 0.8 s after the previous ended: at 0, 1.4 and 2.8 s; stopped at 3.5 s.
    expect(heard.map((h) => h.prompt)).toEqual(["position:3", "waiting_free", "wait_minutes:3", "waiting_free", "wait_minutes:3", "waiting_free"]);
    expect(heard.every((h) => h.locale === "ru")).toBe(true);
    for (let i = 2; i < events.length; i += 2) {
      const pause = (events[i]?.time ?? 0) - (events[i - 1]?.time ?? 0);
      expect(pause).toBeGreaterThanOrEqual(790);
    }
  });
});

import { describe, expect, it } from "vitest";
import { runSipp, sippAvailable } from "../test/sipp.ts";
import type { CallEnd, InboundCall } from "./inbound-call.ts";
import { VoiceGateway, type DroppedAudio } from "./voice-gateway.ts";

describe.skipIf(!sippAvailable())("the media thread dies during a call", () => {
  it("hangs the call up, ends its playback, reports the loss, and answers the next call on a new thread", async () => {
    const ends: CallEnd[] = [];
    const losses: DroppedAudio[] = [];
    let playback: Promise<void> | null = null;
    const calls: InboundCall[] = [];
    const rtpBase = 20_000 + 2 * Math.floor(Math.random() * 5_000);
    const gateway = await VoiceGateway.start({
      host: "127.0.0.1",
      sipPort: 0,
      rtpPorts: { first: rtpBase, last: rtpBase + 20 },
      onMediaLost: (_error, dropped) => losses.push(dropped),
      onCall: (call) => {
        calls.push(call);
        call.handlers.onEnd = (why) => ends.push(why);
        call.handlers.onDigit = (digit) => {
          if (digit.digit === "#") {
            call.hangUp();
          }
        };
        if (calls.length === 1) {
          // A minute of prompt, then the thread dies under it (after the scenario's 600 ms pause, when SIPp waits for a BYE).
          playback = call.play(Buffer.alloc(8000 * 60, 0xd5));
          setTimeout(() => void gateway.media.killThread(), 1_000);
        }
      },
    });
    try {
      const first = await runSipp("caller-waits.xml", gateway.local, { service: "109" });
      expect(first.code, first.output).toBe(0);
      expect(ends).toEqual(["gateway_hung_up"]);
      expect(losses).toEqual([{ inboundDialled: ["109"], legs: 0 }]);
      await expect(playback).resolves.toBeUndefined();
      expect(gateway.activeCalls).toBe(0);

      // The successor thread carries the next call's audio: its key presses are heard.
      const second = await runSipp("caller-dtmf-gateway-hangs-up.xml", gateway.local, { service: "109" });
      expect(second.code, second.output).toBe(0);
      expect(calls[1]?.digits).toEqual(["3", "#"]);
      expect((await (calls[1] as InboundCall).media.stats()).receivedEvents).toBeGreaterThan(0);
    } finally {
      await gateway.stop();
    }
  });
});

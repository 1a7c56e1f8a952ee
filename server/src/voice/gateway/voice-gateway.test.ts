import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { runSipp, sippAvailable } from "../test/sipp.ts";
import type { CallEnd, InboundCall } from "./inbound-call.ts";
import { VoiceGateway } from "./voice-gateway.ts";

const running: VoiceGateway[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((g) => g.stop()));
});

/** A gateway on ephemeral ports whose answered calls are collected with how they ended. */
async function gateway(options: { answerAfterMs?: number; onCall?: (call: InboundCall) => void } = {}) {
  const calls: InboundCall[] = [];
  const ends: CallEnd[] = [];
  const rtpBase = 20_000 + 2 * Math.floor(Math.random() * 5_000);
  const started = await VoiceGateway.start({
    host: "127.0.0.1",
    sipPort: 0,
    rtpPorts: { first: rtpBase, last: rtpBase + 40 },
    answerAfterMs: options.answerAfterMs ?? 0,
    onCall: (call) => {
      calls.push(call);
      call.handlers.onEnd = (why) => ends.push(why);
      options.onCall?.(call);
    },
  });
  running.push(started);
  return { gateway: started, calls, ends };
}

describe.skipIf(!sippAvailable())("voice gateway with SIPp as the caller", () => {
  it("answers PCMU with events on 96, reads 3 and # from SIPp's generated RFC 4733, and hangs up on #", async () => {
    const { gateway: gw, calls, ends } = await gateway({
      onCall: (call) => {
        call.handlers.onDigit = (digit) => {
          if (digit.digit === "#") {
            call.hangUp();
          }
        };
      },
    });
    const run = await runSipp("caller-dtmf-gateway-hangs-up.xml", gw.local, { service: "1414" });
    expect(run.code, run.output).toBe(0);
    expect(calls).toHaveLength(1);
    const call = calls[0] as InboundCall;
    expect(call.caller).toBe("77011234567");
    expect(call.media.codec).toBe("PCMU");
    expect(call.digits).toEqual(["3", "#"]);
    expect(ends).toEqual(["gateway_hung_up"]);
    // The media clock sent a packet every 20 ms from the answer to the hang-up (over a second of it).
    expect(call.media.counters.sent).toBeGreaterThan(40);
    expect(gw.activeCalls).toBe(0);
  });

  it("answers PCMA with events on 101, reads 1, 2 and # from SIPp's captures, and takes the caller's BYE", async () => {
    const { gateway: gw, calls, ends } = await gateway();
    const run = await runSipp("caller-pcap-dtmf-hangs-up.xml", gw.local, { service: "1414" });
    expect(run.code, run.output).toBe(0);
    const call = calls[0] as InboundCall;
    expect(call.media.codec).toBe("PCMA");
    expect(call.digits).toEqual(["1", "2", "#"]);
    // Each capture is ten packets of one key press (three of them End packets): one digit each.
    expect(call.media.counters.receivedEvents).toBe(30);
    expect(ends).toEqual(["caller_hung_up"]);
    expect(gw.activeCalls).toBe(0);
  });

  it("a caller who gives up while it rings gets 200 to the CANCEL and 487 to the INVITE; no call starts", async () => {
    const { gateway: gw, calls } = await gateway({ answerAfterMs: 3_000 });
    const run = await runSipp("caller-cancels.xml", gw.local, { service: "1414" });
    expect(run.code, run.output).toBe(0);
    await sleep(50);
    expect(calls).toHaveLength(0);
    expect(gw.activeCalls).toBe(0);
  });
});

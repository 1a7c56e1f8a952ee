import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { encodeG711 } from "../media/g711.ts";
import { decodeWav } from "../media/wav.ts";
import { level } from "../test/audio-level.ts";
import { freeUdpPort, runSipp, sippAvailable } from "../test/sipp.ts";
import type { LegFailure, OutboundLeg } from "./outbound-leg.ts";
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

/** A tone of `seconds` at `hz`, 8 kHz 16-bit. */
function tone(hz: number, seconds: number): Int16Array {
  return Int16Array.from({ length: Math.round(8000 * seconds) }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / 8000)));
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
    expect((await call.media.stats()).sent).toBeGreaterThan(40);
    expect(gw.activeCalls).toBe(0);
  });

  it("answers a caller over TCP: the digits arrive, and the gateway's BYE goes back over the caller's connection", async () => {
    const { gateway: gw, calls, ends } = await gateway({
      onCall: (call) => {
        call.handlers.onDigit = (digit) => {
          if (digit.digit === "#") {
            call.hangUp();
          }
        };
      },
    });
    const run = await runSipp("caller-dtmf-gateway-hangs-up.xml", gw.local, { service: "1414", tcp: true });
    expect(run.code, run.output).toBe(0);
    expect(calls[0]?.digits).toEqual(["3", "#"]);
    expect(ends).toEqual(["gateway_hung_up"]);
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
    expect((await call.media.stats()).receivedEvents).toBe(30);
    expect(ends).toEqual(["caller_hung_up"]);
    expect(gw.activeCalls).toBe(0);
  });

  it("records the call in stereo: what the caller said on the left, the prompt they heard on the right", async () => {
    const { gateway: gw, calls } = await gateway({ onCall: (call) => void call.play(encodeG711(tone(600, 0.5), call.media.codec)) });
    const speech = path.join(os.tmpdir(), `bailanys-caller-${process.pid}.alaw`);
    writeFileSync(speech, encodeG711(tone(300, 1), "PCMA"));
    const run = await runSipp("caller-speaks.xml", gw.local, { service: "1414", keys: { audio: speech } });
    rmSync(speech);
    expect(run.code, run.output).toBe(0);
    const call = calls[0] as InboundCall;
    const wav = decodeWav(await call.media.recording());
    expect(wav).toMatchObject({ sampleRate: 8000, channels: 2 });
    const seconds = wav.samples.length / 2 / 8000;
    expect(seconds).toBeGreaterThan(1.4);
    // The caller's second of tone on the left (it starts a moment after the answer), silence there at the end.
    expect(level(wav.samples, 0, 0.2, 0.9)).toBeGreaterThan(2000);
    expect(level(wav.samples, 0, seconds - 0.2, seconds)).toBeLessThan(100);
    // The half-second prompt on the right, then the silence the gateway keeps sending.
    expect(level(wav.samples, 1, 0, 0.45)).toBeGreaterThan(2000);
    expect(level(wav.samples, 1, 0.6, seconds)).toBeLessThan(100);
    expect((await call.media.stats()).receivedAudio).toBeGreaterThanOrEqual(45);
  });

  it("goes on hold when the caller's re-INVITE says sendonly (answering recvonly, sending nothing) and back with sendrecv", async () => {
    const { gateway: gw, calls, ends } = await gateway();
    const samples: { direction: string; sent: number }[] = [];
    const watch = setInterval(() => {
      const call = calls[0];
      if (call) {
        void call.media.stats().then((stats) => samples.push({ direction: stats.direction ?? "", sent: stats.sent }));
      }
    }, 20);
    const run = await runSipp("caller-holds.xml", gw.local, { service: "1414" });
    clearInterval(watch);
    expect(run.code, run.output).toBe(0);
    expect(ends).toEqual(["caller_hung_up"]);
    const held = samples.filter((s) => s.direction === "recvonly");
    // About 0.8 s on hold: the count of packets sent does not move meanwhile, and moves again after.
    expect(held.length).toBeGreaterThan(10);
    expect(new Set(held.map((s) => s.sent)).size).toBeLessThanOrEqual(2);
    const lastHeld = samples.map((s) => s.direction).lastIndexOf("recvonly");
    const resumed = samples.slice(lastHeld + 1).filter((s) => s.direction === "sendrecv");
    expect((resumed.at(-1)?.sent ?? 0) - (resumed[0]?.sent ?? 0)).toBeGreaterThan(10);
  });

  it("bridges the caller to an operator's phone: each hears the other, and the caller's hang-up ends both legs", async () => {
    const phonePort = await freeUdpPort();
    const dialled: (OutboundLeg | LegFailure)[] = [];
    const { gateway: gw, calls } = await gateway({
      onCall: (call) => void gw.dial(call, { target: `sip:operator@127.0.0.1:${phonePort}`, destination: { address: "127.0.0.1", port: phonePort }, ringSeconds: 5 }).then((leg) => dialled.push(leg)),
    });
    const callerSpeech = path.join(os.tmpdir(), `bailanys-caller-${process.pid}.alaw`);
    const operatorSpeech = path.join(os.tmpdir(), `bailanys-operator-${process.pid}.alaw`);
    writeFileSync(callerSpeech, encodeG711(tone(300, 1), "PCMA"));
    writeFileSync(operatorSpeech, encodeG711(tone(600, 1), "PCMA"));
    const phone = runSipp("operator-answers.xml", null, { localPort: phonePort, keys: { audio: operatorSpeech }, timeoutSeconds: 15 });
    const caller = await runSipp("caller-speaks.xml", gw.local, { service: "1414", keys: { audio: callerSpeech } });
    const operator = await phone;
    rmSync(callerSpeech);
    rmSync(operatorSpeech);
    expect(caller.code, caller.output).toBe(0);
    expect(operator.code, operator.output).toBe(0);
    const leg = dialled[0];
    expect(leg && "media" in leg).toBe(true);
    const operatorMedia = leg && "media" in leg ? leg.media : null;
    // The operator's second of speech reached the gateway and went on to the caller, and the other way round.
    expect((await operatorMedia?.stats())?.receivedAudio).toBeGreaterThanOrEqual(45);
    const wav = decodeWav(await (calls[0] as InboundCall).media.recording());
    expect(level(wav.samples, 0, 0.2, 0.9)).toBeGreaterThan(2000);
    expect(level(wav.samples, 1, 0.5, 1.0)).toBeGreaterThan(2000);
    const heardByOperator = decodeWav((await operatorMedia?.recording()) ?? Buffer.alloc(0));
    expect(level(heardByOperator.samples, 1, 0.2, 0.6)).toBeGreaterThan(2000);
    expect(gw.activeCalls).toBe(0);
  });

  it("the operator's phone puts the call on hold with a re-INVITE: its leg answers recvonly and stops sending, then resumes", async () => {
    const phonePort = await freeUdpPort();
    const dialled: (OutboundLeg | LegFailure)[] = [];
    const { gateway: gw } = await gateway({
      onCall: (call) => void gw.dial(call, { target: `sip:operator@127.0.0.1:${phonePort}`, destination: { address: "127.0.0.1", port: phonePort }, ringSeconds: 5 }).then((leg) => dialled.push(leg)),
    });
    const operatorSpeech = path.join(os.tmpdir(), `bailanys-operator-hold-${process.pid}.alaw`);
    writeFileSync(operatorSpeech, encodeG711(tone(600, 0.2), "PCMA"));
    const samples: string[] = [];
    const watch = setInterval(() => {
      const leg = dialled[0];
      if (leg && "media" in leg && leg.media) {
        samples.push(leg.media.direction);
      }
    }, 20);
    const phone = runSipp("operator-holds.xml", null, { localPort: phonePort, keys: { audio: operatorSpeech, hold_ms: "800" }, timeoutSeconds: 15 });
    const caller = await runSipp("caller-listens.xml", gw.local, { service: "1414", keys: { hold: "3000" } });
    const operator = await phone;
    clearInterval(watch);
    rmSync(operatorSpeech);
    expect(caller.code, caller.output).toBe(0);
    expect(operator.code, operator.output).toBe(0);
    // On hold for about 0.8 s (recvonly: the phone said sendonly), then back to sendrecv.
    expect(samples.filter((d) => d === "recvonly").length).toBeGreaterThan(10);
    expect(samples.at(-1)).toBe("sendrecv");
  });

  it("a busy operator's phone answers 486: the dial reports it for the next offer, the caller stays", async () => {
    const phonePort = await freeUdpPort();
    const dialled: (OutboundLeg | LegFailure)[] = [];
    const { gateway: gw } = await gateway({
      onCall: (call) => {
        void gw.dial(call, { target: `sip:operator@127.0.0.1:${phonePort}`, destination: { address: "127.0.0.1", port: phonePort }, ringSeconds: 5 }).then((leg) => dialled.push(leg));
        call.handlers.onDigit = (digit) => {
          if (digit.digit === "#") {
            call.hangUp();
          }
        };
      },
    });
    const phone = runSipp("operator-busy.xml", null, { localPort: phonePort });
    const caller = await runSipp("caller-dtmf-gateway-hangs-up.xml", gw.local, { service: "1414" });
    const operator = await phone;
    expect(caller.code, caller.output).toBe(0);
    expect(operator.code, operator.output).toBe(0);
    expect(dialled).toEqual([{ status: 486 }]);
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

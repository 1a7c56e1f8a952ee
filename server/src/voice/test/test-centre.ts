import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import type { TestContext } from "../../test/harness.ts";
import { VoiceCentre } from "../centre/voice-centre.ts";
import { encodeG711 } from "../media/g711.ts";
import { PromptLibrary } from "../prompts/prompt-library.ts";

/** A sine tone at 8 kHz: a prompt or a caller's speech that is easy to find in a recording. */
export function tone(hz: number, seconds: number): Int16Array {
  return Int16Array.from({ length: Math.round(8000 * seconds) }, (_, i) => Math.round(6000 * Math.sin((2 * Math.PI * hz * i) / 8000)));
}

/** A-law audio in a temporary file, for SIPp to play; removed by the returned function. */
export function alawFile(name: string, samples: Int16Array): { file: string; remove(): void } {
  const file = path.join(os.tmpdir(), `bailanys-${name}-${process.pid}.alaw`);
  writeFileSync(file, encodeG711(samples, "PCMA"));
  return { file, remove: () => rmSync(file, { force: true }) };
}

export interface TestCentre {
  centre: VoiceCentre;
  /** Every text the centre had spoken (rendered once each: the library keeps what it rendered). */
  spoken: string[];
}

/**
 * A voice centre on a free SIP port whose prompts are short tones: what a voice test checks is the call's way through
 * the engine and which words it asked to be spoken, not speech synthesis.
 */
export async function startTestCentre(
  ctx: TestContext,
  options: { realm: string; rtpPorts: number; holdPromptSeconds?: number; /** A band per test file, so that files running at once seldom try the same ports. */ rtpBand: [number, number] },
): Promise<TestCentre> {
  const spoken: string[] = [];
  const [low, high] = options.rtpBand;
  const first = low + 2 * Math.floor((Math.random() * (high - low - options.rtpPorts)) / 2);
  const centre = await VoiceCentre.start(
    { db: ctx.db, bus: ctx.bus },
    {
      host: "127.0.0.1",
      sipPort: 0,
      rtpPorts: { first, last: first + options.rtpPorts },
      realm: options.realm,
      log: pino({ level: process.env.VOICE_TEST_LOG ?? "silent" }),
      prompts: new PromptLibrary(async (text) => {
        spoken.push(text);
        return tone(500, 0.3);
      }),
      statusRefreshMs: 300,
      ...(options.holdPromptSeconds !== undefined ? { holdPromptSeconds: options.holdPromptSeconds } : {}),
    },
  );
  return { centre, spoken };
}

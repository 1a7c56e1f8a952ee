import { spawn, spawnSync } from "node:child_process";
import type { Locale } from "@bailanys/common/locales";
import { decodeWav } from "../media/wav.ts";

/** The espeak-ng voice of each interface language (it speaks Kazakh and Russian). */
const VOICES: Record<Locale, string> = { kk: "kk", ru: "ru", en: "en" };
const RATE = 8000;

let available: boolean | null = null;
/** espeak-ng processes at once: a queue of callers each needing a new "you are N-th" must not flood the cores. */
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_RUNNING) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/** Whether generated speech is possible here (Debian's espeak-ng is installed). */
export function speechAvailable(): boolean {
  available ??= spawnSync("espeak-ng", ["--version"], { stdio: "ignore" }).status === 0;
  return available;
}

/**
 * Speaks a text with espeak-ng and returns it as 8 kHz 16-bit mono, the telephone's rate. Generated speech
 * stands in until a body uploads its recordings; the text goes in on stdin so that nothing in it is an option.
 * At most two run at once, at a lower priority than this process, whose media clock must keep its 20 ms.
 */
export async function synthesize(text: string, locale: Locale): Promise<Int16Array> {
  const done = await turn();
  const wav = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn("nice", ["-n", "10", "espeak-ng", "-v", VOICES[locale], "-s", "150", "--stdout", "--stdin"], { stdio: ["pipe", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`espeak-ng exited with ${code}`))));
    child.stdin.end(text);
  }).finally(done);
  // espeak-ng writes a WAV whose length fields say "streamed" (0xffffffff); the decoder takes the data as is.
  const audio = decodeWav(wav);
  return resample(audio.samples, audio.sampleRate, RATE);
}

/**
 * Changes the sample rate by averaging the input over each output sample's span: a box filter that removes
 * most of what lies above the new Nyquist frequency (enough for speech on a telephone line).
 */
export function resample(input: Int16Array, from: number, to: number): Int16Array {
  if (from === to) {
    return input;
  }
  const step = from / to;
  const output = new Int16Array(Math.floor(input.length / step));
  for (let i = 0; i < output.length; i += 1) {
    const start = Math.floor(i * step);
    const end = Math.max(start + 1, Math.floor((i + 1) * step));
    let sum = 0;
    for (let j = start; j < end && j < input.length; j += 1) {
      sum += input[j] ?? 0;
    }
    output[i] = Math.round(sum / (end - start));
  }
  return output;
}

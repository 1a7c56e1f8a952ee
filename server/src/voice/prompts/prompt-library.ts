import type { Locale } from "@bailanys/common/locales";
import { encodeG711, type G711 } from "../media/g711.ts";
import { speechAvailable, synthesize } from "./speech.ts";

/** Rendered prompts kept in memory (each is a few seconds of 8 kHz audio: ~50 KB). */
const MAX_CACHED = 500;

/**
 * Turns the texts of prompts into audio once and keeps them: generated speech where espeak-ng is installed,
 * otherwise a short two-tone signal per prompt, so that a machine without it still runs every menu (the caller
 * hears a beep where the words would be; `speechAvailable` tells the operator of the platform at start-up).
 */
export class PromptLibrary {
  private readonly rendered = new Map<string, Promise<Int16Array>>();
  /** The G.711 of each rendered prompt, made once per law (a queue's announcements repeat every minute). */
  private readonly encoded = new WeakMap<Int16Array, Partial<Record<G711, Buffer>>>();

  constructor(private readonly speak: (text: string, locale: Locale) => Promise<Int16Array> = speechAvailable() ? synthesize : async () => beep()) {}

  /** The G.711 audio of a text in a language and law. */
  async audio(text: string, locale: Locale, law: G711): Promise<Buffer> {
    return this.encode(await this.cached(`${locale}\u0000${text}`, () => this.speak(text, locale)), law);
  }

  /** The G.711 audio of an uploaded recording, loaded once per `version` (a new upload has a new one). */
  async recording(version: string, load: () => Promise<Int16Array>, law: G711): Promise<Buffer> {
    return this.encode(await this.cached(`recording\u0000${version}`, load), law);
  }

  private encode(pcm: Int16Array, law: G711): Buffer {
    const forms = this.encoded.get(pcm) ?? {};
    const done = forms[law] ?? encodeG711(pcm, law);
    forms[law] = done;
    this.encoded.set(pcm, forms);
    return done;
  }

  private cached(key: string, render: () => Promise<Int16Array>): Promise<Int16Array> {
    const hit = this.rendered.get(key);
    if (hit) {
      // Refreshes its place: the oldest unused prompt is the one dropped.
      this.rendered.delete(key);
      this.rendered.set(key, hit);
      return hit;
    }
    const rendering = render().catch((error: unknown) => {
      this.rendered.delete(key);
      throw error;
    });
    this.rendered.set(key, rendering);
    if (this.rendered.size > MAX_CACHED) {
      const oldest = this.rendered.keys().next().value;
      if (oldest !== undefined) {
        this.rendered.delete(oldest);
      }
    }
    return rendering;
  }
}

/** 0.3 s of 440 Hz then 0.3 s of 660 Hz: "a prompt would be here". */
function beep(): Int16Array {
  return Int16Array.from({ length: 4800 }, (_, i) => Math.round(6000 * Math.sin((2 * Math.PI * (i < 2400 ? 440 : 660) * i) / 8000)));
}

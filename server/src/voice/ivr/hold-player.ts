import type { Locale } from "@bailanys/common/locales";
import type { InboundCall } from "../gateway/inbound-call.ts";
import { holdMusic } from "../media/hold-music.ts";
import type { PromptSource } from "./ivr-runner.ts";

/** The prompt said between stretches of music ("please stay on the line"); a body may upload its own recording of it. */
export const HOLD_PROMPT = "on_hold";

export interface HoldOptions {
  locale: Locale;
  prompts: PromptSource;
  /** Music between two prompts; 30 s in a centre, tests pass shorter ones. */
  promptEverySeconds: number;
}

/**
 * What a held caller hears until `stop` (the operator takes the call back) or the call ends: the hold music,
 * and every `promptEverySeconds` of it the hold prompt in the caller's language. It goes out on the caller's
 * stream like any prompt, so the call's recording keeps what the caller heard.
 */
export function playWhileHeld(call: InboundCall, options: HoldOptions): { stop(): void } {
  let stopped = false;
  const music = holdMusic(call.media.codec);
  // Whole frames of music between prompts, so no silent padding falls inside the music.
  const stretch = Math.max(160, Math.round((options.promptEverySeconds * 8000) / 160) * 160);
  const play = async (): Promise<void> => {
    let at = 0;
    let sincePrompt = 0;
    while (!stopped && call.endedBecause === null) {
      if (sincePrompt >= stretch) {
        sincePrompt = 0;
        // A prompt that cannot be rendered is skipped: the music goes on.
        const prompt = await Promise.resolve(options.prompts(HOLD_PROMPT, options.locale)).catch(() => null);
        if (prompt === null) {
          continue;
        }
        if (stopped || call.endedBecause !== null) {
          return;
        }
        await call.play(prompt);
        continue;
      }
      const piece = music.subarray(at, Math.min(music.length, at + stretch - sincePrompt));
      at = (at + piece.length) % music.length;
      sincePrompt += piece.length;
      await call.play(piece);
    }
  };
  void play();
  return {
    stop() {
      stopped = true;
      call.media.stopPlayback();
    },
  };
}

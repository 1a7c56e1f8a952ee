import type { Locale } from "@bailanys/common/locales";
import type { MediaSession } from "../media/media-engine.ts";
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
 * What a held caller (or a called citizen) hears until `stop` (the operator takes the call back) or the call is
 * `over`: the hold music, and every `promptEverySeconds` of it the hold prompt in their language. It goes out on
 * their stream like any prompt, so the call's recording keeps what they heard.
 */
export function playWhileHeld(media: Pick<MediaSession, "codec" | "play" | "stopPlayback">, over: () => boolean, options: HoldOptions): { stop(): void } {
  let stopped = false;
  const music = holdMusic(media.codec);
  // Whole frames of music between prompts, so no silent padding falls inside the music.
  const stretch = Math.max(160, Math.round((options.promptEverySeconds * 8000) / 160) * 160);
  const play = async (): Promise<void> => {
    let at = 0;
    let sincePrompt = 0;
    while (!stopped && !over()) {
      if (sincePrompt >= stretch) {
        sincePrompt = 0;
        // A prompt that cannot be rendered is skipped: the music goes on.
        const prompt = await Promise.resolve(options.prompts(HOLD_PROMPT, options.locale)).catch(() => null);
        if (prompt === null) {
          continue;
        }
        if (stopped || over()) {
          return;
        }
        await media.play(prompt);
        continue;
      }
      const piece = music.subarray(at, Math.min(music.length, at + stretch - sincePrompt));
      at = (at + piece.length) % music.length;
      sincePrompt += piece.length;
      await media.play(piece);
    }
  };
  void play();
  return {
    stop() {
      stopped = true;
      media.stopPlayback();
    },
  };
}

/** The hold of one stream, switched on and off as the contact is held and resumed (a repeated state changes nothing). */
export class HoldSwitch {
  private sound: { stop(): void } | null = null;

  constructor(
    private readonly media: Pick<MediaSession, "codec" | "play" | "stopPlayback">,
    private readonly over: () => boolean,
    private readonly options: () => HoldOptions,
    /** Told of every change (a bridge stops relaying the operator's audio while the caller is held). */
    private readonly onChange: (held: boolean) => void = () => undefined,
  ) {}

  get held(): boolean {
    return this.sound !== null;
  }

  set(held: boolean): void {
    if (held === this.held) {
      return;
    }
    this.sound?.stop();
    this.sound = held ? playWhileHeld(this.media, this.over, this.options()) : null;
    this.onChange(held);
  }
}

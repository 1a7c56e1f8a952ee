import type { Locale } from "@bailanys/common/locales";
import type { InboundCall } from "../gateway/inbound-call.ts";
import type { IvrMenu, IvrNode } from "./ivr-menu.ts";

/** Where a caller's way through the menu ended. */
export type IvrOutcome =
  | { kind: "queue"; queue: string; topic: string | null; locale: Locale; digits: string[]; ivrMs: number }
  | { kind: "hangup"; locale: Locale; digits: string[]; ivrMs: number }
  | { kind: "abandoned"; locale: Locale; digits: string[]; ivrMs: number };

/** The G.711 audio of a prompt in a language (recorded for kk and ru; the caller's law), perhaps rendered first. */
export type PromptSource = (prompt: string, locale: Locale) => Buffer | Promise<Buffer>;

/**
 * Walks a caller through a menu: each prompt plays in the caller's language, a key pressed during it cuts it
 * short (barge-in) and counts; after the prompt the caller has the node's time-out to choose, then the prompt
 * plays again, `retries` times, before the node's failure path. A caller who hangs up is "abandoned in IVR".
 */
export async function runIvr(call: InboundCall, menu: IvrMenu, prompts: PromptSource): Promise<IvrOutcome> {
  const started = Date.now();
  const digits: string[] = [];
  let locale = menu.defaultLocale;
  let pressed: ((digit: string | null) => void) | null = null;
  // Keys pressed since the answer, before the menu started (a notice played first): typed ahead, they count.
  const buffered: string[] = [...call.digits];
  digits.push(...call.digits);
  call.handlers.onDigit = ({ digit }) => {
    digits.push(digit);
    call.media.stopPlayback();
    if (pressed) {
      pressed(digit);
    } else {
      buffered.push(digit);
    }
  };
  const ended = new Promise<null>((resolve) => {
    const previous = call.handlers.onEnd;
    call.handlers.onEnd = (why) => {
      previous?.(why);
      pressed?.(null);
      resolve(null);
    };
  });
  const outcome = <K extends IvrOutcome["kind"]>(kind: K) => ({ kind, locale, digits, ivrMs: Date.now() - started });

  /** Plays the prompt and waits for a key (null: time-out or hang-up). A key pressed during the prompt counts. */
  const ask = async (prompt: string, timeoutSeconds: number): Promise<string | null> => {
    // Rendered before listening: a key pressed meanwhile is buffered like one pressed during an earlier prompt.
    const audio = await prompts(prompt, locale);
    // A key pressed ahead (during an information prompt) answers this question without its prompt.
    const ahead = buffered.shift();
    if (ahead !== undefined) {
      return ahead;
    }
    const key = new Promise<string | null>((resolve) => (pressed = resolve));
    const played = call.play(audio);
    const first = await Promise.race([key, played.then(() => "played" as const), ended]);
    if (first !== "played") {
      pressed = null;
      return first;
    }
    let timeout: NodeJS.Timeout | undefined;
    const timer = new Promise<null>((resolve) => (timeout = setTimeout(() => resolve(null), timeoutSeconds * 1000)));
    const choice = await Promise.race([key, timer, ended]);
    clearTimeout(timeout);
    pressed = null;
    return choice;
  };

  let id = menu.start;
  for (let steps = 0; steps < 50 && call.endedBecause === null; steps += 1) {
    const node: IvrNode | undefined = menu.nodes[id];
    if (!node) {
      return outcome("hangup");
    }
    if (node.kind === "info") {
      await Promise.race([Promise.resolve(prompts(node.prompt, locale)).then((audio) => call.play(audio)), ended]);
      id = node.next;
      continue;
    }
    if (node.kind === "queue" || node.kind === "hangup") {
      if (node.prompt !== null) {
        await Promise.race([Promise.resolve(prompts(node.prompt, locale)).then((audio) => call.play(audio)), ended]);
      }
      if (call.endedBecause !== null) {
        break;
      }
      return node.kind === "queue" ? { ...outcome("queue"), queue: node.queue, topic: node.topic } : outcome("hangup");
    }
    let next: string | null = null;
    for (let attempt = 0; attempt <= node.retries && next === null && call.endedBecause === null; attempt += 1) {
      const key = await ask(node.prompt, node.timeoutSeconds);
      if (key === null) {
        continue;
      }
      if (node.kind === "language") {
        const chosen = node.choices[key];
        if (chosen) {
          locale = chosen;
          next = node.next;
        }
      } else {
        next = node.choices[key] ?? null;
      }
    }
    id = next ?? (node.kind === "menu" ? node.onFailure : node.next);
  }
  return outcome(call.endedBecause === null ? "hangup" : "abandoned");
}

import type { Locale } from "@bailanys/common/locales";

/**
 * A voice menu as data (edited in the administration later): nodes by id, each a prompt and what comes next.
 * The first node usually asks for the language; the path ends in a queue (with topic and language, for
 * routing) or a hang-up.
 */
export type IvrNode =
  | { kind: "language"; prompt: string; choices: Record<string, Locale>; next: string; timeoutSeconds: number; retries: number }
  | { kind: "menu"; prompt: string; choices: Record<string, string>; timeoutSeconds: number; retries: number; onFailure: string }
  | { kind: "info"; prompt: string; next: string }
  | { kind: "queue"; prompt: string | null; queue: string; topic: string | null }
  | { kind: "hangup"; prompt: string | null };

export interface IvrMenu {
  start: string;
  nodes: Record<string, IvrNode>;
  /** The language of a caller who chooses none (before the language node, or on its time-out). */
  defaultLocale: Locale;
  /** The words of each prompt key per language (spoken by generated speech until recordings are uploaded). */
  prompts?: Record<string, Partial<Record<Locale, string>>>;
  /** Prompts said in each of their languages in turn (the choice of language, before one is chosen). */
  spokenInEveryLanguage?: string[];
}

/** Why a menu cannot run: each problem with the node it is in, so the editor can point at it. */
export function menuProblems(menu: IvrMenu): { node: string; problem: "unknown_target" | "no_choices" | "bad_digit" | "no_start" }[] {
  const problems: { node: string; problem: "unknown_target" | "no_choices" | "bad_digit" | "no_start" }[] = [];
  if (!(menu.start in menu.nodes)) {
    problems.push({ node: menu.start, problem: "no_start" });
  }
  for (const [id, node] of Object.entries(menu.nodes)) {
    const targets = node.kind === "menu" ? [...Object.values(node.choices), node.onFailure] : node.kind === "language" || node.kind === "info" ? [node.next] : [];
    if (targets.some((t) => !(t in menu.nodes))) {
      problems.push({ node: id, problem: "unknown_target" });
    }
    if ((node.kind === "menu" || node.kind === "language") && Object.keys(node.choices).length === 0) {
      problems.push({ node: id, problem: "no_choices" });
    }
    if ((node.kind === "menu" || node.kind === "language") && Object.keys(node.choices).some((d) => !/^[0-9*#]$/.test(d))) {
      problems.push({ node: id, problem: "bad_digit" });
    }
  }
  return problems;
}

/** The languages a caller of this menu can hear: its default and every one its language nodes offer. */
export function menuLocales(menu: IvrMenu): Locale[] {
  const offered = Object.values(menu.nodes).flatMap((node) => (node.kind === "language" ? Object.values(node.choices) : []));
  return [...new Set([menu.defaultLocale, ...offered])];
}

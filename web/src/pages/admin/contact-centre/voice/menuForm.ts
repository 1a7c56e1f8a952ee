import type { IvrMenuDto, IvrNodeDto } from "@bailanys/common/api/voice-admin";
import type { ErrorCode } from "@bailanys/common/errors";
import { isLocale, LOCALES, type Locale } from "@bailanys/common/locales";
import { rangeProblem } from "../shared/numbers.ts";

export type NodeKind = IvrNodeDto["kind"];

/** The prompt key whose words are the phone queue's working hours, read out as they stand (R12.3). */
export const HOURS_PROMPT = "info:hours";

export const NODE_ID = /^[a-z0-9_-]{1,40}$/;
export const PROMPT_KEY = /^[a-z0-9_:.-]{1,60}$/;
const DIGIT = /^[0-9*#]$/;
const PROMPT_MAX = 2000;
const QUEUE_MAX = 40;

/** A key pressed and where it leads: a node id, or a language for the language node. */
export interface ChoiceRow {
  digit: string;
  target: string;
}

/**
 * A node as the dialog edits it: every kind's fields at once, so that switching the kind back and forth keeps
 * what was typed; the body takes only the fields of its kind. Empty strings stand for "none".
 */
export interface NodeForm {
  id: string;
  kind: NodeKind;
  prompt: string;
  choices: ChoiceRow[];
  timeoutSeconds: number;
  retries: number;
  next: string;
  onFailure: string;
  queue: string;
  topic: string;
}

export type PromptText = Record<Locale, string>;

/** The menu part of the settings form: the nodes in order, and the words of each prompt key. */
export interface MenuForm {
  start: string;
  defaultLocale: Locale;
  nodes: NodeForm[];
  texts: Record<string, PromptText>;
  /** Prompt keys said in each of their languages in turn (the choice of language). */
  everyLanguage: string[];
}

/** A new node of a kind: a choice menu waits 5 s and asks once more; a queue node names the general queue. */
export function newNode(kind: NodeKind = "menu"): NodeForm {
  return { id: "", kind, prompt: "", choices: [], timeoutSeconds: 5, retries: 1, next: "", onFailure: "", queue: "general", topic: "" };
}

function nodeToForm(id: string, node: IvrNodeDto): NodeForm {
  const blank = newNode(node.kind);
  return {
    id,
    kind: node.kind,
    prompt: node.prompt ?? "",
    choices: Object.entries(node.choices ?? {}).map(([digit, target]) => ({ digit, target })),
    timeoutSeconds: node.timeoutSeconds ?? blank.timeoutSeconds,
    retries: node.retries ?? blank.retries,
    next: node.next ?? "",
    onFailure: node.onFailure ?? "",
    queue: node.queue ?? blank.queue,
    topic: node.topic ?? "",
  };
}

/** A node of the body: the fields its kind uses and no others (the server checks them per kind). */
function formToNode(node: NodeForm): IvrNodeDto {
  const prompt = node.prompt.trim();
  const { kind, timeoutSeconds, retries } = node;
  const choices = Object.fromEntries(node.choices.map((c) => [c.digit, c.target]));
  switch (kind) {
    case "language":
      return { kind, prompt, choices, next: node.next, timeoutSeconds, retries };
    case "menu":
      return { kind, prompt, choices, timeoutSeconds, retries, onFailure: node.onFailure };
    case "info":
      return { kind, prompt, next: node.next };
    case "queue":
      return { kind, prompt: prompt === "" ? null : prompt, queue: node.queue.trim(), topic: node.topic.trim() === "" ? null : node.topic.trim() };
    case "hangup":
      return { kind, prompt: prompt === "" ? null : prompt };
  }
}

/**
 * The nodes in the order a caller meets them: the start, then breadth-first along choices and next steps; nodes
 * nothing leads to come last. (The database keeps a menu as JSON, whose object keys come back in its own order.)
 */
export function inCallOrder(start: string, nodes: readonly NodeForm[]): NodeForm[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ordered: NodeForm[] = [];
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() ?? "";
    const node = byId.get(id);
    if (node === undefined || seen.has(id)) {
      continue;
    }
    seen.add(id);
    ordered.push(node);
    queue.push(...targetsOf(node));
  }
  return [...ordered, ...nodes.filter((n) => !seen.has(n.id))];
}

/** The menu as the form holds it. */
export function menuToForm(menu: IvrMenuDto): MenuForm {
  const texts = Object.fromEntries(Object.entries(menu.prompts ?? {}).map(([key, t]) => [key, { kk: t.kk ?? "", ru: t.ru ?? "", en: t.en ?? "" }]));
  return {
    start: menu.start,
    defaultLocale: menu.defaultLocale,
    nodes: inCallOrder(
      menu.start,
      Object.entries(menu.nodes).map(([id, node]) => nodeToForm(id, node)),
    ),
    texts,
    everyLanguage: [...(menu.spokenInEveryLanguage ?? [])],
  };
}

/**
 * The prompt keys that take words: those the nodes play (but the working hours, which are read from the
 * queue), then any other key given words already (a centre may reword a standard prompt such as waiting_free).
 */
export function promptKeysOf(menu: MenuForm): string[] {
  const played = menu.nodes.map((n) => n.prompt.trim()).filter((key) => key !== "" && key !== HOURS_PROMPT);
  return [...new Set([...played, ...Object.keys(menu.texts)])];
}

/** Whether a prompt key is played by some node (its words cannot be removed, only emptied). */
export function isPlayed(menu: MenuForm, key: string): boolean {
  return menu.nodes.some((n) => n.prompt.trim() === key);
}

/** The menu of the request body: nodes by id, and only the words that were written, trimmed. */
export function formToMenu(menu: MenuForm): IvrMenuDto {
  const keys = promptKeysOf(menu);
  const wordsOf = (key: string) =>
    Object.fromEntries(
      LOCALES.flatMap((l) => {
        const text = (menu.texts[key]?.[l] ?? "").trim();
        return text === "" ? [] : [[l, text]];
      }),
    );
  const prompts = Object.fromEntries(
    keys.flatMap((key) => {
      const words = wordsOf(key);
      return Object.keys(words).length === 0 ? [] : [[key, words]];
    }),
  );
  return {
    start: menu.start,
    defaultLocale: menu.defaultLocale,
    nodes: Object.fromEntries(menu.nodes.map((n) => [n.id, formToNode(n)])),
    prompts,
    spokenInEveryLanguage: menu.everyLanguage.filter((key) => keys.includes(key)),
  };
}

/** The node ids a node leads to (its choices, its next step, its failure path), by the fields of its kind. */
export function targetsOf(node: NodeForm): string[] {
  switch (node.kind) {
    case "language":
      return [node.next];
    case "menu":
      return [...node.choices.map((c) => c.target), node.onFailure];
    case "info":
      return [node.next];
    case "queue":
    case "hangup":
      return [];
  }
}

/**
 * The problems of one node, keyed by its own fields ("choices.1.digit"); `ids` are the node ids of the menu with
 * this node's (new) id, `taken` those of the other nodes.
 */
export function validateNode(node: NodeForm, ids: readonly string[], taken: readonly string[]): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  if (!NODE_ID.test(node.id)) {
    problems.id = node.id === "" ? "FIELD_REQUIRED" : "FIELD_INVALID";
  } else if (taken.includes(node.id)) {
    problems.id = "ALREADY_EXISTS";
  }
  const prompt = node.prompt.trim();
  const promptRequired = node.kind === "language" || node.kind === "menu" || node.kind === "info";
  if (prompt === "" ? promptRequired : !PROMPT_KEY.test(prompt)) {
    problems.prompt = prompt === "" ? "FIELD_REQUIRED" : "FIELD_INVALID";
  }
  const target = (field: string, value: string) => {
    if (value === "") {
      problems[field] = "FIELD_REQUIRED";
    } else if (!ids.includes(value)) {
      problems[field] = "IVR_MENU_INVALID";
    }
  };
  if (node.kind === "language" || node.kind === "menu") {
    if (node.choices.length === 0) {
      problems.choices = "FIELD_REQUIRED";
    }
    node.choices.forEach((choice, i) => {
      if (!DIGIT.test(choice.digit)) {
        problems[`choices.${i}.digit`] = choice.digit === "" ? "FIELD_REQUIRED" : "FIELD_INVALID";
      } else if (node.choices.findIndex((c) => c.digit === choice.digit) < i) {
        problems[`choices.${i}.digit`] = "ALREADY_EXISTS";
      }
      if (node.kind === "menu") {
        target(`choices.${i}.target`, choice.target);
      } else if (!isLocale(choice.target)) {
        problems[`choices.${i}.target`] = "FIELD_REQUIRED";
      }
    });
    for (const [field, min, max] of [["timeoutSeconds", 1, 60], ["retries", 0, 5]] as const) {
      const problem = rangeProblem(node[field], min, max);
      if (problem !== null) {
        problems[field] = problem;
      }
    }
  }
  if (node.kind === "language" || node.kind === "info") {
    target("next", node.next);
  }
  if (node.kind === "menu") {
    target("onFailure", node.onFailure);
  }
  if (node.kind === "queue") {
    if (node.queue.trim().length > QUEUE_MAX) {
      problems.queue = "FIELD_TOO_LONG";
    }
    if (node.topic.trim().length > QUEUE_MAX) {
      problems.topic = "FIELD_TOO_LONG";
    }
  }
  return problems;
}

/**
 * The problems of the whole menu, keyed like the server's paths: the start, a node that cannot run (at
 * "menu.nodes.<id>", with its first problem), words too long. A node left pointing at a removed one is caught here.
 */
export function validateMenu(menu: MenuForm): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  const ids = menu.nodes.map((n) => n.id);
  if (menu.nodes.length === 0) {
    problems["menu.nodes"] = "FIELD_REQUIRED";
  }
  if (menu.start === "") {
    problems["menu.start"] = "FIELD_REQUIRED";
  } else if (!ids.includes(menu.start)) {
    problems["menu.start"] = "IVR_MENU_INVALID";
  }
  menu.nodes.forEach((node, i) => {
    const first = Object.values(validateNode(node, ids, ids.filter((_, j) => j !== i)))[0];
    if (first !== undefined) {
      problems[`menu.nodes.${node.id}`] = first;
    }
  });
  for (const key of promptKeysOf(menu)) {
    for (const locale of LOCALES) {
      if ((menu.texts[key]?.[locale] ?? "").trim().length > PROMPT_MAX) {
        problems[`menu.prompts.${key}.${locale}`] = "FIELD_TOO_LONG";
      }
    }
  }
  return problems;
}

/**
 * The menu with a node put in place (or added when `at` is null). A renamed node takes its references along:
 * the start, the choices and the next and failure steps of every node that led to it.
 */
export function putNode(menu: MenuForm, at: number | null, node: NodeForm): MenuForm {
  const old = at === null ? null : (menu.nodes[at]?.id ?? null);
  const nodes = at === null ? [...menu.nodes, node] : menu.nodes.map((n, i) => (i === at ? node : n));
  const start = menu.start === "" ? node.id : menu.start;
  if (old === null || old === node.id) {
    return { ...menu, start, nodes };
  }
  const rename = (id: string) => (id === old ? node.id : id);
  return {
    ...menu,
    start: rename(start),
    nodes: nodes.map((n) => ({
      ...n,
      next: rename(n.next),
      onFailure: rename(n.onFailure),
      // A language node's choices are languages, which a node id never renames.
      choices: n.kind === "menu" ? n.choices.map((c) => ({ ...c, target: rename(c.target) })) : n.choices,
    })),
  };
}

/** The settings form's keys for the menu; a server path inside a node ("menu.nodes.topics.choices.1") goes to the node. */
export function menuFieldKeys(menu: MenuForm): string[] {
  return [
    "menu",
    "menu.start",
    "menu.defaultLocale",
    "menu.nodes",
    ...menu.nodes.map((n) => `menu.nodes.${n.id}`),
    "menu.prompts",
    ...promptKeysOf(menu).flatMap((key) => LOCALES.map((l) => `menu.prompts.${key}.${l}`)),
    "menu.spokenInEveryLanguage",
  ];
}

import type { IvrMenuDto } from "@bailanys/common/api/voice-admin";
import { describe, expect, it } from "vitest";
import { nearestField } from "../shared/fieldErrors.ts";
import { formToMenu, menuFieldKeys, menuToForm, newNode, promptKeysOf, putNode, validateMenu, validateNode, type MenuForm, type NodeForm } from "./menuForm.ts";

const MENU: IvrMenuDto = {
  start: "language",
  defaultLocale: "kk",
  spokenInEveryLanguage: ["choose_language"],
  nodes: {
    language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru" }, next: "topics", timeoutSeconds: 4, retries: 1 },
    topics: { kind: "menu", prompt: "topics", choices: { "1": "housing", "3": "hours", "0": "general" }, timeoutSeconds: 5, retries: 1, onFailure: "general" },
    hours: { kind: "info", prompt: "info:hours", next: "topics" },
    housing: { kind: "queue", prompt: "connecting", queue: "housing", topic: "01" },
    general: { kind: "queue", prompt: null, queue: "general", topic: null },
    bye: { kind: "hangup", prompt: null },
  },
  prompts: {
    choose_language: { kk: "Қазақ тілі үшін бірді басыңыз.", ru: "Для русского языка нажмите два." },
    topics: { kk: "Тұрғын үй бойынша бірді басыңыз.", ru: "По ЖКХ нажмите один.", en: "For housing press one." },
    connecting: { ru: "Соединяю с оператором." },
    waiting_free: { ru: "Ожидание бесплатное." },
  },
};

/** A node of the form with its place, for putNode. */
function nodeOf(form: MenuForm, id: string): { at: number; node: NodeForm } {
  const at = form.nodes.findIndex((n) => n.id === id);
  const node = form.nodes[at];
  if (node === undefined) {
    throw new Error(`no node ${id}`);
  }
  return { at, node };
}

describe("voice menu form", () => {
  it("turns a menu into the form and back into exactly the same menu", () => {
    expect(formToMenu(menuToForm(MENU))).toEqual(MENU);
  });

  it("sends only the fields of a node's kind, even after its kind was switched", () => {
    const form = menuToForm(MENU);
    const { at, node } = nodeOf(form, "topics");
    const changed = putNode(form, at, { ...node, kind: "info", prompt: " topics ", next: "general" });
    expect(formToMenu(changed).nodes.topics).toEqual({ kind: "info", prompt: "topics", next: "general" });
  });

  it("lists the prompt keys that take words: played ones but the working hours, then reworded standard ones", () => {
    expect(promptKeysOf(menuToForm(MENU))).toEqual(["choose_language", "topics", "connecting", "waiting_free"]);
  });

  it("sends the words trimmed, drops empty ones, and forgets 'every language' for a key that is gone", () => {
    const form = menuToForm(MENU);
    const { choose_language: _removed, ...texts } = form.texts;
    const edited = {
      ...form,
      nodes: form.nodes.map((n) => (n.id === "language" ? { ...n, prompt: "hello" } : n)),
      texts: { ...texts, topics: { kk: "  ", ru: " По ЖКХ нажмите один. ", en: "" }, connecting: { kk: "", ru: "", en: "" } },
    };
    const menu = formToMenu(edited);
    expect(menu.prompts).toEqual({ topics: { ru: "По ЖКХ нажмите один." }, waiting_free: { ru: "Ожидание бесплатное." } });
    expect(menu.spokenInEveryLanguage).toEqual([]);
  });

  it("renames a node's references along with it, but not the languages of the language node", () => {
    const form = menuToForm(MENU);
    const topics = nodeOf(form, "topics");
    const renamed = formToMenu(putNode(form, topics.at, { ...topics.node, id: "main" }));
    expect(Object.keys(renamed.nodes)).toContain("main");
    expect(renamed.nodes.language?.next).toBe("main");
    expect(renamed.nodes.hours?.next).toBe("main");
    expect(renamed.nodes.language?.choices).toEqual({ "1": "kk", "2": "ru" });

    const moved = formToMenu(putNode(form, nodeOf(form, "general").at, { ...newNode("queue"), id: "operator" }));
    expect(moved.nodes.topics).toMatchObject({ choices: { "1": "housing", "3": "hours", "0": "operator" }, onFailure: "operator" });
  });

  it("starts an empty menu at its first node", () => {
    const empty = menuToForm({ start: "", defaultLocale: "ru", nodes: {} });
    expect(putNode(empty, null, { ...newNode("hangup"), id: "bye" }).start).toBe("bye");
  });

  it("checks a node by its kind, keyed by its own fields", () => {
    const ids = ["language", "topics", "general"];
    const menu = { ...newNode("menu"), id: "topics", prompt: "", choices: [{ digit: "1", target: "general" }, { digit: "1", target: "nowhere" }, { digit: "12", target: "" }], timeoutSeconds: 0, onFailure: "" };
    expect(validateNode(menu, ids, ["language", "general"])).toEqual({
      prompt: "FIELD_REQUIRED",
      "choices.1.digit": "ALREADY_EXISTS",
      "choices.1.target": "IVR_MENU_INVALID",
      "choices.2.digit": "FIELD_INVALID",
      "choices.2.target": "FIELD_REQUIRED",
      timeoutSeconds: "FIELD_OUT_OF_RANGE",
      onFailure: "FIELD_REQUIRED",
    });
    const language = { ...newNode("language"), id: "language", prompt: "choose", choices: [{ digit: "1", target: "general" }], next: "topics" };
    expect(validateNode(language, ids, ["topics", "general"])).toEqual({ "choices.0.target": "FIELD_REQUIRED" });
    // A queue or hang-up needs no prompt; the id is still checked.
    expect(validateNode({ ...newNode("queue"), id: "general" }, ids, ["language", "topics", "general"])).toEqual({ id: "ALREADY_EXISTS" });
    expect(validateNode({ ...newNode("hangup"), id: "Bye!" }, ids, [])).toEqual({ id: "FIELD_INVALID" });
  });

  it("points at the node left leading to a removed one, and at a start that is gone", () => {
    const form = menuToForm(MENU);
    const withoutGeneral = { ...form, nodes: form.nodes.filter((n) => n.id !== "general") };
    expect(validateMenu(withoutGeneral)).toEqual({ "menu.nodes.topics": "IVR_MENU_INVALID" });
    const withoutStart = { ...form, nodes: form.nodes.filter((n) => n.id !== "language") };
    expect(validateMenu(withoutStart)).toEqual({ "menu.start": "IVR_MENU_INVALID" });
    expect(validateMenu(menuToForm({ start: "", defaultLocale: "kk", nodes: {} }))).toEqual({ "menu.nodes": "FIELD_REQUIRED", "menu.start": "FIELD_REQUIRED" });
  });

  it("places the server's findings inside a node at the node", () => {
    const keys = menuFieldKeys(menuToForm(MENU));
    expect(nearestField("menu.nodes.topics.choices.1", keys)).toBe("menu.nodes.topics");
    expect(nearestField("menu.nodes.housing", keys)).toBe("menu.nodes.housing");
    expect(nearestField("menu.prompts.topics.en", keys)).toBe("menu.prompts.topics.en");
    expect(nearestField("menu.start", keys)).toBe("menu.start");
  });
});

describe("the order of the nodes", () => {
  it("lists them as a caller meets them: the start, then along choices and next steps, unreachable ones last", () => {
    const form = menuToForm({
      start: "language",
      defaultLocale: "kk",
      nodes: {
        hours: { kind: "info", prompt: "info:hours", next: "topics" },
        orphan: { kind: "hangup", prompt: null },
        topics: { kind: "menu", prompt: "topics", choices: { "1": "queue", "3": "hours" }, onFailure: "queue", timeoutSeconds: 5, retries: 1 },
        queue: { kind: "queue", prompt: null, queue: "general", topic: null },
        language: { kind: "language", prompt: "choose_language", choices: { "1": "kk" }, next: "topics", timeoutSeconds: 5, retries: 1 },
      },
    });
    expect(form.nodes.map((n) => n.id)).toEqual(["language", "topics", "queue", "hours", "orphan"]);
  });
});

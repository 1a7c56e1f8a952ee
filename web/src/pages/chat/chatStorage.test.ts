import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const chat = { contactId: "c-1", token: "t-1", lastSeq: 4 };

/** The widget's frame on a body's website: a parent window, storage refused, the chat in the fragment. */
function embeddedFrame() {
  const posted: unknown[] = [];
  const location = { hash: `#chat=${encodeURIComponent(JSON.stringify(chat))}`, pathname: "/chat/embed", search: "?tenant=demo", ancestorOrigins: ["http://site.example"] };
  const refused = () => {
    throw new Error("SecurityError: access is denied for this document");
  };
  vi.stubGlobal("window", {
    parent: { postMessage: (message: unknown) => posted.push(message) },
    location,
    history: { state: null, replaceState: () => (location.hash = "") },
    get sessionStorage() {
      return refused();
    },
  });
  vi.stubGlobal("document", { referrer: "" });
  return { location, posted };
}

describe("the chat a widget hands to its frame", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it("is found by every read of the page, though the first read removed it from the address", async () => {
    const frame = embeddedFrame();
    const { readStoredChat } = await import("./chatStorage.ts");
    expect(readStoredChat("demo")).toEqual(chat);
    expect(frame.location.hash).toBe("");
    // A render thrown away (suspended while a language loaded) read it first; the next one must still find it.
    expect(readStoredChat("demo")).toEqual(chat);
  });

  it("is forgotten once the chat is cleared, and the host is told", async () => {
    const frame = embeddedFrame();
    const { clearStoredChat, readStoredChat } = await import("./chatStorage.ts");
    expect(readStoredChat("demo")).toEqual(chat);
    clearStoredChat("demo");
    expect(readStoredChat("demo")).toBeNull();
    expect(frame.posted).toEqual([{ type: "bailanys.chat", tenant: "demo", chat: null }]);
  });
});

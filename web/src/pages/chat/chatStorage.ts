/** What survives a reload of the page: the chat to reconnect to and how far its log was read. */
export interface StoredChat {
  contactId: string;
  token: string;
  lastSeq: number;
}

const key = (tenant: string) => `bailanys.chat.${tenant}`;

/** The stored chat, or null for anything that is not one (storage edited by hand, an older format). */
export function parseStoredChat(raw: string | null): StoredChat | null {
  if (raw === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) {
      return null;
    }
    const { contactId, token, lastSeq } = value as Record<string, unknown>;
    if (typeof contactId !== "string" || typeof token !== "string" || contactId === "" || token === "") {
      return null;
    }
    return { contactId, token, lastSeq: typeof lastSeq === "number" && Number.isInteger(lastSeq) && lastSeq >= 0 ? lastSeq : 0 };
  } catch {
    return null;
  }
}

/**
 * In the widget's frame on a body's website the chat is a third-party page, and browsers that block third-party
 * storage refuse it there: the widget script on the host page then keeps the chat in the host's session storage.
 * The frame tells it every change (postMessage to its parent) and gets the chat back in its address's fragment
 * when the widget makes the frame again after the citizen moves to another page of the site (the fragment never
 * reaches a server or its logs).
 */
const embedded = typeof window !== "undefined" && window.parent !== window;

/** The host page's origin, so that the chat's token goes to the page that embeds it and no other. */
function hostOrigin(): string | null {
  const ancestor = window.location.ancestorOrigins?.[0];
  if (ancestor) {
    return ancestor;
  }
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

function tellHost(tenant: string, chat: StoredChat | null): void {
  const origin = embedded ? hostOrigin() : null;
  if (origin !== null) {
    window.parent.postMessage({ type: "bailanys.chat", tenant, chat }, origin);
  }
}

/**
 * The chat the widget handed over in the fragment (`#chat=…`), read once per page and removed from the address.
 * Once, and kept here rather than in a component: a render that suspends (a language still loading) is thrown
 * away with its state, and the render after it must still find the chat the fragment brought.
 */
let handed: StoredChat | null | undefined;
function chatFromHost(): StoredChat | null {
  if (handed === undefined) {
    const raw = embedded ? new URLSearchParams(window.location.hash.slice(1)).get("chat") : null;
    if (raw !== null) {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    }
    handed = parseStoredChat(raw);
  }
  return handed;
}

// Session storage, not local: the token is the chat's only credential, so it ends with the tab.
export function readStoredChat(tenant: string): StoredChat | null {
  const fromHost = chatFromHost();
  try {
    return parseStoredChat(window.sessionStorage.getItem(key(tenant))) ?? fromHost;
  } catch {
    return fromHost;
  }
}

export function writeStoredChat(tenant: string, chat: StoredChat): void {
  tellHost(tenant, chat);
  handed = chat;
  try {
    window.sessionStorage.setItem(key(tenant), JSON.stringify(chat));
  } catch {
    // Storage may be disabled; outside the widget the chat then simply does not survive a reload.
  }
}

export function clearStoredChat(tenant: string): void {
  tellHost(tenant, null);
  handed = null;
  try {
    window.sessionStorage.removeItem(key(tenant));
  } catch {
    // See writeStoredChat.
  }
}

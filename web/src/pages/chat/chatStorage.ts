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

// Session storage, not local: the token is the chat's only credential, so it ends with the tab.
export function readStoredChat(tenant: string): StoredChat | null {
  try {
    return parseStoredChat(window.sessionStorage.getItem(key(tenant)));
  } catch {
    return null;
  }
}

export function writeStoredChat(tenant: string, chat: StoredChat): void {
  try {
    window.sessionStorage.setItem(key(tenant), JSON.stringify(chat));
  } catch {
    // Storage may be disabled; the chat then simply does not survive a reload.
  }
}

export function clearStoredChat(tenant: string): void {
  try {
    window.sessionStorage.removeItem(key(tenant));
  } catch {
    // See writeStoredChat.
  }
}

/** The structured SIP header values the gateway reads and writes (RFC 3261 §20, §25.1). */

export interface SipUri {
  scheme: "sip" | "sips" | "tel";
  user: string | null;
  host: string;
  port: number | null;
  /** `;name=value` URI parameters (a flag parameter has the value ""). */
  params: Map<string, string>;
}

export interface NameAddr {
  displayName: string | null;
  uri: string;
  /** Header parameters after the address (`;tag=…`, `;expires=…`). */
  params: Map<string, string>;
}

export interface Via {
  transport: string;
  host: string;
  port: number | null;
  params: Map<string, string>;
}

/**
 * The characters of a header value that stand outside quoted strings, with their index and how deep inside
 * angle brackets they are (the separators that matter: `<`, `>`, `,` and `;`).
 */
function* unquoted(value: string): Generator<{ index: number; char: string; depth: number }> {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i] ?? "";
    if (char === "\\" && quoted) {
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted) {
      depth = char === "<" ? depth + 1 : char === ">" ? Math.max(0, depth - 1) : depth;
      yield { index: i, char, depth };
    }
  }
}

/** Splits a header value at commas that separate list elements (not inside quotes or angle brackets). */
export function splitList(value: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const { index, char, depth } of unquoted(value)) {
    if (char === "," && depth === 0) {
      parts.push(value.slice(from, index).trim());
      from = index + 1;
    }
  }
  parts.push(value.slice(from).trim());
  return parts.filter((p) => p !== "");
}

/** `;a=1;b` → {a: "1", b: ""} (names lower-cased, values as written). */
export function parseParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.split(";")) {
    const item = part.trim();
    if (item === "") {
      continue;
    }
    const eq = item.indexOf("=");
    params.set((eq === -1 ? item : item.slice(0, eq)).trim().toLowerCase(), eq === -1 ? "" : item.slice(eq + 1).trim());
  }
  return params;
}

export function formatParams(params: ReadonlyMap<string, string>): string {
  return [...params].map(([name, value]) => (value === "" ? `;${name}` : `;${name}=${value}`)).join("");
}

/** Parses `sip:user@host:port;params?headers`, `sips:…` or `tel:+7…`; null when it is none of those. */
export function parseUri(text: string): SipUri | null {
  const match = /^(sips?|tel):([^;?]*)((?:;[^?]*)?)(?:\?.*)?$/i.exec(text.trim());
  if (!match) {
    return null;
  }
  const scheme = (match[1] ?? "").toLowerCase() as SipUri["scheme"];
  const params = parseParams(match[3] ?? "");
  const main = match[2] ?? "";
  if (scheme === "tel") {
    return main === "" ? null : { scheme, user: main, host: "", port: null, params };
  }
  const at = main.lastIndexOf("@");
  const user = at === -1 ? null : decodeURIComponent(main.slice(0, at).split(":")[0] ?? "");
  const hostPort = at === -1 ? main : main.slice(at + 1);
  const hp = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(hostPort);
  if (!hp) {
    return null;
  }
  return { scheme, user, host: (hp[1] ?? "").toLowerCase(), port: hp[2] === undefined ? null : Number(hp[2]), params };
}

export function formatUri(uri: SipUri): string {
  if (uri.scheme === "tel") {
    return `tel:${uri.user ?? ""}${formatParams(uri.params)}`;
  }
  const user = uri.user === null ? "" : `${encodeURIComponent(uri.user).replace(/%2B/g, "+")}@`;
  return `${uri.scheme}:${user}${uri.host}${uri.port === null ? "" : `:${uri.port}`}${formatParams(uri.params)}`;
}

/**
 * Parses From, To, Contact, Route and Record-Route values: `"Name" <uri>;params`, `Name <uri>;params` or a
 * bare `uri;params`, where the parameters belong to the header (RFC 3261 §20.10). `*` (Contact) is kept as uri.
 */
export function parseNameAddr(value: string): NameAddr | null {
  const text = value.trim();
  const open = openingBracket(text);
  if (open === -1) {
    const semi = text.indexOf(";");
    const uri = semi === -1 ? text : text.slice(0, semi);
    return uri === "" ? null : { displayName: null, uri: uri.trim(), params: parseParams(semi === -1 ? "" : text.slice(semi)) };
  }
  const close = text.indexOf(">", open);
  if (close === -1) {
    return null;
  }
  const name = text.slice(0, open).trim();
  return {
    displayName: name === "" ? null : unquote(name),
    uri: text.slice(open + 1, close).trim(),
    params: parseParams(text.slice(close + 1)),
  };
}

export function formatNameAddr(addr: NameAddr): string {
  const name = addr.displayName === null ? "" : `"${addr.displayName.replace(/["\\]/g, "\\$&")}" `;
  return `${name}<${addr.uri}>${formatParams(addr.params)}`;
}

/** Parses one Via value (`SIP/2.0/UDP host:port;branch=…`); a header with several is split with splitList. */
export function parseVia(value: string): Via | null {
  const match = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+(\[[0-9a-fA-F:.]+\]|[^\s:;]+)(?:\s*:\s*(\d{1,5}))?\s*((?:;.*)?)$/i.exec(value.trim());
  if (!match) {
    return null;
  }
  return { transport: (match[1] ?? "").toUpperCase(), host: match[2] ?? "", port: match[3] === undefined ? null : Number(match[3]), params: parseParams(match[4] ?? "") };
}

export function formatVia(via: Via): string {
  return `SIP/2.0/${via.transport} ${via.host}${via.port === null ? "" : `:${via.port}`}${formatParams(via.params)}`;
}

/** `314159 INVITE` → {seq, method}; null when malformed (the request is then answered 400). */
export function parseCSeq(value: string): { seq: number; method: string } | null {
  const match = /^(\d{1,10})\s+([A-Za-z!%*_+`'~.-]+)$/.exec(value.trim());
  if (!match) {
    return null;
  }
  const seq = Number(match[1]);
  return seq > 2 ** 31 - 1 ? null : { seq, method: (match[2] ?? "").toUpperCase() };
}

/** The `<` that opens an address, skipping any inside a quoted display name; -1 when there is none. */
function openingBracket(text: string): number {
  for (const { index, char } of unquoted(text)) {
    if (char === "<") {
      return index;
    }
  }
  return -1;
}

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1).replace(/\\(.)/g, "$1") : text;
}

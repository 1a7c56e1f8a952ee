import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * HTTP Digest for SIP (RFC 3261 §22.4, RFC 2617 with qop=auth, MD5 — what desk phones and softphones speak).
 * The gateway keeps only HA1 = MD5(user:realm:password) per extension, never the password. Nonces are
 * stateless: a time and an HMAC of it, valid for NONCE_SECONDS, so any gateway process can check them.
 */
const NONCE_SECONDS = 300;

export const md5 = (text: string): string => createHash("md5").update(text).digest("hex");

/** The HA1 stored for an extension's password. */
export function digestHa1(user: string, realm: string, password: string): string {
  return md5(`${user}:${realm}:${password}`);
}

/** The parameters of a `Digest a="b", c=d` header value (names lower-cased). */
export function parseDigest(value: string): Map<string, string> | null {
  const match = /^\s*Digest\s+(.*)$/i.exec(value);
  if (!match) {
    return null;
  }
  const params = new Map<string, string>();
  for (const part of (match[1] ?? "").matchAll(/([a-zA-Z0-9_-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]+)/g)) {
    const raw = part[2] ?? "";
    params.set((part[1] ?? "").toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw);
  }
  return params;
}

export class DigestAuthority {
  private readonly secret = randomBytes(32);

  constructor(readonly realm: string) {}

  /** A fresh challenge for a 401 (`WWW-Authenticate` value). */
  challenge(now = Date.now(), stale = false): string {
    return `Digest realm="${this.realm}", nonce="${this.nonce(now)}", algorithm=MD5, qop="auth"${stale ? ", stale=true" : ""}`;
  }

  /**
   * Checks an Authorization header of a request against the extension's HA1: "ok", "stale" (right answer to an
   * expired nonce: challenge again without counting a failure), or "bad".
   */
  verify(authorization: string, method: string, ha1For: (user: string) => string | null, now = Date.now()): { result: "ok" | "stale" | "bad"; user: string | null } {
    const params = parseDigest(authorization);
    const user = params?.get("username") ?? null;
    if (params === null || user === null || params.get("realm") !== this.realm) {
      return { result: "bad", user };
    }
    const ha1 = ha1For(user);
    const nonce = params.get("nonce") ?? "";
    const uri = params.get("uri") ?? "";
    const response = params.get("response") ?? "";
    if (ha1 === null) {
      return { result: "bad", user };
    }
    const ha2 = md5(`${method}:${uri}`);
    const qop = params.get("qop");
    const expected = qop === "auth" ? md5(`${ha1}:${nonce}:${params.get("nc") ?? ""}:${params.get("cnonce") ?? ""}:auth:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
    if (!sameText(expected, response.toLowerCase())) {
      return { result: "bad", user };
    }
    return { result: this.nonceValid(nonce, now) ? "ok" : "stale", user };
  }

  private nonce(now: number): string {
    const time = Math.floor(now / 1000).toString(16);
    return `${time}.${createHmac("sha256", this.secret).update(time).digest("hex").slice(0, 32)}`;
  }

  private nonceValid(nonce: string, now: number): boolean {
    const [time = "", mac = ""] = nonce.split(".");
    const issued = Number.parseInt(time, 16);
    const expectedMac = createHmac("sha256", this.secret).update(time).digest("hex").slice(0, 32);
    return sameText(mac, expectedMac) && Number.isFinite(issued) && now / 1000 - issued <= NONCE_SECONDS && issued <= now / 1000 + 5;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

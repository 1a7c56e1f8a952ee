import { parseNameAddr, splitList } from "../sip/headers.ts";
import { header, headerValues, type SipEndpoint, type SipHeader, type SipRequest, type SipResponse } from "../sip/message.ts";
import { buildResponse } from "../sip/responses.ts";
import { topVia } from "../sip/top-via.ts";
import type { DigestAuthority } from "./digest.ts";
import type { RegistrationStore } from "./registration-store.ts";

export interface Binding {
  user: string;
  /** The phone's Contact URI, where INVITEs for the extension go. */
  contact: string;
  /** Where its REGISTER came from: behind NAT the phone is only reachable there. */
  source: SipEndpoint;
  /** A phone registered over TCP is called over that connection, and only while it is open. */
  transport: "UDP" | "TCP";
  expiresAt: number;
}

export interface RegistrarOptions {
  /** HA1 of an extension, or null when it does not exist (or may not register). */
  ha1For(user: string): string | null;
  minExpires?: number;
  maxExpires?: number;
  now?: () => number;
  /** Shares the UDP bindings with the other voice processes; without it they stay in this one. */
  store?: RegistrationStore;
  /** A binding could not be stored (the phone is still registered here). */
  onStoreError?(error: unknown): void;
}

/**
 * Operators' phones register their extension here (RFC 3261 §10.3), answering a digest challenge first. A
 * phone may register only its own extension (the To of the REGISTER is the one it authenticated as).
 * Bindings live in this process, and those made over UDP also in the `store` when there is one, so that any
 * voice process can ring the phone (`reachable`). A binding made over TCP lasts as long as its connection (RFC 5626's
 * flow): behind NAT the phone cannot be reached any other way, so once the connection closes it is gone rather
 * than tried over UDP at an address where nothing listens, and the call goes to the next operator at once.
 */
export class Registrar {
  private readonly bindings = new Map<string, Binding[]>();
  private readonly minExpires: number;
  private readonly maxExpires: number;
  private readonly now: () => number;

  constructor(
    private readonly authority: DigestAuthority,
    private readonly options: RegistrarOptions,
  ) {
    this.minExpires = options.minExpires ?? 60;
    this.maxExpires = options.maxExpires ?? 3600;
    this.now = options.now ?? Date.now;
  }

  /** The live bindings of an extension, newest first. */
  lookup(user: string): Binding[] {
    const now = this.now();
    return (this.bindings.get(user) ?? []).filter((b) => b.expiresAt > now).sort((a, b) => b.expiresAt - a.expiresAt);
  }

  /**
   * The bindings a call to the extension may use, newest first: this process's, and with a store those another
   * voice process took over UDP.
   */
  async reachable(user: string): Promise<Binding[]> {
    const local = this.lookup(user);
    if (!this.options.store) {
      return local;
    }
    const shared = (await this.options.store.load(user)).filter((b) => !local.some((l) => l.contact === b.contact));
    return [...local, ...shared].sort((a, b) => b.expiresAt - a.expiresAt);
  }

  /** The phone's TCP connection from `source` closed: the bindings made over it are gone. */
  connectionClosed(source: SipEndpoint): void {
    for (const [user, bindings] of this.bindings) {
      const kept = bindings.filter((b) => b.transport !== "TCP" || b.source.address !== source.address || b.source.port !== source.port);
      if (kept.length !== bindings.length) {
        this.bindings.set(user, kept);
      }
    }
  }

  /** The response to a REGISTER arriving from `source`. */
  handle(request: SipRequest, source: SipEndpoint): SipResponse {
    const authorization = header(request, "authorization");
    if (authorization === undefined) {
      return this.challenge(request, false);
    }
    const { result, user } = this.authority.verify(authorization, "REGISTER", (name) => this.options.ha1For(name), this.now());
    if (result === "stale") {
      return this.challenge(request, true);
    }
    const aor = /^sips?:([^@;]+)@/.exec(parseNameAddr(header(request, "to") ?? "")?.uri ?? "")?.[1];
    if (result !== "ok" || user === null || aor !== user) {
      return buildResponse(request, 403, "Forbidden");
    }
    const contacts = headerValues(request, "contact").flatMap(splitList);
    const defaultExpires = Number(header(request, "expires") ?? 3600);
    if (contacts.length === 1 && contacts[0] === "*") {
      if (defaultExpires !== 0) {
        return buildResponse(request, 400, "Bad Request");
      }
      this.bindings.delete(user);
      this.share(user, []);
      return buildResponse(request, 200, "OK");
    }
    const now = this.now();
    const kept = (this.bindings.get(user) ?? []).filter((b) => b.expiresAt > now);
    for (const value of contacts) {
      const addr = parseNameAddr(value);
      if (addr === null) {
        return buildResponse(request, 400, "Bad Request");
      }
      const asked = Number(addr.params.get("expires") ?? defaultExpires);
      if (!Number.isFinite(asked) || asked < 0) {
        return buildResponse(request, 400, "Bad Request");
      }
      const others = kept.filter((b) => b.contact !== addr.uri);
      if (asked === 0) {
        kept.splice(0, kept.length, ...others);
        continue;
      }
      if (asked < this.minExpires) {
        return buildResponse(request, 423, "Interval Too Brief", { headers: [{ name: "Min-Expires", value: String(this.minExpires) }] });
      }
      const expires = Math.min(asked, this.maxExpires);
      kept.splice(0, kept.length, ...others, { user, contact: addr.uri, source, transport: topVia(request)?.transport === "TCP" ? "TCP" : "UDP", expiresAt: now + expires * 1000 });
    }
    this.bindings.set(user, kept);
    this.share(user, kept);
    const listed: SipHeader[] = kept.map((b) => ({ name: "Contact", value: `<${b.contact}>;expires=${Math.max(0, Math.round((b.expiresAt - now) / 1000))}` }));
    return buildResponse(request, 200, "OK", { headers: listed });
  }

  /** Stores the extension's UDP bindings for the other voice processes (after the answer: a phone never waits on it). */
  private share(user: string, bindings: readonly Binding[]): void {
    void this.options.store?.save(user, bindings.filter((b) => b.transport === "UDP")).catch((error: unknown) => this.options.onStoreError?.(error));
  }

  private challenge(request: SipRequest, stale: boolean): SipResponse {
    return buildResponse(request, 401, "Unauthorized", { headers: [{ name: "WWW-Authenticate", value: this.authority.challenge(this.now(), stale) }] });
  }
}

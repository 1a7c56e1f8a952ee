import type { BusEvent, EventBus } from "../../realtime/event-bus.ts";
import type { ResolvedActor } from "./auth.service.ts";

/**
 * Who a token belongs to, remembered for half a minute: every API request resolves its caller, and the lookup
 * is the one database round trip a request would otherwise always pay. A change that ends or alters a sign-in
 * (sign-out, role change, deactivation, password reset, token revocation, language) drops the entries on this
 * node at once and on every other node when its `auth.changed` event arrives (`followAuthChanges`); after
 * events may have been lost, everything is forgotten. An entry never outlives its session's or token's expiry.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  resolved: ResolvedActor;
  tokenId: string | null;
  until: number;
}
const entries = new Map<string, Entry>();

export function cachedActor(tokenHash: string): ResolvedActor | null {
  const entry = entries.get(tokenHash);
  if (!entry) {
    return null;
  }
  if (entry.until < Date.now()) {
    entries.delete(tokenHash);
    return null;
  }
  return entry.resolved;
}

export function rememberActor(tokenHash: string, resolved: ResolvedActor, tokenId: string | null, expiresAt: Date | null): void {
  if (entries.size >= MAX_ENTRIES) {
    entries.clear();
  }
  const until = Math.min(Date.now() + TTL_MS, expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
  entries.set(tokenHash, { resolved, tokenId, until });
}

/** Drops what this node remembers of the sign-ins an `auth.changed` event names. */
export function forgetAuth(change: Omit<Extract<BusEvent, { type: "auth.changed" }>, "type" | "tenantId">): void {
  if (change.tokenHash !== undefined) {
    entries.delete(change.tokenHash);
  }
  if (change.userId === undefined && change.tokenId === undefined) {
    return;
  }
  for (const [hash, entry] of entries) {
    if (entry.resolved.actor.userId === change.userId || (change.tokenId !== undefined && entry.tokenId === change.tokenId)) {
      entries.delete(hash);
    }
  }
}

/** Keeps this node's entries in step with changes made on any node. */
export function followAuthChanges(bus: EventBus): () => void {
  const offEvent = bus.subscribe((event) => {
    if (event.type === "auth.changed") {
      forgetAuth(event);
    }
  });
  const offGap = bus.onGap(() => entries.clear());
  return () => {
    offEvent();
    offGap();
  };
}

import type { ResolvedActor } from "./auth.service.ts";

/**
 * Who a token belongs to, remembered for a few seconds: every API request resolves its caller, and the lookup
 * is the one database round trip a request would otherwise always pay. Changes made on this node (sign-out,
 * role change, deactivation, password reset, token revocation) drop the entries at once; other nodes follow
 * within TTL_MS.
 */
const TTL_MS = 5_000;
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

export function rememberActor(tokenHash: string, resolved: ResolvedActor, tokenId: string | null): void {
  if (entries.size >= MAX_ENTRIES) {
    entries.clear();
  }
  entries.set(tokenHash, { resolved, tokenId, until: Date.now() + TTL_MS });
}

export function forgetToken(tokenHash: string): void {
  entries.delete(tokenHash);
}

export function forgetUser(userId: string): void {
  for (const [hash, entry] of entries) {
    if (entry.resolved.actor.userId === userId) {
      entries.delete(hash);
    }
  }
}

export function forgetApiToken(tokenId: string): void {
  for (const [hash, entry] of entries) {
    if (entry.tokenId === tokenId) {
      entries.delete(hash);
    }
  }
}

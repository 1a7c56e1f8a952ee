import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { sha256Hex } from "../../platform/hash.ts";
import { canonicalJson } from "../audit/audit-hash.ts";

export type IdempotencyClaim = { replay: false } | { replay: true; appealId: string };

/**
 * Claims an Idempotency-Key inside the creating transaction. A concurrent request with the same key waits on the
 * unique index until the first one commits, then replays its result; if the first rolls back, it proceeds.
 */
export async function claimIdempotencyKey(trx: Db, actor: Actor, key: string, request: unknown): Promise<IdempotencyClaim> {
  const requestHash = sha256Hex(canonicalJson(request));
  const inserted = await trx
    .insertInto("idempotency_keys")
    .values({ tenant_id: actor.tenantId, key, actor_id: actor.userId, request_hash: requestHash, status_code: 0, response: "{}" })
    .onConflict((oc) => oc.columns(["tenant_id", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  if (inserted) {
    return { replay: false };
  }
  const existing = await trx
    .selectFrom("idempotency_keys")
    .select(["request_hash", "response"])
    .where("tenant_id", "=", actor.tenantId)
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  const appealId = (existing.response as { appealId?: unknown }).appealId;
  if (existing.request_hash !== requestHash || typeof appealId !== "string") {
    throw new AppError("IDEMPOTENCY_KEY_REUSED");
  }
  return { replay: true, appealId };
}

export async function completeIdempotencyKey(trx: Db, actor: Actor, key: string, appealId: string): Promise<void> {
  await trx
    .updateTable("idempotency_keys")
    .set({ status_code: 201, response: JSON.stringify({ appealId }) })
    .where("tenant_id", "=", actor.tenantId)
    .where("key", "=", key)
    .execute();
}

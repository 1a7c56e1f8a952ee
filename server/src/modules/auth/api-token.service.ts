import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ApiTokensTable } from "../../db/schema.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { newToken, sha256Hex } from "../../platform/hash.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { EventBus } from "../../realtime/event-bus.ts";
import { forgetAuth } from "./actor-cache.ts";
import { API_TOKEN_PREFIX } from "./auth.service.ts";

/** Issues a token for an integration; the secret is shown once and only its hash is stored. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  input: { name: string; userId?: string; expiresInDays?: number },
): Promise<{ token: string; row: Selectable<ApiTokensTable> }> {
  const userId = input.userId ?? actor.userId;
  const token = newToken(API_TOKEN_PREFIX);
  return db.transaction().execute(async (trx) => {
    const owner = await trx
      .selectFrom("users")
      .select("id")
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!owner) {
      throw AppError.field("userId", "REFERENCE_UNKNOWN");
    }
    const row = await trx
      .insertInto("api_tokens")
      .values({
        tenant_id: actor.tenantId,
        user_id: userId,
        name: input.name,
        token_hash: sha256Hex(token),
        token_prefix: token.slice(0, 8),
        created_by: actor.userId,
        expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, meta, {
      action: "api_token.create",
      entity: "api_token",
      entityId: row.id,
      details: { userId, name: input.name },
    });
    return { token, row };
  });
}

export async function listApiTokens(db: Db, actor: Actor): Promise<Selectable<ApiTokensTable>[]> {
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .where("tenant_id", "=", actor.tenantId)
    .orderBy("created_at", "desc")
    .execute();
}

export async function revokeApiToken(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable("api_tokens")
      .set({ revoked_at: sql<Date>`now()` })
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .returning("user_id")
      .executeTakeFirst();
    if (!revoked) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "api_token.revoke", entity: "api_token", entityId: id });
    // The owner's open sockets close with it (they reconnect with whatever sign-in they still have).
    await deps.bus.publish(trx, { type: "auth.changed", tenantId: actor.tenantId, tokenId: id, userId: revoked.user_id });
  });
  forgetAuth({ tokenId: id });
}

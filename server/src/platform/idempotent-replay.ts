import type { FastifyInstance } from "fastify";
import { Type } from "@sinclair/typebox";
import { sql } from "kysely";
import { canonicalJson } from "../modules/audit/audit-hash.ts";
import { AppError } from "./app-error.ts";
import { sha256Hex } from "./hash.ts";

/** A claimed key older than this with no answer belongs to a request that died; a retry may take it over. */
const ABANDONED_AFTER = "1 minute";

/**
 * `Idempotency-Key` for creation routes that declare `config.idempotent`: the first request with a key claims it
 * (after validation, so a rejected request does not use it up), its successful answer is stored, and a repeat
 * with the same key and the same request gets that answer again instead of creating twice. The same key with a
 * different request is refused; a repeat while the first is still running gets CONFLICT. Appeal registration
 * claims its key inside its own transaction instead (appeals/idempotency.ts), which is stricter still.
 */
export function installIdempotentReplay(app: FastifyInstance): void {
  app.decorateRequest("idempotencyKey", null);

  // Document the header on every route that honours it (the OpenAPI document is built from route schemas).
  app.addHook("onRoute", (route) => {
    if (route.config?.idempotent && route.schema && !route.schema.headers) {
      route.schema = {
        ...route.schema,
        headers: Type.Object({
          "idempotency-key": Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Repeat a creation safely: the same key returns the first answer" })),
        }),
      };
    }
  });

  app.addHook("preHandler", async (request, reply) => {
    const raw = request.headers["idempotency-key"];
    if (!request.routeOptions.config.idempotent || raw === undefined || !request.actor) {
      return;
    }
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > 200) {
      throw AppError.field("headers.idempotency-key", "FIELD_INVALID");
    }
    const tenantId = request.actor.tenantId;
    const requestHash = sha256Hex(canonicalJson({ route: `${request.method} ${request.routeOptions.url}`, params: request.params, body: request.body }));
    const claimed = await app.db
      .insertInto("idempotency_keys")
      .values({ tenant_id: tenantId, key, actor_id: request.actor.userId, request_hash: requestHash, status_code: 0, response: "{}" })
      .onConflict((oc) =>
        oc.columns(["tenant_id", "key"]).doUpdateSet({ created_at: sql`now()` }).where((eb) =>
          eb.and([
            eb("idempotency_keys.status_code", "=", 0),
            eb("idempotency_keys.request_hash", "=", requestHash),
            eb("idempotency_keys.created_at", "<", sql<Date>`now() - ${sql.lit(ABANDONED_AFTER)}::interval`),
          ]),
        ),
      )
      .returning("key")
      .executeTakeFirst();
    if (claimed) {
      request.idempotencyKey = key;
      return;
    }
    const existing = await app.db
      .selectFrom("idempotency_keys")
      .select(["request_hash", "status_code", "response"])
      .where("tenant_id", "=", tenantId)
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    if (existing.request_hash !== requestHash) {
      throw new AppError("IDEMPOTENCY_KEY_REUSED");
    }
    if (existing.status_code === 0) {
      throw new AppError("CONFLICT");
    }
    return reply.status(existing.status_code).header("idempotent-replayed", "true").send(existing.response);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (key === null || !request.actor) {
      return payload;
    }
    request.idempotencyKey = null;
    const scope = app.db.updateTable("idempotency_keys").where("tenant_id", "=", request.actor.tenantId).where("key", "=", key);
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === "string") {
      await scope.set({ status_code: reply.statusCode, response: payload }).execute();
    } else {
      // A failed creation leaves the key free for a corrected retry.
      await app.db.deleteFrom("idempotency_keys").where("tenant_id", "=", request.actor.tenantId).where("key", "=", key).where("status_code", "=", 0).execute();
    }
    return payload;
  });
}

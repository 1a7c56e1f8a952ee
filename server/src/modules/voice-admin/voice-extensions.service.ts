import type { ExtensionBody, ExtensionDto } from "@bailanys/common/api/voice-admin";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { digestHa1 } from "../../voice/registrar/digest.ts";
import { recordAudit } from "../audit/audit.service.ts";

const EXTENSION = /^[0-9]{2,8}$/;

/** The tenant's phone extensions and whose they are. */
export async function listExtensions(db: Db, tenantId: string): Promise<ExtensionDto[]> {
  const rows = await db
    .selectFrom("voice_extensions as e")
    .leftJoin("users as u", "u.id", "e.user_id")
    .select(["e.extension", "e.user_id", "u.full_name"])
    .where("e.tenant_id", "=", tenantId)
    .orderBy("e.extension")
    .execute();
  return rows.map((r) => ({ extension: r.extension, userId: r.user_id, userName: r.full_name }));
}

/**
 * Creates an extension or changes whose it is and its password (only the digest HA1 for the gateway's realm
 * is kept). A new extension needs a password; an extension of another tenant is not found.
 */
export async function saveExtension(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, realm: string, extension: string, body: ExtensionBody): Promise<ExtensionDto> {
  if (!EXTENSION.test(extension)) {
    throw AppError.field("extension", "FIELD_INVALID");
  }
  await transact(deps, async (trx) => {
    const existing = await trx.selectFrom("voice_extensions").select(["tenant_id"]).where("extension", "=", extension).forUpdate().executeTakeFirst();
    if (existing && existing.tenant_id !== actor.tenantId) {
      throw AppError.field("extension", "VOICE_NUMBER_TAKEN");
    }
    if (body.userId !== null) {
      const user = await trx.selectFrom("users").select("id").where("id", "=", body.userId).where("tenant_id", "=", actor.tenantId).executeTakeFirst();
      if (!user) {
        throw AppError.field("userId", "REFERENCE_UNKNOWN");
      }
      // One phone per operator: the extension they had before is freed.
      await trx.updateTable("voice_extensions").set({ user_id: null }).where("user_id", "=", body.userId).where("extension", "<>", extension).execute();
    }
    const ha1 = body.password === undefined ? null : digestHa1(extension, realm, body.password);
    if (!existing) {
      if (ha1 === null) {
        throw AppError.field("password", "FIELD_REQUIRED");
      }
      await trx.insertInto("voice_extensions").values({ extension, tenant_id: actor.tenantId, user_id: body.userId, realm, ha1 }).execute();
    } else {
      await trx
        .updateTable("voice_extensions")
        .set({ user_id: body.userId, ...(ha1 === null ? {} : { ha1, realm }) })
        .where("extension", "=", extension)
        .execute();
    }
    await recordAudit(trx, actor, meta, { action: existing ? "voice.extension.update" : "voice.extension.create", entity: "voice_extension", details: { extension, passwordChanged: ha1 !== null } });
    await deps.bus.publish(trx, { type: "tenant.changed", tenantId: actor.tenantId, what: "voice" });
  });
  const saved = (await listExtensions(deps.db, actor.tenantId)).find((e) => e.extension === extension);
  if (!saved) {
    throw new AppError("NOT_FOUND");
  }
  return saved;
}

export async function deleteExtension(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, extension: string): Promise<void> {
  await transact(deps, async (trx) => {
    const deleted = await trx.deleteFrom("voice_extensions").where("extension", "=", extension).where("tenant_id", "=", actor.tenantId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "voice.extension.delete", entity: "voice_extension", details: { extension } });
    await deps.bus.publish(trx, { type: "tenant.changed", tenantId: actor.tenantId, what: "voice" });
  });
}

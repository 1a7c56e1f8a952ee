import type { AccountDto, ChangePasswordBody } from "@bailanys/common/api/auth";
import { isLocale } from "@bailanys/common/locales";
import type { Role } from "@bailanys/common/permissions";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import type { Config } from "../../platform/config.ts";
import type { EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { forgetAuth } from "./actor-cache.ts";
import { recordLoginFailure } from "./auth.repository.ts";
import { hashPassword, verifyPassword } from "./password.ts";

/** The signed-in user's own account, as their account page shows it. */
export async function readAccount(db: Db, actor: Actor): Promise<AccountDto> {
  const user = await db
    .selectFrom("users")
    .select(["login", "full_name", "email", "roles", "locale", "email_notifications"])
    .where("tenant_id", "=", actor.tenantId)
    .where("id", "=", actor.userId)
    .executeTakeFirstOrThrow();
  const { previous, failedSince } = await recentSignIns(db, actor);
  return {
    login: user.login,
    fullName: user.full_name,
    email: user.email,
    roles: user.roles as Role[],
    locale: isLocale(user.locale) ? user.locale : actor.locale,
    emailNotifications: user.email_notifications,
    previousSignIn: previous === null ? null : { at: previous.at.toISOString(), ip: previous.ip },
    failedSignInsSince: failedSince,
  };
}

/** Sign-ins read for the account page: the newest is this session's own. */
const SIGN_IN_HISTORY = 50;

/**
 * The sign-in before the latest one (the latest is this session's) and the failed attempts since it, from the
 * audit log, where every sign-in and failure is recorded with its address.
 */
async function recentSignIns(db: Db, actor: Actor): Promise<{ previous: { at: Date; ip: string | null } | null; failedSince: number }> {
  const events = await db
    .selectFrom("audit_log")
    .select(["action", "at", "ip"])
    .where("tenant_id", "=", actor.tenantId)
    .where("entity", "=", "user")
    .where("entity_id", "=", actor.userId)
    .where("action", "in", ["auth.login", "auth.login_failed", "auth.account_locked"])
    .orderBy("id", "desc")
    .limit(SIGN_IN_HISTORY)
    .execute();
  const logins = events.filter((event) => event.action === "auth.login");
  const previous = logins[1] ?? null;
  const failedSince = events.filter((event) => event.action !== "auth.login" && (previous === null || event.at > previous.at)).length;
  return { previous: previous === null ? null : { at: previous.at, ip: previous.ip }, failedSince };
}

/** Turns staff notifications by e-mail on or off for the signed-in user. */
export async function updateOwnAccount(db: Db, actor: Actor, meta: RequestMeta, input: { emailNotifications: boolean }): Promise<AccountDto> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ email_notifications: input.emailNotifications, updated_at: sql<Date>`now()` }).where("id", "=", actor.userId).execute();
    await recordAudit(trx, actor, meta, { action: "user.update_own_settings", entity: "user", entityId: actor.userId, details: { emailNotifications: input.emailNotifications } });
  });
  return readAccount(db, actor);
}

/**
 * Changes the signed-in user's password, given the current one. Only from a signed-in session (an API token is
 * not a person at a keyboard). A wrong current password counts towards the sign-in lock, as at sign-in, so a
 * session left open cannot be used to guess it; the user's other sessions end, this one stays.
 */
export async function changeOwnPassword(deps: { db: Db; bus: EventBus; config: Pick<Config, "argon2MemoryKiB" | "loginMaxFailures" | "loginLockMinutes"> }, actor: Actor, meta: RequestMeta, input: ChangePasswordBody): Promise<void> {
  if (actor.kind !== "user" || actor.sessionId === null) {
    throw new AppError("FORBIDDEN");
  }
  const user = await deps.db.selectFrom("users").select(["password_hash"]).where("id", "=", actor.userId).executeTakeFirstOrThrow();
  if (user.password_hash === null || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await deps.db.transaction().execute(async (trx) => {
      const locked = await recordLoginFailure(trx, actor.userId, deps.config.loginMaxFailures, deps.config.loginLockMinutes);
      await recordAudit(trx, actor, meta, { action: "user.change_password_failed", entity: "user", entityId: actor.userId, details: { locked } });
    });
    throw AppError.field("currentPassword", "PASSWORD_WRONG");
  }
  if (input.newPassword === input.currentPassword) {
    throw AppError.field("newPassword", "PASSWORD_UNCHANGED");
  }
  // Hashing is deliberately slow; it is done before the transaction so no connection is held meanwhile.
  const passwordHash = await hashPassword(input.newPassword, deps.config.argon2MemoryKiB);
  const sessionId = actor.sessionId;
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash, failed_logins: 0, updated_at: sql<Date>`now()` }).where("id", "=", actor.userId).execute();
    const ended = await trx.deleteFrom("sessions").where("user_id", "=", actor.userId).where("id", "!=", sessionId).executeTakeFirst();
    await recordAudit(trx, actor, meta, { action: "user.change_password", entity: "user", entityId: actor.userId, details: { sessionsEnded: Number(ended.numDeletedRows) } });
    await deps.bus.publish(trx, { type: "auth.changed", tenantId: actor.tenantId, userId: actor.userId });
  });
  forgetAuth({ userId: actor.userId });
}

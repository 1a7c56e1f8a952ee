import { randomBytes } from "node:crypto";
import { isLocale, type Locale } from "@bailanys/common/locales";
import { permissionsOf } from "@bailanys/common/permissions";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import type { Config } from "../../platform/config.ts";
import { newToken, sha256Hex } from "../../platform/hash.ts";
import { recordAnonymousAudit, recordAudit } from "../audit/audit.service.ts";
import {
  deleteSession,
  findActorByApiToken,
  findActorBySession,
  findUserByLogin,
  insertSession,
  recordLoginFailure,
  recordLoginSuccess,
  touchApiToken,
  type ActorRow,
} from "./auth.repository.ts";
import { burnPasswordCheck, verifyPassword } from "./password.ts";
import { cachedActor, forgetAuth, rememberActor } from "./actor-cache.ts";
import type { EventBus } from "../../realtime/event-bus.ts";

export const SESSION_TOKEN_PREFIX = "bs";
export const API_TOKEN_PREFIX = "bt";

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

/** Checks a password, applies the lockout policy, opens a session; every outcome is audited. */
export async function login(
  db: Db,
  config: Config,
  input: { login: string; password: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const user = await findUserByLogin(db, input.login);
  if (!user || !user.active || user.password_hash === null) {
    await burnPasswordCheck(input.password, config.argon2MemoryKiB);
    await recordAnonymousAudit(db, {
      tenantId: user?.tenant_id ?? null,
      actorId: user?.id ?? null,
      actorLogin: null,
      actorKind: "anonymous",
      action: "auth.login_failed",
      entity: "user",
      entityId: user?.id ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      requestId: meta.requestId,
      details: { reason: user ? "inactive" : "unknown-login" },
    });
    throw new AppError("INVALID_CREDENTIALS");
  }
  const auditBase = {
    tenantId: user.tenant_id,
    actorId: user.id,
    actorLogin: user.login,
    actorKind: "anonymous" as const,
    entity: "user",
    entityId: user.id,
    ip: meta.ip,
    userAgent: meta.userAgent,
    requestId: meta.requestId,
  };
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    await recordAnonymousAudit(db, { ...auditBase, action: "auth.login_failed", details: { reason: "locked" } });
    throw new AppError("ACCOUNT_LOCKED");
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const lockedNow = await recordLoginFailure(db, user.id, config.loginMaxFailures, config.loginLockMinutes);
    await recordAnonymousAudit(db, {
      ...auditBase,
      action: lockedNow ? "auth.account_locked" : "auth.login_failed",
      details: { reason: "wrong-password" },
    });
    throw new AppError(lockedNow ? "ACCOUNT_LOCKED" : "INVALID_CREDENTIALS");
  }

  const token = newToken(SESSION_TOKEN_PREFIX);
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
  const sessionId = sha256Hex(token);
  const actor = toActor(
    { ...userToActorRow(user), csrf_token: csrfToken, session_id: sessionId },
    "user",
  );
  await db.transaction().execute(async (trx) => {
    await recordLoginSuccess(trx, user.id);
    await insertSession(trx, {
      id: sessionId,
      tenantId: user.tenant_id,
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    await recordAudit(trx, actor, meta, { action: "auth.login", entity: "user", entityId: user.id });
  });
  return { token, csrfToken, expiresAt, actor };
}

export async function logout(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta): Promise<void> {
  const sessionId = actor.sessionId;
  await deps.db.transaction().execute(async (trx) => {
    if (sessionId) {
      await deleteSession(trx, sessionId);
      await deps.bus.publish(trx, { type: "auth.changed", tenantId: actor.tenantId, tokenHash: sessionId });
    }
    await recordAudit(trx, actor, meta, { action: "auth.logout", entity: "user", entityId: actor.userId });
  });
  if (sessionId) {
    forgetAuth({ tokenHash: sessionId });
  }
}

export interface ResolvedActor {
  actor: Actor;
  csrfToken: string | null;
}

/** Finds who a session or API token belongs to; null when unknown, expired or revoked. */
export async function resolveToken(db: Db, token: string): Promise<ResolvedActor | null> {
  const hash = sha256Hex(token);
  const cached = cachedActor(hash);
  if (cached) {
    return cached;
  }
  if (token.startsWith(`${SESSION_TOKEN_PREFIX}_`)) {
    const row = await findActorBySession(db, hash);
    if (!row) {
      return null;
    }
    const resolved = { actor: toActor(row, "user"), csrfToken: row.csrf_token };
    rememberActor(hash, resolved, null, row.expires_at);
    return resolved;
  }
  if (token.startsWith(`${API_TOKEN_PREFIX}_`)) {
    const row = await findActorByApiToken(db, hash);
    if (!row) {
      return null;
    }
    await touchApiToken(db, hash);
    const resolved = { actor: toActor(row, "token"), csrfToken: null };
    rememberActor(hash, resolved, row.token_id, row.expires_at);
    return resolved;
  }
  return null;
}

function userToActorRow(user: {
  id: string;
  tenant_id: string;
  login: string;
  full_name: string;
  roles: string[];
  locale: string;
  body_id: string | null;
  unit_id: string | null;
}): Omit<ActorRow, "csrf_token" | "session_id"> {
  return {
    user_id: user.id,
    tenant_id: user.tenant_id,
    login: user.login,
    full_name: user.full_name,
    roles: user.roles,
    locale: user.locale,
    body_id: user.body_id,
    unit_id: user.unit_id,
  };
}

function toActor(row: ActorRow, kind: "user" | "token"): Actor {
  const locale: Locale = isLocale(row.locale) ? row.locale : "ru";
  return {
    kind,
    userId: row.user_id,
    tenantId: row.tenant_id,
    login: row.login,
    fullName: row.full_name,
    roles: row.roles,
    permissions: permissionsOf(row.roles),
    bodyId: row.body_id,
    unitId: row.unit_id,
    locale,
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
  };
}

/** Saves the interface language a user picked; it also becomes the language of their error messages. */
export async function updateOwnLocale(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, locale: Locale): Promise<Actor> {
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ locale, updated_at: new Date() }).where("id", "=", actor.userId).execute();
    await recordAudit(trx, actor, meta, { action: "user.update_locale", entity: "user", entityId: actor.userId, details: { locale } });
    await deps.bus.publish(trx, { type: "auth.changed", tenantId: actor.tenantId, userId: actor.userId });
  });
  forgetAuth({ userId: actor.userId });
  return { ...actor, locale };
}

/** The actor of a user acting without a session (seeding, command-line tools). */
export async function actorForLogin(db: Db, loginName: string): Promise<Actor> {
  const user = await findUserByLogin(db, loginName);
  if (!user) {
    throw new Error(`no user ${loginName}`);
  }
  return toActor({ ...userToActorRow(user), csrf_token: null, session_id: null }, "user");
}

/**
 * The actor of an operator acting through their registered phone (answering it accepts the offer): no session,
 * and null when the user is gone or deactivated, so a phone outliving its account acts for nobody.
 */
export async function actorForUser(db: Db, tenantId: string, userId: string): Promise<Actor | null> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).where("tenant_id", "=", tenantId).where("active", "=", true).executeTakeFirst();
  return user ? toActor({ ...userToActorRow(user), csrf_token: null, session_id: null }, "user") : null;
}

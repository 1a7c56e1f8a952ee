import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { UsersTable } from "../../db/schema.ts";

export type UserRow = Selectable<UsersTable>;

export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where(sql`lower(login)`, "=", login.toLowerCase())
    .executeTakeFirst();
}

export async function recordLoginFailure(db: Db, userId: string, maxFailures: number, lockMinutes: number): Promise<boolean> {
  const row = await db
    .updateTable("users")
    .set((eb) => ({
      failed_logins: sql<number>`case when ${eb.ref("failed_logins")} + 1 >= ${maxFailures} then 0 else ${eb.ref("failed_logins")} + 1 end`,
      locked_until: sql<Date | null>`case when ${eb.ref("failed_logins")} + 1 >= ${maxFailures}
        then now() + make_interval(mins => ${lockMinutes}) else ${eb.ref("locked_until")} end`,
    }))
    .where("id", "=", userId)
    .returning(["locked_until"])
    .executeTakeFirst();
  return row?.locked_until != null && new Date(row.locked_until).getTime() > Date.now();
}

export async function recordLoginSuccess(db: Db, userId: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ failed_logins: 0, locked_until: null, last_login_at: sql<Date>`now()` })
    .where("id", "=", userId)
    .execute();
}

export interface NewSession {
  id: string;
  tenantId: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Db, session: NewSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: session.id,
      tenant_id: session.tenantId,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<", sql<Date>`now()`).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface ActorRow {
  user_id: string;
  tenant_id: string;
  login: string;
  full_name: string;
  roles: string[];
  locale: string;
  body_id: string | null;
  unit_id: string | null;
  csrf_token: string | null;
  session_id: string | null;
}

export async function findActorBySession(db: Db, sessionId: string): Promise<(ActorRow & { expires_at: Date }) | undefined> {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "u.id as user_id",
      "u.tenant_id",
      "u.login",
      "u.full_name",
      "u.roles",
      "u.locale",
      "u.body_id",
      "u.unit_id",
      "s.csrf_token",
      "s.id as session_id",
      "s.expires_at",
    ])
    .where("s.id", "=", sessionId)
    .where("s.expires_at", ">", sql<Date>`now()`)
    .where("u.active", "=", true)
    .executeTakeFirst();
}

export async function findActorByApiToken(db: Db, tokenHash: string): Promise<(ActorRow & { token_id: string; expires_at: Date | null }) | undefined> {
  const row = await db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select([
      "u.id as user_id",
      "u.tenant_id",
      "u.login",
      "u.full_name",
      "u.roles",
      "u.locale",
      "u.body_id",
      "u.unit_id",
      "t.id as token_id",
      "t.expires_at",
    ])
    .where("t.token_hash", "=", tokenHash)
    .where("t.revoked_at", "is", null)
    .where((eb) => eb.or([eb("t.expires_at", "is", null), eb("t.expires_at", ">", sql<Date>`now()`)]))
    .where("u.active", "=", true)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  return { ...row, csrf_token: null, session_id: null };
}

export async function touchApiToken(db: Db, tokenHash: string): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: sql<Date>`now()` })
    .where("token_hash", "=", tokenHash)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

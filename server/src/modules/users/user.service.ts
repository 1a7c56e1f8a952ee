import type { CreateUserBody, PasswordBody, UpdateUserBody, UserListQuery } from "@bailanys/common/api/users";
import { isPlausibleEmail } from "@bailanys/common/contact-details";
import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../../db/pg-errors.ts";
import type { UsersTable } from "../../db/schema.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import type { Config } from "../../platform/config.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { EventBus } from "../../realtime/event-bus.ts";
import { forgetAuth } from "../auth/actor-cache.ts";
import { hashPassword } from "../auth/password.ts";

// What the presenter needs and nothing more: a row that never holds the password hash cannot leak it.
const USER_COLUMNS = [
  "id",
  "login",
  "full_name",
  "email",
  "roles",
  "locale",
  "body_id",
  "unit_id",
  "position_id",
  "active",
  "locked_until",
  "last_login_at",
  "created_at",
] as const;
export type UserRow = Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>;

type PasswordConfig = Pick<Config, "argon2MemoryKiB">;

interface Placement {
  bodyId?: string | null;
  unitId?: string | null;
  positionId?: string | null;
}

/** Users of the actor's tenant, optionally narrowed by part of the login or name and by role. */
export async function listUsers(db: Db, actor: Actor, query: UserListQuery): Promise<UserRow[]> {
  let select = db.selectFrom("users").select(USER_COLUMNS).where("tenant_id", "=", actor.tenantId);
  if (query.q !== undefined) {
    // The search text is matched literally: % and _ typed by the user are not wildcards.
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb("login", "ilike", pattern), eb("full_name", "ilike", pattern)]));
  }
  if (query.role !== undefined) {
    select = select.where(sql<boolean>`${query.role} = any(${sql.ref("roles")})`);
  }
  return select.orderBy(sql`lower(login)`).execute();
}

// Where a user works must exist in the tenant and hang together: the unit in the body, the position in the unit.
async function checkPlacement(trx: Db, tenantId: string, input: Placement): Promise<void> {
  const bodyId = input.bodyId ?? null;
  const unitId = input.unitId ?? null;
  const positionId = input.positionId ?? null;
  const problems: FieldProblem[] = [];
  if (bodyId !== null) {
    const body = await trx.selectFrom("bodies").select("id").where("tenant_id", "=", tenantId).where("id", "=", bodyId).executeTakeFirst();
    if (!body) {
      problems.push({ field: "bodyId", code: "REFERENCE_UNKNOWN" });
    }
  }
  if (unitId !== null) {
    const unit = await trx.selectFrom("units").select("body_id").where("tenant_id", "=", tenantId).where("id", "=", unitId).executeTakeFirst();
    if (!unit || unit.body_id !== bodyId) {
      problems.push({ field: "unitId", code: "REFERENCE_UNKNOWN" });
    }
  }
  if (positionId !== null) {
    const position = await trx.selectFrom("positions").select("unit_id").where("tenant_id", "=", tenantId).where("id", "=", positionId).executeTakeFirst();
    if (!position || position.unit_id !== unitId) {
      problems.push({ field: "positionId", code: "REFERENCE_UNKNOWN" });
    }
  }
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
}

// The fields POST and PUT share; PUT replaces them all, so an omitted optional field is cleared.
function profileColumns(input: CreateUserBody | UpdateUserBody) {
  const fullName = input.fullName.trim();
  const email = input.email?.trim() ?? "";
  const problems: FieldProblem[] = [];
  if (fullName === "") {
    problems.push({ field: "fullName", code: "FIELD_REQUIRED" });
  }
  if (email !== "" && !isPlausibleEmail(email)) {
    problems.push({ field: "email", code: "EMAIL_INVALID" });
  }
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  return {
    full_name: fullName,
    email: email === "" ? null : email,
    roles: [...new Set(input.roles)],
    locale: input.locale,
    body_id: input.bodyId ?? null,
    unit_id: input.unitId ?? null,
    position_id: input.positionId ?? null,
  };
}

// Placement is checked first, so a foreign-key failure here means a body, unit or position was deleted meanwhile.
function translateWriteError(error: unknown): unknown {
  if (isUniqueViolation(error)) {
    return AppError.field("login", "ALREADY_EXISTS");
  }
  if (isForeignKeyViolation(error)) {
    return new AppError("CONFLICT");
  }
  return error;
}

async function endSessions(trx: Db, tenantId: string, userId: string): Promise<number> {
  const result = await trx.deleteFrom("sessions").where("tenant_id", "=", tenantId).where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Opens a staff account with an initial password. */
export async function createUser(db: Db, actor: Actor, meta: RequestMeta, input: CreateUserBody, config: PasswordConfig): Promise<UserRow> {
  const columns = profileColumns(input);
  // Hashing is deliberately slow; it is done before the transaction so no connection is held meanwhile.
  const passwordHash = await hashPassword(input.password, config.argon2MemoryKiB);
  try {
    return await db.transaction().execute(async (trx) => {
      await checkPlacement(trx, actor.tenantId, input);
      const row = await trx
        .insertInto("users")
        .values({ tenant_id: actor.tenantId, login: input.login, ...columns, password_hash: passwordHash })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, meta, {
        action: "user.create",
        entity: "user",
        entityId: row.id,
        details: { roles: columns.roles, bodyId: columns.body_id, unitId: columns.unit_id, positionId: columns.position_id },
      });
      return row;
    });
  } catch (error) {
    throw translateWriteError(error);
  }
}

/** Changes a staff account; deactivating it also signs it out everywhere. */
export async function updateUser(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, id: string, input: UpdateUserBody): Promise<UserRow> {
  const columns = profileColumns(input);
  if (id === actor.userId) {
    // An administrator locking themselves out would leave the tenant with nobody able to undo it.
    const problems: FieldProblem[] = [];
    if (actor.roles.includes("admin") && !columns.roles.includes("admin")) {
      problems.push({ field: "roles", code: "FIELD_INVALID" });
    }
    if (!input.active) {
      problems.push({ field: "active", code: "FIELD_INVALID" });
    }
    if (problems.length > 0) {
      throw new AppError("VALIDATION_FAILED", problems);
    }
  }
  try {
    const updated = await deps.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom("users").select(["roles", "active"]).where("tenant_id", "=", actor.tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
      if (!current) {
        throw new AppError("NOT_FOUND");
      }
      await checkPlacement(trx, actor.tenantId, input);
      const row = await trx
        .updateTable("users")
        .set({ ...columns, active: input.active, updated_at: sql<Date>`now()` })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      const sessionsEnded = input.active ? 0 : await endSessions(trx, actor.tenantId, id);
      await recordAudit(trx, actor, meta, {
        action: "user.update",
        entity: "user",
        entityId: id,
        details: {
          roles: columns.roles,
          previousRoles: current.roles,
          active: input.active,
          previousActive: current.active,
          bodyId: columns.body_id,
          unitId: columns.unit_id,
          positionId: columns.position_id,
          sessionsEnded,
        },
      });
      await deps.bus.publish(trx, { type: "auth.changed", tenantId: actor.tenantId, userId: id });
      return row;
    });
    // Roles and the active flag apply from the next request, also where the caller was remembered.
    forgetAuth({ userId: id });
    return updated;
  } catch (error) {
    throw translateWriteError(error);
  }
}

/** Sets a new password chosen by an administrator; lifts any lock and ends the user's sessions. */
export async function resetPassword(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, id: string, input: PasswordBody, config: PasswordConfig): Promise<void> {
  const passwordHash = await hashPassword(input.password, config.argon2MemoryKiB);
  await deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: sql<Date>`now()` })
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
    const sessionsEnded = await endSessions(trx, actor.tenantId, id);
    await recordAudit(trx, actor, meta, { action: "user.reset_password", entity: "user", entityId: id, details: { sessionsEnded } });
    await deps.bus.publish(trx, { type: "auth.changed", tenantId: actor.tenantId, userId: id });
  });
  forgetAuth({ userId: id });
}

/** Lifts a sign-in lock left by failed attempts before it runs out. */
export async function unlockUser(db: Db, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("users")
      .set({ failed_logins: 0, locked_until: null, updated_at: sql<Date>`now()` })
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(trx, actor, meta, { action: "user.unlock", entity: "user", entityId: id });
  });
}

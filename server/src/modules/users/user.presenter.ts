import type { UserDto } from "@bailanys/common/api/users";
import { DEFAULT_LOCALE, isLocale } from "@bailanys/common/locales";
import { isRole } from "@bailanys/common/permissions";
import type { UserRow } from "./user.service.ts";

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** A staff account for the administration screens; the row type carries no password hash to leak. */
export function presentUser(row: UserRow, now: Date = new Date()): UserDto {
  // locked_until stays behind after a lock runs out; only a lock still in force is worth showing.
  const lockedUntil = row.locked_until !== null && new Date(row.locked_until).getTime() > now.getTime() ? iso(row.locked_until) : null;
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    email: row.email,
    // Roles removed from the code may linger in old rows; they grant nothing, so they are not shown.
    roles: row.roles.filter(isRole),
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    bodyId: row.body_id,
    unitId: row.unit_id,
    positionId: row.position_id,
    active: row.active,
    lockedUntil,
    lastLoginAt: iso(row.last_login_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

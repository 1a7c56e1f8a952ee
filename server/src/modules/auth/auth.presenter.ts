import type { ApiTokenDto, Me } from "@bailanys/common/api/auth";
import type { Permission } from "@bailanys/common/permissions";
import type { Role } from "@bailanys/common/permissions";
import { isRole } from "@bailanys/common/permissions";
import type { Selectable } from "kysely";
import type { ApiTokensTable } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";

export function presentMe(actor: Actor, csrfToken: string | null): Me {
  return {
    id: actor.userId,
    tenantId: actor.tenantId,
    login: actor.login,
    fullName: actor.fullName,
    roles: actor.roles.filter(isRole) as Role[],
    permissions: [...actor.permissions].sort() as Permission[],
    locale: actor.locale,
    bodyId: actor.bodyId,
    unitId: actor.unitId,
    csrfToken,
  };
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function presentApiToken(row: Selectable<ApiTokensTable>): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    tokenPrefix: row.token_prefix,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: iso(row.expires_at),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

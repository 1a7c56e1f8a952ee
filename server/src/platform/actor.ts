import type { Locale } from "@bailanys/common/locales";
import type { Permission } from "@bailanys/common/permissions";

/** Who is acting: a signed-in staff user (session or API token). */
export interface Actor {
  kind: "user" | "token";
  userId: string;
  tenantId: string;
  login: string;
  fullName: string;
  roles: string[];
  permissions: Set<Permission>;
  bodyId: string | null;
  unitId: string | null;
  locale: Locale;
  sessionId: string | null;
  /** The session's CSRF token (cookie sessions only), echoed by /auth/me so a reloaded page can write. */
  csrfToken: string | null;
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

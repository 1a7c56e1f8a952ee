/**
 * Permissions and the staff roles that hold them. Routes declare one permission each; policy functions add the
 * row-level rules (own unit, own tenant). Roles are code because permissions are code; everything a contact
 * centre tunes (statuses, transitions, types) is data.
 */
export const PERMISSIONS = [
  "appeal.read",
  "appeal.read_all",
  "appeal.create",
  "appeal.transition",
  "appeal.close",
  "appeal.assign",
  "appeal.forward",
  "appeal.extend",
  "appeal.withdraw",
  "appeal.link_duplicate",
  "appeal.attach",
  "citizen.read",
  "citizen.write",
  "citizen.merge",
  "reference.read",
  "reference.write",
  "org.read",
  "org.write",
  "users.read",
  "users.write",
  "tokens.manage",
  "audit.read",
  "audit.verify",
  "outbox.read",
  "outbox.retry",
  "contact.read",
  "contact.handle",
  "contact.monitor",
  "routing.manage",
  "notice.manage",
  "kb.read",
  "kb.write",
  "kb.publish",
  "kb.analytics",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  "operator",
  "senior_operator",
  "executor",
  "supervisor",
  "qa",
  "knowledge_editor",
  "analyst",
  "admin",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

const OPERATOR: Permission[] = [
  "appeal.read",
  "appeal.create",
  "appeal.transition",
  "appeal.withdraw",
  "appeal.attach",
  "citizen.read",
  "citizen.write",
  "reference.read",
  "org.read",
  "contact.read",
  "contact.handle",
  "kb.read",
];
/** Knowledge editors write and approve articles; the approver of a version is never its author (R22). */
const KB_EDITING: Permission[] = ["kb.read", "kb.write", "kb.publish", "kb.analytics"];
const SENIOR: Permission[] = [
  ...OPERATOR,
  "appeal.read_all",
  "appeal.close",
  "appeal.assign",
  "appeal.forward",
  "appeal.link_duplicate",
  // Merging two records of one person rewrites whose history is whose: a senior's decision, not every operator's.
  "citizen.merge",
  "outbox.read",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  operator: OPERATOR,
  senior_operator: SENIOR,
  // Staff of a body (3rd line) work on appeals of their own unit; the policy narrows appeal.read to it.
  executor: ["appeal.read", "appeal.transition", "appeal.attach", "citizen.read", "reference.read", "org.read", "kb.read"],
  supervisor: [...SENIOR, "appeal.extend", "outbox.retry", "users.read", "contact.monitor", "routing.manage", "notice.manage", ...KB_EDITING],
  // Quality control listens to and reads conversations, live and past.
  qa: ["appeal.read", "appeal.read_all", "citizen.read", "reference.read", "org.read", "contact.read", "contact.monitor", "kb.read"],
  knowledge_editor: ["reference.read", "org.read", ...KB_EDITING],
  // Analysts and auditors see the registry without citizens' personal data (masked by the presenter).
  analyst: ["appeal.read", "appeal.read_all", "reference.read", "org.read", "kb.read", "kb.analytics"],
  admin: [
    "reference.read",
    "reference.write",
    "org.read",
    "org.write",
    "users.read",
    "users.write",
    "tokens.manage",
    "outbox.read",
    "outbox.retry",
    "audit.read",
    "routing.manage",
    "notice.manage",
    "kb.read",
  ],
  auditor: ["audit.read", "audit.verify", "appeal.read", "appeal.read_all", "reference.read", "org.read", "users.read", "kb.read"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Union of the permissions of the given roles. */
export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) {
    if (isRole(role)) {
      for (const permission of ROLE_PERMISSIONS[role]) {
        result.add(permission);
      }
    }
  }
  return result;
}

import { Type, type Static } from "@sinclair/typebox";
import { Nullable, Uuid } from "./shared.ts";

/** One record of the audit log as the audit viewer shows it. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: "date-time" }),
  actorId: Nullable(Uuid),
  actorLogin: Nullable(Type.String()),
  actorKind: Type.String(),
  action: Type.String(),
  entity: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealed: Type.Boolean(),
});

export const ChainReport = Type.Object({
  chain: Type.String(),
  ok: Type.Boolean(),
  checked: Type.Integer(),
  unsealed: Type.Integer(),
  problems: Type.Array(Type.Object({ seq: Type.Integer(), id: Nullable(Type.Integer()), problem: Type.String() })),
});
export type AuditEntry = Static<typeof AuditEntry>;
export type ChainReport = Static<typeof ChainReport>;
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Nullable(Type.String()) });
export type AuditPage = Static<typeof AuditPage>;

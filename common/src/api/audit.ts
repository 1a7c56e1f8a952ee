import { Type, type Static } from "@sinclair/typebox";
import { Uuid } from "./shared.ts";

/** One record of the audit log as the audit viewer shows it. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: "date-time" }),
  actorId: Type.Union([Uuid, Type.Null()]),
  actorLogin: Type.Union([Type.String(), Type.Null()]),
  actorKind: Type.String(),
  action: Type.String(),
  entity: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealed: Type.Boolean(),
});

export const ChainReport = Type.Object({
  chain: Type.String(),
  ok: Type.Boolean(),
  checked: Type.Integer(),
  unsealed: Type.Integer(),
  problems: Type.Array(Type.Object({ seq: Type.Integer(), id: Type.Union([Type.Integer(), Type.Null()]), problem: Type.String() })),
});
export type AuditEntry = Static<typeof AuditEntry>;
export type ChainReport = Static<typeof ChainReport>;
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type AuditPage = Static<typeof AuditPage>;

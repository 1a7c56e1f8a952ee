// The audit routes declare their response schemas inline on the server (not in common/), so they are mirrored here.

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  actorKind: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
  sealed: boolean;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface ChainReport {
  chain: string;
  ok: boolean;
  checked: number;
  unsealed: number;
  problems: { seq: number; id: number | null; problem: string }[];
}

import { sha256Hex } from "../../platform/hash.ts";
import type { AuditRow } from "./audit.repository.ts";

/** JSON with object keys sorted at every level, so that the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value) ?? "null";
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The hash of one sealed row: its content, its place in the chain and the hash before it. */
export function auditRowHash(row: AuditRow, seq: number, prevHash: string): string {
  const at = row.at instanceof Date ? row.at.toISOString() : String(row.at);
  return sha256Hex(
    canonicalJson([
      seq,
      prevHash,
      Number(row.id),
      row.tenant_id,
      at,
      row.actor_id,
      row.actor_login,
      row.actor_kind,
      row.action,
      row.entity,
      row.entity_id,
      row.ip,
      row.user_agent,
      row.request_id,
      row.details,
      row.chain,
    ]),
  );
}

import type { AuditPage, ChainReport } from "@bailanys/common/api/audit";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { listAudit } from "./audit.repository.ts";
import { recordAudit, sealAuditChains, verifyAuditChain } from "./audit.service.ts";

export interface AuditPageQuery {
  action?: string;
  entity?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** The cursor is "<ISO time>_<id>" of the last row shown: newest-first keyset paging that ties on time. */
function parseCursor(cursor: string | undefined): { at: Date; id: number } | undefined {
  if (!cursor) {
    return undefined;
  }
  const [at, id] = cursor.split("_");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^\d+$/.test(id)) {
    throw AppError.field("query.cursor", "FIELD_INVALID");
  }
  return { at: new Date(at), id: Number(id) };
}

/** One page of the tenant's audit log for the audit viewer. */
export async function listAuditPage(db: Db, actor: Actor, q: AuditPageQuery): Promise<AuditPage> {
  const limit = q.limit ?? 100;
  const rows = await listAudit(db, {
    tenantId: actor.tenantId,
    action: q.action,
    entity: q.entity,
    entityId: q.entityId,
    actorId: q.actorId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    before: parseCursor(q.cursor),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorLogin: r.actor_login,
      actorKind: r.actor_kind,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      ip: r.ip,
      userAgent: r.user_agent,
      details: r.details,
      sealed: r.hash !== null,
    })),
    nextCursor: rows.length > limit && last ? `${new Date(last.at).toISOString()}_${last.id}` : null,
  };
}

/** Seals what is pending, then recomputes the actor's own chain; the check itself is audited. */
export async function verifyOwnChain(db: Db, actor: Actor, meta: RequestMeta): Promise<ChainReport> {
  await sealAuditChains(db);
  const report = await verifyAuditChain(db, actor.tenantId);
  await recordAudit(db, actor, meta, { action: "audit.verify", details: { ok: report.ok, checked: report.checked } });
  return report;
}

import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { AuditLogTable } from "../../db/schema.ts";
import type { Selectable } from "kysely";

export type AuditRow = Selectable<AuditLogTable>;

export interface NewAuditEntry {
  tenantId: string | null;
  actorId: string | null;
  actorLogin: string | null;
  actorKind: "user" | "token" | "citizen" | "system" | "anonymous";
  action: string;
  entity: string | null;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** The chain a tenant's rows belong to; platform-level events (unknown logins) have their own. */
export function chainOf(tenantId: string | null): string {
  return tenantId ?? "platform";
}

export async function insertAuditEntries(db: Db, entries: NewAuditEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await auditInsert(db, entries).execute();
}

/**
 * The INSERT of one audit row for each row of `source`, a preceding CTE whose `entity_id` column names the
 * entity: for a statement whose audited change may not happen (no row, no record).
 */
export function auditInsertPerRow(source: string, entry: Omit<NewAuditEntry, "entityId">) {
  return sql`
    insert into audit_log (tenant_id, at, actor_id, actor_login, actor_kind, action, entity, entity_id, ip, user_agent, request_id, details, chain)
    select ${entry.tenantId}::uuid, date_trunc('milliseconds', clock_timestamp()), ${entry.actorId}::uuid, ${entry.actorLogin}, ${entry.actorKind},
           ${entry.action}, ${entry.entity}, s.entity_id::text, ${entry.ip}, ${entry.userAgent}, ${entry.requestId}, ${JSON.stringify(entry.details)}::jsonb,
           ${chainOf(entry.tenantId)}
    from ${sql.table(source)} s`;
}

/** The INSERT of audit rows, unexecuted, so that a larger statement can embed it. */
export function auditInsert(db: Db, entries: NewAuditEntry[]) {
  return db
    .insertInto("audit_log")
    .values(
      entries.map((entry) => ({
        tenant_id: entry.tenantId,
        // Millisecond precision, so that the timestamp hashed in JavaScript is exactly the stored one.
        at: sql<Date>`date_trunc('milliseconds', clock_timestamp())`,
        actor_id: entry.actorId,
        actor_login: entry.actorLogin,
        actor_kind: entry.actorKind,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        ip: entry.ip,
        user_agent: entry.userAgent,
        request_id: entry.requestId,
        details: JSON.stringify(entry.details),
        chain: chainOf(entry.tenantId),
      })),
    );
}

/** Chains with rows or with a head: a chain whose rows were all deleted still has its head. */
export async function allChains(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select("chain")
    .union(db.selectFrom("audit_chain_heads").select("chain"))
    .orderBy("chain")
    .execute();
  return rows.map((row) => row.chain);
}

export async function chainsWithUnsealedRows(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("chain").distinct().where("hash", "is", null).execute();
  return rows.map((row) => row.chain);
}

export async function lockChainHead(db: Db, chain: string): Promise<{ lastSeq: number; lastHash: string }> {
  await db
    .insertInto("audit_chain_heads")
    .values({ chain, last_seq: 0, last_hash: "" })
    .onConflict((oc) => oc.column("chain").doNothing())
    .execute();
  const head = await db
    .selectFrom("audit_chain_heads")
    .select(["last_seq", "last_hash"])
    .where("chain", "=", chain)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { lastSeq: head.last_seq, lastHash: head.last_hash };
}

export async function readChainHead(db: Db, chain: string): Promise<{ lastSeq: number; lastHash: string } | null> {
  const head = await db
    .selectFrom("audit_chain_heads")
    .select(["last_seq", "last_hash"])
    .where("chain", "=", chain)
    .executeTakeFirst();
  return head ? { lastSeq: head.last_seq, lastHash: head.last_hash } : null;
}

export async function unsealedRows(db: Db, chain: string, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("chain", "=", chain)
    .where("hash", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function sealRows(
  db: Db,
  chain: string,
  seals: { id: number; seq: number; prevHash: string; hash: string }[],
): Promise<void> {
  const last = seals[seals.length - 1];
  if (!last) {
    return;
  }
  const values = sql.join(seals.map((s) => sql`(${s.id}::bigint, ${s.seq}::bigint, ${s.prevHash}, ${s.hash})`));
  await sql`
    update audit_log as a
       set chain_seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from (values ${values}) as v (id, seq, prev_hash, hash)
     where a.id = v.id`.execute(db);
  await db
    .updateTable("audit_chain_heads")
    .set({ last_seq: last.seq, last_hash: last.hash })
    .where("chain", "=", chain)
    .execute();
}

export async function sealedRowsAfter(db: Db, chain: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("chain", "=", chain)
    .where("chain_seq", ">", afterSeq)
    .orderBy("chain_seq")
    .limit(limit)
    .execute();
}

export async function countUnsealed(db: Db, chain: string): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("chain", "=", chain)
    .where("hash", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AuditQuery {
  tenantId: string;
  action?: string;
  entity?: string;
  entityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  before?: { at: Date; id: number };
  limit: number;
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditRow[]> {
  let q = db.selectFrom("audit_log").selectAll().where("tenant_id", "=", query.tenantId);
  if (query.action) {
    // A prefix match; % and _ typed into the filter are matched literally, not as wildcards.
    q = q.where("action", "like", `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (query.entity) {
    q = q.where("entity", "=", query.entity);
  }
  if (query.entityId) {
    q = q.where("entity_id", "=", query.entityId);
  }
  if (query.actorId) {
    q = q.where("actor_id", "=", query.actorId);
  }
  if (query.from) {
    q = q.where("at", ">=", query.from);
  }
  if (query.to) {
    q = q.where("at", "<", query.to);
  }
  if (query.before) {
    const { at, id } = query.before;
    q = q.where((eb) => eb.or([eb("at", "<", at), eb.and([eb("at", "=", at), eb("id", "<", id)])]));
  }
  return q.orderBy("at", "desc").orderBy("id", "desc").limit(query.limit).execute();
}

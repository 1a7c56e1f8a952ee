import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { auditRowHash } from "./audit-hash.ts";
import {
  allChains,
  chainOf,
  chainsWithUnsealedRows,
  countUnsealed,
  insertAuditEntries,
  lockChainHead,
  readChainHead,
  sealedRowsAfter,
  sealRows,
  unsealedRows,
  type NewAuditEntry,
} from "./audit.repository.ts";

export interface AuditEvent {
  action: string;
  entity?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

/** Records what an actor did, inside the caller's transaction. Never put personal data in details. */
export async function recordAudit(db: Db, actor: Actor, meta: RequestMeta, events: AuditEvent | AuditEvent[]): Promise<void> {
  await insertAuditEntries(db, actorAuditEntries(actor, meta, events));
}

/** Audit rows of an actor's events, for callers that write them as part of a larger statement. */
export function actorAuditEntries(actor: Actor, meta: RequestMeta, events: AuditEvent | AuditEvent[]): NewAuditEntry[] {
  const list = Array.isArray(events) ? events : [events];
  return list.map((event) => ({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorLogin: actor.login,
      actorKind: actor.kind,
      action: event.action,
      entity: event.entity ?? null,
      entityId: event.entityId ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      requestId: meta.requestId,
      details: event.details ?? {},
    }));
}

/** Records an event with no signed-in actor (a failed login, a citizen's public lookup, the worker). */
export async function recordAnonymousAudit(
  db: Db,
  entry: Omit<NewAuditEntry, "actorKind"> & { actorKind: "citizen" | "system" | "anonymous" },
): Promise<void> {
  await insertAuditEntries(db, [entry]);
}

const SEAL_BATCH = 500;

/** Seals committed rows into each chain in commit-visibility order; safe to run on several nodes at once. */
export async function sealAuditChains(db: Db): Promise<number> {
  let sealed = 0;
  for (const chain of await chainsWithUnsealedRows(db)) {
    for (;;) {
      const count = await db.transaction().execute(async (trx) => {
        const head = await lockChainHead(trx, chain);
        const rows = await unsealedRows(trx, chain, SEAL_BATCH);
        let seq = head.lastSeq;
        let prev = head.lastHash;
        const seals = rows.map((row) => {
          seq += 1;
          const hash = auditRowHash(row, seq, prev);
          const seal = { id: Number(row.id), seq, prevHash: prev, hash };
          prev = hash;
          return seal;
        });
        await sealRows(trx, chain, seals);
        return rows.length;
      });
      sealed += count;
      if (count < SEAL_BATCH) {
        break;
      }
    }
  }
  return sealed;
}

export interface ChainProblem {
  seq: number;
  id: number | null;
  problem: "hash-mismatch" | "broken-link" | "gap" | "head-mismatch";
}

export interface ChainReport {
  chain: string;
  ok: boolean;
  checked: number;
  unsealed: number;
  problems: ChainProblem[];
}

const VERIFY_BATCH = 2000;

/** Recomputes a contact centre's chain from its first row; reports edited rows, removed rows and a truncated tail. */
export async function verifyAuditChain(db: Db, tenantId: string | null): Promise<ChainReport> {
  return verifyChain(db, chainOf(tenantId));
}

/** Every chain the database holds, including one whose rows were all removed but whose head remains. */
export async function listAuditChains(db: Db): Promise<string[]> {
  return allChains(db);
}

/** Recomputes one chain by name (a tenant id, or "platform" for events outside any contact centre). */
export async function verifyChain(db: Db, chain: string): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = "";
  let checked = 0;
  for (;;) {
    const rows = await sealedRowsAfter(db, chain, expectedSeq - 1, VERIFY_BATCH);
    for (const row of rows) {
      const seq = Number(row.chain_seq);
      if (seq !== expectedSeq) {
        problems.push({ seq: expectedSeq, id: null, problem: "gap" });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({ seq, id: Number(row.id), problem: "broken-link" });
      }
      if (auditRowHash(row, seq, row.prev_hash ?? "") !== row.hash) {
        problems.push({ seq, id: Number(row.id), problem: "hash-mismatch" });
      }
      prevHash = row.hash ?? "";
      expectedSeq = seq + 1;
      checked += 1;
    }
    if (rows.length < VERIFY_BATCH) {
      break;
    }
  }
  const head = await readChainHead(db, chain);
  if (head && (head.lastSeq !== expectedSeq - 1 || head.lastHash !== prevHash)) {
    problems.push({ seq: head.lastSeq, id: null, problem: "head-mismatch" });
  }
  return { chain, ok: problems.length === 0, checked, unsealed: await countUnsealed(db, chain), problems };
}

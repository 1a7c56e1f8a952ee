import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { dispatchAgent, type RoutingDeps } from "../routing/dispatch.ts";
import { endHoldColumns, endHoldSql } from "./contact-hold.service.ts";
import { appendLog, logInsert, type NewLogEntry } from "./contact-log.repository.ts";
import { lockContact, OCCUPYING_SQL, withdrawPendingOffer, type ContactRow } from "./contact.repository.ts";
import type { CitizenSession } from "./contact-conversation.service.ts";
import { singleStatement, transact, type EventBus } from "../../realtime/event-bus.ts";

export interface WrapupInput {
  wrapupCode: string;
  note?: string | null;
  resolvedFirstContact: boolean;
}

/** Ends the conversation of an answered contact; its operator then has the queue's wrap-up time to finish. */
async function endAnswered(trx: Db, deps: RoutingDeps, contact: ContactRow, endedBy: "citizen" | "agent" | "system"): Promise<void> {
  const queue = contact.queue_id
    ? await trx.selectFrom("contact_queues").select("wrapup_seconds").where("id", "=", contact.queue_id).executeTakeFirst()
    : undefined;
  await trx
    .updateTable("contacts")
    .set({
      state: "wrapup",
      ended_at: sql<Date>`now()`,
      ended_by: endedBy,
      outcome: "answered",
      ...endHoldColumns(),
      wrapup_deadline: sql<Date>`now() + make_interval(secs => ${queue?.wrapup_seconds ?? 60})`,
    })
    .where("id", "=", contact.id)
    .execute();
  await appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, { kind: "event", event: "ended", authorKind: endedBy === "agent" ? "agent" : endedBy, authorId: endedBy === "agent" ? contact.agent_id : null });
  await deps.bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId: contact.agent_id, state: "wrapup" });
}

/** A waiting contact the citizen left (or nobody watches any more): abandoned before an operator answered. */
async function abandon(trx: Db, deps: RoutingDeps, contact: ContactRow, endedBy: "citizen" | "system"): Promise<string | null> {
  const offeredTo = await withdrawPendingOffer(trx, contact.id);
  await trx
    .updateTable("contacts")
    .set({ state: "abandoned", agent_id: null, ended_at: sql<Date>`now()`, ended_by: endedBy, outcome: "abandoned", next_review_at: null })
    .where("id", "=", contact.id)
    .execute();
  await appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, { kind: "event", event: "ended", authorKind: endedBy });
  await deps.bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId: null, state: "abandoned" });
  if (offeredTo !== null) {
    await deps.bus.publish(trx, { type: "agent.changed", tenantId: contact.tenant_id, agentId: offeredTo });
  }
  return offeredTo;
}

/** The operator ends the conversation (chat closed for the citizen) and goes on to wrap-up. */
export async function endByAgent(deps: RoutingDeps, actor: Actor, contactId: string): Promise<void> {
  await transact(deps, async (trx) => {
    const contact = await lockContact(trx, actor.tenantId, contactId);
    if (contact.agent_id !== actor.userId) {
      throw new AppError("NOT_YOUR_CONTACT");
    }
    if (contact.state !== "active" && contact.state !== "held") {
      throw new AppError("CONTACT_NOT_ACTIVE");
    }
    await endAnswered(trx, deps, contact, "agent");
  });
}

/** The citizen leaves: abandoned if nobody had answered yet, otherwise the operator goes on to wrap-up. */
export async function endByCitizen(deps: RoutingDeps, session: CitizenSession): Promise<void> {
  const freed = await transact(deps, async (trx) => {
    const contact = await lockContact(trx, session.tenantId, session.contactId);
    if (contact.state === "queued" || contact.state === "offered") {
      return abandon(trx, deps, contact, "citizen");
    }
    if (contact.state === "active" || contact.state === "held") {
      await endAnswered(trx, deps, contact, "citizen");
    }
    return null;
  });
  if (freed !== null) {
    await dispatchAgent(deps, freed);
  }
}

/** What a wrap-up needs to know of the contact (a plain read of these, not the whole row, on every wrap-up). */
const WRAPUP_COLUMNS = ["id", "tenant_id", "agent_id", "state"] as const;

/**
 * Wrap-up: the code, a note and whether the question was resolved at first contact (FCR). From an active
 * contact it ends the conversation too. The operator's seat is free afterwards. A plain read decides what to
 * write; the write is one statement guarded by the state read, so a change in between is seen and read again.
 */
export async function completeWrapup(deps: RoutingDeps, actor: Actor, contactId: string, input: WrapupInput): Promise<void> {
  for (;;) {
    const contact = await deps.db.selectFrom("contacts").select(WRAPUP_COLUMNS).where("id", "=", contactId).where("tenant_id", "=", actor.tenantId).executeTakeFirst();
    if (!contact) {
      throw new AppError("NOT_FOUND");
    }
    if (contact.agent_id !== actor.userId) {
      throw new AppError("NOT_YOUR_CONTACT");
    }
    if (contact.state !== "active" && contact.state !== "held" && contact.state !== "wrapup") {
      throw new AppError("CONTACT_NOT_ACTIVE");
    }
    const outcome = await singleStatement(deps, (db) => closeWrapup(db, deps.bus, contact, input.wrapupCode, input.note ?? null, input.resolvedFirstContact, actor.userId));
    if (outcome === "unknown_code") {
      throw AppError.field("wrapupCode", "REFERENCE_UNKNOWN");
    }
    if (outcome === "closed") {
      await dispatchAgent(deps, actor.userId);
    }
    if (outcome !== "changed") {
      return;
    }
  }
}

/**
 * Closes a contact's wrap-up with a code of the tenant's active list, ending the conversation first if it is
 * still open, and frees the operator's seat — one statement, guarded by the state the caller saw: "changed"
 * when the contact is no longer in it, "unknown_code" for a code not on the list (nothing is written then);
 * "closed_nobody_waiting" tells the caller that offering the freed seat would find nothing.
 */
async function closeWrapup(
  db: Db,
  bus: EventBus,
  contact: Pick<ContactRow, (typeof WRAPUP_COLUMNS)[number]>,
  code: string,
  note: string | null,
  fcr: boolean | null,
  by: string | null,
): Promise<"closed" | "closed_nobody_waiting" | "changed" | "unknown_code"> {
  const entries: NewLogEntry[] = [];
  if (contact.state === "active" || contact.state === "held") {
    entries.push({ kind: "event", event: "ended", authorKind: "agent", authorId: contact.agent_id });
  }
  entries.push({ kind: "event", event: "wrapped_up", authorKind: by === null ? "system" : "agent", authorId: by, staffOnly: true, data: { wrapupCode: code, resolvedFirstContact: fcr } });
  const agentId = contact.agent_id;
  const { rows } = await sql<{ known: boolean; seq: number | null; waiting: boolean }>`
    with known as (
      select 1 from wrapup_codes where tenant_id = ${contact.tenant_id} and code = ${code} and active
    ), upd as (
      update contacts set
        state = 'closed',
        ended_at = coalesce(ended_at, now()),
        ended_by = coalesce(ended_by, 'agent'),
        outcome = coalesce(outcome, 'answered'),
        ${endHoldSql},
        wrapup_code = ${code},
        wrapup_note = ${note},
        resolved_first_contact = ${fcr},
        wrapup_done_at = now(),
        last_seq = last_seq + ${entries.length}::int
      where id = ${contact.id} and state = ${contact.state} and agent_id is not distinct from ${agentId}::uuid and exists (select 1 from known)
      returning id, tenant_id, last_seq
    ), log as (${logInsert("upd", entries)}
    ), idle as (
      -- Longest idle counts from the moment the operator has nothing open any more.
      update agents set idle_since = now(), free = true
      where user_id = ${agentId}::uuid and exists (select 1 from upd)
        and not exists (select 1 from contacts x where x.agent_id = ${agentId}::uuid and x.id <> ${contact.id} and x.state in (${OCCUPYING_SQL}))
    )
    select exists (select 1 from known) as known, (select max(seq) from log) as seq,
           exists (select 1 from contacts w where w.tenant_id = ${contact.tenant_id} and w.state = 'queued') as waiting`.execute(db);
  const result = rows[0];
  if (!result?.known) {
    return "unknown_code";
  }
  if (result.seq === null) {
    return "changed";
  }
  await bus.publish(db, { type: "contact.log", tenantId: contact.tenant_id, contactId: contact.id, seq: result.seq });
  if (agentId !== null) {
    await bus.publish(db, { type: "agent.changed", tenantId: contact.tenant_id, agentId });
  }
  await bus.publish(db, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId, state: "closed" });
  return result.waiting ? "closed" : "closed_nobody_waiting";
}

/** Wrap-ups past their time limit are closed with the code "auto"; the operators get their seats back. */
export async function closeOverdueWrapups(deps: RoutingDeps, limit = 100): Promise<number> {
  const due = await deps.db.selectFrom("contacts").select("id").where("state", "=", sql.lit("wrapup")).where("wrapup_deadline", "<=", sql<Date>`now()`).limit(limit).execute();
  let closed = 0;
  for (const { id } of due) {
    const agentId = await transact(deps, async (trx) => {
      const contact = await trx.selectFrom("contacts").select(WRAPUP_COLUMNS).where("id", "=", id).where("state", "=", "wrapup").forUpdate().skipLocked().executeTakeFirst();
      if (!contact) {
        return null;
      }
      const outcome = await closeWrapup(trx, deps.bus, contact, "auto", null, null, null);
      return outcome === "closed" || outcome === "closed_nobody_waiting" ? contact.agent_id : null;
    });
    if (agentId !== null) {
      closed += 1;
      await dispatchAgent(deps, agentId);
    }
  }
  return closed;
}

/** Waiting web chats whose citizen has not been seen for `silentSeconds` are abandoned (the tab was closed). */
export async function abandonSilentChats(deps: RoutingDeps, silentSeconds: number, limit = 100): Promise<number> {
  const due = await deps.db
    .selectFrom("contacts")
    .select("id")
    .where(sql<boolean>`state in ('queued', 'offered') and channel in ('web_chat', 'phone') and direction = 'inbound'`)
    .where("citizen_seen_at", "<", sql<Date>`now() - make_interval(secs => ${silentSeconds})`)
    .limit(limit)
    .execute();
  let abandoned = 0;
  for (const { id } of due) {
    const freed = await transact(deps, async (trx) => {
      const contact = await trx.selectFrom("contacts").selectAll().where("id", "=", id).where("state", "in", ["queued", "offered"]).forUpdate().skipLocked().executeTakeFirst();
      if (!contact) {
        return undefined;
      }
      return abandon(trx, deps, contact, "system");
    });
    if (freed !== undefined) {
      abandoned += 1;
      if (freed !== null) {
        await dispatchAgent(deps, freed);
      }
    }
  }
  return abandoned;
}

import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { actorAuditEntries } from "../audit/audit.service.ts";
import { auditInsertPerRow } from "../audit/audit.repository.ts";
import { AppError } from "../../platform/app-error.ts";
import { dispatchContact, type RoutingDeps } from "../routing/dispatch.ts";
import { appendLog, logInsert, type NewLogEntry } from "./contact-log.repository.ts";
import { lockContact } from "./contact.repository.ts";
import { viewColumnsOf, type ContactViewRow } from "./contact-view.repository.ts";
import { singleStatement, transact } from "../../realtime/event-bus.ts";

/** The pending offer of this operator, locked after its contact (the lock order everywhere: contact, offer). */
async function lockPendingOffer(trx: Db, actor: Actor, offerId: string) {
  const offer = await trx
    .selectFrom("contact_offers")
    .select(["id", "contact_id"])
    .where("id", "=", offerId)
    .where("tenant_id", "=", actor.tenantId)
    .where("agent_id", "=", actor.userId)
    .executeTakeFirst();
  if (!offer) {
    throw new AppError("NOT_FOUND");
  }
  const contact = await lockContact(trx, actor.tenantId, offer.contact_id);
  const pending = await trx
    .selectFrom("contact_offers")
    .select(["id", sql<boolean>`expires_at <= now()`.as("expired")])
    .where("id", "=", offerId)
    .where("state", "=", "pending")
    .forUpdate()
    .executeTakeFirst();
  if (!pending || pending.expired) {
    throw new AppError("OFFER_NOT_PENDING");
  }
  return contact;
}

/**
 * The operator takes the offered contact: it becomes active and the citizen is told who answers. One statement
 * locks the contact (the lock order everywhere: contact, then offer), settles the offer, writes the log entry
 * and, since the window then shows the citizen's details, the audit record of that reading; it answers the
 * contact as the window shows it.
 */
export async function acceptOffer(deps: RoutingDeps, actor: Actor, meta: RequestMeta, offerId: string): Promise<ContactViewRow> {
  const entry: NewLogEntry = { kind: "event", event: "answered", authorKind: "agent", authorId: actor.userId, data: { agentName: actor.fullName } };
  const [audit] = actorAuditEntries(actor, meta, { action: "contact.read", entity: "contact" });
  if (!audit) {
    throw new Error("no audit entry for the reading");
  }
  return singleStatement(deps, async (db) => {
    const { rows } = await sql<Partial<ContactViewRow> & { contact_id: string; offer_tenant_id: string; accepted: boolean; seq: number | null }>`
      with mine as (
        select contact_id, tenant_id from contact_offers where id = ${offerId} and tenant_id = ${actor.tenantId} and agent_id = ${actor.userId}
      ), locked as (
        select id from contacts where id = (select contact_id from mine) for update
      ), taken as (
        update contact_offers set state = 'accepted', decided_at = now()
        where id = ${offerId} and state = 'pending' and expires_at > now() and exists (select 1 from locked)
        returning contact_id, contact_id as entity_id
      ), upd as (
        update contacts set state = 'active', answered_at = coalesce(answered_at, now()), last_seq = last_seq + 1
        where id = (select contact_id from taken)
        returning *
      ), log as (${logInsert("upd", [entry])}
      ), audit as (${auditInsertPerRow("taken", audit)})
      select upd.*, ${viewColumnsOf("upd")},
             mine.contact_id, mine.tenant_id as offer_tenant_id, exists (select 1 from taken) as accepted, (select max(seq) from log) as seq
      from mine left join upd on true`.execute(db);
    const result = rows[0];
    if (!result) {
      throw new AppError("NOT_FOUND");
    }
    const { contact_id: contactId, offer_tenant_id: tenantId, accepted, seq, ...view } = result;
    if (!accepted || seq === null || view.id === undefined || view.id === null) {
      throw new AppError("OFFER_NOT_PENDING");
    }
    await deps.bus.publish(db, { type: "contact.log", tenantId, contactId, seq });
    await deps.bus.publish(db, { type: "contact.changed", tenantId, contactId, agentId: actor.userId, state: "active" });
    await deps.bus.publish(db, { type: "agent.changed", tenantId, agentId: actor.userId });
    return view as ContactViewRow;
  });
}

/** The operator declines: the contact goes back to its queue and on to someone else. */
export async function declineOffer(deps: RoutingDeps, actor: Actor, offerId: string): Promise<void> {
  const contactId = await transact(deps, async (trx) => {
    const contact = await lockPendingOffer(trx, actor, offerId);
    await trx.updateTable("contact_offers").set({ state: "declined", decided_at: sql<Date>`now()` }).where("id", "=", offerId).execute();
    await requeueOffered(trx, deps, contact.id, contact.tenant_id, actor.userId, "declined");
    return contact.id;
  });
  await dispatchContact(deps, contactId);
}

/** Puts an offered contact back in its queue and records why. */
export async function requeueOffered(trx: Db, deps: RoutingDeps, contactId: string, tenantId: string, agentId: string, why: "declined" | "offer_expired"): Promise<void> {
  await trx.updateTable("contacts").set({ state: "queued", agent_id: null }).where("id", "=", contactId).where("state", "=", "offered").execute();
  await appendLog(trx, deps.bus, { id: contactId, tenantId }, { kind: "event", event: why, authorKind: "system", staffOnly: true, data: { agentId } });
  await deps.bus.publish(trx, { type: "contact.changed", tenantId, contactId, agentId: null, state: "queued" });
  await deps.bus.publish(trx, { type: "agent.changed", tenantId, agentId });
}

/**
 * Offers nobody answered in time: each goes back to its queue and its operator becomes not ready ("missed
 * offer"), so that the next contact does not wait on an empty seat. Runs on any node; SKIP LOCKED shares work.
 */
export async function expireOffers(deps: RoutingDeps, limit = 100): Promise<number> {
  const due = await deps.db
    .selectFrom("contact_offers")
    .select(["id", "contact_id"])
    .where("state", "=", sql.lit("pending"))
    .where("expires_at", "<=", sql<Date>`now()`)
    .orderBy("expires_at")
    .limit(limit)
    .execute();
  let expired = 0;
  for (const candidate of due) {
    if (await missOffer(deps, candidate.id, candidate.contact_id, { onlyExpired: true })) {
      expired += 1;
    }
  }
  return expired;
}

/**
 * One offer its operator missed: it timed out, or the phone it rang was not answered. The contact goes back to
 * its queue (and on to the next operator), the operator becomes not ready ("missed offer"). False when the
 * offer was settled meanwhile or its contact is locked by someone else (the next sweep tries again).
 */
export async function missOffer(deps: RoutingDeps, offerId: string, contactId: string, options: { onlyExpired: boolean }): Promise<boolean> {
  const done = await transact(deps, async (trx) => {
    const contact = await trx.selectFrom("contacts").select(["id", "tenant_id"]).where("id", "=", contactId).forUpdate().skipLocked().executeTakeFirst();
    if (!contact) {
      return false;
    }
    const offer = await trx
      .updateTable("contact_offers")
      .set({ state: "expired", decided_at: sql<Date>`now()` })
      .where("id", "=", offerId)
      .where("state", "=", "pending")
      .$if(options.onlyExpired, (q) => q.where("expires_at", "<=", sql<Date>`now()`))
      .returning("agent_id")
      .executeTakeFirst();
    if (!offer) {
      return false;
    }
    // SKIP LOCKED: an operator changing their own state right now keeps the state they chose (and the lock
    // order contact → operator never waits on an operator who waits on this contact).
    await sql`update agents set state = 'not_ready', reason_code = 'missed_offer', state_since = now()
              where user_id in (select user_id from agents where user_id = ${offer.agent_id} and state = 'ready' for update skip locked)`.execute(trx);
    await requeueOffered(trx, deps, contact.id, contact.tenant_id, offer.agent_id, "offer_expired");
    return true;
  });
  if (done) {
    await dispatchContact(deps, contactId);
  }
  return done;
}

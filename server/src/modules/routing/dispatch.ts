import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { logInsert, type NewLogEntry } from "../contacts/contact-log.repository.ts";
import { lockCandidateAgent, lockLeastLoadedAgent, lockQueuedContact, nextContactForAgent, roomFor, type QueuedContact } from "./routing.repository.ts";

export interface RoutingDeps {
  db: Db;
  bus: EventBus;
}

/** Candidates a dispatch tries before giving up for now (the next event or sweep tries again). */
const MAX_CANDIDATES = 5;
/** Contacts one operator is offered in one pass (a chat operator with room for several). */
const MAX_OFFERS_PER_AGENT = 20;

/**
 * Offers a waiting contact to an operator whose row `trx` holds locked, if they still have room: the room is
 * counted by the same statement that writes the offer, the contact's new state and its log entry (one round
 * trip). Returns the offer id, or null when the operator has no room any more. The unique index on pending
 * offers is the last word if anything else tries the same contact.
 */
export async function createOffer(trx: Db, bus: EventBus, contact: QueuedContact, agentId: string, timeoutSeconds = contact.offer_timeout_seconds): Promise<string | null> {
  const entry: NewLogEntry = { kind: "event", event: "offered", authorKind: "system", staffOnly: true, data: { agentId } };
  const { rows } = await sql<{ offer_id: string; seq: number }>`
    with offer as (
      insert into contact_offers (tenant_id, contact_id, agent_id, expires_at)
      select ${contact.tenant_id}, ${contact.id}, ${agentId}, now() + make_interval(secs => ${timeoutSeconds})
      where ${roomFor(agentId, contact.channel)}
      returning id
    ), upd as (
      update contacts set state = 'offered', agent_id = ${agentId}, offered_at = now(), last_seq = last_seq + 1
      where id = ${contact.id} and exists (select 1 from offer)
      returning id, tenant_id, last_seq
    ), busy as (
      update agents set free = false where user_id = ${agentId} and free and exists (select 1 from offer)
    ), log as (${logInsert("upd", [entry])})
    select offer.id as offer_id, (select max(seq) from log) as seq from offer`.execute(trx);
  const offered = rows[0];
  if (!offered) {
    return null;
  }
  await bus.publish(trx, { type: "contact.log", tenantId: contact.tenant_id, contactId: contact.id, seq: offered.seq });
  await bus.publish(trx, { type: "agent.offer", tenantId: contact.tenant_id, agentId, offerId: offered.offer_id, contactId: contact.id });
  await bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId, state: "offered" });
  return offered.offer_id;
}

/**
 * Offers a waiting contact, locked by `trx`, to the best operator free for it now — least loaded on its channel,
 * then longest idle. Returns the offer id, or null when nobody competent has room (it stays queued).
 * `freeSearch` is the outcome of a search for a free operator this transaction already made
 * (`freeCandidateQuery`, part of the statement that registered the contact): the operator it locked, or null
 * when nobody was free.
 */
export async function offerToBestAgent(trx: Db, bus: EventBus, contact: QueuedContact, freeSearch?: { agentId: string | null }): Promise<string | null> {
  const tried: string[] = [];
  for (let i = 0; i < MAX_CANDIDATES; i += 1) {
    const agentId =
      i === 0 && freeSearch !== undefined
        ? (freeSearch.agentId ?? (await lockLeastLoadedAgent(trx, contact, tried)))
        : await lockCandidateAgent(trx, contact, tried);
    if (agentId === undefined) {
      return null;
    }
    // The candidate query counted load from its snapshot; createOffer counts it again now that the row is locked.
    const offerId = await createOffer(trx, bus, contact, agentId);
    if (offerId !== null) {
      return offerId;
    }
    tried.push(agentId);
  }
  return null;
}

/**
 * Offers one waiting contact to the best operator free for it now. Returns the offer id, or null when the
 * contact is not waiting, another process holds it, or nobody competent has room (it stays queued).
 */
export async function dispatchContact(deps: RoutingDeps, contactId: string): Promise<string | null> {
  return transact(deps, async (trx) => {
    const contact = await lockQueuedContact(trx, contactId);
    return contact ? offerToBestAgent(trx, deps.bus, contact) : null;
  });
}

/** Offers waiting contacts to one operator while they have room. Returns the number of offers made. */
export async function dispatchAgent(deps: RoutingDeps, agentId: string): Promise<number> {
  // Most seats free up with nobody waiting: one plain read settles that without a transaction.
  if (!(await nextContactForAgent(deps.db, agentId, false))) {
    return 0;
  }
  let offers = 0;
  for (let i = 0; i < MAX_OFFERS_PER_AGENT; i += 1) {
    const offered = await transact(deps, async (trx) => {
      const contact = await nextContactForAgent(trx, agentId, true);
      return contact ? (await createOffer(trx, deps.bus, contact, agentId)) !== null : false;
    });
    if (!offered) {
      break;
    }
    offers += 1;
  }
  return offers;
}

import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { appendLog } from "../contacts/contact-log.repository.ts";
import { channelsWithRoom } from "./routing-rules.ts";
import {
  agentCapacityAndLoad,
  lockCandidateAgent,
  lockContactForAgent,
  lockQueuedContact,
  lockReadyAgent,
  type QueuedContact,
} from "./routing.repository.ts";

export interface RoutingDeps {
  db: Db;
  bus: EventBus;
}

/** Candidates a dispatch tries before giving up for now (the next event or sweep tries again). */
const MAX_CANDIDATES = 5;
/** Contacts one operator is offered in one pass (a chat operator with room for several). */
const MAX_OFFERS_PER_AGENT = 20;

/**
 * Offers a locked waiting contact to a locked operator with room. Both row locks are held by `trx`; the unique
 * index on pending offers is the last word if anything else tries the same contact.
 */
export async function createOffer(trx: Db, bus: EventBus, contact: QueuedContact, agentId: string, timeoutSeconds = contact.offer_timeout_seconds): Promise<string> {
  const offer = await trx
    .insertInto("contact_offers")
    .values({
      tenant_id: contact.tenant_id,
      contact_id: contact.id,
      agent_id: agentId,
      expires_at: sql<Date>`now() + make_interval(secs => ${timeoutSeconds})`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("contacts")
    .set({ state: "offered", agent_id: agentId, offered_at: sql<Date>`now()` })
    .where("id", "=", contact.id)
    .execute();
  await appendLog(trx, bus, { id: contact.id, tenantId: contact.tenant_id }, {
    kind: "event",
    event: "offered",
    authorKind: "system",
    staffOnly: true,
    data: { agentId },
  });
  await bus.publish(trx, { type: "agent.offer", tenantId: contact.tenant_id, agentId, offerId: offer.id, contactId: contact.id });
  await bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId, state: "offered" });
  return offer.id;
}

/**
 * Offers one waiting contact to the best operator free for it now. Returns the offer id, or null when the
 * contact is not waiting, another process holds it, or nobody competent has room (it stays queued).
 */
export async function dispatchContact(deps: RoutingDeps, contactId: string): Promise<string | null> {
  return transact(deps, async (trx) => {
    const contact = await lockQueuedContact(trx, contactId);
    if (!contact) {
      return null;
    }
    const tried: string[] = [];
    for (let i = 0; i < MAX_CANDIDATES; i += 1) {
      const agentId = await lockCandidateAgent(trx, contact, tried);
      if (agentId === undefined) {
        return null;
      }
      // The candidate query counted load from its snapshot; a commit in between could have filled the
      // operator, so the load is read again now that their row is locked.
      const { capacity, load } = await agentCapacityAndLoad(trx, agentId);
      if (channelsWithRoom(capacity, load).includes(contact.channel)) {
        return createOffer(trx, deps.bus, contact, agentId);
      }
      tried.push(agentId);
    }
    return null;
  });
}

/** Offers waiting contacts to one operator while they have room. Returns the number of offers made. */
export async function dispatchAgent(deps: RoutingDeps, agentId: string): Promise<number> {
  let offers = 0;
  for (let i = 0; i < MAX_OFFERS_PER_AGENT; i += 1) {
    const offered = await transact(deps, async (trx) => {
      const agent = await lockReadyAgent(trx, agentId);
      if (!agent) {
        return false;
      }
      const { capacity, load } = await agentCapacityAndLoad(trx, agentId);
      const contact = await lockContactForAgent(trx, agent, channelsWithRoom(capacity, load));
      if (!contact) {
        return false;
      }
      await createOffer(trx, deps.bus, contact, agentId);
      return true;
    });
    if (!offered) {
      break;
    }
    offers += 1;
  }
  return offers;
}

import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact } from "../../realtime/event-bus.ts";
import type { RoutingDeps } from "../routing/dispatch.ts";
import { appendLog } from "./contact-log.repository.ts";
import { lockOwnActiveContact } from "./contact.repository.ts";

/** The contact's total time on hold including the current hold, if any (in an UPDATE of `contacts`). */
const holdTotal = sql<number>`hold_seconds + coalesce(ceil(extract(epoch from now() - held_at))::int, 0)`;

/**
 * The columns that end a hold: the time of the current hold (if any) is added to the total and `held_at`
 * cleared. Every way out of a hold uses them (resume, end, wrap-up, transfer), so the total is right however
 * the hold ended. `endHoldSql` is the same for statements written in SQL.
 */
export function endHoldColumns() {
  return { hold_seconds: holdTotal, held_at: null };
}
export const endHoldSql = sql`hold_seconds = ${holdTotal}, held_at = null`;

/**
 * The operator puts the conversation on hold ("one moment, I am checking"): the citizen is told in their
 * language, the seat stays occupied, and the hold's time is counted until it ends.
 */
export async function holdContact(deps: RoutingDeps, actor: Actor, contactId: string): Promise<void> {
  await changeHold(deps, actor, contactId, "active", "held");
}

/** The operator takes the conversation off hold; the time it was held is added to the contact's total. */
export async function resumeContact(deps: RoutingDeps, actor: Actor, contactId: string): Promise<void> {
  await changeHold(deps, actor, contactId, "held", "active");
}

async function changeHold(deps: RoutingDeps, actor: Actor, contactId: string, from: "active" | "held", to: "active" | "held"): Promise<void> {
  await transact(deps, async (trx: Db) => {
    const contact = await lockOwnActiveContact(trx, actor.tenantId, actor.userId, contactId);
    if (contact.state !== from) {
      throw new AppError("CONTACT_NOT_ACTIVE");
    }
    const change = to === "held" ? { state: to, held_at: sql<Date>`now()`, hold_count: sql<number>`hold_count + 1` } : { state: to, ...endHoldColumns() };
    await appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, { kind: "event", event: to === "held" ? "held" : "resumed", authorKind: "agent", authorId: actor.userId }, change);
    await deps.bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId: actor.userId, state: to });
  });
}

import type { AgentState } from "@bailanys/common/contacts";
import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { dispatchAgent, type RoutingDeps } from "../routing/dispatch.ts";
import { requeueOffered } from "./contact-offer.service.ts";
import { transact } from "../../realtime/event-bus.ts";

export interface AgentStateInput {
  state: AgentState;
  reasonCode?: string | null;
}

/**
 * The operator's own state switch. Not ready needs a reason code from the tenant's list; going offline
 * returns pending offers to their queues. Ready makes the operator eligible at once (routing runs right after).
 */
export async function setAgentState(deps: RoutingDeps, actor: Actor, input: AgentStateInput): Promise<void> {
  await transact(deps, async (trx) => {
    const agent = await trx.selectFrom("agents").select(["user_id", "state"]).where("user_id", "=", actor.userId).where("tenant_id", "=", actor.tenantId).forUpdate().executeTakeFirst();
    if (!agent) {
      throw new AppError("AGENT_PROFILE_MISSING");
    }
    let reason: string | null = null;
    if (input.state === "not_ready") {
      if (!input.reasonCode) {
        throw AppError.field("reasonCode", "FIELD_REQUIRED");
      }
      const known = await trx.selectFrom("not_ready_reasons").select("code").where("tenant_id", "=", actor.tenantId).where("code", "=", input.reasonCode).where("active", "=", true).executeTakeFirst();
      if (!known) {
        throw AppError.field("reasonCode", "REFERENCE_UNKNOWN");
      }
      reason = input.reasonCode;
    }
    const changed = agent.state !== input.state;
    await trx
      .updateTable("agents")
      .set({
        state: input.state,
        reason_code: reason,
        ...(changed || input.state !== "ready" ? { state_since: sql<Date>`now()` } : {}),
        ...(changed && input.state === "ready" ? { idle_since: sql<Date>`now()` } : {}),
        last_seen_at: sql<Date>`now()`,
      })
      .where("user_id", "=", actor.userId)
      .execute();
    if (input.state !== "ready") {
      const pending = await trx
        .updateTable("contact_offers")
        .set({ state: "withdrawn", decided_at: sql<Date>`now()` })
        .where("agent_id", "=", actor.userId)
        .where("state", "=", "pending")
        .returning("contact_id")
        .execute();
      for (const offer of pending) {
        await requeueOffered(trx, deps, offer.contact_id, actor.tenantId, actor.userId, "declined");
      }
    }
    await deps.bus.publish(trx, { type: "agent.changed", tenantId: actor.tenantId, agentId: actor.userId });
  });
  if (input.state === "ready") {
    await dispatchAgent(deps, actor.userId);
  }
}

/** Marks connected operators as alive; the sweep takes operators nobody has seen for a while offline. */
export async function touchAgents(deps: RoutingDeps, agentIds: readonly string[]): Promise<void> {
  if (agentIds.length === 0) {
    return;
  }
  await deps.db.updateTable("agents").set({ last_seen_at: sql<Date>`now()` }).where("user_id", "in", agentIds).execute();
}

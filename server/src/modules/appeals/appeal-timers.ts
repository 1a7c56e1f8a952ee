import type { NewTimer } from "../timers/timer.repository.ts";
import type { ReferenceSnapshot } from "../reference/reference.snapshot.ts";
import type { AppealRow } from "./appeal.repository.ts";

export const ESCALATION_TIMER = "appeal.escalation";
export const FORWARD_LIMIT_TIMER = "appeal.forward_limit";

/**
 * One timer per configured escalation threshold above the appeal's current level: threshold_pct of the time
 * between receipt and the deadline (100 % = the deadline itself).
 */
export function escalationTimers(ref: ReferenceSnapshot, appeal: Pick<AppealRow, "id" | "tenant_id" | "received_at" | "due_at">, currentLevel: number): NewTimer[] {
  const start = new Date(appeal.received_at).getTime();
  const span = new Date(appeal.due_at).getTime() - start;
  return ref.escalation
    .filter((rule) => rule.active && rule.level > currentLevel)
    .map((rule) => ({
      tenantId: appeal.tenant_id,
      kind: ESCALATION_TIMER,
      refId: appeal.id,
      payload: { level: rule.level },
      // At 100 % fire one second after the deadline: "overdue" means the deadline has passed.
      fireAt: new Date(start + Math.round((span * rule.threshold_pct) / 100) + (rule.threshold_pct >= 100 ? 1000 : 0)),
    }));
}

import type { Actor } from "../../platform/actor.ts";
import type { AppealRow } from "./appeal.repository.ts";

/**
 * Row-level rules on top of route permissions. Staff without appeal.read_all (1st-line operators, executors)
 * see the appeals they registered, are assigned to, or that sit in their own unit.
 */
export function canReadAppeal(actor: Actor, appeal: Pick<AppealRow, "tenant_id" | "assignee_id" | "registered_by" | "unit_id">): boolean {
  if (appeal.tenant_id !== actor.tenantId) {
    return false;
  }
  if (actor.permissions.has("appeal.read_all")) {
    return true;
  }
  return (
    appeal.assignee_id === actor.userId ||
    appeal.registered_by === actor.userId ||
    (actor.unitId !== null && appeal.unit_id === actor.unitId)
  );
}

/** Whether the reader may see a citizen's personal data (name, ИИН, contacts) in full. */
export function canSeePersonalData(actor: Actor): boolean {
  return actor.permissions.has("citizen.read");
}

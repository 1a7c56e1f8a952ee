import { localizedName } from "@bailanys/common/locales";
import type { CalendarRules } from "@bailanys/common/calendar";
import type { Db } from "../../db/database.ts";
import { recordAnonymousAudit } from "../audit/audit.service.ts";
import { enqueueStaffNotification } from "../notifications/outbox.service.ts";
import type { ReferenceSnapshot } from "../reference/reference.snapshot.ts";
import type { TimerRow } from "../timers/timer.repository.ts";
import { ESCALATION_TIMER, FORWARD_LIMIT_TIMER } from "./appeal-timers.ts";
import { findAppealForUpdate, insertEvent, updateAppeal } from "./appeal.repository.ts";
import { localDateText } from "./local-format.ts";

const systemAudit = (timer: TimerRow, action: string, details: Record<string, unknown>) => ({
  tenantId: timer.tenant_id,
  actorId: null,
  actorLogin: "system",
  actorKind: "system" as const,
  action,
  entity: "appeal",
  entityId: timer.ref_id,
  ip: null,
  userAgent: null,
  requestId: null,
  details,
});

/**
 * Fires one appeal timer inside the transaction that marks it fired. Escalation (R9.3) raises the appeal to the
 * rule's level and tells the roles the rule names; the forwarding watch flags appeals still not routed when the
 * 3-working-day limit passes. Both are no-ops on closed appeals and on levels already reached.
 */
export async function fireAppealTimer(trx: Db, timer: TimerRow, ref: ReferenceSnapshot, rules: CalendarRules): Promise<void> {
  const appeal = await findAppealForUpdate(trx, timer.tenant_id, timer.ref_id);
  if (!appeal || appeal.closed_at !== null) {
    return;
  }
  if (timer.kind === ESCALATION_TIMER) {
    const level = Number((timer.payload as { level?: unknown }).level);
    const rule = ref.escalation.find((r) => r.level === level);
    if (!rule || appeal.escalation_level >= level) {
      return;
    }
    // Every level passed on the way is recorded, lowest first: another node may still be firing a lower level's
    // timer when this one fires, and that level's people must hear of the appeal all the same.
    const passed = ref.escalation
      .filter((r) => r.level > appeal.escalation_level && r.level < level && r.active)
      .sort((a, b) => a.level - b.level);
    await updateAppeal(trx, appeal.id, { escalation_level: level });
    for (const reached of [...passed, rule]) {
      await insertEvent(trx, {
        tenantId: appeal.tenant_id,
        appealId: appeal.id,
        actorId: null,
        actorName: null,
        kind: "escalated",
        clientVisible: false,
        details: { level: reached.level, thresholdPct: reached.threshold_pct },
      });
      await enqueueStaffNotification(trx, {
        tenantId: appeal.tenant_id,
        appealId: appeal.id,
        roles: reached.notify_roles,
        template: "staff_escalation",
        locale: "ru",
        params: {
          number: appeal.number,
          level: String(reached.level),
          rule: localizedName(reached, "ru"),
          dueDate: localDateText(rules, new Date(appeal.due_at)),
        },
      });
      await recordAnonymousAudit(trx, systemAudit(timer, "appeal.escalate", { level: reached.level }));
    }
    return;
  }
  if (timer.kind === FORWARD_LIMIT_TIMER) {
    const phase = ref.statuses.get(appeal.status_code)?.phase;
    if (phase !== "new" && phase !== "routing") {
      return;
    }
    await insertEvent(trx, {
      tenantId: appeal.tenant_id,
      appealId: appeal.id,
      actorId: null,
      actorName: null,
      kind: "forward_limit_passed",
      clientVisible: false,
    });
    await enqueueStaffNotification(trx, {
      tenantId: appeal.tenant_id,
      appealId: appeal.id,
      roles: ["senior_operator", "supervisor"],
      template: "staff_forward_limit",
      locale: "ru",
      params: { number: appeal.number },
    });
    await recordAnonymousAudit(trx, systemAudit(timer, "appeal.forward_limit_passed", {}));
  }
}

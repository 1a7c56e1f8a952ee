import type { ExtendBody } from "@bailanys/common/api/appeals";
import { isValidLocalDate, localEndOfDay } from "@bailanys/common/calendar";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { cancelTimers, insertTimers } from "../timers/timer.repository.ts";
import { changeAppeal, notifyApplicant } from "./appeal-change.ts";
import { extensionLimit } from "./appeal-rules.ts";
import { escalationTimers, ESCALATION_TIMER } from "./appeal-timers.ts";
import { insertEvent, updateAppeal } from "./appeal.repository.ts";
import { localDateText } from "./local-format.ts";

/**
 * Extends the deadline (R6.4, АППК Art. 76): a reasoned decision with an action plan, at most two months from
 * receipt, the approver recorded, the applicant notified, escalation timers re-planned for the new deadline.
 */
export async function extendAppeal(db: Db, actor: Actor, meta: RequestMeta, appealId: string, input: ExtendBody): Promise<void> {
  if (!isValidLocalDate(input.newDueDate)) {
    throw AppError.field("newDueDate", "DATE_INVALID");
  }
  await changeAppeal(db, actor, meta, { appealId, version: input.version }, async (ctx) => {
    const { appeal, rules, ref, trx } = ctx;
    const newDueAt = localEndOfDay(rules, input.newDueDate);
    const limit = extensionLimit(rules, new Date(appeal.received_at));
    if (newDueAt.getTime() <= new Date(appeal.due_at).getTime()) {
      throw AppError.field("newDueDate", "EXTENSION_NOT_LATER");
    }
    if (newDueAt.getTime() > limit.endAt.getTime()) {
      throw AppError.field("newDueDate", "EXTENSION_LIMIT_EXCEEDED");
    }
    // Escalation thresholds are fractions of the time to the deadline: with a new deadline they start over
    // (the escalations already raised stay in the history).
    const updated = await updateAppeal(trx, appeal.id, { due_at: newDueAt, escalation_level: 0 });
    await trx
      .insertInto("appeal_extensions")
      .values({
        tenant_id: appeal.tenant_id,
        appeal_id: appeal.id,
        previous_due_at: appeal.due_at,
        new_due_at: newDueAt,
        reason: input.reason,
        action_plan: input.actionPlan,
        approved_by: actor.userId,
      })
      .execute();
    await cancelTimers(trx, appeal.id, [ESCALATION_TIMER]);
    await insertTimers(trx, escalationTimers(ref, updated, 0));
    await insertEvent(trx, {
      tenantId: appeal.tenant_id,
      appealId: appeal.id,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "extended",
      reason: input.reason,
      clientMessage: input.actionPlan,
      clientVisible: true,
      details: { previousDueAt: new Date(appeal.due_at).toISOString(), newDueAt: newDueAt.toISOString() },
    });
    await notifyApplicant(ctx, appeal, "appeal_extended", () => ({
      dueDate: localDateText(rules, newDueAt),
      reason: input.reason,
      plan: input.actionPlan,
    }));
    return {
      result: undefined,
      audit: { action: "appeal.extend", entity: "appeal", entityId: appeal.id, details: { newDueAt: newDueAt.toISOString() } },
    };
  });
}

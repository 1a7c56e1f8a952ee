import type { AssignBody, DuplicateBody, TransitionBody, WithdrawBody } from "@bailanys/common/api/appeals";
import { localizedName } from "@bailanys/common/locales";
import type { Permission } from "@bailanys/common/permissions";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { cancelTimers } from "../timers/timer.repository.ts";
import { ESCALATION_TIMER, FORWARD_LIMIT_TIMER } from "./appeal-timers.ts";
import { changeAppeal, notifyApplicant } from "./appeal-change.ts";
import { actionTarget, isUuid } from "./appeal-rules.ts";
import { findAppeal, findAppealByNumber, insertEvent, updateAppeal } from "./appeal.repository.ts";

const ALL_TIMERS = [ESCALATION_TIMER, FORWARD_LIMIT_TIMER];

/**
 * Moves an appeal along an edge of the tenant's status graph. The edge decides the permission and whether a
 * reason or a message to the citizen is needed; closing a complaint also needs its outcome (R9.4). The message to
 * the citizen is queued in the same transaction, so an appeal is never closed without its answer leaving.
 */
export async function transitionAppeal(db: Db, actor: Actor, meta: RequestMeta, appealId: string, input: TransitionBody): Promise<void> {
  await changeAppeal(db, actor, meta, { appealId, version: input.version }, async (ctx) => {
    const { appeal, ref } = ctx;
    const target = ref.statuses.get(input.to);
    const edge = ref.transitions.find((t) => t.from_status === appeal.status_code && t.to_status === input.to);
    if (!target || !target.active || target.action !== null || !edge) {
      throw new AppError("TRANSITION_NOT_ALLOWED", [{ field: "to", code: "TRANSITION_NOT_ALLOWED" }]);
    }
    if (!actor.permissions.has(edge.permission as Permission)) {
      throw new AppError("FORBIDDEN");
    }
    const closing = target.phase === "closed";
    const kind = ref.kinds.get(appeal.kind_code);
    const problems: FieldProblem[] = [];
    if (edge.requires_reason && !input.reason?.trim()) {
      problems.push({ field: "reason", code: "REASON_REQUIRED" });
    }
    if (edge.requires_client_message && !input.clientMessage?.trim()) {
      problems.push({ field: "clientMessage", code: "ANSWER_REQUIRED" });
    }
    if (closing && kind?.requires_outcome && !input.outcome) {
      problems.push({ field: "outcome", code: "COMPLAINT_OUTCOME_REQUIRED" });
    }
    if (problems.length > 0) {
      throw new AppError("VALIDATION_FAILED", problems);
    }
    const clientMessage = input.clientMessage?.trim() || null;
    await updateAppeal(ctx.trx, appeal.id, {
      status_code: target.code,
      ...(closing ? { closed_at: sql<Date>`now()` } : {}),
      ...(input.outcome ? { outcome: input.outcome } : {}),
      ...(input.answerCharacter ? { answer_character: input.answerCharacter } : {}),
      ...(closing && clientMessage ? { answer_text: clientMessage, answered_at: sql<Date>`now()` } : {}),
    });
    await insertEvent(ctx.trx, {
      tenantId: appeal.tenant_id,
      appealId: appeal.id,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "transition",
      fromStatus: appeal.status_code,
      toStatus: target.code,
      reason: input.reason?.trim() || null,
      clientMessage,
      clientVisible: target.client_visible || clientMessage !== null,
      details: { ...(input.outcome ? { outcome: input.outcome } : {}), ...(input.answerCharacter ? { answerCharacter: input.answerCharacter } : {}) },
    });
    if (closing) {
      await cancelTimers(ctx.trx, appeal.id, ALL_TIMERS);
    }
    if (closing && clientMessage) {
      await notifyApplicant(ctx, appeal, "appeal_answer", () => ({ message: clientMessage }));
    } else if (target.client_visible || clientMessage) {
      await notifyApplicant(ctx, appeal, "appeal_status_changed", (locale) => ({ status: localizedName(target, locale), message: clientMessage ?? "" }));
    }
    return {
      result: undefined,
      audit: { action: "appeal.transition", entity: "appeal", entityId: appeal.id, details: { from: appeal.status_code, to: target.code } },
    };
  });
}

/** Sets the responsible unit, position and person (R6.2); each must belong to the appeal's body. */
export async function assignAppeal(db: Db, actor: Actor, meta: RequestMeta, appealId: string, input: AssignBody): Promise<void> {
  await changeAppeal(db, actor, meta, { appealId, version: input.version }, async (ctx) => {
    const { appeal, ref } = ctx;
    const unitId = input.unitId === undefined ? appeal.unit_id : input.unitId;
    const positionId = input.positionId === undefined ? (unitId === appeal.unit_id ? appeal.position_id : null) : input.positionId;
    const assigneeId = input.assigneeId === undefined ? appeal.assignee_id : input.assigneeId;
    const problems: FieldProblem[] = [];
    if (unitId !== null && ref.units.get(unitId)?.body_id !== appeal.body_id) {
      problems.push({ field: "unitId", code: "REFERENCE_UNKNOWN" });
    }
    if (positionId !== null && (unitId === null || ref.positions.get(positionId)?.unit_id !== unitId)) {
      problems.push({ field: "positionId", code: "REFERENCE_UNKNOWN" });
    }
    if (assigneeId !== null) {
      const user = await ctx.trx
        .selectFrom("users")
        .select("id")
        .where("tenant_id", "=", appeal.tenant_id)
        .where("id", "=", assigneeId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!user) {
        problems.push({ field: "assigneeId", code: "REFERENCE_UNKNOWN" });
      }
    }
    if (problems.length > 0) {
      throw new AppError("VALIDATION_FAILED", problems);
    }
    await updateAppeal(ctx.trx, appeal.id, { unit_id: unitId, position_id: positionId, assignee_id: assigneeId });
    await insertEvent(ctx.trx, {
      tenantId: appeal.tenant_id,
      appealId: appeal.id,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "assigned",
      clientVisible: false,
      details: { unitId, positionId, assigneeId },
    });
    return { result: undefined, audit: { action: "appeal.assign", entity: "appeal", entityId: appeal.id, details: { unitId, positionId, assigneeId } } };
  });
}

/** The applicant withdraws the appeal (recorded by staff at their request). */
export async function withdrawAppeal(db: Db, actor: Actor, meta: RequestMeta, appealId: string, input: WithdrawBody): Promise<void> {
  await changeAppeal(db, actor, meta, { appealId, version: input.version }, async (ctx) => {
    const { appeal, ref } = ctx;
    const target = actionTarget(ref, actor, appeal.status_code, "withdraw");
    await updateAppeal(ctx.trx, appeal.id, { status_code: target.status.code, closed_at: sql<Date>`now()` });
    await insertEvent(ctx.trx, {
      tenantId: appeal.tenant_id,
      appealId: appeal.id,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "withdrawn",
      fromStatus: appeal.status_code,
      toStatus: target.status.code,
      reason: input.reason,
      clientVisible: true,
    });
    await cancelTimers(ctx.trx, appeal.id, ALL_TIMERS);
    await notifyApplicant(ctx, appeal, "appeal_withdrawn", () => ({}));
    return { result: undefined, audit: { action: "appeal.withdraw", entity: "appeal", entityId: appeal.id } };
  });
}

/** Links an appeal to the original it repeats and closes it as a duplicate. */
export async function linkDuplicate(db: Db, actor: Actor, meta: RequestMeta, appealId: string, input: DuplicateBody): Promise<void> {
  const original = isUuid(input.duplicateOf)
    ? await findAppeal(db, actor.tenantId, input.duplicateOf)
    : await findAppealByNumber(db, actor.tenantId, input.duplicateOf);
  if (!original || original.id === appealId) {
    throw AppError.field("duplicateOf", "REFERENCE_UNKNOWN");
  }
  await changeAppeal(db, actor, meta, { appealId, version: input.version }, async (ctx) => {
    const { appeal, ref } = ctx;
    const target = actionTarget(ref, actor, appeal.status_code, "duplicate");
    await updateAppeal(ctx.trx, appeal.id, { status_code: target.status.code, closed_at: sql<Date>`now()`, duplicate_of: original.id });
    await insertEvent(ctx.trx, {
      tenantId: appeal.tenant_id,
      appealId: appeal.id,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "duplicate_linked",
      fromStatus: appeal.status_code,
      toStatus: target.status.code,
      reason: input.reason,
      clientVisible: true,
      details: { originalId: original.id, originalNumber: original.number },
    });
    await insertEvent(ctx.trx, {
      tenantId: appeal.tenant_id,
      appealId: original.id,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "duplicate_received",
      clientVisible: false,
      details: { duplicateId: appeal.id, duplicateNumber: appeal.number },
    });
    await cancelTimers(ctx.trx, appeal.id, ALL_TIMERS);
    await notifyApplicant(ctx, appeal, "appeal_status_changed", (locale) => ({
      status: localizedName(target.status, locale),
      message: `№ ${original.number}`,
    }));
    return { result: undefined, audit: { action: "appeal.link_duplicate", entity: "appeal", entityId: appeal.id, details: { originalId: original.id } } };
  });
}

import type { ForwardBody, ForwardStatusBody } from "@bailanys/common/api/appeals";
import { localizedName } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { cancelTimers, insertTimers } from "../timers/timer.repository.ts";
import { changeAppeal, notifyApplicant } from "./appeal-change.ts";
import { actionTarget } from "./appeal-rules.ts";
import { escalationTimers, ESCALATION_TIMER, FORWARD_LIMIT_TIMER } from "./appeal-timers.ts";
import { formatAppealNumber } from "./appeal-number.ts";
import { insertAppeal, insertEvent, nextAppealSequence, updateAppeal } from "./appeal.repository.ts";

/**
 * Forwards an appeal (D.forward) whole or in part, to another body of the platform or to an external one.
 * - whole, platform body: the appeal moves to that body and waits for routing there;
 * - whole, external body: the appeal closes here as "forwarded" and the forward is tracked until answered;
 * - part, platform body: a child appeal is registered for that body and tracked through its own status;
 * - part, external body: the forward is tracked, the appeal stays open here.
 * Whether it happened within the 3-working-day limit is recorded; the applicant is told at once.
 */
export async function forwardAppeal(db: Db, actor: Actor, meta: RequestMeta, appealId: string, input: ForwardBody): Promise<{ forwardId: string }> {
  const problems: FieldProblem[] = [];
  if ((input.toBodyId === undefined) === (input.externalBodyName === undefined)) {
    problems.push({ field: input.toBodyId === undefined ? "toBodyId" : "externalBodyName", code: input.toBodyId === undefined ? "FIELD_REQUIRED" : "FIELD_INVALID" });
  }
  if (input.scope === "part" && !input.partDescription?.trim()) {
    problems.push({ field: "partDescription", code: "FIELD_REQUIRED" });
  }
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  return changeAppeal(db, actor, meta, { appealId, version: input.version }, async (ctx) => {
    const { appeal, ref, trx } = ctx;
    const toBody = input.toBodyId ? ref.bodies.get(input.toBodyId) : undefined;
    if (input.toBodyId && (!toBody || !toBody.active || toBody.id === appeal.body_id)) {
      throw AppError.field("toBodyId", "REFERENCE_UNKNOWN");
    }
    const internal = toBody !== undefined && !toBody.is_external;
    const withinLimit = Date.now() <= new Date(appeal.forward_due_at).getTime();
    let childAppealId: string | null = null;
    let childNumber: string | null = null;
    let forwardStatus: "sent" | "accepted" = "sent";
    let newStatus: string | null = null;

    if (input.scope === "whole" && internal && toBody) {
      const routing = [...ref.statuses.values()].find((s) => s.phase === "routing" && s.active);
      newStatus = routing?.code ?? appeal.status_code;
      forwardStatus = "accepted";
      await updateAppeal(trx, appeal.id, { body_id: toBody.id, unit_id: null, position_id: null, assignee_id: null, status_code: newStatus });
    } else if (input.scope === "whole") {
      const target = actionTarget(ref, actor, appeal.status_code, "forward");
      newStatus = target.status.code;
      await updateAppeal(trx, appeal.id, { status_code: newStatus, closed_at: sql<Date>`now()` });
      await cancelTimers(trx, appeal.id, [ESCALATION_TIMER, FORWARD_LIMIT_TIMER]);
    } else if (internal && toBody) {
      const initial = [...ref.statuses.values()].find((s) => s.is_initial);
      const sequence = await nextAppealSequence(trx);
      const child = await insertAppeal(trx, {
        tenant_id: appeal.tenant_id,
        number: formatAppealNumber(ref.tenant.numberPrefix, ctx.rules, new Date(appeal.received_at), sequence),
        citizen_id: appeal.citizen_id,
        type_code: appeal.type_code,
        kind_code: appeal.kind_code,
        category_id: appeal.category_id,
        criticality_code: appeal.criticality_code,
        language_code: appeal.language_code,
        form: appeal.form,
        channel_code: appeal.channel_code,
        body_id: toBody.id,
        subject: appeal.subject,
        text: input.partDescription ?? appeal.text,
        status_code: initial?.code ?? appeal.status_code,
        received_at: appeal.received_at,
        registered_by: actor.userId,
        received_by_name: actor.fullName,
        term: appeal.term,
        term_unit: appeal.term_unit,
        due_at: appeal.due_at,
        original_due_at: appeal.original_due_at,
        forward_due_at: appeal.forward_due_at,
        parent_id: appeal.id,
      });
      childAppealId = child.id;
      childNumber = child.number;
      await insertEvent(trx, {
        tenantId: appeal.tenant_id,
        appealId: child.id,
        actorId: actor.userId,
        actorName: actor.fullName,
        kind: "registered",
        toStatus: child.status_code,
        clientVisible: true,
        details: { number: child.number, parentNumber: appeal.number },
      });
      await insertTimers(trx, escalationTimers(ref, child, 0));
    }

    const forward = await trx
      .insertInto("appeal_forwards")
      .values({
        tenant_id: appeal.tenant_id,
        appeal_id: appeal.id,
        scope: input.scope,
        part_description: input.partDescription?.trim() ?? null,
        to_body_id: toBody?.id ?? null,
        external_body_name: toBody ? null : (input.externalBodyName?.trim() ?? null),
        child_appeal_id: childAppealId,
        status: forwardStatus,
        reason: input.reason,
        forwarded_by: actor.userId,
        within_limit: withinLimit,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await cancelTimers(trx, appeal.id, [FORWARD_LIMIT_TIMER]);
    await insertEvent(trx, {
      tenantId: appeal.tenant_id,
      appealId: appeal.id,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "forwarded",
      fromStatus: newStatus ? appeal.status_code : null,
      toStatus: newStatus,
      reason: input.reason,
      clientMessage: input.clientMessage ?? null,
      clientVisible: true,
      details: { forwardId: forward.id, scope: input.scope, toBodyId: toBody?.id ?? null, external: !internal, withinLimit, childAppealId },
    });
    await notifyApplicant(ctx, appeal, "appeal_forwarded", (locale) => ({
      to: toBody ? localizedName(toBody, locale) : (input.externalBodyName ?? ""),
      scope: input.scope,
      childNumber: childNumber ?? "",
      message: input.clientMessage ?? "",
    }));
    return {
      result: { forwardId: forward.id },
      audit: { action: "appeal.forward", entity: "appeal", entityId: appeal.id, details: { forwardId: forward.id, scope: input.scope, withinLimit } },
    };
  });
}

/** Records what became of a forward (accepted, answered, returned by the receiving body). */
export async function updateForwardStatus(db: Db, actor: Actor, meta: RequestMeta, appealId: string, forwardId: string, input: ForwardStatusBody): Promise<void> {
  await changeAppeal(db, actor, meta, { appealId, allowClosed: true }, async (ctx) => {
    const updated = await ctx.trx
      .updateTable("appeal_forwards")
      .set({ status: input.status, updated_at: sql<Date>`now()` })
      .where("tenant_id", "=", actor.tenantId)
      .where("appeal_id", "=", appealId)
      .where("id", "=", forwardId)
      .returning("id")
      .executeTakeFirst();
    if (!updated) {
      throw new AppError("NOT_FOUND");
    }
    await insertEvent(ctx.trx, {
      tenantId: actor.tenantId,
      appealId,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "forward_status",
      reason: input.note ?? null,
      clientVisible: false,
      details: { forwardId, status: input.status },
    });
    return { result: undefined, audit: { action: "appeal.forward_status", entity: "appeal", entityId: appealId, details: { forwardId, status: input.status } } };
  });
}

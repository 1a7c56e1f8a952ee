import type { QueueBody, QueueDto } from "@bailanys/common/api/routing-admin";
import { isRoutedChannel } from "@bailanys/common/contacts";
import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { ContactQueuesTable } from "../../db/schema-contacts.ts";
import { isUniqueViolation } from "../../db/pg-errors.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { forgetActiveQueues } from "../contacts/contact-queues.repository.ts";
import { forgetQueueNames } from "../contacts/contact-view.repository.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { toMinutes } from "../routing/routing-rules.ts";

type QueueRow = Selectable<ContactQueuesTable>;

export function presentQueue(row: QueueRow): QueueDto {
  return {
    id: row.id,
    code: row.code,
    nameKk: row.name_kk,
    nameRu: row.name_ru,
    nameEn: row.name_en,
    channels: row.channels,
    topicIds: row.topic_ids,
    minLevel: row.min_level,
    line: row.line,
    priority: row.priority,
    offerTimeoutSeconds: row.offer_timeout_seconds,
    wrapupSeconds: row.wrapup_seconds,
    serviceLevelSeconds: row.service_level_seconds,
    widening: row.widening.map((w) => ({ after: w.after, relax: w.relax as QueueDto["widening"][number]["relax"] })),
    overflowQueueId: row.overflow_queue_id,
    overflowAfterSeconds: row.overflow_after_seconds,
    callbackAfterSeconds: row.callback_after_seconds,
    hours: row.hours as QueueDto["hours"],
    openOnHolidays: row.open_on_holidays,
    sort: row.sort,
    active: row.active,
  };
}

export async function listQueues(db: Db, tenantId: string): Promise<QueueDto[]> {
  const rows = await db.selectFrom("contact_queues").selectAll().where("tenant_id", "=", tenantId).orderBy("sort").orderBy("code").execute();
  return rows.map(presentQueue);
}

/** Every problem of a queue's settings at once, each at its field. */
async function checkQueue(db: Db, tenantId: string, input: QueueBody, id: string | null): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const ref = await referenceSnapshot(db, tenantId);
  input.channels.forEach((channel, i) => {
    if (!isRoutedChannel(channel) || !ref.channels.get(channel)?.active) {
      problems.push({ field: `channels.${i}`, code: "REFERENCE_UNKNOWN" });
    }
  });
  input.topicIds.forEach((topicId, i) => {
    if (!ref.classifier.get(topicId)) {
      problems.push({ field: `topicIds.${i}`, code: "REFERENCE_UNKNOWN" });
    }
  });
  for (const [day, span] of Object.entries(input.hours)) {
    if (span && toMinutes(span[0]) >= toMinutes(span[1])) {
      problems.push({ field: `hours.${day}`, code: "FIELD_OUT_OF_RANGE" });
    }
  }
  const afters = input.widening.map((w) => w.after);
  input.widening.forEach((step, i) => {
    if (i > 0 && step.after <= (afters[i - 1] ?? 0)) {
      problems.push({ field: `widening.${i}.after`, code: "FIELD_OUT_OF_RANGE" });
    }
  });
  if (input.overflowQueueId !== null) {
    const target = await db.selectFrom("contact_queues").select("id").where("tenant_id", "=", tenantId).where("id", "=", input.overflowQueueId).executeTakeFirst();
    if (!target || input.overflowQueueId === id) {
      problems.push({ field: "overflowQueueId", code: "REFERENCE_UNKNOWN" });
    }
    if (input.overflowAfterSeconds === null) {
      problems.push({ field: "overflowAfterSeconds", code: "FIELD_REQUIRED" });
    }
  }
  return problems;
}

function columns(input: QueueBody) {
  return {
    code: input.code,
    name_kk: input.nameKk.trim(),
    name_ru: input.nameRu.trim(),
    name_en: input.nameEn.trim(),
    channels: input.channels,
    topic_ids: input.topicIds,
    min_level: input.minLevel,
    line: input.line,
    priority: input.priority,
    offer_timeout_seconds: input.offerTimeoutSeconds,
    wrapup_seconds: input.wrapupSeconds,
    service_level_seconds: input.serviceLevelSeconds,
    widening: JSON.stringify(input.widening),
    overflow_queue_id: input.overflowQueueId,
    overflow_after_seconds: input.overflowQueueId === null ? null : input.overflowAfterSeconds,
    callback_after_seconds: input.callbackAfterSeconds,
    hours: JSON.stringify(input.hours),
    open_on_holidays: input.openOnHolidays,
    sort: input.sort,
    active: input.active,
  };
}

/** Creates (id null) or changes a queue; contacts already waiting keep their queue and follow its new rules. */
export async function saveQueue(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, id: string | null, input: QueueBody): Promise<QueueDto> {
  const problems = await checkQueue(deps.db, actor.tenantId, input, id);
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  try {
    const row = await transact(deps, async (trx) => {
      const saved =
        id === null
          ? await trx.insertInto("contact_queues").values({ tenant_id: actor.tenantId, ...columns(input) }).returningAll().executeTakeFirstOrThrow()
          : await trx.updateTable("contact_queues").set(columns(input)).where("tenant_id", "=", actor.tenantId).where("id", "=", id).returningAll().executeTakeFirst();
      if (!saved) {
        throw new AppError("NOT_FOUND");
      }
      await recordAudit(trx, actor, meta, { action: id === null ? "queue.create" : "queue.update", entity: "contact_queue", entityId: saved.id });
      await deps.bus.publish(trx, { type: "tenant.changed", tenantId: actor.tenantId, what: "queues" });
      return saved;
    });
    forgetQueueNames(actor.tenantId);
    forgetActiveQueues(actor.tenantId);
    return presentQueue(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("ALREADY_EXISTS", [{ field: "code", code: "ALREADY_EXISTS" }]);
    }
    throw error;
  }
}

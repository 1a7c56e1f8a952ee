import type { CreateAppealBody } from "@bailanys/common/api/appeals";
import { computeDueDate } from "@bailanys/common/calendar";
import { isLocale, localizedName, type Locale } from "@bailanys/common/locales";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { cleanCitizenInput, upsertCitizen, type CleanCitizen } from "../citizens/citizen.service.ts";
import { enqueueCitizenNotification } from "../notifications/outbox.service.ts";
import { referenceSnapshot, type ReferenceSnapshot } from "../reference/reference.snapshot.ts";
import { claimIdempotencyKey, completeIdempotencyKey } from "./idempotency.ts";
import { escalationTimers, FORWARD_LIMIT_TIMER } from "./appeal-timers.ts";
import { insertAppeal, insertEvent, nextAppealSequence } from "./appeal.repository.ts";
import { insertTimers } from "../timers/timer.repository.ts";
import { localDateText, localDateTimeText } from "./local-format.ts";
import { formatAppealNumber } from "./appeal-number.ts";

/** How far in the future a reception time may lie (clock skew between a channel and the server). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** АППК Art. 76 / D.forward: an appeal outside the body's competence is forwarded within 3 working days. */
const FORWARD_LIMIT_WORKING_DAYS = 3;

interface Resolved {
  typeCode: string;
  kindCode: string;
  term: number;
  termUnit: "WD" | "CD";
  categoryId: string | null;
  criticalityCode: string;
  languageCode: string;
  channelCode: string;
  form: string;
  bodyId: string;
  unitId: string | null;
  positionId: string | null;
  receivedAt: Date;
  citizen: { existingId: string } | { input: CleanCitizen };
}

/** Checks the request against the tenant's reference data; reports every bad field at once. */
async function resolveRegistration(db: Db, actor: Actor, ref: ReferenceSnapshot, input: CreateAppealBody): Promise<Resolved> {
  const problems: FieldProblem[] = [];
  const type = ref.types.get(input.typeCode);
  if (!type || !type.active) {
    problems.push({ field: "typeCode", code: "REFERENCE_UNKNOWN" });
  }
  const kind = type ? ref.kinds.get(type.kind_code) : undefined;

  const category = input.categoryId ? ref.classifier.get(input.categoryId) : undefined;
  if (input.categoryId && (!category || !category.active)) {
    problems.push({ field: "categoryId", code: "REFERENCE_UNKNOWN" });
  } else if (!input.categoryId && kind?.requires_category) {
    problems.push({ field: "categoryId", code: "COMPLAINT_CATEGORY_REQUIRED" });
  }

  const pick = <T extends { active: boolean }>(map: Map<string, T>, code: string | undefined, fallback: string, field: string): string => {
    const chosen = code ?? (map.has(fallback) ? fallback : [...map.keys()][0]);
    const row = chosen === undefined ? undefined : map.get(chosen);
    if (!row || !row.active || chosen === undefined) {
      problems.push({ field, code: "REFERENCE_UNKNOWN" });
      return "";
    }
    return chosen;
  };
  const criticalityCode = pick(ref.criticality, input.criticalityCode, "normal", "criticalityCode");
  const channelCode = pick(ref.channels, input.channelCode, "phone", "channelCode");
  const preferred = input.citizen?.preferredLanguage;
  const languageCode = pick(ref.languages, input.languageCode, preferred ?? "ru", "languageCode");

  let bodyId = input.bodyId ?? category?.body_id ?? [...ref.bodies.values()].find((b) => !b.is_external && b.active)?.id ?? null;
  const body = bodyId ? ref.bodies.get(bodyId) : undefined;
  if (!body || body.is_external || !body.active) {
    problems.push({ field: "bodyId", code: input.bodyId ? "REFERENCE_UNKNOWN" : "FIELD_REQUIRED" });
    bodyId = null;
  }
  let unitId = input.unitId ?? (category?.unit_id && category.body_id === bodyId ? category.unit_id : null);
  if (unitId !== null && ref.units.get(unitId)?.body_id !== bodyId) {
    problems.push({ field: "unitId", code: "REFERENCE_UNKNOWN" });
    unitId = null;
  }
  const positionId = input.positionId ?? null;
  if (positionId !== null && (unitId === null || ref.positions.get(positionId)?.unit_id !== unitId)) {
    problems.push({ field: "positionId", code: "REFERENCE_UNKNOWN" });
  }

  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  if (receivedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    problems.push({ field: "receivedAt", code: "FIELD_OUT_OF_RANGE" });
  }

  let citizen: Resolved["citizen"] | null = null;
  if (input.citizenId) {
    const existing = await db
      .selectFrom("citizens")
      .select("id")
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", input.citizenId)
      .executeTakeFirst();
    if (!existing) {
      problems.push({ field: "citizenId", code: "REFERENCE_UNKNOWN" });
    } else {
      citizen = { existingId: existing.id };
    }
  } else if (input.citizen) {
    const cleaned = cleanCitizenInput(input.citizen, "citizen", channelCode || "operator");
    problems.push(...cleaned.problems);
    citizen = { input: cleaned.value };
  } else {
    problems.push({ field: "citizen", code: "APPLICANT_REQUIRED" });
  }

  if (problems.length > 0 || !type || !kind || bodyId === null || citizen === null) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  return {
    typeCode: type.code,
    kindCode: kind.code,
    term: type.term,
    termUnit: type.term_unit === "CD" ? "CD" : "WD",
    categoryId: category?.id ?? null,
    criticalityCode,
    languageCode,
    channelCode,
    form: input.form ?? "electronic",
    bodyId,
    unitId,
    positionId,
    receivedAt,
    citizen,
  };
}

/** The names of the body, unit and position responsible, in one language (R6.2). */
export function responsibleText(ref: ReferenceSnapshot, locale: Locale, ids: { bodyId: string; unitId: string | null; positionId: string | null }): string {
  const parts: string[] = [];
  const body = ref.bodies.get(ids.bodyId);
  if (body) {
    parts.push(localizedName(body, locale));
  }
  const unit = ids.unitId ? ref.units.get(ids.unitId) : undefined;
  if (unit) {
    parts.push(localizedName(unit, locale));
  }
  const position = ids.positionId ? ref.positions.get(ids.positionId) : undefined;
  if (position) {
    parts.push(localizedName(position, locale));
  }
  return parts.join(", ");
}

export interface RegistrationResult {
  appealId: string;
  replayed: boolean;
}

/**
 * Registers an appeal from any channel: number, receipt, legal deadline, responsible unit, the citizen record,
 * escalation timers, the receipt notification and the audit record — all in one transaction.
 */
export async function registerAppeal(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  input: CreateAppealBody,
  idempotencyKey: string | null,
): Promise<RegistrationResult> {
  const ref = await referenceSnapshot(db, actor.tenantId);
  const rules = await calendarRules(db, actor.tenantId);
  const resolved = await resolveRegistration(db, actor, ref, input);
  const due = computeDueDate(rules, { received: resolved.receivedAt, term: resolved.term, unit: resolved.termUnit });
  const forwardDue = computeDueDate(rules, { received: resolved.receivedAt, term: FORWARD_LIMIT_WORKING_DAYS, unit: "WD" });
  const initialStatus = [...ref.statuses.values()].find((s) => s.is_initial);
  if (!initialStatus) {
    throw new Error(`tenant ${actor.tenantId} has no initial appeal status`);
  }

  return db.transaction().execute(async (trx) => {
    if (idempotencyKey !== null) {
      const claim = await claimIdempotencyKey(trx, actor, idempotencyKey, input);
      if (claim.replay) {
        return { appealId: claim.appealId, replayed: true };
      }
    }
    let citizenId: string;
    let citizenLocale: Locale = "ru";
    const audit = [];
    if ("existingId" in resolved.citizen) {
      citizenId = resolved.citizen.existingId;
      const row = await trx.selectFrom("citizens").select("preferred_language").where("id", "=", citizenId).executeTakeFirstOrThrow();
      citizenLocale = isLocale(row.preferred_language) ? row.preferred_language : "ru";
    } else {
      const upserted = await upsertCitizen(trx, actor.tenantId, resolved.citizen.input, actor.userId);
      citizenId = upserted.id;
      citizenLocale = resolved.citizen.input.preferredLanguage;
      audit.push({ action: upserted.created ? "citizen.create" : "citizen.update", entity: "citizen", entityId: citizenId });
      if (resolved.citizen.input.consent) {
        audit.push({ action: "citizen.consent", entity: "citizen", entityId: citizenId, details: { source: resolved.citizen.input.consent.source } });
      }
    }

    const sequence = await nextAppealSequence(trx);
    const number = formatAppealNumber(ref.tenant.numberPrefix, rules, resolved.receivedAt, sequence);
    const appeal = await insertAppeal(trx, {
      tenant_id: actor.tenantId,
      number,
      citizen_id: citizenId,
      type_code: resolved.typeCode,
      kind_code: resolved.kindCode,
      category_id: resolved.categoryId,
      criticality_code: resolved.criticalityCode,
      language_code: resolved.languageCode,
      form: resolved.form,
      channel_code: resolved.channelCode,
      body_id: resolved.bodyId,
      unit_id: resolved.unitId,
      position_id: resolved.positionId,
      subject: input.subject.trim(),
      text: input.text,
      status_code: initialStatus.code,
      received_at: resolved.receivedAt,
      registered_by: actor.userId,
      received_by_name: actor.fullName,
      term: resolved.term,
      term_unit: resolved.termUnit,
      due_at: due.dueAt,
      original_due_at: due.dueAt,
      forward_due_at: forwardDue.dueAt,
    });
    await insertEvent(trx, {
      tenantId: actor.tenantId,
      appealId: appeal.id,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "registered",
      toStatus: initialStatus.code,
      clientVisible: true,
      details: { number, dueAt: due.dueAt.toISOString() },
    });
    await insertTimers(trx, [
      ...escalationTimers(ref, appeal, 0),
      { tenantId: actor.tenantId, kind: FORWARD_LIMIT_TIMER, refId: appeal.id, payload: {}, fireAt: forwardDue.dueAt },
    ]);
    await enqueueCitizenNotification(trx, {
      tenantId: actor.tenantId,
      appealId: appeal.id,
      citizenId,
      locale: citizenLocale,
      template: "appeal_registered",
      params: {
        number,
        registeredAt: localDateTimeText(rules, new Date(appeal.registered_at)),
        receivedBy: actor.fullName,
        dueDate: localDateText(rules, due.dueAt),
        responsible: responsibleText(ref, citizenLocale, resolved),
      },
    });
    await recordAudit(trx, actor, meta, [...audit, { action: "appeal.create", entity: "appeal", entityId: appeal.id, details: { number } }]);
    if (idempotencyKey !== null) {
      await completeIdempotencyKey(trx, actor, idempotencyKey, appeal.id);
    }
    return { appealId: appeal.id, replayed: false };
  });
}

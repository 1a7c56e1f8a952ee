import { randomUUID } from "node:crypto";
import type { AppealDto, CreateAppealBody } from "@bailanys/common/api/appeals";
import { computeDueDate, toLocal } from "@bailanys/common/calendar";
import { localizedName, type Locale } from "@bailanys/common/locales";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { actorAuditEntries, type AuditEvent } from "../audit/audit.service.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { cleanCitizenInput, type CleanCitizen } from "../citizens/citizen.service.ts";
import { referenceSnapshot, type ReferenceSnapshot } from "../reference/reference.snapshot.ts";
import type { EventBus } from "../../realtime/event-bus.ts";
import { linkAppealToContact, lockContactForAppeal } from "../contacts/contact-appeal.service.ts";
import { claimIdempotencyKey, completeIdempotencyKey } from "./idempotency.ts";
import { escalationTimers, FORWARD_LIMIT_TIMER } from "./appeal-timers.ts";
import { writeRegistration } from "./appeal-registration.repository.ts";
import { canSeePersonalData } from "./appeal.policy.ts";
import { presentAppeal } from "./appeal.presenter.ts";
import { availableTransitions, extensionLimit } from "./appeal-rules.ts";
import { localDateText, localDateTimeText } from "./local-format.ts";

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
  /** The new appeal's card; null on an idempotent replay (read it afresh). */
  card: AppealDto | null;
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
  locale: Locale = actor.locale,
  /** Needed to register from a conversation (input.contactId): the chat shows the number at once. */
  bus: EventBus | null = null,
): Promise<RegistrationResult> {
  if (input.contactId && !bus) {
    throw new Error("registering from a contact needs the event bus");
  }
  const ref = await referenceSnapshot(db, actor.tenantId);
  const rules = await calendarRules(db, actor.tenantId);
  const resolved = await resolveRegistration(db, actor, ref, input);
  const due = computeDueDate(rules, { received: resolved.receivedAt, term: resolved.term, unit: resolved.termUnit });
  const forwardDue = computeDueDate(rules, { received: resolved.receivedAt, term: FORWARD_LIMIT_WORKING_DAYS, unit: "WD" });
  const initialStatus = [...ref.statuses.values()].find((s) => s.is_initial);
  if (!initialStatus) {
    throw new Error(`tenant ${actor.tenantId} has no initial appeal status`);
  }

  const registeredAt = new Date();
  const appealId = randomUUID();
  const consent = "input" in resolved.citizen ? resolved.citizen.input.consent : null;
  const notificationLocale: Locale = "input" in resolved.citizen ? resolved.citizen.input.preferredLanguage : actor.locale;
  const dueDetails = { dueAt: due.dueAt.toISOString() };
  const audit: AuditEvent[] = [{ action: "appeal.create", entity: "appeal", entityId: appealId }];
  if (consent) {
    audit.push({ action: "citizen.consent", entity: "appeal", entityId: appealId, details: { source: consent.source } });
  }
  const write = (executor: Db) =>
    writeRegistration(executor, {
      tenantId: actor.tenantId,
      applicant: resolved.citizen,
      numberPrefix: ref.tenant.numberPrefix,
      numberYear: toLocal(rules, resolved.receivedAt).date.slice(0, 4),
      appeal: {
        id: appealId,
        tenant_id: actor.tenantId,
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
        registered_at: registeredAt,
        registered_by: actor.userId,
        received_by_name: actor.fullName,
        term: resolved.term,
        term_unit: resolved.termUnit,
        due_at: due.dueAt,
        original_due_at: due.dueAt,
        forward_due_at: forwardDue.dueAt,
      },
      event: {
        tenantId: actor.tenantId,
        appealId,
        actorId: actor.userId,
        actorName: actor.fullName,
        kind: "registered",
        toStatus: initialStatus.code,
        clientVisible: true,
        details: dueDetails,
      },
      timers: [
        ...escalationTimers(ref, { id: appealId, tenant_id: actor.tenantId, received_at: resolved.receivedAt, due_at: due.dueAt }, 0),
        { tenantId: actor.tenantId, kind: FORWARD_LIMIT_TIMER, refId: appealId, payload: {}, fireAt: forwardDue.dueAt },
      ],
      notification: {
        locale: notificationLocale,
        template: "appeal_registered",
        params: {
          registeredAt: localDateTimeText(rules, registeredAt),
          receivedBy: actor.fullName,
          dueDate: localDateText(rules, due.dueAt),
          responsible: responsibleText(ref, notificationLocale, resolved),
        },
      },
      audit: actorAuditEntries(actor, meta, audit),
      consent: consent ? { givenAt: consent.givenAt, source: consent.source, recordedBy: actor.userId } : null,
    });

  let written: Awaited<ReturnType<typeof write>>;
  if (idempotencyKey === null && !input.contactId) {
    // One statement commits atomically on its own: no BEGIN/COMMIT round trips.
    written = await write(db);
  } else {
    const outcome = await db.transaction().execute(async (trx) => {
      if (idempotencyKey !== null) {
        const claim = await claimIdempotencyKey(trx, actor, idempotencyKey, input);
        if (claim.replay) {
          return { kind: "replay" as const, appealId: claim.appealId };
        }
      }
      // Registered from a conversation: the contact is locked first (the order every contact change takes).
      const contact = input.contactId && bus ? await lockContactForAppeal(trx, actor, input.contactId) : null;
      const result = await write(trx);
      if (contact && bus) {
        await linkAppealToContact(trx, bus, contact, result.appeal);
      }
      if (idempotencyKey !== null) {
        await completeIdempotencyKey(trx, actor, idempotencyKey, appealId);
      }
      return { kind: "written" as const, result };
    });
    if (outcome.kind === "replay") {
      return { appealId: outcome.appealId, replayed: true, card: null };
    }
    written = outcome.result;
  }

  // The registrar supplied these details a moment ago: the card is built from what was written, with no
  // second read (and no read-audit record for data the actor itself entered).
  const { appeal, citizen } = written;
  const card = presentAppeal(
    { ref, locale, showPersonalData: canSeePersonalData(actor), now: Date.now() },
    appeal,
    {
      citizen,
      consent: consent ? { given_at: consent.givenAt, source: consent.source } : null,
      assigneeName: null,
      events: [
        {
          id: 0,
          tenant_id: actor.tenantId,
          appeal_id: appealId,
          at: registeredAt,
          actor_id: actor.userId,
          actor_name: actor.fullName,
          kind: "registered",
          from_status: null,
          to_status: initialStatus.code,
          reason: null,
          client_message: null,
          client_visible: true,
          details: dueDetails,
        },
      ],
      forwards: [],
      extensions: [],
      attachments: [],
      parent: null,
      duplicateOf: null,
    },
    availableTransitions(ref, actor, appeal, locale),
    extensionLimit(rules, resolved.receivedAt).date,
  );
  return { appealId, replayed: false, card };
}

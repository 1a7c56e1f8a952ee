import type { AppealDto, AppealEventDto, AppealListItem, CitizenDto, ForwardDto, ExtensionDto, AttachmentDto, TransitionOption } from "@bailanys/common/api/appeals";
import { localizedName, type Locale } from "@bailanys/common/locales";
import type { ReferenceSnapshot } from "../reference/reference.snapshot.ts";
import type { AppealEventRow, AppealRow } from "./appeal.repository.ts";
import { maskCitizen, maskName } from "../citizens/citizen.presenter.ts";
import type { CardRelations } from "./appeal-card.repository.ts";

const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

function statusRef(ref: ReferenceSnapshot, locale: Locale, code: string) {
  const status = ref.statuses.get(code);
  return {
    code,
    name: status ? localizedName(status, locale) : code,
    phase: status?.phase ?? "in_progress",
    color: status?.color ?? "gray",
  };
}

function coded(map: Map<string, { name_kk: string; name_ru: string; name_en: string }>, locale: Locale, code: string) {
  const row = map.get(code);
  return { code, name: row ? localizedName(row, locale) : code };
}

function named(map: Map<string, { id: string; name_kk: string; name_ru: string; name_en: string }>, locale: Locale, id: string | null) {
  if (id === null) {
    return null;
  }
  const row = map.get(id);
  return { id, name: row ? localizedName(row, locale) : id };
}

export interface ListContext {
  ref: ReferenceSnapshot;
  locale: Locale;
  showPersonalData: boolean;
  now: number;
}

export function presentAppealListItem(
  ctx: ListContext,
  row: AppealRow & { applicant_name: string | null; assignee_name: string | null },
): AppealListItem {
  const { ref, locale } = ctx;
  const criticality = ref.criticality.get(row.criticality_code);
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    type: coded(ref.types, locale, row.type_code),
    kind: coded(ref.kinds, locale, row.kind_code),
    status: statusRef(ref, locale, row.status_code),
    criticality: {
      code: row.criticality_code,
      name: criticality ? localizedName(criticality, locale) : row.criticality_code,
      rank: criticality?.rank ?? 0,
      color: criticality?.color ?? "gray",
    },
    channel: coded(ref.channels, locale, row.channel_code),
    applicantName: row.applicant_name === null ? null : ctx.showPersonalData ? row.applicant_name : maskName(row.applicant_name),
    body: named(ref.bodies, locale, row.body_id) ?? { id: row.body_id, name: row.body_id },
    unit: named(ref.units, locale, row.unit_id),
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? row.assignee_id },
    registeredAt: iso(row.registered_at),
    dueAt: iso(row.due_at),
    overdue: row.closed_at === null ? new Date(row.due_at).getTime() < ctx.now : new Date(row.closed_at).getTime() > new Date(row.due_at).getTime(),
    escalationLevel: row.escalation_level,
    closedAt: isoOrNull(row.closed_at),
  };
}

function presentEvent(ref: ReferenceSnapshot, locale: Locale, event: AppealEventRow): AppealEventDto {
  return {
    id: Number(event.id),
    at: iso(event.at),
    kind: event.kind,
    actorName: event.actor_name,
    fromStatus: event.from_status ? statusRef(ref, locale, event.from_status) : null,
    toStatus: event.to_status ? statusRef(ref, locale, event.to_status) : null,
    reason: event.reason,
    clientMessage: event.client_message,
    clientVisible: event.client_visible,
    details: event.details,
  };
}

function presentCitizen(rel: CardRelations, showPersonalData: boolean): CitizenDto | null {
  const c = rel.citizen;
  if (!c) {
    return null;
  }
  const citizen: CitizenDto = {
    id: c.id,
    kind: c.kind,
    iin: c.iin,
    fullName: c.full_name,
    phone: c.phone,
    email: c.email,
    preferredLanguage: c.preferred_language,
    masked: false,
    consentGivenAt: isoOrNull(rel.consent?.given_at ?? null),
    consentSource: rel.consent?.source ?? null,
  };
  return showPersonalData ? citizen : maskCitizen(citizen);
}

export function presentAppeal(
  ctx: ListContext,
  row: AppealRow,
  rel: CardRelations,
  transitions: TransitionOption[],
  extensionLimitDate: string,
): AppealDto {
  const { ref, locale } = ctx;
  const category = row.category_id ? ref.classifier.get(row.category_id) : undefined;
  const forwards: ForwardDto[] = rel.forwards.map((f) => ({
    id: f.id,
    scope: f.scope,
    partDescription: f.part_description,
    toBody: named(ref.bodies, locale, f.to_body_id),
    externalBodyName: f.external_body_name,
    childAppeal: f.child_id && f.child_number && f.child_status ? { id: f.child_id, number: f.child_number, status: statusRef(ref, locale, f.child_status) } : null,
    status: f.status,
    reason: f.reason,
    forwardedAt: iso(f.forwarded_at),
    withinLimit: f.within_limit,
  }));
  const extensions: ExtensionDto[] = rel.extensions.map((e) => ({
    id: e.id,
    previousDueAt: iso(e.previous_due_at),
    newDueAt: iso(e.new_due_at),
    reason: e.reason,
    actionPlan: e.action_plan,
    approvedBy: { id: e.approved_by, name: e.approver_name ?? e.approved_by },
    approvedAt: iso(e.approved_at),
  }));
  const attachments: AttachmentDto[] = rel.attachments.map((a) => ({
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    sizeBytes: a.size_bytes,
    uploadedAt: iso(a.uploaded_at),
  }));
  return {
    ...presentAppealListItem(ctx, { ...row, applicant_name: rel.citizen?.full_name ?? null, assignee_name: rel.assigneeName }),
    text: row.text,
    form: row.form,
    language: coded(ref.languages, locale, row.language_code),
    category: category ? { id: category.id, code: category.code, name: localizedName(category, locale) } : null,
    position: named(ref.positions, locale, row.position_id),
    citizen: presentCitizen(rel, ctx.showPersonalData),
    receivedAt: iso(row.received_at),
    receivedBy: row.received_by_name,
    term: row.term,
    termUnit: row.term_unit,
    originalDueAt: iso(row.original_due_at),
    forwardDueAt: iso(row.forward_due_at),
    parent: rel.parent,
    duplicateOf: rel.duplicateOf,
    outcome: row.outcome,
    answerCharacter: row.answer_character,
    answerText: row.answer_text,
    version: row.version,
    events: rel.events.map((e) => presentEvent(ref, locale, e)),
    forwards,
    extensions,
    attachments,
    transitions,
    extensionLimitDate,
  };
}

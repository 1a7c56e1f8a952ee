import type { CitizenInput, CreateAppealBody } from "@bailanys/common/api/appeals";
import type { ContactDto, LogEntryDto } from "@bailanys/common/api/contacts";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { validateIinOrBin } from "@bailanys/common/identity-number";
import { isLocale, type Locale } from "@bailanys/common/locales";
import { almatyInputToIso, isoToAlmatyInput } from "../../lib/almatyInput.ts";
import { errorText } from "../../lib/errorText.ts";
import type { AppealFormErrors, AppealFormValues } from "../appeals/appealForm.ts";

/** The channel code appeals from the web chat are registered under. */
const WEB_CHAT = "web_chat";

const activeCode = (rows: readonly { code: string; active: boolean }[], preferred: string): string | null =>
  rows.find((r) => r.code === preferred && r.active)?.code ?? rows.find((r) => r.active)?.code ?? null;

/**
 * The registration form filled from the conversation: the citizen's details as given in the chat (they agreed to
 * the processing of their data to start it), its language and topic, the web-chat channel, the moment the chat
 * arrived and what the citizen wrote.
 */
export function valuesFromContact(contact: ContactDto, entries: readonly LogEntryDto[], reference: ReferenceDto, fallback: Locale): AppealFormValues {
  const topic = reference.classifier.find((c) => c.id === contact.topic?.id && c.active);
  const citizenText = entries
    .filter((e) => e.kind === "message" && e.author === "citizen" && e.body)
    .map((e) => e.body ?? "")
    .join("\n");
  return {
    iin: "",
    fullName: contact.citizen?.name ?? contact.visitor.name ?? "",
    phone: contact.visitor.phone ?? "",
    email: contact.visitor.email ?? "",
    preferredLanguage: isLocale(contact.locale) ? contact.locale : fallback,
    consent: true,
    typeCode: topic?.defaultTypeCode ?? null,
    categoryId: topic?.id ?? null,
    criticalityCode: activeCode(reference.criticality, "normal"),
    languageCode: activeCode(reference.languages, contact.language.code),
    form: "electronic",
    channelCode: activeCode(reference.channels, reference.channels.some((c) => c.code === WEB_CHAT && c.active) ? WEB_CHAT : contact.channel.code),
    bodyId: topic?.bodyId ?? null,
    unitId: topic?.bodyId ? topic.unitId : null,
    positionId: null,
    subject: contact.topic?.name ?? "",
    text: citizenText,
    receivedAt: isoToAlmatyInput(contact.arrivedAt),
  };
}

const optional = (value: string | null): string | undefined => (value === null || value.trim() === "" ? undefined : value.trim());

/** What the form still lacks, in the server's words (same catalogue), keyed by the server's field paths. */
export function checkAppealValues(values: AppealFormValues, useRecord: boolean, locale: Locale): AppealFormErrors {
  const found: AppealFormErrors = {};
  const required = errorText("FIELD_REQUIRED", locale);
  if (values.typeCode === null) {
    found.typeCode = required;
  }
  if (!useRecord && values.fullName.trim() === "") {
    found["citizen.fullName"] = required;
  }
  if (values.subject.trim() === "") {
    found.subject = required;
  }
  if (values.text.trim() === "") {
    found.text = required;
  }
  if (almatyInputToIso(values.receivedAt) === null) {
    found.receivedAt = errorText("DATE_INVALID", locale);
  }
  const iin = values.iin.trim();
  if (!useRecord && iin !== "") {
    const result = validateIinOrBin(iin);
    if (!result.ok) {
      found["citizen.iin"] = errorText(result.code, locale);
    }
  }
  return found;
}

/** The POST /appeals body: linked to the conversation, for the matched citizen record or the details typed in. */
export function appealBody(values: AppealFormValues, typeCode: string, contactId: string, citizenId: string | null): CreateAppealBody {
  const citizen: CitizenInput = {
    fullName: values.fullName.trim(),
    iin: optional(values.iin),
    phone: optional(values.phone),
    email: optional(values.email),
    preferredLanguage: values.preferredLanguage,
    consent: values.consent ? { given: true, source: values.channelCode ?? WEB_CHAT } : undefined,
  };
  return {
    typeCode,
    ...(citizenId === null ? { citizen } : { citizenId }),
    subject: values.subject.trim(),
    text: values.text.trim(),
    categoryId: optional(values.categoryId),
    criticalityCode: optional(values.criticalityCode),
    languageCode: optional(values.languageCode),
    form: values.form,
    channelCode: optional(values.channelCode),
    bodyId: optional(values.bodyId),
    unitId: optional(values.unitId),
    positionId: optional(values.positionId),
    receivedAt: almatyInputToIso(values.receivedAt) ?? undefined,
    contactId,
  };
}

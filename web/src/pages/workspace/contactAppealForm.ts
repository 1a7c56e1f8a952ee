import type { ContactDto, LogEntryDto } from "@bailanys/common/api/contacts";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { isLocale, type Locale } from "@bailanys/common/locales";
import { isoToAlmatyInput } from "../../lib/almatyInput.ts";
import type { AppealFormValues } from "../appeals/appealForm.ts";

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

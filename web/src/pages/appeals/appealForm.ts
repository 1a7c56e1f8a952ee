import type { APPEAL_FORMS, CitizenInput, CreateAppealBody } from "@bailanys/common/api/appeals";
import { validateIinOrBin } from "@bailanys/common/identity-number";
import type { Locale } from "@bailanys/common/locales";
import { almatyInputToIso } from "../../lib/almatyInput.ts";
import { errorText } from "../../lib/errorText.ts";

/** What the registration form holds; Select values are null until chosen. */
export interface AppealFormValues {
  iin: string;
  fullName: string;
  phone: string;
  email: string;
  preferredLanguage: Locale;
  consent: boolean;
  typeCode: string | null;
  categoryId: string | null;
  criticalityCode: string | null;
  languageCode: string | null;
  form: (typeof APPEAL_FORMS)[number];
  channelCode: string | null;
  bodyId: string | null;
  unitId: string | null;
  positionId: string | null;
  subject: string;
  text: string;
  /** Almaty wall-clock time, "YYYY-MM-DD HH:mm:ss". */
  receivedAt: string | null;
}

/** The server's field paths (CreateAppealBody) that have an input on the form. */
export const APPEAL_FORM_FIELDS = [
  "citizen",
  "citizen.iin",
  "citizen.fullName",
  "citizen.phone",
  "citizen.email",
  "citizen.preferredLanguage",
  "typeCode",
  "categoryId",
  "criticalityCode",
  "languageCode",
  "form",
  "channelCode",
  "bodyId",
  "unitId",
  "positionId",
  "subject",
  "text",
  "receivedAt",
] as const;
export type AppealFormField = (typeof APPEAL_FORM_FIELDS)[number];
export type AppealFormErrors = Partial<Record<AppealFormField, string>>;

/** Which server field path each form value is reported under. */
export const VALUE_FIELD: Record<keyof AppealFormValues, AppealFormField> = {
  iin: "citizen.iin",
  fullName: "citizen.fullName",
  phone: "citizen.phone",
  email: "citizen.email",
  preferredLanguage: "citizen.preferredLanguage",
  consent: "citizen",
  typeCode: "typeCode",
  categoryId: "categoryId",
  criticalityCode: "criticalityCode",
  languageCode: "languageCode",
  form: "form",
  channelCode: "channelCode",
  bodyId: "bodyId",
  unitId: "unitId",
  positionId: "positionId",
  subject: "subject",
  text: "text",
  receivedAt: "receivedAt",
};

const optional = (value: string | null): string | undefined => (value === null || value.trim() === "" ? undefined : value.trim());

/** Who the appeal is for: the details typed in the form, or an existing citizen record (operator window). */
export type AppealApplicant = { kind: "typed" } | { kind: "record"; citizenId: string };

/** What the form still lacks, in the server's words (same catalogue), keyed by the server's field paths. */
export function checkAppealValues(values: AppealFormValues, applicant: AppealApplicant, locale: Locale): AppealFormErrors {
  const found: AppealFormErrors = {};
  const required = errorText("FIELD_REQUIRED", locale);
  if (values.typeCode === null) {
    found.typeCode = required;
  }
  if (applicant.kind === "typed" && values.fullName.trim() === "") {
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
  if (applicant.kind === "typed" && iin !== "") {
    const result = validateIinOrBin(iin);
    if (!result.ok) {
      found["citizen.iin"] = errorText(result.code, locale);
    }
  }
  return found;
}

/** The POST /appeals body; `contactId` links it to the conversation it is registered from. */
export function appealRequestBody(values: AppealFormValues, typeCode: string, applicant: AppealApplicant, contactId?: string): CreateAppealBody {
  const citizen: CitizenInput = {
    fullName: values.fullName.trim(),
    iin: optional(values.iin),
    phone: optional(values.phone),
    email: optional(values.email),
    preferredLanguage: values.preferredLanguage,
    // The consent is recorded with the channel it was given through, as the law on personal data asks.
    consent: values.consent ? { given: true, source: values.channelCode ?? "operator" } : undefined,
  };
  return {
    typeCode,
    ...(applicant.kind === "record" ? { citizenId: applicant.citizenId } : { citizen }),
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
    ...(contactId ? { contactId } : {}),
  };
}

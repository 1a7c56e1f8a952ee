import { isPlausibleEmail, normalizePhone } from "@bailanys/common/contact-details";
import type { ErrorCode } from "@bailanys/common/errors";

export interface StartFormValues {
  name: string;
  topicId: string | null;
  language: string;
  phone: string;
  email: string;
  message: string;
  consent: boolean;
}

export type StartFormField = "name" | "topicId" | "language" | "phone" | "email" | "message" | "consent";
export const START_FORM_FIELDS: readonly StartFormField[] = ["name", "topicId", "language", "phone", "email", "message", "consent"];

/** The same checks the server makes, so most mistakes are shown before a round trip (codes of the catalogue). */
export function checkStartForm(values: StartFormValues): Partial<Record<StartFormField, ErrorCode>> {
  const problems: Partial<Record<StartFormField, ErrorCode>> = {};
  if (values.name.trim() === "") {
    problems.name = "FIELD_REQUIRED";
  }
  if (values.phone.trim() !== "" && normalizePhone(values.phone) === null) {
    problems.phone = "PHONE_INVALID";
  }
  if (values.email.trim() !== "" && !isPlausibleEmail(values.email.trim())) {
    problems.email = "EMAIL_INVALID";
  }
  if (!values.consent) {
    problems.consent = "CONSENT_REQUIRED";
  }
  return problems;
}

/** The conversation language to preselect: the interface's, when operators speak it, else the first offered. */
export function defaultLanguage(languages: readonly { code: string }[], locale: string): string {
  return languages.find((l) => l.code === locale)?.code ?? languages[0]?.code ?? "";
}

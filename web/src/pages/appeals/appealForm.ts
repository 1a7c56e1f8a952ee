import type { APPEAL_FORMS } from "@bailanys/common/api/appeals";
import type { Locale } from "@bailanys/common/locales";

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

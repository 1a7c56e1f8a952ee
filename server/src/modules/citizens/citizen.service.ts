import type { CitizenInput } from "@bailanys/common/api/appeals";
import { isPlausibleEmail, normalizePhone } from "@bailanys/common/contact-details";
import { validateIinOrBin } from "@bailanys/common/identity-number";
import type { Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { FieldProblem } from "../../platform/app-error.ts";

export interface CleanCitizen {
  kind: "person" | "organisation";
  iin: string | null;
  fullName: string;
  phone: string | null;
  email: string | null;
  preferredLanguage: Locale;
  address: string | null;
  consent: { givenAt: Date; source: string } | null;
}

/** Checks and normalises applicant details; problems are reported under `prefix` (e.g. "citizen.iin"). */
export function cleanCitizenInput(input: CitizenInput, prefix: string, defaultSource: string): { value: CleanCitizen; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let iin: string | null = null;
  let kind = input.kind ?? "person";
  if (input.iin !== undefined && input.iin.trim() !== "") {
    const checked = validateIinOrBin(input.iin.trim());
    if (!checked.ok) {
      problems.push({ field: `${prefix}.iin`, code: checked.code });
    } else {
      iin = input.iin.trim();
      kind = checked.kind === "bin" ? "organisation" : "person";
    }
  }
  let phone: string | null = null;
  if (input.phone !== undefined && input.phone.trim() !== "") {
    phone = normalizePhone(input.phone);
    if (phone === null) {
      problems.push({ field: `${prefix}.phone`, code: "PHONE_INVALID" });
    }
  }
  let email: string | null = null;
  if (input.email !== undefined && input.email.trim() !== "") {
    email = input.email.trim();
    if (!isPlausibleEmail(email)) {
      problems.push({ field: `${prefix}.email`, code: "EMAIL_INVALID" });
    }
  }
  const fullName = input.fullName.trim();
  if (fullName === "") {
    problems.push({ field: `${prefix}.fullName`, code: "FIELD_REQUIRED" });
  }
  const consent =
    input.consent?.given === true
      ? { givenAt: input.consent.givenAt ? new Date(input.consent.givenAt) : new Date(), source: input.consent.source ?? defaultSource }
      : null;
  return {
    value: {
      kind,
      iin,
      fullName,
      phone,
      email,
      preferredLanguage: input.preferredLanguage ?? "ru",
      address: input.address?.trim() || null,
      consent,
    },
    problems,
  };
}

/**
 * One record per person however many channels they use: an applicant with a known ИИН/БИН is updated in place
 * (contacts only overwritten when given), one without is a new record. Returns the unexecuted INSERT so the
 * caller chooses what it returns.
 */
export function citizenUpsert(trx: Db, tenantId: string, citizen: CleanCitizen) {
  const insert = trx.insertInto("citizens").values({
    tenant_id: tenantId,
    kind: citizen.kind,
    iin: citizen.iin,
    full_name: citizen.fullName,
    phone: citizen.phone,
    email: citizen.email,
    preferred_language: citizen.preferredLanguage,
    address: citizen.address,
  });
  if (citizen.iin === null) {
    return insert;
  }
  return insert.onConflict((oc) =>
    oc.columns(["tenant_id", "iin"]).doUpdateSet((eb) => ({
      full_name: eb.ref("excluded.full_name"),
      phone: sql<string | null>`coalesce(excluded.phone, citizens.phone)`,
      email: sql<string | null>`coalesce(excluded.email, citizens.email)`,
      address: sql<string | null>`coalesce(excluded.address, citizens.address)`,
      preferred_language: eb.ref("excluded.preferred_language"),
      updated_at: sql<Date>`now()`,
    })),
  );
}

/** The INSERT recording consent to processing (Law 94-V): when, through which channel, recorded by whom. */
export function consentInsert(trx: Db, tenantId: string, citizenId: string, consent: { givenAt: Date; source: string }, recordedBy: string | null) {
  return trx.insertInto("consents").values({
    tenant_id: tenantId,
    citizen_id: citizenId,
    purpose: "appeal_processing",
    source: consent.source,
    given_at: consent.givenAt,
    recorded_by: recordedBy,
  });
}

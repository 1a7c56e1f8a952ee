import type { ContactDto } from "@bailanys/common/api/contacts";
import { normalizePhone } from "@bailanys/common/contact-details";
import type { ErrorCode } from "@bailanys/common/errors";
import type { ApiFieldError } from "../../api/client.ts";

/** The server's limits of the reason (R13.3) and of the do-not-call note (R13.4). */
export const REASON_MAX = 500;
export const NOTE_MAX = 500;

export interface DialBody {
  reason: string;
  phone?: string;
}

export interface DoNotCallBody {
  phone: string;
  note: string;
}

/** The number the server calls when none is typed: the callback number the citizen left, else the one they came from. */
export function contactPhone(contact: Pick<ContactDto, "callbackPhone" | "visitor">): string | null {
  return contact.callbackPhone ?? contact.visitor.phone;
}

/**
 * What the browser checks before a call: a reason to state at its start (R13.3) and, when a number is typed,
 * one that can be a Kazakhstan number. An empty number is left to the server, which knows the contact's.
 */
export function dialProblems(reason: string, phone: string): Partial<Record<"reason" | "phone", ErrorCode>> {
  const found: Partial<Record<"reason" | "phone", ErrorCode>> = {};
  if (reason.trim() === "") {
    found.reason = "FIELD_REQUIRED";
  } else if (reason.trim().length > REASON_MAX) {
    found.reason = "FIELD_TOO_LONG";
  }
  if (phone.trim() !== "" && normalizePhone(phone) === null) {
    found.phone = "PHONE_INVALID";
  }
  return found;
}

/** The dial request: the reason trimmed, and the number only when one was typed. */
export function dialBody(reason: string, phone: string): DialBody {
  return phone.trim() === "" ? { reason: reason.trim() } : { reason: reason.trim(), phone: phone.trim() };
}

/** The number to put on the do-not-call list must be spelled out: the server has no default for it. */
export function doNotCallProblems(phone: string, note: string): Partial<Record<"phone" | "note", ErrorCode>> {
  const found: Partial<Record<"phone" | "note", ErrorCode>> = {};
  if (phone.trim() === "") {
    found.phone = "FIELD_REQUIRED";
  } else if (normalizePhone(phone) === null) {
    found.phone = "PHONE_INVALID";
  }
  if (note.trim().length > NOTE_MAX) {
    found.note = "FIELD_TOO_LONG";
  }
  return found;
}

/** The do-not-call request: the number and the note trimmed. */
export function doNotCallBody(phone: string, note: string): DoNotCallBody {
  return { phone: phone.trim(), note: note.trim() };
}

/**
 * A refusal split for a dialog that says it in place rather than in a passing notification: the problems of
 * its fields go under them, and the rest (a refusal without fields, or fields it has no input for) is the
 * dialog's message; null when every problem found its input.
 */
export function placeFailure<F extends string>(error: { message: string; fields: readonly ApiFieldError[] }, known: readonly F[]): { fields: Partial<Record<F, string>>; message: string | null } {
  const fields: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  const isKnown = (field: string): field is F => (known as readonly string[]).includes(field);
  for (const problem of error.fields) {
    if (isKnown(problem.field)) {
      fields[problem.field] ??= problem.message;
    } else {
      rest.push(problem.message);
    }
  }
  const placedAll = error.fields.length > 0 && rest.length === 0;
  return { fields, message: placedAll ? null : [error.message, ...rest].join(" ") };
}

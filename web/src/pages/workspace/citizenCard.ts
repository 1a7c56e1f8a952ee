import type { CitizenCardDto, ContactDto, TimelineItem } from "@bailanys/common/api/contacts";
import { normalizePhone } from "@bailanys/common/contact-details";
import { CONTACT_STATES, type ContactState } from "@bailanys/common/contacts";
import type { ErrorCode } from "@bailanys/common/errors";
import { validateIinOrBin } from "@bailanys/common/identity-number";

/**
 * What the card depends on: the record tied to the conversation, whether it is verified, and how many appeals
 * the conversation registered (a new one belongs in the timeline). The card is fetched again only when this
 * changes, because every fetch is audited.
 */
export function cardKey(citizenId: string | null, verified: boolean, appeals: number): string {
  return `${citizenId ?? "none"}|${verified ? "verified" : "unverified"}|${appeals}`;
}

/** The key the contact frame asks for. */
export function contactCardKey(contact: ContactDto): string {
  return cardKey(contact.citizen?.id ?? null, contact.citizen?.verified ?? false, contact.appeals.length);
}

/** The key a card answered by verify or link stands for, so the contact frame that follows fetches nothing more. */
export function answeredCardKey(card: CitizenCardDto, contact: ContactDto): string {
  return cardKey(card.citizen?.id ?? null, card.verified, contact.appeals.length);
}

export interface VerifyProblems {
  iin?: ErrorCode;
  phoneLast4?: ErrorCode;
}

/** Format checks before the audited attempt: a typo should not count as a failed verification. */
export function verifyProblems(iin: string, phoneLast4: string): VerifyProblems {
  const found: VerifyProblems = {};
  if (iin.trim() === "") {
    found.iin = "FIELD_REQUIRED";
  } else {
    const checked = validateIinOrBin(iin.trim());
    if (!checked.ok) {
      found.iin = checked.code;
    }
  }
  if (phoneLast4.trim() === "") {
    found.phoneLast4 = "FIELD_REQUIRED";
  } else if (!/^\d{4}$/.test(phoneLast4.trim())) {
    found.phoneLast4 = "FIELD_INVALID";
  }
  return found;
}

export type CitizenLookup = { ok: true; query: { iin: string } | { phone: string } } | { ok: false; code: ErrorCode };

/** A search for a record by what the operator typed: twelve digits are an ИИН/БИН, anything else must be a phone. */
export function citizenLookup(text: string): CitizenLookup {
  const value = text.trim();
  if (value === "") {
    return { ok: false, code: "FIELD_REQUIRED" };
  }
  if (/^\d{12}$/.test(value)) {
    const checked = validateIinOrBin(value);
    return checked.ok ? { ok: true, query: { iin: value } } : { ok: false, code: checked.code };
  }
  const phone = normalizePhone(value);
  return phone === null ? { ok: false, code: "PHONE_INVALID" } : { ok: true, query: { phone } };
}

/** Newest first; the server sorts already, but the card must not depend on it. */
export function timelineNewestFirst(items: readonly TimelineItem[]): TimelineItem[] {
  return [...items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** True for a contact state the window has a name for (a timeline contact's state comes as a plain string). */
export function isContactState(value: string): value is ContactState {
  return (CONTACT_STATES as readonly string[]).includes(value);
}

// ИИН (individual) and БИН (business) identification numbers, 12 digits each (DOMAIN.md §5).
import { isValidLocalDate, localDateAt } from "./calendar.ts";

export type IdentityErrorCode =
  | "IIN_INVALID_FORMAT"
  | "IIN_INVALID_CHECKSUM"
  | "IIN_INVALID_DATE"
  | "IIN_INVALID_CENTURY"
  | "BIN_INVALID_FORMAT"
  | "BIN_INVALID_CHECKSUM"
  | "BIN_INVALID_DATE"
  | "BIN_INVALID_TYPE";

export type IinResult =
  | { ok: true; kind: "iin"; birthDate: string; sex: "male" | "female" }
  | { ok: false; code: IdentityErrorCode };

export type BinResult =
  | {
      ok: true;
      kind: "bin";
      registered: string;
      entityType: "resident" | "non-resident" | "joint-ie";
      division: "head-office" | "branch" | "representative" | "peasant-farm";
    }
  | { ok: false; code: IdentityErrorCode };

const TWELVE_DIGITS = /^[0-9]{12}$/;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
const ENTITY_TYPES = { 4: "resident", 5: "non-resident", 6: "joint-ie" } as const;
const DIVISIONS = ["head-office", "branch", "representative", "peasant-farm"] as const;

// charCodeAt keeps digit access total under noUncheckedIndexedAccess; callers have checked the format.
function digit(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

function weightedMod11(first11: string, weight: (i: number) => number): number {
  let sum = 0;
  for (let i = 0; i < 11; i += 1) {
    sum += digit(first11, i) * weight(i);
  }
  return sum % 11;
}

/** Check digit for the first 11 digits, or null when both weight passes give 10. */
export function checkDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/.test(first11)) {
    throw new RangeError("checkDigit expects exactly 11 digits");
  }
  const first = weightedMod11(first11, (i) => i + 1);
  if (first !== 10) {
    return first;
  }
  const second = weightedMod11(first11, (i) => SECOND_WEIGHTS[i] ?? 0);
  return second === 10 ? null : second;
}

function hasValidCheckDigit(s: string): boolean {
  return checkDigit(s.slice(0, 11)) === digit(s, 11);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Validates an ИИН: format, check digit, century/sex digit, and a real birth date not in the future. */
export function validateIin(value: string, today: Date = new Date()): IinResult {
  const s = value.trim();
  if (!TWELVE_DIGITS.test(s)) {
    return { ok: false, code: "IIN_INVALID_FORMAT" };
  }
  // Checksum before the date: a mistyped digit is far more likely than a well-formed number with a bad date.
  if (!hasValidCheckDigit(s)) {
    return { ok: false, code: "IIN_INVALID_CHECKSUM" };
  }
  const g = digit(s, 6);
  if (g < 1 || g > 6) {
    return { ok: false, code: "IIN_INVALID_CENTURY" };
  }
  const year = 1800 + 100 * Math.floor((g - 1) / 2) + Number(s.slice(0, 2));
  const birthDate = `${year}-${s.slice(2, 4)}-${s.slice(4, 6)}`;
  // Birth dates are Kazakh local dates, so "today" is taken at UTC+5, not in the machine's zone.
  if (!isValidLocalDate(birthDate) || birthDate > localDateAt(today)) {
    return { ok: false, code: "IIN_INVALID_DATE" };
  }
  return { ok: true, kind: "iin", birthDate, sex: g % 2 === 1 ? "male" : "female" };
}

/** Validates a БИН: format, check digit, entity type and division, and a registration month not in the future. */
export function validateBin(value: string, today: Date = new Date()): BinResult {
  const s = value.trim();
  if (!TWELVE_DIGITS.test(s)) {
    return { ok: false, code: "BIN_INVALID_FORMAT" };
  }
  if (!hasValidCheckDigit(s)) {
    return { ok: false, code: "BIN_INVALID_CHECKSUM" };
  }
  const t = digit(s, 4);
  const division = DIVISIONS[digit(s, 5)];
  if ((t !== 4 && t !== 5 && t !== 6) || division === undefined) {
    return { ok: false, code: "BIN_INVALID_TYPE" };
  }
  const month = Number(s.slice(2, 4));
  const yy = Number(s.slice(0, 2));
  const todayLocal = localDateAt(today);
  const currentYear = Number(todayLocal.slice(0, 4));
  // The БИН carries a two-digit year; one ahead of the current year can only be from the 1900s.
  const year = yy > currentYear % 100 ? 1900 + yy : 2000 + yy;
  const registered = `${year}-${pad(month, 2)}`;
  if (month < 1 || month > 12 || registered > todayLocal.slice(0, 7)) {
    return { ok: false, code: "BIN_INVALID_DATE" };
  }
  return { ok: true, kind: "bin", registered, entityType: ENTITY_TYPES[t], division };
}

/** Validates a number that may be either; the 5th digit (0–3 day vs 4–6 entity type) tells them apart. */
export function validateIinOrBin(value: string, today: Date = new Date()): IinResult | BinResult {
  const s = value.trim();
  if (!TWELVE_DIGITS.test(s)) {
    return { ok: false, code: "IIN_INVALID_FORMAT" };
  }
  const fifth = digit(s, 4);
  if (fifth <= 3) {
    return validateIin(s, today);
  }
  if (fifth <= 6) {
    return validateBin(s, today);
  }
  // 7–9 is neither a day's first digit nor an entity type: the number is not recognisable as either kind.
  return { ok: false, code: "IIN_INVALID_FORMAT" };
}

// Appends a check digit, stepping the serial (and wrapping) when a prefix has none.
function withCheckDigit(head: string, serial: number, serialWidth: number): string {
  const modulus = 10 ** serialWidth;
  for (let step = 0; step < modulus; step += 1) {
    const prefix = head + pad((serial + step) % modulus, serialWidth);
    const c = checkDigit(prefix);
    if (c !== null) {
      return prefix + String(c);
    }
  }
  throw new RangeError(`no serial gives a valid check digit for ${head}`);
}

/** Synthetic valid ИИН for fixtures; never use real people's numbers. */
export function makeIin(birthDate: string, sex: "male" | "female", serial: number): string {
  const year = Number(birthDate.slice(0, 4));
  if (!isValidLocalDate(birthDate) || year < 1800 || year > 2099) {
    throw new RangeError(`birth date must be a date from 1800 to 2099, got "${birthDate}"`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new RangeError(`ИИН serial must be an integer 0..9999, got ${serial}`);
  }
  const g = 1 + 2 * Math.floor((year - 1800) / 100) + (sex === "female" ? 1 : 0);
  const head = birthDate.slice(2, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10) + String(g);
  return withCheckDigit(head, serial, 4);
}

/** Synthetic valid БИН of a resident head office for fixtures. */
export function makeBin(registered: string, serial: number): string {
  const match = /^(\d{4})-(\d{2})$/.exec(registered);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || year < 1900 || year > 2099 || month < 1 || month > 12) {
    throw new RangeError(`registration must be YYYY-MM from 1900 to 2099, got "${registered}"`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 99999) {
    throw new RangeError(`БИН serial must be an integer 0..99999, got ${serial}`);
  }
  return withCheckDigit(`${registered.slice(2, 4)}${registered.slice(5, 7)}40`, serial, 5);
}

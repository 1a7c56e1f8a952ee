import { ERRORS, type ErrorCode } from "@bailanys/common/errors";
import type { Locale } from "@bailanys/common/locales";

/** The catalogue's message for a code in one language: client-side checks speak exactly like the server. */
export function errorText(code: ErrorCode, locale: Locale): string {
  return ERRORS[code].message[locale];
}

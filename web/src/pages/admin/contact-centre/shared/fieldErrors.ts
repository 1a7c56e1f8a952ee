import type { ErrorCode } from "@bailanys/common/errors";
import type { Locale } from "@bailanys/common/locales";
import type { ApiFieldError } from "../../../../api/client.ts";
import { errorText } from "../../../../lib/errorText.ts";

/** Messages a form shows under its inputs, by field key. */
export type FieldMessages = Partial<Record<string, string>>;

/** A failure's code with nothing to point at, and the field to show it under (a duplicate code at the code). */
export interface OrphanCode {
  code: string;
  field: string;
}

/**
 * The form field a server path belongs to: the path itself or its nearest known parent, since schema checks
 * may point inside a value ("hours.3.0" → "hours.3", "channels.2" → "channels"). Null when none is known.
 */
export function nearestField(path: string, known: readonly string[]): string | null {
  const parts = path.split(".");
  while (parts.length > 0) {
    const candidate = parts.join(".");
    if (known.includes(candidate)) {
      return candidate;
    }
    parts.pop();
  }
  return null;
}

/** A failure's field problems moved to the form's fields; unknown paths stay as they are, for the notification. */
export function placeFields(error: { code: string; message: string; fields: readonly ApiFieldError[] }, known: readonly string[], orphan?: OrphanCode): ApiFieldError[] {
  const fields = error.fields.map((f) => ({ ...f, field: nearestField(f.field, known) ?? f.field }));
  if (fields.length === 0 && orphan !== undefined && error.code === orphan.code) {
    fields.push({ field: orphan.field, code: error.code, message: error.message });
  }
  return fields;
}

/** The catalogue's messages for the problems a form found itself, in the interface language. */
export function messagesOf(problems: Record<string, ErrorCode>, locale: Locale): FieldMessages {
  return Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, errorText(code, locale)]));
}

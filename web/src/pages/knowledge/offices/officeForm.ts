import type { OfficeBody, OfficeDto } from "@bailanys/common/api/kb";
import type { ErrorCode } from "@bailanys/common/errors";
import { daysToHours, hoursToDays, standardWeek, validateDays, type OfficeDay } from "./officeHours.ts";

export const TEXT_FIELDS = ["nameKk", "nameRu", "nameEn", "addressKk", "addressRu", "addressEn"] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export type OfficeForm = Record<TextField, string> & {
  phone: string;
  email: string;
  days: OfficeDay[];
  /** As typed: a coordinate is optional, and a half-typed number must not jump. */
  latitude: string;
  longitude: string;
  active: boolean;
};

/** Every key the form places messages on; hours.3.breakTo goes to hours.3 (the day's row). */
export const OFFICE_FIELDS = [...TEXT_FIELDS, "phone", "email", "hours", "hours.1", "hours.2", "hours.3", "hours.4", "hours.5", "hours.6", "hours.7", "latitude", "longitude"] as const;

/** The form for an office, or a new one open on weekdays with a lunch break. */
export function officeToForm(office: OfficeDto | null): OfficeForm {
  if (office === null) {
    return { nameKk: "", nameRu: "", nameEn: "", addressKk: "", addressRu: "", addressEn: "", phone: "", email: "", days: standardWeek(), latitude: "", longitude: "", active: true };
  }
  const coordinate = (v: number | null) => (v === null ? "" : String(v));
  return { ...office, phone: office.phone ?? "", email: office.email ?? "", days: hoursToDays(office.hours), latitude: coordinate(office.latitude), longitude: coordinate(office.longitude) };
}

function coordinate(text: string, limit: number): { value: number | null; problem: ErrorCode | null } {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") {
    return { value: null, problem: null };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return { value: null, problem: "FIELD_INVALID" };
  }
  return { value, problem: Math.abs(value) > limit ? "FIELD_OUT_OF_RANGE" : null };
}

/** The form's own problems, keyed like the server's paths (hours by weekday). */
export function validateOffice(form: OfficeForm): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = validateDays(form.days);
  for (const field of TEXT_FIELDS) {
    if (form[field].trim() === "") {
      problems[field] = "FIELD_REQUIRED";
    }
  }
  if (form.email.trim() !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) {
    problems.email = "FIELD_INVALID";
  }
  const lat = coordinate(form.latitude, 90).problem;
  const lon = coordinate(form.longitude, 180).problem;
  if (lat) {
    problems.latitude = lat;
  }
  if (lon) {
    problems.longitude = lon;
  }
  return problems;
}

/** The request body; blank contacts and coordinates are sent as null. */
export function officeBody(form: OfficeForm): OfficeBody {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, form[f].trim()])) as Record<TextField, string>;
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    ...text,
    phone: orNull(form.phone),
    email: orNull(form.email),
    hours: daysToHours(form.days),
    latitude: coordinate(form.latitude, 90).value,
    longitude: coordinate(form.longitude, 180).value,
    active: form.active,
  };
}

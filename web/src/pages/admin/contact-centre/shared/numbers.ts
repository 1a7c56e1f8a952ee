import type { ErrorCode } from "@bailanys/common/errors";

/**
 * A NumberInput's value as a number, NaN while the input is empty or half-typed ("-"): the form keeps what is
 * typed instead of jumping to a default, and validation asks for a value.
 */
export function numberFrom(value: string | number): number {
  return typeof value === "number" ? value : Number.NaN;
}

/** An optional NumberInput's value: empty means "none". */
export function numberOrNull(value: string | number): number | null {
  return typeof value === "number" ? value : null;
}

/** What a NumberInput shows for a form number: nothing for NaN or null. */
export function shown(value: number | null): number | string {
  return value === null || Number.isNaN(value) ? "" : value;
}

/** The problem of a whole number that must lie in [min, max]: required when empty, out of range otherwise. */
export function rangeProblem(value: number, min: number, max: number): ErrorCode | null {
  if (Number.isNaN(value)) {
    return "FIELD_REQUIRED";
  }
  return Number.isInteger(value) && value >= min && value <= max ? null : "FIELD_OUT_OF_RANGE";
}

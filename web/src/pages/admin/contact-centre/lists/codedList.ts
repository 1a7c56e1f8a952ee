import type { CodedItem } from "@bailanys/common/api/routing-admin";
import type { ErrorCode } from "@bailanys/common/errors";

const CODE = /^[a-z0-9_.-]{1,60}$/;

/** Problems of a coded list before it is sent, keyed like the server's paths ("items.2.code"). */
export function validateCodedList(items: readonly CodedItem[]): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  items.forEach((item, i) => {
    if (!CODE.test(item.code)) {
      problems[`items.${i}.code`] = item.code === "" ? "FIELD_REQUIRED" : "FIELD_INVALID";
    } else if (items.findIndex((other) => other.code === item.code) < i) {
      problems[`items.${i}.code`] = "ALREADY_EXISTS";
    }
    for (const key of ["nameKk", "nameRu", "nameEn"] as const) {
      if (item[key].trim() === "") {
        problems[`items.${i}.${key}`] = "FIELD_REQUIRED";
      }
    }
  });
  return problems;
}

/** The field keys of the list's inputs. */
export function codedListFieldKeys(items: readonly CodedItem[]): string[] {
  return ["items", ...items.flatMap((_, i) => ["code", "nameKk", "nameRu", "nameEn", "active"].map((key) => `items.${i}.${key}`))];
}

/** Rows swapped with their neighbour (up: -1, down: +1); the list's order is the order operators see. */
export function moveRow<T>(rows: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const a = rows[index];
  const b = rows[target];
  if (a === undefined || b === undefined) {
    return [...rows];
  }
  const next = [...rows];
  next[index] = b;
  next[target] = a;
  return next;
}

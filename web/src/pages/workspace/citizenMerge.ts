import type { CitizenDto } from "@bailanys/common/api/appeals";
import { mergeSide, type MergeCitizensBody, type MergeField } from "@bailanys/common/api/citizens";

/** The two records in the merge dialog: the one the conversation is tied to and the one found by search. */
export type RecordSide = "current" | "found";

export const COMPARED_FIELDS = ["fullName", "iin", "phone", "email", "preferredLanguage"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldRow {
  field: ComparedField;
  current: string | null;
  found: string | null;
  /** The record whose value the merged person gets. */
  used: RecordSide;
  /** Both records have a value and they differ, so the operator chooses. */
  choosable: boolean;
}

const other = (side: RecordSide): RecordSide => (side === "current" ? "found" : "current");

/** The record that stays by default: the one with the ИИН/БИН when only one has it, else the conversation's. */
export function defaultKept(current: CitizenDto, found: CitizenDto): RecordSide {
  return current.iin === null && found.iin !== null ? "found" : "current";
}

/** What the merged person will look like, field by field, given which record stays and the choices made. */
export function mergeRows(current: CitizenDto, found: CitizenDto, kept: RecordSide, choices: Partial<Record<MergeField, RecordSide>>): FieldRow[] {
  const merged = other(kept);
  const records = { current, found };
  return COMPARED_FIELDS.map((field) => {
    const values = { current: current[field], found: found[field] };
    if (field === "iin") {
      return { field, ...values, used: values[kept] !== null ? kept : merged, choosable: false };
    }
    const wanted = choices[field] === undefined ? undefined : choices[field] === kept ? "kept" : "merged";
    const side = mergeSide(records[kept][field], records[merged][field], wanted);
    return { field, ...values, used: side === "kept" ? kept : merged, choosable: values.current !== null && values.found !== null && values.current !== values.found };
  });
}

/** The request body: ids by which record stays, and the details taken from the merged record. */
export function mergeBody(current: CitizenDto, found: CitizenDto, kept: RecordSide, rows: FieldRow[], reason: string): MergeCitizensBody {
  const take: NonNullable<MergeCitizensBody["take"]> = {};
  for (const row of rows) {
    if (row.field !== "iin" && row.used !== kept) {
      take[row.field] = "merged";
    }
  }
  const ids = { current: current.id, found: found.id };
  return { keptId: ids[kept], mergedId: ids[other(kept)], take, reason: reason.trim() };
}

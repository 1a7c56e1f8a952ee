import { Type, type Static } from "@sinclair/typebox";
import { CitizenDto } from "./appeals.ts";
import { Literals, Uuid } from "./shared.ts";

/** The details of a record a merge may take from either side; the ИИН/БИН always goes to the kept record. */
export const MERGE_FIELDS = ["fullName", "phone", "email", "address", "preferredLanguage"] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const Side = Literals(["kept", "merged"]);

/**
 * Two records of one person become one: the merged record's contacts, appeals, consents and notifications move
 * to the kept record and the merged record is deleted. Each detail is the kept record's unless `take` names the
 * merged one (or the kept record has none).
 */
export const MergeCitizensBody = Type.Object(
  {
    keptId: Uuid,
    mergedId: Uuid,
    take: Type.Optional(
      Type.Object(
        {
          fullName: Type.Optional(Side),
          phone: Type.Optional(Side),
          email: Type.Optional(Side),
          address: Type.Optional(Side),
          preferredLanguage: Type.Optional(Side),
        },
        { additionalProperties: false },
      ),
    ),
    reason: Type.String({ minLength: 1, maxLength: 500, description: "Why the records are one person (kept with the merge and audited)" }),
  },
  { additionalProperties: false },
);
export type MergeCitizensBody = Static<typeof MergeCitizensBody>;

export const MergeResultDto = Type.Object({
  citizen: CitizenDto,
  moved: Type.Object({ contacts: Type.Integer(), appeals: Type.Integer(), consents: Type.Integer(), notifications: Type.Integer(), identities: Type.Integer() }),
});
export type MergeResultDto = Static<typeof MergeResultDto>;

export type MergeSide = Static<typeof Side>;

/**
 * Which record a detail of the merged person comes from: the kept record's unless the merged one is asked for,
 * and whichever has one when the other is empty. The server applies it; the merge dialog previews it.
 */
export function mergeSide(kept: string | null, merged: string | null, wanted: MergeSide | undefined): MergeSide {
  if (wanted === "merged") {
    return merged !== null ? "merged" : "kept";
  }
  return kept === null && merged !== null ? "merged" : "kept";
}

/** Why two records cannot be one person: different ИИН/БИН, or a person and an organisation. */
export function mergeConflict(
  kept: { iin: string | null; kind: string },
  merged: { iin: string | null; kind: string },
): "CITIZEN_MERGE_IIN_CONFLICT" | "CITIZEN_MERGE_KIND_CONFLICT" | null {
  if (kept.iin !== null && merged.iin !== null && kept.iin !== merged.iin) {
    return "CITIZEN_MERGE_IIN_CONFLICT";
  }
  return kept.kind !== merged.kind ? "CITIZEN_MERGE_KIND_CONFLICT" : null;
}

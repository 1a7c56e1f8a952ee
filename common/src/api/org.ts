import { Type, type Static } from "@sinclair/typebox";
import { LocalizedNames, Nullable, Uuid } from "./shared.ts";

// The responses are BodyDto, UnitDto and PositionDto from ./reference.ts: the reference snapshot already serves them.

/** A state body or an outside organisation appeals are forwarded to. */
export const BodyBody = Type.Object(
  {
    bin: Type.Optional(Nullable(Type.String({ pattern: "^[0-9]{12}$", description: "БИН of the body" }))),
    ...LocalizedNames,
    isExternal: Type.Boolean({ description: "Not served by this contact centre: an appeal forwarded there leaves the system" }),
    email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type BodyBody = Static<typeof BodyBody>;

/** A department of a body; units nest through parentId within the same body. */
export const UnitBody = Type.Object(
  {
    bodyId: Uuid,
    parentId: Type.Optional(Nullable(Uuid)),
    ...LocalizedNames,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UnitBody = Static<typeof UnitBody>;

export const PositionBody = Type.Object(
  {
    unitId: Uuid,
    ...LocalizedNames,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PositionBody = Static<typeof PositionBody>;

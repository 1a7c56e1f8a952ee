import { Type, type TSchema } from "@sinclair/typebox";
import { LOCALES } from "../locales.ts";

/** Schemas reused by many endpoints. */
export const Uuid = Type.String({ format: "uuid" });
export const IsoDateTime = Type.String({ format: "date-time" });
export const LocalDate = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", examples: ["2026-03-20"] });
export const LocaleSchema = Type.Union(LOCALES.map((l) => Type.Literal(l)));
export const Code = Type.String({ pattern: "^[a-z0-9_.-]{1,60}$" });

export const LocalizedNames = {
  nameKk: Type.String({ minLength: 1, maxLength: 300 }),
  nameRu: Type.String({ minLength: 1, maxLength: 300 }),
  nameEn: Type.String({ minLength: 1, maxLength: 300 }),
};

export const FieldErrorSchema = Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() });
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Array(FieldErrorSchema)),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: "ErrorResponse" },
);

/** A page of a cursor-paginated list. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

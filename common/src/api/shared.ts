import { Type, type Static, type TSchema, type TUnsafe } from "@sinclair/typebox";
import { LOCALES } from "../locales.ts";

/**
 * A value or null. A schema of one JSON type becomes a type list (`type: ["string", "null"]`) rather than an
 * anyOf: the response serialiser writes a type list directly, but for an anyOf it runs an Ajv validation of the
 * whole value against each branch on every response (and compiles those validators on first use).
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const type: unknown = schema.type;
  const values: unknown = schema.enum;
  if (typeof type === "string" && schema.anyOf === undefined && schema.const === undefined) {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, "null"], ...(Array.isArray(values) ? { enum: [...values, null] } : {}) });
  }
  return Type.Unsafe<Static<T> | null>(Type.Union([schema, Type.Null()]));
}

/** One of the given strings: an enum rather than an anyOf of constants, for the serialiser's sake (see `Nullable`). */
export function Literals<const V extends readonly string[]>(values: V): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ type: "string", enum: [...values] });
}

/** Schemas reused by many endpoints. */
export const Uuid = Type.String({ format: "uuid" });
export const IsoDateTime = Type.String({ format: "date-time" });
export const LocalDate = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", examples: ["2026-03-20"] });
export const LocaleSchema = Literals(LOCALES);
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
  return Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
}

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

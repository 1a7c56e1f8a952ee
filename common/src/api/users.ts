import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { ROLES } from "../permissions.ts";
import { IsoDateTime, Literals, LocaleSchema, Nullable, Uuid } from "./shared.ts";

export const RoleSchema = Literals(ROLES);

/** A staff account as the administration screens show it; the password hash never leaves the server. */
export const UserDto = Type.Object({
  id: Uuid,
  login: Type.String(),
  fullName: Type.String(),
  email: Nullable(Type.String()),
  roles: Type.Array(RoleSchema),
  locale: LocaleSchema,
  bodyId: Nullable(Uuid),
  unitId: Nullable(Uuid),
  positionId: Nullable(Uuid),
  active: Type.Boolean(),
  lockedUntil: Nullable(Type.String({ format: "date-time", description: "Set only while sign-in is locked after failed attempts" })),
  lastLoginAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
});
export type UserDto = Static<typeof UserDto>;

export const UserList = Type.Object({ items: Type.Array(UserDto) });
export type UserList = Static<typeof UserList>;

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Part of the login or the full name" })),
    role: Type.Optional(RoleSchema),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

const Password = Type.String({ minLength: 10, maxLength: 200 });
const OptionalNullable = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

// Where the user works: a unit must belong to the body and a position to the unit.
const UserFields = {
  fullName: Type.String({ minLength: 1, maxLength: 300 }),
  email: OptionalNullable(Type.String({ maxLength: 200 })),
  roles: Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length }),
  locale: LocaleSchema,
  bodyId: OptionalNullable(Uuid),
  unitId: OptionalNullable(Uuid),
  positionId: OptionalNullable(Uuid),
};

export const CreateUserBody = Type.Object(
  {
    login: Type.String({ pattern: "^[a-zA-Z0-9._-]{3,60}$", description: "Unique regardless of letter case" }),
    ...UserFields,
    password: Password,
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object({ ...UserFields, active: Type.Boolean() }, { additionalProperties: false });
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const PasswordBody = Type.Object({ password: Password }, { additionalProperties: false });
export type PasswordBody = Static<typeof PasswordBody>;

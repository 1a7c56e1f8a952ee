import { Type, type Static } from "@sinclair/typebox";
import { ROLES } from "../permissions.ts";
import { IsoDateTime, LocaleSchema, Uuid } from "./shared.ts";

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

/** A staff account as the administration screens show it; the password hash never leaves the server. */
export const UserDto = Type.Object({
  id: Uuid,
  login: Type.String(),
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleSchema),
  locale: LocaleSchema,
  bodyId: Type.Union([Uuid, Type.Null()]),
  unitId: Type.Union([Uuid, Type.Null()]),
  positionId: Type.Union([Uuid, Type.Null()]),
  active: Type.Boolean(),
  lockedUntil: Type.Union([IsoDateTime, Type.Null()], { description: "Set only while sign-in is locked after failed attempts" }),
  lastLoginAt: Type.Union([IsoDateTime, Type.Null()]),
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
const OptionalNullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

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

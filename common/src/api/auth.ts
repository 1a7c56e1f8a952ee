import { Type, type Static } from "@sinclair/typebox";
import { PERMISSIONS, ROLES } from "../permissions.ts";
import { IsoDateTime, Literals, LocaleSchema, Nullable, Uuid } from "./shared.ts";

export const LoginBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object({
  id: Uuid,
  tenantId: Uuid,
  login: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(Literals(ROLES)),
  permissions: Type.Array(Literals(PERMISSIONS)),
  locale: LocaleSchema,
  bodyId: Nullable(Uuid),
  unitId: Nullable(Uuid),
  csrfToken: Nullable(Type.String()),
});
export type Me = Static<typeof Me>;

/** Who is signed in on this browser, if anyone: the web app asks at start-up, also on the citizens' pages. */
export const SessionProbe = Type.Object({ user: Nullable(Me) });
export type SessionProbe = Static<typeof SessionProbe>;

export const LoginResponse = Type.Object({
  token: Type.String({ description: "Bearer token of the session (the same session as the cookie)" }),
  csrfToken: Type.String({ description: "Send as X-CSRF-Token on writes made with the session cookie" }),
  expiresAt: IsoDateTime,
  user: Me,
});
export type LoginResponse = Static<typeof LoginResponse>;

export const UpdateMeBody = Type.Object({ locale: LocaleSchema }, { additionalProperties: false });

/** The signed-in user's own account page: who they are, and what they may change themselves. */
export const AccountDto = Type.Object({
  login: Type.String(),
  fullName: Type.String(),
  email: Nullable(Type.String()),
  roles: Type.Array(Literals(ROLES)),
  locale: LocaleSchema,
  /** Staff notifications (escalations, knowledge review reminders) also by e-mail, when there is an address. */
  emailNotifications: Type.Boolean(),
  /** The sign-in before this session's, and from where, so a person notices one that was not theirs. */
  previousSignIn: Nullable(Type.Object({ at: IsoDateTime, ip: Nullable(Type.String()) })),
  /** Failed sign-ins to this account since that previous sign-in. */
  failedSignInsSince: Type.Integer(),
});
export type AccountDto = Static<typeof AccountDto>;
export const UpdateAccountBody = Type.Object({ emailNotifications: Type.Boolean() }, { additionalProperties: false });
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;
/** The same rule as a password an administrator sets (at least 10 characters). */
export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 10, maxLength: 200 }) },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const ApiTokenSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  userId: Uuid,
  tokenPrefix: Type.String(),
  createdAt: IsoDateTime,
  expiresAt: Nullable(IsoDateTime),
  lastUsedAt: Nullable(IsoDateTime),
  revokedAt: Nullable(IsoDateTime),
});
export type ApiTokenDto = Static<typeof ApiTokenSchema>;

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    userId: Type.Optional(Uuid),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

export const CreatedApiToken = Type.Object({ token: Type.String(), apiToken: ApiTokenSchema });

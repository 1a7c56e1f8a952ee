import {
  AccountDto,
  ApiTokenSchema,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  LoginBody,
  LoginResponse,
  Me,
  SessionProbe,
  UpdateAccountBody,
  UpdateMeBody,
} from "@bailanys/common/api/auth";
import { Uuid } from "@bailanys/common/api/shared";
import { Type } from "@sinclair/typebox";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { SESSION_COOKIE } from "../../platform/authenticate.ts";
import { changeOwnPassword, readAccount, updateOwnAccount } from "./account.service.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-token.service.ts";
import { presentApiToken, presentMe } from "./auth.presenter.ts";
import { login, logout, updateOwnLocale } from "./auth.service.ts";
import { requireActor } from "../../platform/require-actor.ts";

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/auth/login",
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: { tags: ["auth"], summary: "Sign in", body: LoginBody, response: { 200: LoginResponse } },
    },
    async (request, reply) => {
      const result = await login(app.db, app.config, request.body, request.meta);
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: "strict",
        secure: app.config.secureCookies,
        path: "/",
        expires: result.expiresAt,
      });
      return {
        token: result.token,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt.toISOString(),
        user: presentMe(result.actor, result.csrfToken),
      };
    },
  );

  app.post(
    "/auth/logout",
    { config: { anyUser: true }, schema: { tags: ["auth"], summary: "Sign out", response: { 204: Type.Null() } } },
    async (request, reply) => {
      await logout({ db: app.db, bus: app.bus }, requireActor(request), request.meta);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/session",
    // Public: an answer of "nobody" is not an error here (a citizen's chat page asks too).
    { config: { public: true, rateLimit: { max: 120, timeWindow: "1 minute" } }, schema: { tags: ["auth"], summary: "The signed-in user, or null when nobody is signed in", response: { 200: SessionProbe } } },
    async (request) => ({ user: request.actor ? presentMe(request.actor, request.actor.csrfToken) : null }),
  );

  app.get(
    "/auth/me",
    { config: { anyUser: true }, schema: { tags: ["auth"], summary: "The signed-in user", response: { 200: Me } } },
    async (request) => {
      const actor = requireActor(request);
      return presentMe(actor, actor.csrfToken);
    },
  );

  app.patch(
    "/auth/me",
    {
      config: { anyUser: true },
      schema: { tags: ["auth"], summary: "Change my interface language", body: UpdateMeBody, response: { 200: Me } },
    },
    async (request) => {
      const actor = await updateOwnLocale({ db: app.db, bus: app.bus }, requireActor(request), request.meta, request.body.locale);
      return presentMe(actor, actor.csrfToken);
    },
  );

  app.get(
    "/auth/me/account",
    { config: { anyUser: true }, schema: { tags: ["auth"], summary: "My account: who I am and my own settings", response: { 200: AccountDto } } },
    async (request) => readAccount(app.db, requireActor(request)),
  );

  app.patch(
    "/auth/me/account",
    { config: { anyUser: true }, schema: { tags: ["auth"], summary: "Turn my staff notifications by e-mail on or off", body: UpdateAccountBody, response: { 200: AccountDto } } },
    async (request) => updateOwnAccount(app.db, requireActor(request), request.meta, request.body),
  );

  app.post(
    "/auth/me/password",
    {
      // Per person, not per address: a centre's operators share one address behind its gateway.
      config: { anyUser: true, rateLimit: { max: 5, timeWindow: "1 minute", keyGenerator: (request: { actor?: { userId: string } | null; ip: string }) => `password:${request.actor?.userId ?? request.ip}` } },
      schema: { tags: ["auth"], summary: "Change my password (the current one is required); my other sessions end", body: ChangePasswordBody, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await changeOwnPassword({ db: app.db, bus: app.bus, config: app.config }, requireActor(request), request.meta, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/auth/tokens",
    {
      config: { permission: "tokens.manage" },
      schema: { tags: ["auth"], summary: "API tokens of the tenant", response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }) } },
    },
    async (request) => ({ items: (await listApiTokens(app.db, requireActor(request))).map(presentApiToken) }),
  );

  app.post(
    "/auth/tokens",
    {
      config: { permission: "tokens.manage" },
      schema: { tags: ["auth"], summary: "Issue an API token", body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
    },
    async (request, reply) => {
      const { token, row } = await createApiToken(app.db, requireActor(request), request.meta, request.body);
      return reply.status(201).send({ token, apiToken: presentApiToken(row) });
    },
  );

  app.delete(
    "/auth/tokens/:id",
    {
      config: { permission: "tokens.manage" },
      schema: { tags: ["auth"], summary: "Revoke an API token", params: Type.Object({ id: Uuid }), response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await revokeApiToken({ db: app.db, bus: app.bus }, requireActor(request), request.meta, request.params.id);
      return reply.status(204).send(null);
    },
  );
};

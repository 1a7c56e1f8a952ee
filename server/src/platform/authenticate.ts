import { isLocale, localeFromAcceptLanguage } from "@bailanys/common/locales";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { resolveToken } from "../modules/auth/auth.service.ts";
import { sendError } from "./error-handler.ts";

export const SESSION_COOKIE = "bailanys_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header && header.toLowerCase().startsWith("bearer ")) {
    return header.slice(7).trim();
  }
  return null;
}

function queryLocale(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = query?.lang;
  return typeof lang === "string" ? lang : undefined;
}

/**
 * Resolves the caller and enforces what the route declares, before the body is parsed or validated, so that an
 * unauthorised caller learns nothing from validation messages. Cookie sessions need the CSRF header on writes;
 * bearer tokens are not sent by browsers on their own and need none.
 */
export function installAuthentication(app: FastifyInstance): void {
  app.decorate("routeCatalog", []);
  app.decorateRequest("actor", null);
  app.decorateRequest("locale", "ru");
  app.decorateRequest("meta", null as never);

  app.addHook("onRoute", (route) => {
    const config = route.config ?? {};
    const declared = [config.public === true, config.anyUser === true, config.permission !== undefined].filter(Boolean);
    if (route.method === "HEAD") {
      return;
    }
    if (declared.length !== 1) {
      throw new Error(`Route ${String(route.method)} ${route.url} must declare exactly one of public, anyUser, permission`);
    }
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      app.routeCatalog.push({
        method: String(method),
        url: route.url,
        access: config.public ? "public" : config.anyUser ? "anyUser" : (config.permission ?? "public"),
        hasBody: route.schema?.body !== undefined,
        hasQuery: route.schema?.querystring !== undefined,
      });
    }
  });

  app.addHook("onRequest", async (request, reply) => {
    const explicit = queryLocale(request);
    request.locale = isLocale(explicit) ? explicit : localeFromAcceptLanguage(request.headers["accept-language"]);
    request.meta = {
      ip: request.ip,
      userAgent: request.headers["user-agent"]?.slice(0, 300) ?? null,
      requestId: request.id,
    };

    const bearer = bearerToken(request);
    const cookie = bearer === null ? (request.cookies[SESSION_COOKIE] ?? null) : null;
    const token = bearer ?? cookie;
    if (token) {
      const resolved = await resolveToken(app.db, token);
      if (resolved) {
        request.actor = resolved.actor;
        if (!isLocale(explicit)) {
          request.locale = resolved.actor.locale;
        }
        if (cookie !== null && !SAFE_METHODS.has(request.method) && resolved.csrfToken !== request.headers[CSRF_HEADER]) {
          return sendError(reply, request, "CSRF_FAILED");
        }
      }
    }

    const config = request.routeOptions.config;
    // Unmatched URLs have no route options: let the not-found handler answer them.
    if (config.public || request.routeOptions.url === undefined) {
      return;
    }
    if (!request.actor) {
      return sendError(reply, request, "UNAUTHENTICATED");
    }
    if (config.permission && !request.actor.permissions.has(config.permission)) {
      return sendError(reply, request, "FORBIDDEN");
    }
  });
}

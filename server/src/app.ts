import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance } from "fastify";
import fastifyWebsocket from "@fastify/websocket";
import type { Db } from "./db/database.ts";
import type { EventBus } from "./realtime/event-bus.ts";
import { installAuthentication } from "./platform/authenticate.ts";
import type { Config } from "./platform/config.ts";
import { installErrorHandler } from "./platform/error-handler.ts";
import { installIdempotentReplay } from "./platform/idempotent-replay.ts";
import "./platform/fastify-types.ts";
import { loggerOptions } from "./platform/logger.ts";
import { installSecurityHeaders } from "./platform/security-headers.ts";
import { apiRoutes } from "./api-routes.ts";
import { installRealtime } from "./realtime/realtime.ts";
import { followAuthChanges } from "./modules/auth/actor-cache.ts";

export interface BuildAppOptions {
  config: Config;
  db: Db;
  /** Fan-out of live events across processes (LISTEN/NOTIFY on the same database). */
  bus: EventBus;
  /** Set when migrations have run; /healthz answers 503 before that. */
  ready?: boolean;
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/** Builds the HTTP application: shared infrastructure once, then every module under /api/v1. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: loggerOptions(config),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: "array" } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate("db", options.db);
  app.decorate("config", config);
  app.decorate("bus", options.bus);
  app.decorate("state", { ready: options.ready ?? true });
  // Remembered sign-ins follow changes made on any node.
  const stopFollowingAuth = followAuthChanges(options.bus);
  app.addHook("onClose", async () => stopFollowingAuth());

  installErrorHandler(app);
  installSecurityHeaders(app, { https: config.secureCookies });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Bailanys API",
        version: "1.0.0",
        description: "Contact-centre platform for the administrative bodies of Kazakhstan (Order 443/НҚ).",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "bailanys_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  installAuthentication(app);
  installRealtime(app);
  installIdempotentReplay(app);

  app.get("/healthz", { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    if (!app.state.ready) {
      return reply.status(503).send({ status: "starting" });
    }
    return { status: "ok" };
  });

  await app.register(apiRoutes, { prefix: "/api/v1" });

  if (existsSync(path.join(WEB_DIST, "index.html"))) {
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
    // Built assets by path; every other page is a client-side route of the single-page app.
    app.get("/*", { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const urlPath = decodeURIComponent(request.url.split("?")[0] ?? "/");
      if (urlPath.startsWith("/api/")) {
        return reply.callNotFound();
      }
      const file = path.normalize(urlPath).replace(/^(\.\.[/\\])+/, "").slice(1);
      if (file !== "" && existsSync(path.join(WEB_DIST, file)) && !file.endsWith("/")) {
        const immutable = file.startsWith("assets/");
        return reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache").sendFile(file);
      }
      return reply.header("cache-control", "no-cache").type("text/html").sendFile("index.html");
    });
  }
  return app;
}

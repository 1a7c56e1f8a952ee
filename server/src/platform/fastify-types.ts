import type { Locale } from "@bailanys/common/locales";
import type { Permission } from "@bailanys/common/permissions";
import type { Db } from "../db/database.ts";
import type { EventBus } from "../realtime/event-bus.ts";
import type { Hub } from "../realtime/hub.ts";
import type { Actor, RequestMeta } from "./actor.ts";
import type { Config } from "./config.ts";

export interface RouteEntry {
  method: string;
  url: string;
  access: "public" | "anyUser" | Permission;
  hasBody: boolean;
  hasQuery: boolean;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The permission a caller needs; every route declares this or `public`. */
    permission?: Permission;
    /** Reachable without signing in (login, public status page, health, the due-date calculator). */
    public?: boolean;
    /** Signed-in users of any role (their own profile, sign-out). */
    anyUser?: boolean;
    /** A creation that honours Idempotency-Key through the generic replay (platform/idempotent-replay.ts). */
    idempotent?: boolean;
  }
  interface FastifyInstance {
    db: Db;
    bus: EventBus;
    /** This process's sockets: contact streams, operators, boards, waiting citizens. */
    hub: Hub;
    config: Config;
    state: { ready: boolean };
    /** Every route with what it requires, collected as routes are registered (tests check each × role). */
    routeCatalog: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    meta: RequestMeta;
    /** The Idempotency-Key this request claimed, until its answer is stored. */
    idempotencyKey: string | null;
  }
}

import { randomUUID } from "node:crypto";
import { ROLE_PERMISSIONS, ROLES, type Role } from "@bailanys/common/permissions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser, signIn, startTestApp, type ApiClient, type TestContext } from "../test/harness.ts";
import type { RouteEntry } from "./fastify-types.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

let ctx: TestContext;
const clients = new Map<Role, ApiClient>();

beforeAll(async () => {
  ctx = await startTestApp();
  const tenant = await buildTenant(ctx.db);
  for (const role of ROLES) {
    const user = await buildUser(ctx.db, tenant.tenantId, { roles: [role], unitId: tenant.unitId, bodyId: tenant.bodyId });
    clients.set(role, await signIn(ctx.app, user));
  }
});
afterAll(async () => ctx.close());

const LOGOUT = "POST /api/v1/auth/logout";

/** Harmless values for path parameters: ids nobody has, codes and numbers that do not exist. */
function fillParams(url: string): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === "code") {
      return "zz_none";
    }
    if (name === "date") {
      return "2026-01-05";
    }
    if (name === "number") {
      return "NONE-1";
    }
    if (name === "year") {
      return "2026";
    }
    if (name === "extension") {
      return "99999";
    }
    if (name === "key" || name === "ref") {
      return "zz_none";
    }
    if (name === "locale") {
      return "kk";
    }
    if (/id$/i.test(name)) {
      return randomUUID();
    }
    // A new kind of parameter needs a harmless value here; guessing one could hit real data.
    throw new Error(`no harmless value for path parameter :${name} in ${url}`);
  });
}

function routes(): RouteEntry[] {
  const all = ctx.app.routeCatalog.filter((r) => r.url !== "/*" && r.url !== "/healthz");
  // Signing out ends the session the other checks run on, so it goes last.
  return [...all.filter((r) => `${r.method} ${r.url}` !== LOGOUT), ...all.filter((r) => `${r.method} ${r.url}` === LOGOUT)];
}

async function send(route: RouteEntry, token: string | null) {
  const response = await ctx.app.inject({
    method: route.method as Method,
    url: fillParams(route.url),
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    ...(route.hasBody ? { payload: {} } : {}),
  });
  // File downloads (exports, recordings) answer with their bytes; errors are always JSON.
  const json = String(response.headers["content-type"] ?? "").includes("json");
  const body = response.body === "" || !json ? null : (JSON.parse(response.body) as { error?: { code: string } } | null);
  return { status: response.statusCode, code: body?.error?.code };
}

describe("route permissions", () => {
  it("the route catalogue lists the whole API, each route with exactly one access rule", () => {
    const list = routes();
    expect(list.length).toBeGreaterThan(40);
    for (const route of list) {
      expect(route.access === "public" || route.access === "anyUser" || Object.values(ROLE_PERMISSIONS).some((p) => p.includes(route.access as never)), `${route.method} ${route.url}`).toBe(true);
    }
    // The sign-in and the public status page must stay reachable without an account; everything else must not.
    expect(list.find((r) => r.url === "/api/v1/auth/login")?.access).toBe("public");
    expect(list.find((r) => r.method === "GET" && r.url === "/api/v1/appeals/:id")?.access).toBe("appeal.read");
  });

  it("asks for credentials on every route that is not public", async () => {
    const answers: string[] = [];
    for (const route of routes()) {
      const { status, code } = await send(route, null);
      if (route.access === "public") {
        expect([401, 403], `${route.method} ${route.url}`).not.toContain(status);
      } else {
        answers.push(`${route.method} ${route.url} → ${status} ${code}`);
        expect(`${status} ${code}`, `${route.method} ${route.url}`).toBe("401 UNAUTHENTICATED");
      }
    }
    expect(answers.length).toBeGreaterThan(30);
  });

  it("forbids exactly what a role lacks, for every route and every role", async () => {
    const exercised = new Set<string>();
    const sequence = new Map<Role, string[]>();
    let forbidden = 0;
    let allowed = 0;
    for (const role of ROLES) {
      const client = clients.get(role);
      if (!client) {
        throw new Error(`no client for ${role}`);
      }
      const granted = new Set<string>(ROLE_PERMISSIONS[role]);
      const order: string[] = [];
      sequence.set(role, order);
      for (const route of routes()) {
        const key = `${route.method} ${route.url}`;
        const { status, code } = await send(route, client.token);
        order.push(key);
        exercised.add(`${role} ${key}`);
        const where = `${role}: ${key} → ${status} ${code ?? ""}`;
        if (route.access === "public" || route.access === "anyUser" || granted.has(route.access)) {
          expect([401, 403], where).not.toContain(status);
          // Harmless input (empty body, ids nobody has) is answered, never a crash.
          expect(status, where).toBeLessThan(500);
          allowed += 1;
        } else {
          expect(`${status} ${code}`, where).toBe("403 FORBIDDEN");
          forbidden += 1;
        }
      }
    }

    // Every non-public route was tried by every role, and both answers actually occurred.
    for (const route of routes().filter((r) => r.access !== "public")) {
      for (const role of ROLES) {
        expect(exercised.has(`${role} ${route.method} ${route.url}`), `${role} ${route.method} ${route.url}`).toBe(true);
      }
    }
    expect(forbidden).toBeGreaterThan(100);
    expect(allowed).toBeGreaterThan(100);

    // Sign-out ran last for each user, and it did end the session the other checks used.
    for (const role of ROLES) {
      const order = sequence.get(role) ?? [];
      expect(order.indexOf(LOGOUT), role).toBe(order.length - 1);
      const me = await clients.get(role)?.get("/api/v1/auth/me");
      expect(me?.status, role).toBe(401);
    }
  });
});

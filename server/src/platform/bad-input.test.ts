import { randomUUID } from "node:crypto";
import { ERRORS, isErrorCode } from "@bailanys/common/errors";
import { LOCALES, type Locale } from "@bailanys/common/locales";
import { ROLES } from "@bailanys/common/permissions";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser, signIn, startTestApp, type ApiClient, type TestContext } from "../test/harness.ts";
import type { RouteEntry } from "./fastify-types.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
interface ErrorReply {
  error: { code: string; message: string; fields?: { field: string; code: string; message: string }[]; requestId?: string };
}

let ctx: TestContext;
let everything: ApiClient;
let tables: string[];

beforeAll(async () => {
  ctx = await startTestApp();
  const tenant = await buildTenant(ctx.db);
  everything = await signIn(ctx.app, await buildUser(ctx.db, tenant.tenantId, { roles: [...ROLES], unitId: tenant.unitId, bodyId: tenant.bodyId }));
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
     order by table_name`.execute(ctx.db);
  tables = rows.rows.map((r) => r.table_name);
});
afterAll(async () => ctx.close());

/** Row counts of every table, in one statement. */
async function rowCounts(): Promise<Record<string, number>> {
  const parts = tables.map((t) => sql`select ${t} as t, count(*) as n from ${sql.table(t)}`);
  const result = await sql<{ t: string; n: number }>`${sql.join(parts, sql` union all `)}`.execute(ctx.db);
  return Object.fromEntries(result.rows.map((r) => [r.t, Number(r.n)]));
}

function fillParams(url: string): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => {
    const value = { code: "zz_none", date: "2026-01-05", number: "NONE-1", year: "2026", extension: "99999", key: "zz_none", ref: "zz_none", locale: "kk" }[name];
    if (value !== undefined) {
      return value;
    }
    if (/id$/i.test(name)) {
      return randomUUID();
    }
    throw new Error(`no harmless value for path parameter :${name} in ${url}`);
  });
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const routes = () => ctx.app.routeCatalog.filter((r) => r.url !== "/*" && r.url !== "/healthz");
const bodyRoutes = () => routes().filter((r) => r.hasBody && WRITES.has(r.method));
const queryRoutes = () => routes().filter((r) => r.hasQuery && r.method === "GET");
const label = (r: RouteEntry) => `${r.method} ${r.url}`;

async function inject(method: Method, url: string, options: { payload?: string | object; headers?: Record<string, string>; token?: string | null } = {}) {
  const token = options.token === undefined ? everything.token : options.token;
  const response = await ctx.app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    ...(options.payload !== undefined ? { payload: options.payload } : {}),
  });
  return { status: response.statusCode, body: JSON.parse(response.body) as ErrorReply };
}

/** The answer is a well-formed VALIDATION_FAILED in `locale`, every field problem with a catalogue code and its message. */
function expectValidationFailed(where: string, reply: { status: number; body: ErrorReply }, locale: Locale): void {
  expect(reply.status, where).toBe(400);
  expect(reply.body.error.code, where).toBe("VALIDATION_FAILED");
  expect(reply.body.error.message, where).toBe(ERRORS.VALIDATION_FAILED.message[locale]);
  const fields = reply.body.error.fields ?? [];
  expect(fields.length, where).toBeGreaterThan(0);
  for (const f of fields) {
    expect(f.field, where).toMatch(/\S/);
    expect(isErrorCode(f.code), `${where}: ${f.code}`).toBe(true);
    if (isErrorCode(f.code)) {
      expect(f.message, where).toBe(ERRORS[f.code].message[locale]);
    }
  }
}

describe("bad input on every endpoint", () => {
  it("knows enough tables and routes for the checks below to mean something", () => {
    expect(tables).toEqual(expect.arrayContaining(["audit_log", "users", "sessions", "appeals", "citizens", "classifier_items"]));
    expect(bodyRoutes().length).toBeGreaterThan(25);
    expect(queryRoutes().length).toBeGreaterThan(4);
  });

  it("refuses an unknown property in any body, names it, and writes nothing (not even an audit record)", async () => {
    for (const route of bodyRoutes()) {
      const before = await rowCounts();
      const reply = await inject(route.method as Method, fillParams(route.url), { payload: { __bogus: 1 } });
      expectValidationFailed(label(route), reply, "en");
      expect(reply.body.error.fields, label(route)).toContainEqual({ field: "__bogus", code: "FIELD_UNKNOWN", message: ERRORS.FIELD_UNKNOWN.message.en });
      expect(await rowCounts(), label(route)).toEqual(before);
    }
  });

  it("refuses malformed JSON on every body route and writes nothing", async () => {
    const before = await rowCounts();
    for (const route of bodyRoutes()) {
      const reply = await inject(route.method as Method, fillParams(route.url), { payload: "{", headers: { "content-type": "application/json" } });
      expectValidationFailed(label(route), reply, "en");
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an unknown query parameter on every route that takes a query, and still honours ?lang", async () => {
    const before = await rowCounts();
    for (const route of queryRoutes()) {
      const url = fillParams(route.url);
      const plain = await inject("GET", `${url}?__bogus=1`);
      expectValidationFailed(label(route), plain, "en");
      expect(plain.body.error.fields, label(route)).toContainEqual(expect.objectContaining({ field: "query.__bogus", code: "FIELD_UNKNOWN" }));
      // ?lang is how a reader picks the language of any answer; it is never itself an unknown parameter.
      const kazakh = await inject("GET", `${url}?__bogus=1&lang=kk`);
      expectValidationFailed(label(route), kazakh, "kk");
      expect(kazakh.body.error.fields?.map((f) => f.field), label(route)).not.toContain("query.lang");
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("answers an unknown route with 404 ROUTE_NOT_FOUND, signed in or not", async () => {
    for (const token of [everything.token, null]) {
      for (const [method, url] of [
        ["GET", "/api/v1/no-such-thing"],
        ["POST", "/api/v1/appeals/not/a/route"],
        ["DELETE", "/api/v1/auth/me"],
      ] as const) {
        const reply = await inject(method, url, { token });
        expect(reply.status, `${method} ${url}`).toBe(404);
        expect(reply.body.error.code).toBe("ROUTE_NOT_FOUND");
        expect(reply.body.error.message).toBe(ERRORS.ROUTE_NOT_FOUND.message[token ? "en" : "ru"]);
      }
    }
  });

  it("speaks Kazakh, Russian or English by ?lang, over the user's own language", async () => {
    const seen = new Set<string>();
    for (const locale of LOCALES) {
      const reply = await inject("POST", `/api/v1/auth/tokens?lang=${locale}`, { payload: { __bogus: 1 } });
      expectValidationFailed(locale, reply, locale);
      expect(reply.body.error.fields).toContainEqual({ field: "name", code: "FIELD_REQUIRED", message: ERRORS.FIELD_REQUIRED.message[locale] });
      seen.add(reply.body.error.message);
    }
    expect(seen.size).toBe(3);
  });

  it("speaks the language of Accept-Language to someone not signed in", async () => {
    const cases: [string, Locale][] = [
      ["kk-KZ,kk;q=0.9,ru;q=0.8", "kk"],
      ["en-US,en;q=0.9", "en"],
      ["de-DE, ru;q=0.5", "ru"],
      ["fr", "ru"],
    ];
    for (const [header, locale] of cases) {
      const login = await inject("POST", "/api/v1/auth/login", { token: null, payload: { __bogus: 1 }, headers: { "accept-language": header } });
      expectValidationFailed(header, login, locale);
      const missing = await inject("GET", "/api/v1/nowhere", { token: null, headers: { "accept-language": header } });
      expect(missing.body.error.message, header).toBe(ERRORS.ROUTE_NOT_FOUND.message[locale]);
    }
    // ?lang wins over the header.
    const explicit = await inject("GET", "/api/v1/nowhere?lang=en", { token: null, headers: { "accept-language": "kk" } });
    expect(explicit.body.error.message).toBe(ERRORS.ROUTE_NOT_FOUND.message.en);
  });
});

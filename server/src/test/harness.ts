import { randomBytes } from "node:crypto";
import { makeIin } from "@bailanys/common/identity-number";
import type { Role } from "@bailanys/common/permissions";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.ts";
import type { Database, Db } from "../db/database.ts";
import { hashPassword } from "../modules/auth/password.ts";
import { insertReferenceDefaults } from "../modules/reference/reference.defaults.ts";
import { loadConfig, type Config } from "../platform/config.ts";
import { openTestDatabase } from "./test-database.ts";
import { createEventBus, type EventBus } from "../realtime/event-bus.ts";

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  database: Database;
  bus: EventBus;
  config: Config;
  close(): Promise<void>;
}

/** The app on a fresh database of its own; cheap password hashing so that tests can sign in often. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const config = loadConfig({ LOG_LEVEL: "silent", BAILANYS_ARGON2_MEMORY_KIB: "1024", ...env }, []);
  const bus = await createEventBus(database);
  const app = await buildApp({ config, db: database.db, bus });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    bus,
    config,
    async close() {
      await app.close();
      await bus.close();
      await database.close();
    },
  };
}

export interface TestTenant {
  tenantId: string;
  code: string;
  bodyId: string;
  otherBodyId: string;
  externalBodyId: string;
  unitId: string;
  otherUnitId: string;
  positionId: string;
  categoryId: string;
}

let tenantCounter = 0;

/** A contact centre with default reference data, two bodies of its own, one external body, units and a category. */
export async function buildTenant(db: Db): Promise<TestTenant> {
  tenantCounter += 1;
  const code = `t${tenantCounter}-${randomBytes(3).toString("hex")}`;
  return db.transaction().execute(async (trx) => {
    const tenant = await trx
      .insertInto("tenants")
      .values({ code, name_kk: `Орталық ${code}`, name_ru: `Центр ${code}`, name_en: `Centre ${code}`, number_prefix: "T", settings: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const t = tenant.id;
    await insertReferenceDefaults(trx, t);
    const body = async (name: string, external = false) =>
      (await trx.insertInto("bodies").values({ tenant_id: t, bin: null, name_kk: `${name} kk`, name_ru: `${name} ru`, name_en: name, is_external: external }).returning("id").executeTakeFirstOrThrow()).id;
    const bodyId = await body("Body A");
    const otherBodyId = await body("Body B");
    const externalBodyId = await body("External ministry", true);
    const unit = async (b: string, name: string) =>
      (await trx.insertInto("units").values({ tenant_id: t, body_id: b, name_kk: `${name} kk`, name_ru: `${name} ru`, name_en: name }).returning("id").executeTakeFirstOrThrow()).id;
    const unitId = await unit(bodyId, "Unit A1");
    const otherUnitId = await unit(otherBodyId, "Unit B1");
    const positionId = (
      await trx.insertInto("positions").values({ tenant_id: t, unit_id: unitId, name_kk: "Маман", name_ru: "Специалист", name_en: "Specialist" }).returning("id").executeTakeFirstOrThrow()
    ).id;
    const categoryId = (
      await trx
        .insertInto("classifier_items")
        .values({ tenant_id: t, code: "01", name_kk: "Су", name_ru: "Вода", name_en: "Water", body_id: bodyId, unit_id: unitId })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    return { tenantId: t, code, bodyId, otherBodyId, externalBodyId, unitId, otherUnitId, positionId, categoryId };
  });
}

export interface TestUser {
  id: string;
  login: string;
  password: string;
}

let userCounter = 0;
let cachedHash: Promise<string> | null = null;
const TEST_PASSWORD = "correct horse battery staple";

export async function buildUser(db: Db, tenantId: string, options: { roles: Role[]; unitId?: string | null; bodyId?: string | null; locale?: string }): Promise<TestUser> {
  userCounter += 1;
  cachedHash ??= hashPassword(TEST_PASSWORD, 1024);
  const login = `user${userCounter}_${randomBytes(3).toString("hex")}`;
  const row = await db
    .insertInto("users")
    .values({
      tenant_id: tenantId,
      login,
      full_name: `Test User ${userCounter}`,
      roles: options.roles,
      locale: options.locale ?? "en",
      body_id: options.bodyId ?? null,
      unit_id: options.unitId ?? null,
      password_hash: await cachedHash,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, login, password: TEST_PASSWORD };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies and assert on them */
export interface ApiClient {
  token: string;
  request<T = any>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  get<T = any>(url: string): Promise<ApiResponse<T>>;
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

let signInAddress = 0;

/**
 * Signs in through the public login endpoint and returns a bearer-token client. Each sign-in comes from an
 * address of its own, as sign-in is rate-limited per address and a test file may sign in many users.
 */
export async function signIn(app: FastifyInstance, user: TestUser): Promise<ApiClient> {
  signInAddress += 1;
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress: `10.250.${Math.floor(signInAddress / 250) % 250}.${(signInAddress % 250) + 1}`,
    payload: { login: user.login, password: user.password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  }
  return bearerClient(app, (response.json() as { token: string }).token);
}

export interface StaffMember {
  client: ApiClient;
  id: string;
  login: string;
  fullName: string;
}

/** A user with these roles in the tenant, signed in (each from an address of its own). */
export async function signedInStaff(ctx: TestContext, tenant: { tenantId: string }, roles: Role[], options: { unitId?: string | null; bodyId?: string | null } = {}): Promise<StaffMember> {
  const user = await buildUser(ctx.db, tenant.tenantId, { roles, unitId: options.unitId ?? null, bodyId: options.bodyId ?? null });
  const row = await ctx.db.selectFrom("users").select("full_name").where("id", "=", user.id).executeTakeFirstOrThrow();
  return { client: await signIn(ctx.app, user), id: user.id, login: user.login, fullName: row.full_name };
}

export function bearerClient(app: FastifyInstance, token: string): ApiClient {
  const request: ApiClient["request"] = async (method, url, body, headers = {}) => {
    const response = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const text = response.body;
    return { status: response.statusCode, body: text === "" ? null : JSON.parse(text), headers: response.headers };
  };
  return { token, request, get: (url) => request("GET", url), post: (url, body, headers) => request("POST", url, body, headers) };
}

/** A synthetic applicant with a valid ИИН (born in the 1800s by design: no living person has it). */
export function applicant(serial: number, extra: Record<string, unknown> = {}) {
  return { iin: makeIin("1880-05-17", serial % 2 === 0 ? "female" : "male", serial), fullName: `Заявитель ${serial}`, phone: `+7701${String(1000000 + serial).slice(-7)}`, preferredLanguage: "ru", ...extra };
}

/** Row counts of the tables a write touches, to prove that a rejected request wrote nothing. */
export async function writeCounts(db: Db): Promise<Record<string, number>> {
  const tables = ["appeals", "citizens", "appeal_events", "notification_outbox", "timers", "appeal_forwards", "appeal_extensions", "idempotency_keys", "consents"] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Rows as JSON with their random ids blanked, so a check that a few digits of a phone are absent cannot match an id by chance. */
export function textWithoutIds(value: unknown): string {
  return JSON.stringify(value).replace(UUID, "<id>");
}

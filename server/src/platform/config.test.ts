import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const ENV_EXAMPLE = path.resolve(import.meta.dirname, "../../../.env.example");

/** The variables of .env.example as an env file loader (docker --env-file, compose) would pass them. */
function envExample(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(ENV_EXAMPLE, "utf8").split(/\r?\n/)) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1] !== undefined) {
      env[match[1]] = match[2] ?? "";
    }
  }
  return env;
}

function problemsOf(env: Record<string, string>, argv: string[] = []): string[] {
  try {
    loadConfig(env, argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("runs the demo on embedded PGlite with nothing set", () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: null,
      dataDir: path.resolve("data"),
      roles: ["api", "worker", "voice"],
      adminPassword: null,
      seedDemo: true,
      logLevel: "info",
      secureCookies: false,
      sessionTtlHours: 12,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      argon2MemoryKiB: 19456,
      publicRateLimitPerMinute: 30,
      attachmentMaxBytes: 10 * 1024 * 1024,
      workerPollMs: 1000,
      trustProxy: false,
    });
    expect(config.instanceId).toMatch(/^[0-9a-f]{8}$/);
    // Production turns secure cookies on unless told otherwise.
    expect(loadConfig({ NODE_ENV: "production" }, []).secureCookies).toBe(true);
    expect(loadConfig({ NODE_ENV: "production", BAILANYS_SECURE_COOKIES: "false" }, []).secureCookies).toBe(false);
  });

  it("reads every variable it is given", () => {
    const config = loadConfig(
      {
        PORT: "9000",
        HOST: "127.0.0.1",
        DATABASE_URL: "postgresql://app:secret@db:5432/bailanys",
        BAILANYS_DATA_DIR: "/var/lib/bailanys",
        BAILANYS_ROLES: "worker",
        BAILANYS_ADMIN_PASSWORD: "long enough",
        BAILANYS_SEED_DEMO: "no",
        LOG_LEVEL: "warn",
        BAILANYS_SECURE_COOKIES: "1",
        BAILANYS_SESSION_TTL_HOURS: "8",
        BAILANYS_LOGIN_MAX_FAILURES: "3",
        BAILANYS_LOGIN_LOCK_MINUTES: "30",
        BAILANYS_TRUST_PROXY: "yes",
        BAILANYS_INSTANCE_ID: "api-1",
      },
      [],
    );
    expect(config).toMatchObject({
      port: 9000,
      host: "127.0.0.1",
      databaseUrl: "postgresql://app:secret@db:5432/bailanys",
      dataDir: "/var/lib/bailanys",
      roles: ["worker"],
      adminPassword: "long enough",
      seedDemo: false,
      logLevel: "warn",
      secureCookies: true,
      sessionTtlHours: 8,
      loginMaxFailures: 3,
      loginLockMinutes: 30,
      trustProxy: true,
      instanceId: "api-1",
    });
    // --role on the command line wins over BAILANYS_ROLES.
    expect(loadConfig({ BAILANYS_ROLES: "worker" }, ["--role=api"]).roles).toEqual(["api"]);
    expect(loadConfig({}, ["--role=api, worker"]).roles).toEqual(["api", "worker"]);
  });

  it("reports every invalid variable at once", () => {
    const problems = problemsOf(
      {
        PORT: "abc",
        DATABASE_URL: "mysql://root@localhost/bailanys",
        BAILANYS_ADMIN_PASSWORD: "short",
        LOG_LEVEL: "loud",
        BAILANYS_SEED_DEMO: "maybe",
        BAILANYS_SESSION_TTL_HOURS: "0",
        BAILANYS_ARGON2_MEMORY_KIB: "1.5",
      },
      ["--role=api,bogus"],
    );
    expect(problems).toHaveLength(8);
    for (const name of ["PORT", "DATABASE_URL", "BAILANYS_ADMIN_PASSWORD", "LOG_LEVEL", "BAILANYS_SEED_DEMO", "BAILANYS_SESSION_TTL_HOURS", "BAILANYS_ARGON2_MEMORY_KIB"]) {
      expect(problems.filter((p) => p.startsWith(name)), name).toHaveLength(1);
    }
    expect(problems).toContainEqual(expect.stringMatching(/^--role: unknown role "bogus"/));
    expect(problems).toContainEqual('PORT must be an integer from 0 to 65535 (got "abc")');

    let message = "";
    try {
      loadConfig({ PORT: "abc", LOG_LEVEL: "loud" }, []);
    } catch (error) {
      message = error instanceof Error ? error.message : "";
    }
    // One line per problem, so an operator fixes them all in one go.
    expect(message.split("\n").filter((line) => /^\s+- (PORT|LOG_LEVEL) /.test(line))).toHaveLength(2);
  });

  it("checks ranges, not just numbers", () => {
    expect(problemsOf({ PORT: "70000" })).toHaveLength(1);
    expect(problemsOf({ BAILANYS_LOGIN_MAX_FAILURES: "0" })).toHaveLength(1);
    expect(problemsOf({ BAILANYS_ARGON2_MEMORY_KIB: "512" })).toHaveLength(1);
    expect(problemsOf({ PORT: "0", BAILANYS_LOGIN_MAX_FAILURES: "100" })).toEqual([]);
  });

  it("returns a frozen object", () => {
    const config = loadConfig({}, []);
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.port).toBe(8080);
  });

  it("accepts .env.example as it is, empty values meaning the defaults", () => {
    const env = envExample();
    const config = loadConfig(env, []);
    expect(config.databaseUrl).toBeNull();
    expect(config.adminPassword).toBeNull();
    expect(config.roles).toEqual(["api", "worker", "voice"]);
    expect(config.voice).toEqual({ host: "127.0.0.1", sipPort: 5060, rtpPorts: { first: 30000, last: 30999 }, realm: "bailanys" });
    expect(config.secureCookies).toBe(false);
    // "A name for this process in logs (random by default)": an empty line must not make it nameless.
    expect(config.instanceId).toMatch(/^[0-9a-f]{8}$/);
    expect(loadConfig({ ...env, HOST: "", LOG_LEVEL: "", BAILANYS_DATA_DIR: "" }, [])).toMatchObject({ host: "0.0.0.0", logLevel: "info", dataDir: path.resolve("data") });
  });

  it("reads no variable that .env.example does not document", () => {
    const read = new Set<string>();
    const spy = new Proxy<Record<string, string | undefined>>(
      {},
      {
        get(_target, name) {
          if (typeof name === "string") {
            read.add(name);
          }
          return undefined;
        },
      },
    );
    loadConfig(spy, []);
    const documented = new Set(Object.keys(envExample()));
    // NODE_ENV is the platform's own switch, not Bailanys configuration.
    const undocumented = [...read].filter((name) => name !== "NODE_ENV" && !documented.has(name));
    expect(read.size).toBeGreaterThan(15);
    expect(undocumented).toEqual([]);
  });
});

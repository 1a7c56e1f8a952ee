import { randomBytes } from "node:crypto";
import path from "node:path";

/** Process roles selectable with --role; the same image runs any subset. */
export const PROCESS_ROLES = ["api", "worker", "voice"] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | null;
  readonly dbPoolSize: number;
  readonly dataDir: string;
  readonly roles: readonly ProcessRole[];
  readonly adminPassword: string | null;
  readonly seedDemo: boolean;
  readonly logLevel: string;
  readonly secureCookies: boolean;
  readonly sessionTtlHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly argon2MemoryKiB: number;
  readonly publicRateLimitPerMinute: number;
  readonly chatStartsPerMinute: number;
  readonly chatSilenceSeconds: number;
  /** SMTP server for e-mail notifications; without it e-mails are only logged (no address, no text). */
  readonly smtpUrl: string | null;
  readonly smtpFrom: string;
  readonly agentStaleSeconds: number;
  readonly attachmentMaxBytes: number;
  readonly workerPollMs: number;
  readonly trustProxy: boolean;
  readonly instanceId: string;
  /** The address citizens reach this platform at ("https://109.example.kz"), for links sent in messages; "" = relative. */
  readonly publicUrl: string;
  /** The voice role's SIP gateway (`voice/`): where it listens and what it advertises in SDP and Contact. */
  readonly voice: { host: string; sipPort: number; rtpPorts: { first: number; last: number }; realm: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/** Parses the environment and argv once at boot; lists every problem at once. */
export function loadConfig(env: Env = process.env, argv: string[] = process.argv.slice(2)): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === "") {
      return fallback;
    }
    if (["1", "true", "yes"].includes(raw.toLowerCase())) {
      return true;
    }
    if (["0", "false", "no"].includes(raw.toLowerCase())) {
      return false;
    }
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  // An empty value means "not set", as .env.example writes the optional variables (VAR= with nothing after).
  const str = (name: string, fallback: string): string => {
    const raw = env[name];
    return raw === undefined || raw === "" ? fallback : raw;
  };

  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== "" ? env.DATABASE_URL : null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with "postgres://" or "postgresql://"');
  }

  const roles = parseRoles(argv, env.BAILANYS_ROLES, problems);

  const adminPassword = env.BAILANYS_ADMIN_PASSWORD && env.BAILANYS_ADMIN_PASSWORD !== "" ? env.BAILANYS_ADMIN_PASSWORD : null;
  if (adminPassword !== null && adminPassword.length < 8) {
    problems.push("BAILANYS_ADMIN_PASSWORD must be at least 8 characters");
  }

  const logLevel = str("LOG_LEVEL", "info");
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }

  const config: Config = {
    port: int("PORT", 8080, 0, 65535),
    host: str("HOST", "0.0.0.0"),
    databaseUrl,
    dbPoolSize: int("DB_POOL_SIZE", 10, 1, 500),
    dataDir: path.resolve(str("BAILANYS_DATA_DIR", "data")),
    roles,
    adminPassword,
    seedDemo: bool("BAILANYS_SEED_DEMO", true),
    logLevel,
    secureCookies: bool("BAILANYS_SECURE_COOKIES", env.NODE_ENV === "production"),
    sessionTtlHours: int("BAILANYS_SESSION_TTL_HOURS", 12, 1, 24 * 30),
    loginMaxFailures: int("BAILANYS_LOGIN_MAX_FAILURES", 5, 1, 100),
    loginLockMinutes: int("BAILANYS_LOGIN_LOCK_MINUTES", 15, 1, 24 * 60),
    argon2MemoryKiB: int("BAILANYS_ARGON2_MEMORY_KIB", 19456, 1024, 1048576),
    publicRateLimitPerMinute: int("BAILANYS_PUBLIC_RATE_LIMIT", 30, 1, 100000),
    chatStartsPerMinute: int("BAILANYS_CHAT_STARTS_PER_MINUTE", 10, 1, 1000000),
    chatSilenceSeconds: int("BAILANYS_CHAT_SILENCE_SECONDS", 90, 30, 86400),
    smtpUrl: env.SMTP_URL && env.SMTP_URL !== "" ? env.SMTP_URL : null,
    smtpFrom: env.SMTP_FROM && env.SMTP_FROM !== "" ? env.SMTP_FROM : "Bailanys <no-reply@localhost>",
    agentStaleSeconds: int("BAILANYS_AGENT_STALE_SECONDS", 120, 30, 86400),
    attachmentMaxBytes: int("BAILANYS_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    workerPollMs: int("BAILANYS_WORKER_POLL_MS", 1000, 10, 60000),
    trustProxy: bool("BAILANYS_TRUST_PROXY", false),
    instanceId: str("BAILANYS_INSTANCE_ID", randomBytes(4).toString("hex")),
    publicUrl: str("BAILANYS_PUBLIC_URL", "").replace(/\/+$/, ""),
    voice: {
      // A concrete address, not 0.0.0.0: it is the one written into SDP for the media. Loopback by default, so a
      // fresh start exposes nothing; SIP_HOST=<the LAN address> lets softphones on the network call in.
      host: str("SIP_HOST", "127.0.0.1"),
      sipPort: int("SIP_PORT", 5060, 0, 65535),
      rtpPorts: { first: int("RTP_PORT_MIN", 30000, 1024, 65535), last: int("RTP_PORT_MAX", 30999, 1024, 65535) },
      realm: str("VOICE_REALM", "bailanys"),
    },
  };
  if (config.publicUrl !== "" && !/^https?:\/\/[^/\s]+$/.test(config.publicUrl)) {
    problems.push('BAILANYS_PUBLIC_URL must be an origin such as "https://109.example.kz"');
  }
  if (config.voice.rtpPorts.last - config.voice.rtpPorts.first < 4) {
    problems.push("RTP_PORT_MAX must be at least RTP_PORT_MIN + 4 (each call takes two ports)");
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return Object.freeze(config);
}

function parseRoles(argv: string[], fromEnv: string | undefined, problems: string[]): ProcessRole[] {
  const flag = argv.find((arg) => arg.startsWith("--role="));
  const raw = flag ? flag.slice("--role=".length) : fromEnv;
  if (raw === undefined || raw === "") {
    return [...PROCESS_ROLES];
  }
  const roles: ProcessRole[] = [];
  for (const part of raw.split(",").map((s) => s.trim())) {
    const known = PROCESS_ROLES.find((role) => role === part);
    if (!known) {
      problems.push(`--role: unknown role "${part}" (known: ${PROCESS_ROLES.join(", ")})`);
      continue;
    }
    roles.push(known);
  }
  return roles;
}

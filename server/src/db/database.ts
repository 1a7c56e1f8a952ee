import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect.ts";
import { preparedStatementPool } from "./prepared-pool.ts";
import type { DB } from "./schema.ts";

export type Db = Kysely<DB>;

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** Runs a multi-statement SQL script without parameters (migrations, fixtures). */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls onMessage for every NOTIFY on the channel, from any process (PostgreSQL) or this one (PGlite).
   * onGap is called when notifications may have been missed (the listening connection was lost and is back).
   */
  listen(channel: string, onMessage: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
  /** PostgreSQL test databases: the URL, so that other processes can be started on the same database. */
  url?: string;
  /** PGlite only: the data directory as a tarball, to start other instances from it quickly (tests). */
  dumpDataDir?: () => Promise<Blob>;
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

// Both drivers return the same JavaScript types: int8 and numeric as numbers (counts and ids stay far below
// 2^53), dates as 'YYYY-MM-DD' strings with no time-zone shift, timestamps as Date.
const parseInt8 = (value: string): number => Number(value);
const keepDate = (value: string): string => value;

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir?: string | null;
  poolSize?: number;
  /**
   * PostgreSQL: open the whole pool before serving and keep it open. A server process sets it: connecting and a
   * new backend's first statements cost milliseconds each, which the first requests would otherwise pay.
   */
  keepPoolOpen?: boolean;
  /** Reports errors of idle PostgreSQL connections (the pool recovers from them by itself). */
  onError?: (error: Error) => void;
  /** A PGlite data directory dump to start from (tests: a migrated template). */
  loadDataDir?: Blob | File;
}

/** Opens PostgreSQL when a URL is given, else embedded PGlite (in memory when dataDir is null). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl !== null) {
    return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.keepPoolOpen ?? false, options.onError ?? (() => {}));
  }
  return openPglite(options.dataDir ?? null, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number, keepOpen: boolean, onError: (error: Error) => void): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: "text" | "binary") => {
      if (oid === INT8 || oid === NUMERIC) {
        return parseInt8;
      }
      if (oid === DATE) {
        return keepDate;
      }
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, min: keepOpen ? poolSize : 0, types });
  // An idle connection that PostgreSQL drops (restart, failover) is an error event on the pool; unhandled it
  // would end the process. The pool replaces the connection by itself, so the event is only reported.
  pool.on("error", (error) => onError(error));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedStatementPool(pool) }) });
  if (keepOpen) {
    const clients = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
    for (const client of clients) {
      client.release();
    }
  }
  return {
    kind: "postgres",
    db,
    async execScript(script) {
      await sql.raw(script).execute(db);
    },
    async close() {
      await db.destroy();
    },
    listen: (channel, onMessage, onGap) => listenPostgres(url, types, channel, onMessage, onGap, onError),
  };
}

const LISTEN_RETRY_MS = 1000;

/** A dedicated connection for LISTEN (a pooled one would be handed to queries); reconnects until stopped. */
async function listenPostgres(
  url: string,
  types: pg.CustomTypesConfig,
  channel: string,
  onMessage: (payload: string) => void,
  onGap: () => void,
  onError: (error: Error) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url, types });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) {
        onMessage(message.payload);
      }
    });
    next.on("error", (error) => {
      onError(error);
      if (!stopped && client === next) {
        client = null;
        void next.end().catch(() => {});
        scheduleReconnect();
      }
    });
    await next.connect();
    await next.query(`listen "${channel.replaceAll('"', "")}"`);
    client = next;
    if (isReconnect) {
      onGap();
    }
  };
  const scheduleReconnect = () => {
    retry = setTimeout(() => {
      retry = null;
      if (!stopped) {
        connect(true).catch((error: unknown) => {
          onError(error instanceof Error ? error : new Error(String(error)));
          scheduleReconnect();
        });
      }
    }, LISTEN_RETRY_MS);
  };
  await connect(false);
  return async () => {
    stopped = true;
    if (retry) {
      clearTimeout(retry);
    }
    await client?.end().catch(() => {});
    client = null;
  };
}

async function openPglite(dataDir: string | null, loadDataDir: Blob | File | undefined): Promise<Database> {
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir !== null ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [INT8]: parseInt8, [NUMERIC]: parseInt8, [DATE]: keepDate },
    // The knowledge base's typo tolerance (kb_lexicon, kb_documents.title) uses trigram similarity.
    extensions: { pg_trgm },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: "pglite",
    db,
    async execScript(script) {
      await sql.raw(script).execute(db);
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
    async listen(channel, onMessage) {
      // PGlite's notifications never have gaps: they are delivered in-process after each commit.
      const unlisten = await pglite.listen(channel, onMessage);
      return unlisten;
    },
    async dumpDataDir() {
      return db.connection().execute(async () => pglite.dumpDataDir("none"));
    },
  };
}

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { openDatabase, type Database } from "../db/database.ts";

/** A fresh, migrated database for one test file: PGlite from the template dump, or a copy of the PostgreSQL template. */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.BAILANYS_TEST_DB === "postgres") {
    const url = process.env.DATABASE_URL;
    const template = process.env.BAILANYS_TEST_TEMPLATE;
    if (!url || !template) {
      throw new Error("PostgreSQL test database not prepared");
    }
    const name = `bailanys_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 20 });
    return {
      ...database,
      url: target.toString(),
      async close() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        // pool.end() resolves before the server has seen every connection go; dropping the database under a
        // connection still closing makes that connection fail after the test. Wait for them to leave first.
        for (let i = 0; i < 250; i += 1) {
          const open = await cleanup.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
          if ((open.rows[0]?.n ?? 0) === 0) {
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dump = process.env.BAILANYS_TEST_PGLITE_DUMP;
  if (!dump) {
    throw new Error("PGlite template dump not prepared (global setup did not run)");
  }
  return openDatabase({ databaseUrl: null, dataDir: null, loadDataDir: new Blob([readFileSync(dump)]) });
}

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.BAILANYS_TEST_DB === "postgres" ? "postgres" : "pglite";
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { Database } from "./database.ts";

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");
// Any constant works; it only has to be the same on every node so that two nodes never migrate at once.
const MIGRATION_LOCK_KEY = 4_430_443;

/** Applies pending SQL migrations in name order, all in one transaction under an advisory lock. */
export async function migrate(database: Database): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith(".sql"))
    .sort();
  await database.execScript(
    "create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())",
  );
  const applied: string[] = [];
  await database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    const done = await sql<{ name: string }>`select name from schema_migrations`.execute(trx);
    const doneNames = new Set(done.rows.map((row) => row.name));
    for (const file of files) {
      if (doneNames.has(file)) {
        continue;
      }
      const script = readFileSync(path.join(MIGRATIONS_DIR, file), "utf8");
      await sql.raw(script).execute(trx);
      await sql`insert into schema_migrations (name) values (${file})`.execute(trx);
      applied.push(file);
    }
  });
  return applied;
}

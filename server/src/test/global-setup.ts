import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../migrations");

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS).sort()) {
    hash.update(file).update(readFileSync(path.join(MIGRATIONS, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Prepares one migrated template database per run: a PGlite data-directory dump (cached by the migrations' hash)
 * and, when the suite runs on PostgreSQL, a template database each test file copies with CREATE DATABASE.
 */
export default async function setup(): Promise<void> {
  const hash = migrationsHash();
  if (process.env.BAILANYS_TEST_DB === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error("BAILANYS_TEST_DB=postgres needs DATABASE_URL");
    }
    const template = `bailanys_tpl_${hash}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${template}`);
      const target = new URL(url);
      target.pathname = `/${template}`;
      const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 1 });
      await migrate(database);
      await database.close();
    }
    await admin.end();
    process.env.BAILANYS_TEST_TEMPLATE = template;
    return;
  }
  const file = path.join(os.tmpdir(), `bailanys-pglite-${hash}.tar`);
  if (!existsSync(file)) {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrate(database);
    const dump = await database.dumpDataDir?.();
    if (!dump) {
      throw new Error("PGlite dump unavailable");
    }
    // Write then rename: a concurrent run never reads a half-written template.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    await database.close();
  }
  process.env.BAILANYS_TEST_PGLITE_DUMP = file;
}

// `npm run audit:verify`: seals pending audit records and verifies every hash chain in the database (PostgreSQL
// from DATABASE_URL, else the embedded PGlite in BAILANYS_DATA_DIR/pglite, as the server opens it). One line per
// chain; exit code 0 when every chain is intact, 1 when any was tampered with, 2 when it could not run.
import { existsSync } from "node:fs";
import path from "node:path";
import { openDatabase, type Database } from "../db/database.ts";
import { listAuditChains, sealAuditChains, verifyChain, type ChainReport } from "../modules/audit/audit.service.ts";
import { ConfigError, loadConfig } from "../platform/config.ts";

function describe(report: ChainReport): string {
  const counts = `${report.checked} sealed, ${report.unsealed} unsealed`;
  if (report.ok) {
    return `${report.chain}: ok (${counts})`;
  }
  const problems = report.problems.map((p) => `seq ${p.seq}${p.id === null ? "" : ` (id ${p.id})`}: ${p.problem}`);
  return `${report.chain}: TAMPERED (${counts}) — ${problems.join("; ")}`;
}

async function run(database: Database): Promise<number> {
  const sealed = await sealAuditChains(database.db);
  const chains = await listAuditChains(database.db);
  let failed = 0;
  for (const chain of chains) {
    const report = await verifyChain(database.db, chain);
    failed += report.ok ? 0 : 1;
    process.stdout.write(`${describe(report)}\n`);
  }
  const summary =
    failed === 0
      ? `Audit log intact: ${chains.length} chain(s) verified, ${sealed} record(s) sealed now.`
      : `Audit log TAMPERED: ${failed} of ${chains.length} chain(s) failed verification.`;
  process.stdout.write(`${summary}\n`);
  return failed === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env, []);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const dataDir = path.join(config.dataDir, "pglite");
  if (config.databaseUrl === null && !existsSync(dataDir)) {
    // Opening a missing directory would create an empty database; there is nothing to verify there.
    process.stderr.write(`No database: set DATABASE_URL, or BAILANYS_DATA_DIR to where ${path.join("<dir>", "pglite")} is (looked in ${dataDir}).\n`);
    return 2;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, poolSize: 2 });
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);

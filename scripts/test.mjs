// `npm test`: the whole suite on embedded PGlite, then the server integration suite again on PostgreSQL when
// DATABASE_URL is set. Ends with one "N passed, N failed" line for CI.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const extra = process.argv.slice(2);
/**
 * The server's test files that open a database (through the test harness or a database of their own). The others
 * (SIP, RTP, the gateway and menus against SIPp, configuration) would only run again unchanged on PostgreSQL.
 */
function databaseTestFiles() {
  const uses = /test\/harness|test-database|db\/database/;
  return readdirSync(path.join(root, "server", "src"), { recursive: true })
    .filter((file) => file.endsWith(".test.ts") && uses.test(readFileSync(path.join(root, "server", "src", file), "utf8")))
    .map((file) => path.join("server", "src", file))
    .sort();
}

const runs = [{ name: "PGlite", env: { BAILANYS_TEST_DB: "pglite" }, args: [] }];
if (process.env.DATABASE_URL) {
  runs.push({ name: "PostgreSQL", env: { BAILANYS_TEST_DB: "postgres" }, args: databaseTestFiles() });
}

let passed = 0;
let failed = 0;
let status = 0;
for (const run of runs) {
  const report = path.join(os.tmpdir(), `bailanys-vitest-${process.pid}-${run.name}.json`);
  process.stdout.write(`\n=== Tests on ${run.name} ===\n`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...run.args, ...extra],
    { cwd: root, stdio: "inherit", env: { ...process.env, ...run.env } },
  );
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    rmSync(report);
  } catch {
    failed += 1;
  }
  if (result.status !== 0) {
    status = result.status ?? 1;
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(status);

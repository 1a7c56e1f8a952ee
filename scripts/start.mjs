// `npm start`: builds the web app when it is missing or older than its sources, then starts the platform.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distIndex = path.join(root, "web", "dist", "index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const webIndex = path.join(root, "web", "index.html");
const sources = [path.join(root, "web", "src"), path.join(root, "common", "src")];
const builtAt = existsSync(distIndex) ? statSync(distIndex).mtimeMs : 0;
const changedAt = existsSync(webIndex) ? Math.max(...sources.filter(existsSync).map(newestMtime), statSync(webIndex).mtimeMs) : 0;
if (builtAt < changedAt) {
  process.stdout.write("Building the web app…\n");
  const build = spawnSync("npm", ["run", "build", "-w", "web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server", "src", "main.ts"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["common/src/**/*.test.ts", "server/src/**/*.test.ts", "web/src/**/*.test.ts"],
    globalSetup: ["server/src/test/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC" },
  },
});

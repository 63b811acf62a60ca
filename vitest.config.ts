import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/global.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Suites share one Meilisearch (started by the global setup); files run in
    // parallel workers but each uses its own index names.
    pool: "forks",
  },
});

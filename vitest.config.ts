import { defineConfig } from "vitest/config";

// Test lanes (README "Test it"). A file belongs to the first lane whose list names it; a file no
// list names is an integration test, so a new file always runs in `npm test`.
// unit: pure functions — no Meilisearch, no web build, no server, no child process.
const UNIT = [
  "test/analytics/{breakdown,collocates,csv,docPostings,formulas,frequency,gdex,keyness,kwic,ngrams,phrasing,reportThemes,sentenceIndex,similar,themes}.test.ts",
  "test/api/openapi.test.ts",
  "test/corpus/{build,match,offsets,tags}.test.ts",
  "test/cql/{evaluate,fold,kwicTools,parse}.test.ts",
  "test/indexer/{classify-accuracy,classify-traps,classify,clean,dedupe,outline,pipeline,read,seeds,split,store}.test.ts",
  "test/pool/image.test.ts",
  "test/search/**/*.test.ts",
  "test/web/**/*.test.ts",
];
// browser: drives Chromium, or reads the built web app's pages (needs web/dist).
const BROWSER = ["test/browser/**/*.test.ts", "test/serve/**/*.test.ts"];
// slow: scale and fault runs — thousands of reports, killed processes, own Meilisearch instances.
const SLOW = ["test/pool/equivalence.test.ts", "test/reliability/**/*.test.ts", "test/cli/start.test.ts"];
const ALL = ["test/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Lanes share one Meilisearch (started by test/setup/meili.ts); files run in parallel
    // workers but each uses its own index names.
    pool: "forks",
    projects: [
      // isolate: false — unit files share one worker's modules (jieba's dictionary loads once,
      // not 47 times); a pure-function file keeps no state another file could see.
      { extends: true, test: { name: "unit", include: UNIT, isolate: false } },
      { extends: true, test: { name: "integration", include: ALL, exclude: [...UNIT, ...BROWSER, ...SLOW], globalSetup: ["test/setup/meili.ts"] } },
      { extends: true, test: { name: "browser", include: BROWSER, exclude: SLOW, globalSetup: ["test/setup/meili.ts", "test/setup/web.ts"] } },
      { extends: true, test: { name: "slow", include: SLOW, globalSetup: ["test/setup/meili.ts", "test/setup/web.ts"] } },
    ],
  },
});

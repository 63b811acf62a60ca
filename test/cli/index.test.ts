// `npm run index` failure modes a user meets first.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/app.ts";

const dataDir = mkdtempSync(join(tmpdir(), "wenyuan-test-index-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", "indexer/cli.ts", ...args], { cwd: ROOT, env: { ...process.env, WENYUAN_DATA_DIR: dataDir, ...env }, encoding: "utf8", timeout: 60_000 });

describe("npm run index", () => {
  it("exits non-zero with a clear message when Meilisearch is unreachable", () => {
    const r = run([], { MEILI_URL: "http://127.0.0.1:9", MEILI_MASTER_KEY: "0123456789abcdef0123" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Meilisearch at MEILI_URL=http:\/\/127\.0\.0\.1:9 is unreachable/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 with usage on unknown options", () => {
    const r = run(["--frobnicate"], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: npm run index");
  });
});

// One real Meilisearch for the whole test run: the binary the project ships,
// a temporary data dir, a free port; stopped (and the dir removed) afterwards.
// Also builds the web app once when the browser suites need it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { findMeiliBinary } from "../../server/meili/binary.ts";
import { startMeili } from "../../server/meili/process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
    meiliDataDir: string;
    meiliPid: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, "../..");
  if (!existsSync(join(root, "web", "dist", "index.html")) && existsSync(join(root, "web", "vite.config.ts"))) {
    const r = spawnSync(join(root, "node_modules", ".bin", "vite"), ["build", "--config", "web/vite.config.ts", "--logLevel", "error"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error("web build failed");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "wenyuan-test-meili-"));
  const meili = await startMeili({ binary: findMeiliBinary(process.env.MEILI_BIN ?? null), dataDir, masterKey: "wenyuan-test-master-key-0123456789" });
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  project.provide("meiliDataDir", dataDir);
  project.provide("meiliPid", meili.pid);
  return async () => {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

// One real Meilisearch for the whole test run: the binary the project ships,
// a temporary data dir, a free port; stopped (and the dir removed) afterwards.
// Also builds the web app once when the browser suites need it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { findMeiliBinary } from "../../core/meili/binary.ts";
import { startMeili } from "../../core/meili/process.ts";
import { buildWeb } from "../../server/web-build.ts";

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
  buildWeb(root, () => {});
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

// One real Meilisearch for the whole test run: the binary the project ships,
// a temporary data dir, a free port; stopped (and the dir removed) afterwards.
// The global setup of the integration, browser and slow lanes (vitest.config.ts). Each lane's
// setup runs in the same main process, so they share one Meilisearch (counted on globalThis;
// the last lane's teardown stops it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { findMeiliBinary } from "../../core/meili/binary.ts";
import { startMeili, type RunningMeili } from "../../core/meili/process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
    meiliDataDir: string;
    meiliPid: number;
  }
}

interface Shared {
  meili: Promise<{ meili: RunningMeili; dataDir: string }>;
  users: number;
}
const KEY = Symbol.for("wenyuan.test.meili");
const holder = globalThis as unknown as { [KEY]?: Shared };

async function launch(): Promise<{ meili: RunningMeili; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "wenyuan-test-meili-"));
  const meili = await startMeili({ binary: findMeiliBinary(process.env.MEILI_BIN ?? null), dataDir, masterKey: "wenyuan-test-master-key-0123456789" });
  return { meili, dataDir };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (holder[KEY] ??= { meili: launch(), users: 0 });
  shared.users++;
  const { meili, dataDir } = await shared.meili;
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  project.provide("meiliDataDir", dataDir);
  project.provide("meiliPid", meili.pid);
  return async () => {
    if (--shared.users > 0) return;
    delete holder[KEY];
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

// One way to get a Meilisearch for a command: the external one (MEILI_URL), the
// one another Wenyuan process already runs on this data dir, or a new one.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ResolvedConfig } from "../config.ts";
import type { Meilisearch } from "meilisearch";
import { meiliClient } from "./client.ts";
import { findMeiliBinary } from "./binary.ts";
import { MeiliConnectError } from "./errors/connect.ts";
import { isAlive, readOrCreateMasterKey, startMeili, type RunningMeili, type StartOptions } from "./process.ts";

export interface MeiliConnection {
  url: string;
  /** master-key client: only for creating keys */
  master: Meilisearch;
  /** true when this process started Meilisearch and must stop it */
  owned: boolean;
  /** the Meilisearch this process started: its watchdog's pid (new after a restart) */
  readonly pid: number | null;
  /** this process's own Meilisearch is down for good (restarts failed): why; else null/absent */
  readonly failure?: string | null;
  close(): Promise<void>;
}

/** How an owned Meilisearch is supervised (core/meili/process.ts); the indexer never restarts it. */
export type Supervision = Pick<StartOptions, "restarts" | "log" | "onFailure">;

function runtimeFile(dataDir: string): string {
  return join(dataDir, "meili.json");
}

export async function connectMeili(config: ResolvedConfig, supervision: Supervision = {}): Promise<MeiliConnection> {
  if (config.meiliUrl) {
    const master = meiliClient(config.meiliUrl, config.meiliMasterKey ?? "", "master");
    if (!(await master.isHealthy())) throw new MeiliConnectError(`Meilisearch at MEILI_URL=${config.meiliUrl} is unreachable or unhealthy`);
    return { url: config.meiliUrl, master, owned: false, pid: null, failure: null, close: async () => {} };
  }

  // Reuse the Meilisearch that `npm start` runs on this data dir (LMDB allows one process).
  const file = runtimeFile(config.dataDir);
  if (existsSync(file)) {
    try {
      const info = JSON.parse(readFileSync(file, "utf8")) as { url: string; pid: number; ownerPid: number };
      const key = readOrCreateMasterKey(config.dataDir);
      const master = meiliClient(info.url, key, "master");
      if (isAlive(info.ownerPid) && (await master.isHealthy())) {
        return { url: info.url, master, owned: false, pid: info.pid, failure: null, close: async () => {} };
      }
    } catch {
      // stale or unreadable: start our own below
    }
  }

  const record = (pid: number) => writeFileSync(file, JSON.stringify({ url: running.url, pid, ownerPid: process.pid }) + "\n", { mode: 0o600 });
  const running: RunningMeili = await startMeili({ binary: findMeiliBinary(config.meiliBin), dataDir: config.dataDir, ...supervision, onRestart: (pid) => record(pid) });
  record(running.pid);
  return {
    url: running.url,
    master: meiliClient(running.url, running.masterKey, "master"),
    owned: true,
    get pid() {
      return running.pid;
    },
    get failure() {
      return running.failure;
    },
    async close() {
      rmSync(file, { force: true });
      await running.stop();
    },
  };
}

// One way to get a Meilisearch for a command: the external one (MEILI_URL), the
// one another Wenyuan process already runs on this data dir, or a new one.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ResolvedConfig } from "../config.ts";
import { MeiliClient } from "./client.ts";
import { findMeiliBinary } from "./binary.ts";
import { MeiliConnectError } from "./errors/connect.ts";
import { isAlive, readOrCreateMasterKey, startMeili, type RunningMeili } from "./process.ts";

export interface MeiliConnection {
  url: string;
  /** master-key client: only for creating keys */
  master: MeiliClient;
  /** true when this process started Meilisearch and must stop it */
  owned: boolean;
  pid: number | null;
  close(): Promise<void>;
}

function runtimeFile(dataDir: string): string {
  return join(dataDir, "meili.json");
}

export async function connectMeili(config: ResolvedConfig): Promise<MeiliConnection> {
  if (config.meiliUrl) {
    const master = new MeiliClient(config.meiliUrl, config.meiliMasterKey ?? "");
    if (!(await master.health(3000))) throw new MeiliConnectError(`Meilisearch at MEILI_URL=${config.meiliUrl} is unreachable or unhealthy`);
    return { url: config.meiliUrl, master, owned: false, pid: null, close: async () => {} };
  }

  // Reuse the Meilisearch that `npm start` runs on this data dir (LMDB allows one process).
  const file = runtimeFile(config.dataDir);
  if (existsSync(file)) {
    try {
      const info = JSON.parse(readFileSync(file, "utf8")) as { url: string; pid: number; ownerPid: number };
      const key = readOrCreateMasterKey(config.dataDir);
      const master = new MeiliClient(info.url, key);
      if (isAlive(info.ownerPid) && (await master.health(2000))) {
        return { url: info.url, master, owned: false, pid: info.pid, close: async () => {} };
      }
    } catch {
      // stale or unreadable: start our own below
    }
  }

  const running: RunningMeili = await startMeili({ binary: findMeiliBinary(config.meiliBin), dataDir: config.dataDir });
  writeFileSync(file, JSON.stringify({ url: running.url, pid: running.pid, ownerPid: process.pid }) + "\n", { mode: 0o600 });
  return {
    url: running.url,
    master: new MeiliClient(running.url, running.masterKey),
    owned: true,
    pid: running.pid,
    async close() {
      rmSync(file, { force: true });
      await running.stop();
    },
  };
}

interface MeiliKey {
  key: string;
  name: string | null;
  actions: string[];
  indexes: string[];
}

/** The indexer's key: Meilisearch's default admin key. */
export async function adminClient(master: MeiliClient): Promise<MeiliClient> {
  const keys = await master.request<{ results: MeiliKey[] }>("GET", "/keys?limit=100");
  const admin = keys.results.find((k) => k.name === "Default Admin API Key") ?? keys.results.find((k) => k.actions.includes("*") && k.indexes.includes("*"));
  if (!admin) throw new MeiliConnectError("Meilisearch has no admin API key");
  return master.withKey(admin.key);
}

/** The server's key: search only, on our two indexes; created once, then reused. */
export async function searchClient(master: MeiliClient, indexes: string[]): Promise<MeiliClient> {
  const name = `wenyuan-search:${indexes.join(",")}`;
  const keys = await master.request<{ results: MeiliKey[] }>("GET", "/keys?limit=1000");
  let key = keys.results.find((k) => k.name === name)?.key;
  if (!key) {
    const created = await master.request<MeiliKey>("POST", "/keys", { name, description: "Wenyuan server: search only", actions: ["search"], indexes, expiresAt: null });
    key = created.key;
  }
  return master.withKey(key);
}

// Starts the real app (indexer + server + built web app) against the test
// run's Meilisearch, on a fixture corpus, a temp data dir and a free port.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "vitest";
import { resolveConfig } from "../../core/config.ts";
import type { Meilisearch } from "meilisearch";
import { meiliClient } from "../../core/meili/client.ts";
import { deleteIndex } from "../../core/meili/indexes.ts";
import { start, type Started } from "../../server/start.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const FIXTURE_CORPUS = join(ROOT, "test", "fixtures", "corpus");
export const SEED_CORPUS = join(ROOT, "corpus", "raw");

export interface TestApp extends Started {
  dataDir: string;
  corpusDir: string;
  master: Meilisearch;
  /** stops the server and starts it again on the same data folder and indexes (a new port) */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function meiliMaster(): Meilisearch {
  return meiliClient(inject("meiliUrl"), inject("meiliKey"), "master");
}

/** `corpus`: a folder copied to a temp corpus dir (so tests may add files to it). */
export async function startApp(opts: { corpus?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "wenyuan-test-data-"));
  const corpusDir = join(dataDir, "corpus");
  cpSync(opts.corpus ?? FIXTURE_CORPUS, corpusDir, { recursive: true });
  const config = resolveConfig(
    { PORT: "0", WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: corpusDir, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), ...opts.env },
    ROOT,
  );
  const master = meiliMaster();
  const indexPrefix = `t${randomBytes(4).toString("hex")}_`;
  const launch = () =>
    start({
      config,
      indexPrefix,
      connection: { url: inject("meiliUrl"), master, owned: false, pid: null, close: async () => {} },
      log: () => {},
    });
  const first = await launch();
  const app: TestApp = {
    ...first,
    dataDir,
    corpusDir,
    master,
    async restart() {
      await app.close();
      Object.assign(app, await launch());
    },
    async stop() {
      await app.close();
      for (const ix of [app.names.reports, app.names.passages]) await deleteIndex(master, ix).catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

export async function getJson<T = unknown>(base: string, path: string): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(base + path);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV and HTML stay text
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

// Starts the real app (indexer + server + built web app) against the test
// run's Meilisearch, on a fixture corpus, a temp data dir and a free port.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  const indexPrefix = `t${randomBytes(4).toString("hex")}_`;
  return appOn(dataDir, corpusDir, indexPrefix, opts.env ?? {}, async (app) => {
    for (const ix of [app.names.reports, app.names.passages]) await deleteIndex(app.master, ix).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/**
 * A server of its own on the test run's one indexed copy of the seed corpus (`corpus/raw`): the
 * first file to ask indexes it (into the Meilisearch run's folder, removed with it), every later
 * file starts on the same data folder and indexes, which the indexer finds unchanged (~1 s, not
 * ~6 s). For files that only read: writing needs an admin token nobody knows (a write answers
 * 403 and the test fails, it cannot leak into another file), and `reindex` throws. A file that
 * writes uses `startApp({ corpus: SEED_CORPUS })`, its own copy.
 */
export async function seedApp(): Promise<TestApp> {
  const root = join(inject("meiliDataDir"), "seed");
  const dataDir = join(root, "data");
  const corpusDir = join(root, "corpus");
  const ready = join(root, "ready");
  const env = { WENYUAN_ADMIN_TOKEN: randomBytes(16).toString("hex") };
  let app: TestApp;
  let building = false;
  try {
    mkdirSync(root); // atomic: exactly one process of the run builds it
    building = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  if (building) {
    mkdirSync(dataDir);
    cpSync(SEED_CORPUS, corpusDir, { recursive: true });
    try {
      app = await appOn(dataDir, corpusDir, "seed_", env, async () => {});
    } catch (e) {
      writeFileSync(ready, `failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
    writeFileSync(ready, "ok");
  } else {
    for (const t0 = Date.now(); !existsSync(ready); ) {
      if (Date.now() - t0 > 110_000) throw new Error(`the shared seed instance in ${root} was not ready after 110 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const state = readFileSync(ready, "utf8");
    if (state !== "ok") throw new Error(`the shared seed instance could not be built (${state})`);
    app = await appOn(dataDir, corpusDir, "seed_", env, async () => {});
  }
  const readOnly = () => Promise.reject(new Error("seedApp() is shared and read-only: use startApp({ corpus: SEED_CORPUS }) to write"));
  const restart = app.restart;
  Object.assign(app, {
    reindex: readOnly,
    async restart() {
      await restart();
      app.reindex = readOnly;
    },
  });
  return app;
}

async function appOn(dataDir: string, corpusDir: string, indexPrefix: string, env: Record<string, string>, remove: (app: TestApp) => Promise<void>): Promise<TestApp> {
  const config = resolveConfig(
    { PORT: "0", WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: corpusDir, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), ...env },
    ROOT,
  );
  const master = meiliMaster();
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
      await remove(app);
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

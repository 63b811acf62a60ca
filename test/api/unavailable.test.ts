// Meilisearch stopped under a running server: 503 with a message within 2 s,
// and 200 again once it is back, without restarting the server. Uses its own
// Meilisearch (the shared one must stay up for the other suites).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../core/config.ts";
import { meiliClient } from "../../core/meili/client.ts";
import { findMeiliBinary } from "../../core/meili/binary.ts";
import { startMeili, type RunningMeili } from "../../core/meili/process.ts";
import { start, type Started } from "../../server/start.ts";
import { FIXTURE_CORPUS, ROOT, getJson } from "../helpers/app.ts";

let dataDir: string;
let meili: RunningMeili;
let app: Started;
let port: number;
const KEY = "wenyuan-test-master-key-unavailable";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "wenyuan-test-down-"));
  meili = await startMeili({ binary: findMeiliBinary(null), dataDir, masterKey: KEY });
  port = Number(new URL(meili.url).port);
  const config = resolveConfig({ PORT: "0", WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: FIXTURE_CORPUS, MEILI_URL: meili.url, MEILI_MASTER_KEY: KEY }, ROOT);
  app = await start({ config, connection: { url: meili.url, master: meiliClient(meili.url, KEY, "master"), owned: false, pid: meili.pid, close: async () => {} }, log: () => {}, webDir: null });
});
afterAll(async () => {
  await app?.close();
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("Meilisearch down", () => {
  it("answers 503 with a message within 2 s, then recovers by itself", async () => {
    expect((await getJson(app.url, "/api/search?q=工会")).status).toBe(200);
    await meili.stop();

    for (const path of ["/api/health", "/api/search?q=工会", "/api/reports"]) {
      const t0 = performance.now();
      const res = await getJson<{ error?: { code: string; message: string }; status?: string; message?: string }>(app.url, path);
      expect(performance.now() - t0, path).toBeLessThan(2000);
      expect(res.status, path).toBe(503);
      const message = res.body.error?.message ?? res.body.message ?? "";
      expect(message).toMatch(/Meilisearch/);
      if (res.body.error) expect(res.body.error.code).toBe("search_unavailable");
    }
    // Analytics run on the corpus store and keep answering.
    expect((await getJson(app.url, "/api/kwic?term=工会")).status).toBe(200);

    meili = await startMeili({ binary: findMeiliBinary(null), dataDir, masterKey: KEY, port });
    expect((await getJson(app.url, "/api/health")).status).toBe(200);
    const again = await getJson<{ total: number }>(app.url, "/api/search?q=工会");
    expect(again.status).toBe(200);
    expect(again.body.total).toBeGreaterThan(0);
  });
});

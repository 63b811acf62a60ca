// No secret leaves the server: every file the web build emits and every API
// response of a crawl over all endpoints (JSON and CSV, successes and errors) is
// free of the master key, the admin key and the search key; the master key file is
// private to its owner (0600), even if it was created or loosened by someone else.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { ENDPOINTS } from "../../core/api/openapi.ts";
import { FACETS } from "../../core/api/schema.ts";
import { readOrCreateMasterKey } from "../../core/meili/process.ts";
import { ROOT, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let secrets: string[];

beforeAll(async () => {
  app = await startApp();
  const keys = await app.master.getKeys({ limit: 1000 });
  const admin = keys.results.find((k) => k.name === "Default Admin API Key")?.key;
  const search = keys.results.find((k) => k.name?.startsWith(`wenyuan-search:${app.names.reports}`))?.key;
  expect(admin).toBeTruthy();
  expect(search).toBeTruthy(); // the server's own key exists, so its absence below means something
  secrets = [inject("meiliKey"), admin!, search!, ...keys.results.map((k) => k.key)];
});
afterAll(async () => {
  await app?.stop();
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function expectNoSecret(text: string, where: string): void {
  for (const s of secrets) expect(text.includes(s), `${where} contains a Meilisearch key`).toBe(false);
}

describe("no secret in the browser", () => {
  it("the built web app contains no key", () => {
    const emitted = files(join(ROOT, "web", "dist"));
    expect(emitted.some((f) => f.endsWith(".js"))).toBe(true);
    for (const f of emitted) expectNoSecret(readFileSync(f).toString("latin1") + readFileSync(f, "utf8"), f);
  });

  it("no API response (JSON, CSV, errors, headers) contains a key", async () => {
    const id = ((await (await fetch(`${app.url}/api/reports?perPage=1`)).json()) as { reports: { id: string }[] }).reports[0].id;
    const base: Record<string, string> = { term: "工会", text: "工会开展送温暖活动", q: "工会" };
    const paths: string[] = ["/", "/report/x", "/api/openapi.json", "/api/nope", "/api/search?sector=bad", `/api/reports/${id}?highlight=工会`, "/api/reports/doesnotexist"];
    for (const e of ENDPOINTS) {
      const shape = e.query ? Object.keys(e.query.shape) : [];
      const qs = Object.entries(base)
        .filter(([k]) => shape.includes(k))
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join("&");
      const filled = e.path.replace("{id}", id);
      for (const path of e.path.includes("{name}") ? FACETS.map((f) => e.path.replace("{name}", f)) : [filled]) {
        paths.push(`${path}?${qs}`, `${path}?${qs}&sector=nonsense`);
        if (e.csv) paths.push(`${path}?${qs}&format=csv`);
      }
    }
    let ok = 0;
    for (const path of paths) {
      const res = await fetch(app.url + path);
      const text = await res.text();
      if (res.status === 200) ok++;
      expectNoSecret(text, path);
      expectNoSecret(JSON.stringify([...res.headers]), `${path} (headers)`);
    }
    expect(ok).toBeGreaterThanOrEqual(ENDPOINTS.length + 10);
  });
});

describe("the master key file", () => {
  it("is created with mode 0600, and tightened back to 0600 when found looser", () => {
    const dir = mkdtempSync(join(tmpdir(), "wenyuan-test-key-"));
    try {
      const key = readOrCreateMasterKey(dir);
      const path = join(dir, "meili.key");
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(key.length).toBeGreaterThanOrEqual(16);
      chmodSync(path, 0o644);
      expect(readOrCreateMasterKey(dir)).toBe(key);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      writeFileSync(path, "short\n", { mode: 0o666 });
      chmodSync(path, 0o666);
      const replaced = readOrCreateMasterKey(dir);
      expect(replaced).not.toBe("short");
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

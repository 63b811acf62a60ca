// Serving a research group over plain HTTP on a lab server: TLS-only headers only over TLS, a
// base path for a proxy, liveness apart from readiness (which flips while reindexing, with
// Meilisearch or the store down, and while draining), JSON 404/405 with Allow, static 404s.
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../core/config.ts";
import { start } from "../../server/start.ts";
import { FIXTURE_CORPUS, ROOT, getJson, startApp, type TestApp } from "../helpers/app.ts";
import { privateMeili } from "../reliability/helpers.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

interface Ready {
  ready: boolean;
  reason: string | null;
}

describe("plain HTTP from any host name", () => {
  it("listens on loopback by default", () => {
    expect(new URL(app.url).hostname).toBe("127.0.0.1");
  });

  it("sends neither HSTS nor upgrade-insecure-requests over plain HTTP, even with a forged X-Forwarded-Proto", async () => {
    for (const headers of [{}, { "X-Forwarded-Proto": "https" }] as Record<string, string>[]) {
      const res = await fetch(`${app.url}/`, { headers: { Host: "wenyuan.test:3416", ...headers } });
      expect(res.status).toBe(200);
      expect(res.headers.get("strict-transport-security")).toBeNull();
      expect(res.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    }
  });

  it.each([
    ["WENYUAN_HTTPS=true", { WENYUAN_HTTPS: "true" }, {}],
    ["a TLS proxy that trust proxy believes", { WENYUAN_TRUST_PROXY: "loopback" }, { "X-Forwarded-Proto": "https" }],
  ])("sends both behind TLS: %s", async (_name, env, headers) => {
    const tls = await startApp({ env });
    try {
      const res = await fetch(`${tls.url}/`, { headers });
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      await tls.stop();
    }
  });
});

describe("API and static errors", () => {
  it("answers a wrong method on an API path with a JSON 405 and Allow, an unknown path with a JSON 404", async () => {
    for (const path of ["/api/reports/abc", "/api/search", "/api/health/ready"]) {
      const res = await fetch(app.url + path, { method: "DELETE" });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
    }
    const missing = await getJson<{ error: { code: string } }>(app.url, "/api/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it("answers a missing asset with 404, not the app shell; a client route still gets the shell", async () => {
    for (const path of ["/assets/missing-abc123.js", "/assets/x.css", "/favicon.ico"]) {
      const res = await fetch(app.url + path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).not.toContain("text/html");
    }
    const shell = await fetch(`${app.url}/report/abc`);
    expect(shell.status).toBe(200);
    const html = await shell.text();
    expect(html).toContain('<div id="root">');
    // The real assets it names exist.
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(1);
    for (const a of assets) expect((await fetch(app.url + a)).status).toBe(200);
  });
});

describe("liveness and readiness", () => {
  it("live and ready when serving", async () => {
    expect((await getJson(app.url, "/api/health/live")).status).toBe(200);
    const ready = await getJson<Ready>(app.url, "/api/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true, reason: null });
  });

  it("readiness is 503 'indexing' during a reindex and 200 again after it; liveness stays 200", async () => {
    const own = await startApp();
    try {
      const run = own.reindex();
      const seen: number[] = [];
      let settled = false;
      void run.finally(() => (settled = true));
      while (!settled) {
        const r = await getJson<Ready>(own.url, "/api/health/ready");
        seen.push(r.status);
        if (r.status === 503) expect(r.body.reason).toBe("indexing");
        expect((await getJson(own.url, "/api/health/live")).status).toBe(200);
      }
      await run;
      expect(seen).toContain(503);
      expect((await getJson<Ready>(own.url, "/api/health/ready")).status).toBe(200);
    } finally {
      await own.stop();
    }
  });

  it("with the corpus store gone: /api/health and readiness 503, liveness 200", async () => {
    const own = await startApp();
    try {
      rmSync(join(own.dataDir, "store"), { recursive: true, force: true });
      own.reload();
      const health = await getJson<{ status: string; corpus: string }>(own.url, "/api/health");
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: "unavailable", corpus: "unavailable" });
      const ready = await getJson<Ready>(own.url, "/api/health/ready");
      expect(ready.status).toBe(503);
      expect(ready.body.reason).toBe("corpus_unavailable");
      expect((await getJson(own.url, "/api/health/live")).status).toBe(200);
    } finally {
      await own.stop();
    }
  });

  it("with Meilisearch down: readiness 503 'search_unavailable', liveness 200", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wenyuan-test-ready-"));
    const meili = await privateMeili(join(dir, "meili"), "wenyuan-test-master-key-ready-01");
    const config = resolveConfig({ PORT: "0", WENYUAN_DATA_DIR: join(dir, "data"), WENYUAN_CORPUS_DIR: FIXTURE_CORPUS, MEILI_URL: meili.url, MEILI_MASTER_KEY: "wenyuan-test-master-key-ready-01" }, ROOT);
    const own = await start({ config, log: () => {}, webDir: null });
    try {
      expect((await getJson<Ready>(own.url, "/api/health/ready")).status).toBe(200);
      await meili.stop();
      const ready = await getJson<Ready>(own.url, "/api/health/ready");
      expect(ready.status).toBe(503);
      expect(ready.body.reason).toBe("search_unavailable");
      expect((await getJson(own.url, "/api/health/live")).status).toBe(200);
    } finally {
      await own.close();
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("shutdown", () => {
  it("while a request is in flight, new requests get 503 with Connection: close, then the server closes", async () => {
    const own = await startApp();
    const { port } = own;
    // A request whose body is still arriving stays in flight.
    const held = request({ host: "127.0.0.1", port, method: "POST", path: "/api/search", headers: { "Content-Type": "application/json", "Content-Length": "20" } });
    const heldStatus = new Promise<number>((r) => held.on("response", (res) => (res.resume(), r(res.statusCode ?? 0))));
    held.write('{"q":');
    await new Promise((r) => setTimeout(r, 200));
    const closing = own.stop();
    await new Promise((r) => setTimeout(r, 100));
    const during = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    expect(during.status).toBe(503);
    expect(during.headers.get("connection")).toBe("close");
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe("shutting_down");
    held.end('"x"}' + " ".repeat(11)); // 20 bytes in all
    expect(await heldStatus).toBe(405);
    await closing;
    await expect(fetch(`http://127.0.0.1:${port}/api/health/live`)).rejects.toThrow();
  });
});

describe("under a base path", () => {
  it("serves app, assets and API under WENYUAN_BASE_PATH and nothing outside it", async () => {
    const sub = await startApp({ env: { WENYUAN_BASE_PATH: "/wenyuan/" } });
    try {
      const origin = new URL(sub.url).origin;
      expect(sub.url).toBe(`${origin}/wenyuan`);
      const bare = await fetch(`${origin}/wenyuan`, { redirect: "manual" });
      expect(bare.status).toBe(301);
      expect(bare.headers.get("location")).toBe("/wenyuan/");
      const html = await (await fetch(`${origin}/wenyuan/kwic?q=x`)).text();
      expect(html).toContain('<meta name="wenyuan-base" content="/wenyuan"');
      const assets = [...html.matchAll(/(?:src|href)="([^"]*assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThan(1);
      for (const a of assets) {
        expect(a.startsWith("/wenyuan/assets/")).toBe(true);
        expect((await fetch(origin + a)).status).toBe(200);
      }
      expect((await fetch(`${origin}/wenyuan/api/health`)).status).toBe(200);
      expect((await fetch(`${origin}/api/health`)).status).toBe(404);
    } finally {
      await sub.stop();
    }
  });
});

// HTTP hardening: helmet's headers and the Content-Security-Policy on the web app
// and the API, a 64 KB request body limit answered with a JSON 413 (not a 500), and
// the configurable rate limit (WENYUAN_RATE_LIMIT), off for localhost unless
// WENYUAN_RATE_LIMIT_LOCAL=true.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("security headers", () => {
  it.each(["/", "/report/abc", "/api/health", "/api/search?q=工会", "/api/nope", "/api/search?year=abc"])("%s has CSP, nosniff, frame protection and no X-Powered-By", async (path) => {
    const res = await fetch(app.url + encodeURI(path));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/(^|;)\s*default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline or eval'd scripts
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toMatch(/^(DENY|SAMEORIGIN)$/);
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});

describe("request size limit", () => {
  it("answers a >64 KB JSON body with 413 and a JSON error, not a 500", async () => {
    const body = JSON.stringify({ q: "工".repeat(40_000) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(64 * 1024);
    const res = await fetch(`${app.url}/api/search`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(typeof json.error.code).toBe("string");
    expect(typeof json.error.message).toBe("string");
  });

  it("answers a malformed JSON body with a JSON 400, and a small POST with a JSON 405 naming GET in Allow", async () => {
    const bad = await fetch(`${app.url}/api/search`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"q": "工会",' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBeTruthy();
    const post = await fetch(`${app.url}/api/search`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"q":"工会"}' });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });
});

describe("rate limit", () => {
  it("WENYUAN_RATE_LIMIT=5 with WENYUAN_RATE_LIMIT_LOCAL=true: the 6th request in a minute gets a JSON 429", async () => {
    const limited = await startApp({ env: { WENYUAN_RATE_LIMIT: "5", WENYUAN_RATE_LIMIT_LOCAL: "true" } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${limited.url}/api/search?q=${encodeURIComponent("工会")}`);
        statuses.push(res.status);
        if (res.status === 429) {
          expect(res.headers.get("content-type")).toMatch(/application\/json/);
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
        } else await res.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      // The web app itself is not rate limited.
      expect((await fetch(`${limited.url}/`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it("is off for localhost by default, and with a limit but without WENYUAN_RATE_LIMIT_LOCAL", async () => {
    const limitedRemoteOnly = await startApp({ env: { WENYUAN_RATE_LIMIT: "5" } });
    try {
      for (const url of [app.url, limitedRemoteOnly.url]) {
        const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/api/health`).then((r) => r.status)));
        expect(statuses.every((s) => s === 200)).toBe(true);
      }
    } finally {
      await limitedRemoteOnly.stop();
    }
  });
});

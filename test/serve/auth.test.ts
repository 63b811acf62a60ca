// Keeping a corpus private: WENYUAN_READ_TOKEN for API clients (Bearer) and browsers (login page,
// session cookie), and requireAdmin for writes. Off by default.
import { createServer } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../core/config.ts";
import { errorMiddleware } from "../../server/middlewares/error.ts";
import { loginRoutes, requireAdmin, sameSecret } from "../../server/middlewares/auth.ts";
import { ROOT, startApp, type TestApp } from "../helpers/app.ts";

const READ = "read-token-0123456789abcdef";
const ADMIN = "admin-token-0123456789abcdef";

let open: TestApp;
let closed: TestApp;
beforeAll(async () => {
  [open, closed] = await Promise.all([startApp(), startApp({ env: { WENYUAN_READ_TOKEN: READ, WENYUAN_ADMIN_TOKEN: ADMIN } })]);
});
afterAll(async () => {
  await Promise.all([open?.stop(), closed?.stop()]);
});

const search = `/api/search?q=${encodeURIComponent("工会")}`;

describe("reading without a token configured", () => {
  it("is open, as before", async () => {
    expect((await fetch(open.url + search)).status).toBe(200);
    expect((await fetch(`${open.url}/`)).status).toBe(200);
  });
});

describe("reading with WENYUAN_READ_TOKEN", () => {
  it("refuses the API without the token (JSON 401 + WWW-Authenticate), and with a wrong one", async () => {
    for (const headers of [{}, { Authorization: "Bearer wrong-token-0123456789abcdef" }, { Authorization: READ }] as Record<string, string>[]) {
      const res = await fetch(closed.url + search, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
    expect((await fetch(`${closed.url}/api/reports`)).status).toBe(401);
    expect((await fetch(`${closed.url}/assets/anything.js`)).status).toBe(401);
  });

  it("answers the API with the read token, or the admin token, as Bearer", async () => {
    for (const token of [READ, ADMIN]) {
      const res = await fetch(closed.url + search, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
    }
  });

  it("leaves the supervisor's probes open", async () => {
    expect((await fetch(`${closed.url}/api/health/live`)).status).toBe(200);
    expect((await fetch(`${closed.url}/api/health/ready`)).status).toBe(200);
  });

  it("sends a browser to the login page, signs it in with a strict HttpOnly cookie, and the cookie reads", async () => {
    const page = await fetch(`${closed.url}/kwic?q=x`, { headers: { Accept: "text/html" }, redirect: "manual" });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe(`/login?next=${encodeURIComponent("/kwic?q=x")}`);
    const login = await fetch(`${closed.url}/login?next=%2Fkwic`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('name="token"');

    const post = (token: string, next = "/kwic?q=x") =>
      fetch(`${closed.url}/login`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token, next }), redirect: "manual" });
    const wrong = await post("not-the-token-at-all");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const ok = await post(READ);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/kwic?q=x");
    const cookie = ok.headers.get("set-cookie") ?? "";
    const attrs = cookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=strict");
    expect(attrs).not.toContain("secure"); // plain HTTP: a Secure cookie would never come back
    const session = cookie.split(";")[0];
    expect((await fetch(closed.url + search, { headers: { Cookie: session } })).status).toBe(200);
    expect((await fetch(`${closed.url}/kwic`, { headers: { Cookie: session, Accept: "text/html" } })).status).toBe(200);
    // A forged or altered cookie does not.
    const forged = session.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await fetch(closed.url + search, { headers: { Cookie: forged } })).status).toBe(401);
    // Never redirected off the site after signing in.
    expect((await post(READ, "//evil.example/")).headers.get("location")).toBe("/");
  });

  it("marks the cookie Secure behind TLS", async () => {
    const tls = await startApp({ env: { WENYUAN_READ_TOKEN: READ, WENYUAN_TRUST_PROXY: "loopback" } });
    try {
      const res = await fetch(`${tls.url}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https" },
        body: new URLSearchParams({ token: READ }),
        redirect: "manual",
      });
      expect(res.status).toBe(303);
      expect((res.headers.get("set-cookie") ?? "").split(";").map((a) => a.trim())).toContain("Secure");
    } finally {
      await tls.stop();
    }
  });
});

describe("requireAdmin (writes)", () => {
  async function writeApp(env: Record<string, string>) {
    const config = resolveConfig({ PORT: "0", ...env }, ROOT);
    const app = express();
    app.post("/api/corpus", requireAdmin(config), (_req, res) => void res.status(201).json({ ok: true }));
    app.use(errorMiddleware(() => {}));
    const server = createServer(app);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/corpus`;
    return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it("with WENYUAN_ADMIN_TOKEN: only `Bearer <admin token>` writes, the read token does not", async () => {
    const w = await writeApp({ WENYUAN_ADMIN_TOKEN: ADMIN, WENYUAN_READ_TOKEN: READ });
    try {
      const status = (auth?: string) => fetch(w.url, { method: "POST", headers: auth ? { Authorization: auth } : {} }).then((r) => r.status);
      expect(await status(`Bearer ${ADMIN}`)).toBe(201);
      expect(await status(`Bearer ${READ}`)).toBe(403);
      expect(await status()).toBe(403);
    } finally {
      await w.close();
    }
  });

  it("without an admin token: loopback writes, a request relayed by a proxy does not", async () => {
    const w = await writeApp({});
    try {
      expect((await fetch(w.url, { method: "POST" })).status).toBe(201);
      const relayed = await fetch(w.url, { method: "POST", headers: { "X-Forwarded-For": "203.0.113.7" } });
      expect(relayed.status).toBe(403);
      expect(((await relayed.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    } finally {
      await w.close();
    }
  });
});

describe("comparing a token", () => {
  it("compares fixed-length digests whatever the lengths, so a wrong length answers no sooner", () => {
    const seen: [number, number][] = [];
    const equal = (a: Buffer, b: Buffer) => {
      seen.push([a.length, b.length]);
      return a.equals(b);
    };
    expect(sameSecret(READ, READ, equal)).toBe(true);
    expect(sameSecret("x", READ, equal)).toBe(false);
    expect(sameSecret(`${READ}-and-more`, READ, equal)).toBe(false);
    expect(sameSecret("", READ, equal)).toBe(false);
    expect(sameSecret(READ.replace(/.$/, "X"), READ, equal)).toBe(false);
    // every comparison ran, on two 32-byte digests
    expect(seen).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
  });
});

describe("failed sign-ins", () => {
  async function loginApp(env: Record<string, string>) {
    const app = express();
    app.use(loginRoutes(resolveConfig({ PORT: "0", WENYUAN_READ_TOKEN: READ, ...env }, ROOT)));
    const server = createServer(app);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/login`;
    const post = (token: string) => fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token, next: "/" }), redirect: "manual" });
    return { post, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it("are limited by default: the 11th wrong token in 15 minutes gets 429 with Retry-After, and so does the right one then", async () => {
    const w = await loginApp({});
    try {
      for (let i = 0; i < 10; i++) expect((await w.post(`wrong-token-${i}`)).status).toBe(401);
      const refused = await w.post("wrong-token-10");
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(14 * 60);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      expect(await refused.text()).toMatch(/Too many failed sign-ins: try again in 15 min/);
      expect((await w.post(READ)).status).toBe(429);
    } finally {
      await w.close();
    }
  });

  it("count only failures, and follow WENYUAN_LOGIN_FAILURES (0: no limit)", async () => {
    const three = await loginApp({ WENYUAN_LOGIN_FAILURES: "3" });
    try {
      expect((await three.post("wrong-a")).status).toBe(401);
      expect((await three.post("wrong-b")).status).toBe(401);
      for (let i = 0; i < 3; i++) expect((await three.post(READ)).status).toBe(303); // successes are not counted
      expect((await three.post("wrong-c")).status).toBe(401);
      expect((await three.post("wrong-d")).status).toBe(429);
    } finally {
      await three.close();
    }
    const off = await loginApp({ WENYUAN_LOGIN_FAILURES: "0" });
    try {
      for (let i = 0; i < 15; i++) expect((await off.post(`wrong-${i}`)).status).toBe(401);
      expect((await off.post(READ)).status).toBe(303);
    } finally {
      await off.close();
    }
  });
});

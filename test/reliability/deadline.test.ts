// One heavy analysis must never stall everyone (issue 13): past its deadline an analysis answers
// a 504 naming the limit within the deadline + 1 s, while /api/health keeps answering at once;
// one client cannot run more than its share at a time (429 + Retry-After), loopback included.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { synthesize } from "../../bench/synth.ts";
import { startApp, type TestApp } from "../helpers/app.ts";

const DEADLINE_MS = 300;
// Heavy on 1,500 reports (formulas alone ~1 s there); distinct parameters, so nothing is cached.
const HEAVY = ["/api/formulas?min=2&limit=500", "/api/ngrams?n=5&min=1&limit=1000", "/api/formulas?min=3&limit=400", "/api/collocates?term=职工&window=10&min=1&limit=1000", "/api/keyness?a.sector=hospital&limit=1000&min=1", "/api/phrasing?term=工作&limit=100"];

let app: TestApp;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "wenyuan-synth-deadline-"));
  await synthesize({ reports: 1500, seed: 7, out: dir });
  app = await startApp({ corpus: dir, env: { WENYUAN_ANALYTICS_TIMEOUT_MS: String(DEADLINE_MS), WENYUAN_ANALYTICS_PER_CLIENT: "3" } });
}, 600_000);
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function timed(path: string): Promise<{ status: number; ms: number; body: { error?: { code: string; message: string } }; retryAfter: string | null }> {
  const t0 = performance.now();
  const res = await fetch(app.url + path);
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, ms: performance.now() - t0, body, retryAfter: res.headers.get("retry-after") };
}

describe("deadline, health and the per-client cap", () => {
  it("a request past its deadline answers 504 naming the limit within deadline + 1 s while health stays fast", async () => {
    const health: number[] = [];
    let running = true;
    const probe = (async () => {
      while (running) {
        health.push((await timed("/api/health")).ms);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const results = await Promise.all(HEAVY.slice(0, 3).map((p) => timed(p)));
    running = false;
    await probe;
    for (const r of results) {
      expect(r.ms).toBeLessThan(DEADLINE_MS + 1000);
      if (r.status !== 200) {
        expect(r.status).toBe(504);
        expect(r.body.error?.code).toBe("analytics_timeout");
        expect(r.body.error?.message).toContain(`${DEADLINE_MS} ms`);
        expect(r.body.error?.message).toContain("WENYUAN_ANALYTICS_TIMEOUT_MS");
      }
    }
    // formulas on 1,500 reports take far longer than 300 ms: it must have been stopped
    expect(results[0].status).toBe(504);
    expect(health.length).toBeGreaterThan(2);
    expect(Math.max(...health)).toBeLessThan(250);
    // the pool recovers: stopped workers are replaced (and attach to the image again, which may
    // itself take longer than this test's tiny deadline on a busy machine), then a light analysis answers
    let light = await timed("/api/kwic?term=送温暖&perPage=5");
    for (let i = 0; i < 40 && light.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      light = await timed("/api/kwic?term=送温暖&perPage=5");
    }
    expect(light.status).toBe(200);
  }, 60_000);

  it("a client running its share of analyses gets 429 with Retry-After, on loopback too", async () => {
    const results = await Promise.all(HEAVY.map((p, i) => timed(`${p}&sector=${["hospital", "school", "enterprise", "agency", "other", "hospital"][i]}`)));
    const refused = results.filter((r) => r.status === 429);
    expect(refused.length).toBe(HEAVY.length - 3);
    for (const r of refused) {
      expect(r.body.error?.code).toBe("analytics_client_limit");
      expect(r.body.error?.message).toContain("WENYUAN_ANALYTICS_PER_CLIENT");
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    for (const r of results) expect([200, 429, 504]).toContain(r.status);
  }, 60_000);
});

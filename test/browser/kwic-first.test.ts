// A corpus query's concordance shows its first page before its totals are counted (issue 18's
// first-page target): the page comes from count=false, marked "at least"; the exact totals follow.
// The full request is held back here (a real response, delayed) so the partial state can be seen.
// Both figures are checked against a scan of the store's tokens and tags written here.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { readStore } from "../../core/store.ts";
import { ROOT, seedApp, type TestApp } from "../helpers/app.ts";
import { is, naiveMatches } from "../cql/naive.ts";

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

let app: TestApp;
let browser: Browser;
let want: { total: number; reports: number };

beforeAll(async () => {
  app = await seedApp();
  const steps = [
    { ok: (_w: string, tag: string) => tag === "v", min: 1, max: 1 },
    { ok: is("职工"), min: 1, max: 1 },
  ];
  want = { total: 0, reports: 0 };
  for (const e of readStore(app.dataDir).entries) {
    if (e.report.kind !== "report" || e.report.duplicateOf !== null) continue;
    const n = naiveMatches(e.tokens, e.tags ?? [], steps).length;
    want.total += n;
    if (n) want.reports++;
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a CQL concordance's first page", () => {
  it("shows lines with 'at least' totals, then the exact totals", async () => {
    // more than one page (50 lines), or the first request reads everything and is exact
    expect(want.total).toBeGreaterThan(100);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    await context.addInitScript(() => localStorage.setItem("wenyuan.lang", "zh"));
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/api\/kwic\?/, async (route) => {
      if (!route.request().url().includes("count=false")) await held;
      await route.continue();
    });
    await page.goto(`${app.url}/kwic?match=cql&term=${encodeURIComponent('[tag="v"] "职工"')}`);
    const summary = page.locator(".results-summary");
    await poll(() => summary.textContent()).toMatch(/^至少 \d+ 处出现/);
    const partial = Number((await summary.textContent())!.match(/\d+/)![0]);
    expect(partial).toBeLessThanOrEqual(want.total);
    await poll(() => page.locator("table.kwic tbody tr").count()).toBeGreaterThan(0);
    mkdirSync(join(ROOT, "test", "artifacts"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "test", "artifacts", "kwic-cql-first-page.png") });
    release();
    await poll(() => summary.textContent()).toBe(`${want.total} 处出现，分布于 ${want.reports} 篇报告`);
    await context.close();
  });
});

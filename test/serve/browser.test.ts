// The app opened as a lab member opens it: over plain HTTP from a host name that is not
// localhost (Chromium maps wenyuan.test to 127.0.0.1), with every asset loading — once at the
// root, once under a base path behind the login page. Screenshots land in test/artifacts/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOT, startApp, type TestApp } from "../helpers/app.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");
const HOST = "wenyuan.test";
const TOKEN = "lab-read-token-0123456789";
const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
];

let browser: Browser;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", headless: true, args: CHROME_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

/** A page that records every request that failed or answered an error, and every script error. */
async function watchedPage(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const problems: string[] = [];
  // ERR_ABORTED is the app cancelling a request it no longer needs (a newer query, a navigation).
  page.on("requestfailed", (r) => r.failure()?.errorText !== "net::ERR_ABORTED" && problems.push(`failed ${r.url()}: ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return { page, problems, close: () => context.close() };
}

async function searchRenders(page: Page): Promise<number> {
  await page.locator('input[type="search"]').fill("送温暖");
  await page.waitForSelector("article.hit mark");
  return page.locator("article.hit").count();
}

describe(`http://${HOST}:<port>/ in Chromium`, () => {
  let app: TestApp;
  beforeAll(async () => {
    // Listening on all interfaces, as a lab server would; reached by name, not as 127.0.0.1.
    app = await startApp({ env: { HOST: "0.0.0.0" } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("renders with its assets (no https upgrade), and a search shows hits", async () => {
    const { page, problems, close } = await watchedPage();
    try {
      const res = await page.goto(`http://${HOST}:${app.port}/`);
      expect(res?.status()).toBe(200);
      expect(await page.evaluate(() => location.protocol)).toBe("http:");
      expect(await searchRenders(page)).toBeGreaterThan(0);
      // CSS applied: the stylesheet loaded over http.
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, "serve-host-name.png") });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe(`http://${HOST}:<port>/wenyuan/ with a read token`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ env: { WENYUAN_BASE_PATH: "/wenyuan", WENYUAN_READ_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("asks to sign in, then the app renders under the base path and its API calls carry the session", async () => {
    const { page, problems, close } = await watchedPage();
    try {
      await page.goto(`http://${HOST}:${app.port}/wenyuan/kwic`);
      expect(new URL(page.url()).pathname).toBe("/wenyuan/login");
      await page.locator('input[name="token"]').fill(TOKEN);
      await Promise.all([page.waitForURL((u) => u.pathname === "/wenyuan/kwic"), page.locator('button[type="submit"]').click()]);
      const apiCalls: string[] = [];
      page.on("request", (r) => r.url().includes("/api/") && apiCalls.push(new URL(r.url()).pathname));
      await page.goto(`http://${HOST}:${app.port}/wenyuan/`);
      expect(await searchRenders(page)).toBeGreaterThan(0);
      expect(apiCalls.length).toBeGreaterThan(0);
      expect(apiCalls.every((p) => p.startsWith("/wenyuan/api/"))).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "serve-base-path-signed-in.png") });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

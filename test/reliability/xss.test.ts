// Report text and snippets that contain HTML are shown as text: a user types the
// search in the search box, reads the snippet, opens the report, and nothing in
// the fixture's `<img src=x onerror=…>` or `<script>` runs or becomes an element.
// (Debian's Chromium through playwright-core, against the real server and web app.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { startApp, type TestApp } from "../helpers/app.ts";

const PAYLOAD = "<img src=x onerror=window.__pwned=2>";

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Nothing executed, nothing injected: no flag, no dialog, no <img src=x>, no script but the app's own. */
async function expectInert(page: Page, dialogs: string[], blocked: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], img[onerror]').count()).toBe(0);
  const inlineScripts = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent ?? ""));
  expect(inlineScripts.filter((s) => s.includes("__pwned"))).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(blocked).toEqual([]); // not even a request for the bogus image
}

describe("HTML in report text", () => {
  it("is displayed as text in snippets and in the report, and runs nothing", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const imageRequests: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (/\/x(\?|$)/.test(new URL(r.url()).pathname)) imageRequests.push(r.url());
    });
    try {
      await page.goto(app.url + "/");
      const box = page.locator('input[type="search"]').first();
      await box.fill("示例标记");
      await box.press("Enter");
      const hit = page.locator("article.hit", { hasText: "XSS测试" }).first();
      await hit.waitFor();
      const snippet = (await hit.locator(".snippet").textContent()) ?? "";
      expect(snippet).toContain("示例标记");
      expect(snippet).toContain("<img src=x onerror");
      await expectInert(page, dialogs, imageRequests);

      await hit.locator("a").first().click();
      await page.waitForURL(/\/report\//);
      const text = page.locator(".report-text");
      await expect.poll(() => text.textContent(), { timeout: 15_000 }).toContain(PAYLOAD);
      expect(await text.textContent()).toContain("<script>window.__pwned=3</script>");
      expect(await page.locator(".report-text img, .report-text script").count()).toBe(0);
      expect(await page.getByText(PAYLOAD, { exact: false }).first().isVisible()).toBe(true);
      await expectInert(page, dialogs, imageRequests);
    } finally {
      await context.close();
    }
  });
});

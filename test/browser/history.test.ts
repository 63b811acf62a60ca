// Issue 26 item 2 as a researcher walks it in Chromium: a search and a concordance land in the
// browser's history with their counts, which a reload keeps; one entry is deleted, then the history
// is cleared; queries saved on the instance are listed after a server restart with its count when
// saved and now, and opening it lands on the saved URL with the same count. The counts are checked
// against a recount written here: a string search over the clean texts of the corpus store.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { ROOT, startApp, type TestApp } from "../helpers/app.ts";
import { readStore } from "../../core/store.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");
const SEARCH_TERM = "困难职工";
const KWIC_TERM = "慰问";

let app: TestApp;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let texts: string[];
/** word tokens (holding a letter or a digit) of the canonical reports: the word list's total */
let words: number;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startApp();
  // the canonical reports every view counts over: no excerpts, no duplicate copies
  texts = readStore(app.dataDir)
    .entries.filter((e) => e.report.kind === "report" && e.report.duplicateOf === null)
    .map((e) => e.report.text);
  words = readStore(app.dataDir)
    .entries.filter((e) => e.report.kind === "report" && e.report.duplicateOf === null)
    .reduce((n, e) => n + e.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t)).length, 0);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" })).newPage();
  pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
/** Reports whose text holds `s`, and its occurrences (left to right, no overlap): match=substring's two counts. */
const reportsHolding = (s: string) => texts.filter((t) => t.includes(s)).length;
const occurrences = (s: string) => texts.reduce((n, t) => n + t.split(s).length - 1, 0);
const searchUrl = `/?q=${encodeURIComponent(SEARCH_TERM)}&match=substring`;
const kwicUrl = `/kwic?term=${encodeURIComponent(KWIC_TERM)}&match=substring`;

it("history: a search and a KWIC query are kept across a reload with their counts; delete and clear", async () => {
  const reports = reportsHolding(SEARCH_TERM);
  const lines = occurrences(KWIC_TERM);
  expect(reports).toBeGreaterThan(1);
  expect(lines).toBeGreaterThan(1);

  await page.goto(app.url + searchUrl);
  await page.waitForSelector("article.hit");
  await page.goto(app.url + kwicUrl);
  await page.waitForSelector("table.kwic tbody tr");
  await page.reload();
  await page.waitForSelector("table.kwic tbody tr");

  await page.getByRole("link", { name: "历史与收藏" }).click();
  await page.waitForSelector(".history-list tbody tr");
  const rows = page.locator(".history-list tbody tr");
  expect(await rows.count()).toBe(2);
  // newest first: the KWIC query, then the search; each with its count then, in words too
  expect(await rows.nth(0).getAttribute("data-url")).toBe(kwicUrl);
  expect(await rows.nth(0).getAttribute("data-view")).toBe("kwic");
  expect(Number(await rows.nth(0).locator("td[data-count]").getAttribute("data-count"))).toBe(lines);
  expect(await rows.nth(0).locator("td[data-count]").innerText()).toBe(`${lines} 处出现`);
  expect(await rows.nth(1).getAttribute("data-view")).toBe("search");
  expect(await rows.nth(1).getAttribute("data-url")).toBe(searchUrl);
  expect(Number(await rows.nth(1).locator("td[data-count]").getAttribute("data-count"))).toBe(reports);
  expect(await rows.nth(1).locator("td[data-count]").innerText()).toBe(`${reports} 篇报告`);
  expect(await rows.nth(1).innerText()).toContain(`“${SEARCH_TERM}”`);
  await expect(page.locator(".query-history").innerText()).resolves.toContain("最多保留最近 500 条");
  await shot("history-page");

  // a reload of the history page itself keeps both
  await page.reload();
  await page.waitForSelector(".history-list tbody tr");
  expect(await page.locator(".history-list tbody tr").count()).toBe(2);

  // an entry re-runs on click: the search again, with the same count
  await page.locator('.history-list tr[data-view="search"] a.history-open').click();
  await page.waitForSelector("article.hit");
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(searchUrl);
  await expect(page.locator(".results-summary").innerText()).resolves.toContain(`共 ${reports} 条结果`);

  // delete one entry, then clear the rest
  await page.goto(`${app.url}/history`);
  await page.waitForSelector(".history-list tbody tr");
  await page.locator('.history-list tr[data-view="kwic"] button.history-delete').click();
  await page.waitForFunction(() => document.querySelectorAll(".history-list tbody tr").length === 1);
  expect(await page.locator(".history-list tbody tr").getAttribute("data-view")).toBe("search");
  await page.locator("button.history-clear").click();
  await page.waitForSelector(".query-history .empty");
  expect(await page.locator(".history-list").count()).toBe(0);
  await expect(page.locator(".query-history").innerText()).resolves.toContain("还没有历史记录");
  await page.reload();
  await page.waitForSelector(".query-history .empty");
  expect(await page.locator(".history-list").count()).toBe(0);
  expect(pageErrors).toEqual([]);
}, 120_000);

it("saved queries: save a search and a concordance, restart the server, see its count then and now, open it", async () => {
  const reports = reportsHolding(SEARCH_TERM);
  await page.goto(app.url + searchUrl);
  await page.waitForSelector("article.hit");
  await page.locator("button.save-query-open").click();
  const name = page.locator('input[name="query-name"]');
  // the name is proposed from the query; the researcher gives their own
  expect(await name.inputValue()).toContain(SEARCH_TERM);
  await name.fill("困难职工（子串）");
  await page.locator('button.save-query-submit').click();
  await page.waitForSelector(".save-query-done");
  expect(await page.locator(".save-query-done").innerText()).toContain("已保存为“困难职工（子串）”");
  // a second save under the same name is refused, with the server's reason, and keeps the form
  await page.locator("button.save-query-open").click();
  await page.locator('input[name="query-name"]').fill("困难职工（子串）");
  await page.locator('button.save-query-submit').click();
  await page.waitForSelector(".save-query .error-text");
  expect(await page.locator(".save-query .error-text").innerText()).toContain("困难职工（子串）");
  await shot("history-save-form");

  // the concordance too, saved with Enter
  const lines = occurrences(KWIC_TERM);
  await page.goto(app.url + kwicUrl);
  await page.waitForSelector("table.kwic tbody tr");
  await page.locator("button.save-query-open").click();
  await page.locator('input[name="query-name"]').fill("慰问（子串）");
  await page.locator('input[name="query-name"]').press("Enter");
  await page.waitForSelector(".save-query-done");
  await shot("history-kwic-saved");

  await app.restart();
  await page.goto(`${app.url}/history`);
  const rows = page.locator(".saved-list tbody tr");
  await page.waitForFunction(() => document.querySelectorAll(".saved-list [data-count-now]").length === 2);
  expect(await rows.count()).toBe(2);
  // newest first
  const [kwicRow, row] = [rows.nth(0), rows.nth(1)];
  expect(await kwicRow.getAttribute("data-url")).toBe(kwicUrl);
  expect(Number(await kwicRow.locator("td[data-count-then]").getAttribute("data-count-then"))).toBe(lines);
  expect(Number(await kwicRow.locator("[data-count-now]").getAttribute("data-count-now"))).toBe(lines);
  expect(await row.getAttribute("data-url")).toBe(searchUrl);
  expect(Number(await row.locator("td[data-count-then]").getAttribute("data-count-then"))).toBe(reports);
  expect(Number(await row.locator("[data-count-now]").getAttribute("data-count-now"))).toBe(reports);
  expect(await row.locator("td[data-count-then]").innerText()).toBe(`${reports} 篇报告`);
  await shot("history-saved");

  await row.locator("a.saved-open").click();
  await page.waitForSelector("article.hit");
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(searchUrl);
  await expect(page.locator(".results-summary").innerText()).resolves.toContain(`共 ${reports} 条结果`);
  expect(await page.locator("article.hit").count()).toBe(Math.min(reports, 20));

  // deleted from the list, they are gone for everyone
  await page.goto(`${app.url}/history`);
  await page.locator(".saved-list button.saved-delete").first().click();
  await page.waitForFunction(() => document.querySelectorAll(".saved-list tbody tr").length === 1);
  await page.locator(".saved-list button.saved-delete").click();
  await page.waitForSelector(".saved-queries .empty");
  expect(await page.locator(".saved-list").count()).toBe(0);
  expect(pageErrors).toEqual([]);
}, 180_000);

it("analytics: the word list is recorded with its word total, and saved from the tab, with the same total now", async () => {
  expect(words).toBeGreaterThan(100);
  await page.goto(`${app.url}/analytics?minLength=1`);
  await page.waitForSelector("table.data tbody tr");
  await page.goto(`${app.url}/history`);
  const entry = page.locator('.history-list tr[data-view="analytics"]');
  await entry.waitFor();
  expect(await entry.getAttribute("data-url")).toBe("/analytics?minLength=1");
  expect(Number(await entry.locator("td[data-count]").getAttribute("data-count"))).toBe(words);
  expect(await entry.locator("td[data-count]").innerText()).toBe(`${words.toLocaleString("zh-CN")} 词`);

  await entry.locator("a.history-open").click();
  await page.waitForSelector("table.data tbody tr");
  await page.locator(".save-query-bar button.save-query-open").click();
  await page.locator('input[name="query-name"]').fill("全部词表");
  await page.locator("button.save-query-submit").click();
  await page.waitForSelector(".save-query-done");
  await page.goto(`${app.url}/history`);
  const saved = page.locator('.saved-list tr[data-url="/analytics?minLength=1"]');
  await saved.locator("[data-count-now]").waitFor();
  expect(Number(await saved.locator("td[data-count-then]").getAttribute("data-count-then"))).toBe(words);
  expect(Number(await saved.locator("[data-count-now]").getAttribute("data-count-now"))).toBe(words);
  await shot("history-analytics");
  expect(pageErrors).toEqual([]);
}, 120_000);

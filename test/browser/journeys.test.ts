// The web app walked as a user would, in Debian's Chromium driven by playwright-core,
// against the real server on the fixture corpus. Each journey leaves a screenshot in
// test/artifacts/ to look at.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import * as OpenCC from "opencc-js";
import { launchChromium } from "../helpers/browser.ts";
import { parseExportCsv } from "../helpers/csv.ts";
import { ROOT, startApp } from "../helpers/app.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  page = await context.newPage();
  pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

afterEach(async () => {
  await context?.close();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
const enc = (s: string) => encodeURIComponent(s);

/** Results settled: nothing in flight, no stale (placeholder) list on screen. */
async function resultsSettled() {
  await page.waitForFunction(() => document.querySelector('.results[aria-busy="false"]') !== null && document.querySelector(".is-stale") === null);
}

/** A canvas with enough non-white pixels to be a drawn chart. */
async function canvasDrawn(selector: string) {
  await page.waitForFunction((sel) => {
    const c = document.querySelector<HTMLCanvasElement>(sel);
    if (!c || c.width === 0 || c.height === 0) return false;
    const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return false;
    let inked = 0;
    for (let i = 0; i < data.length; i += 16) if (data[i + 3] > 0 && (data[i] < 230 || data[i + 1] < 230 || data[i + 2] < 230)) inked++;
    return inked > 200;
  }, selector);
}

describe("web app journeys", () => {
  it("search 送温暖, tick 医院: the URL changes and every result is a hospital report; open one and jump to a section", async () => {
    await page.goto(`${app.url}/`);
    const box = page.locator('input[type="search"]');
    await box.fill("送温暖");
    await page.waitForURL((u) => u.searchParams.get("q") === "送温暖");
    await page.waitForSelector("article.hit mark");
    await resultsSettled();
    const before = await page.locator("article.hit").count();
    expect(before).toBeGreaterThan(0);

    // click, not check(): the box is controlled by the URL, which react-router updates in a
    // transition, so check()'s immediate read-back can see the old state for a frame.
    await page.locator('input[data-facet="sector"][value="hospital"]').click();
    await page.waitForURL((u) => u.searchParams.getAll("sector").includes("hospital") && u.searchParams.get("q") === "送温暖");
    await expect.poll(() => page.locator('input[data-facet="sector"][value="hospital"]').isChecked()).toBe(true);
    await resultsSettled();
    const sectors = await page.locator("article.hit").evaluateAll((els) => els.map((e) => e.getAttribute("data-sector")));
    expect(sectors.length).toBeGreaterThan(0);
    expect(new Set(sectors)).toEqual(new Set(["hospital"]));
    expect(await page.locator("article.hit mark").first().textContent()).toContain("送温暖");
    await shot("search-hospital");

    // back restores the unfiltered search, forward the filtered one
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has("sector"));
    await expect.poll(() => page.locator('input[data-facet="sector"][value="hospital"]').isChecked()).toBe(false);
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.has("sector"));
    await resultsSettled();

    await page.locator("article.hit h3 a").first().click();
    await page.waitForURL(/\/report\//);
    await page.waitForSelector(".report-text [data-start]");
    const outline = page.locator("nav.outline button[data-section-start]");
    expect(await outline.count()).toBeGreaterThan(0);
    const target = outline.nth(Math.min(1, (await outline.count()) - 1));
    const title = (await target.textContent())!.trim();
    await target.click();
    await page.waitForURL((u) => u.searchParams.has("at"));
    await page.waitForFunction((t) => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.start !== undefined && (el.textContent ?? "").includes(t.slice(0, 6));
    }, title);
    const inView = await page.evaluate(() => {
      const r = (document.activeElement as HTMLElement).getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await shot("report-section");
    expect(pageErrors).toEqual([]);
  });

  it("never searches while an IME composition is in progress", async () => {
    await page.goto(`${app.url}/`);
    await page.locator('input[type="search"]').focus();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "songwennuan", selectionStart: 11, selectionEnd: 11 });
    // a negative: nothing may happen for well past the debounce
    await page.waitForTimeout(800);
    expect(new URL(page.url()).searchParams.has("q")).toBe(false);
    await cdp.send("Input.insertText", { text: "送温暖" });
    await page.waitForURL((u) => u.searchParams.get("q") === "送温暖");
    await page.waitForSelector("article.hit");
  });

  it("completes 送温 to 送温暖 from the keyboard", async () => {
    await page.goto(`${app.url}/`);
    const box = page.getByRole("combobox", { name: "检索词" });
    await box.fill("送温");
    const options = page.getByRole("listbox").getByRole("option");
    await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("送温暖")]));
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    const terms = await options.locator("span:first-child").allTextContents();
    for (let i = 0; i <= terms.indexOf("送温暖"); i++) await box.press("ArrowDown");
    const active = await box.getAttribute("aria-activedescendant");
    expect(await page.locator(`[id="${active}"]`).getAttribute("aria-selected")).toBe("true");
    await shot("suggest");
    await box.press("Enter");
    await page.waitForURL((u) => u.searchParams.get("q") === "送温暖");
    expect(await box.inputValue()).toBe("送温暖");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    await page.waitForSelector("article.hit mark");

    // Escape closes the list and keeps the text
    await box.fill("送温");
    await page.waitForURL((u) => u.searchParams.get("q") === "送温");
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("true");
    await box.press("Escape");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    expect(await box.inputValue()).toBe("送温");
    expect(pageErrors).toEqual([]);
  });

  it("concordance sorted by R1: the R1 column is in pinyin order", async () => {
    await page.goto(`${app.url}/kwic?term=${enc("职工")}`);
    await page.waitForSelector("table.kwic tbody tr");
    await page.locator('button[data-sort="R1"]').click();
    await page.waitForURL((u) => u.searchParams.get("sort") === "R1");
    await resultsSettled();
    await expect.poll(() => page.locator('button[data-sort="R1"]').getAttribute("aria-pressed")).toBe("true");
    const collator = new Intl.Collator("zh-Hans-CN-u-co-pinyin");
    const firstChars = async () =>
      (await page.locator("table.kwic tbody td.kwic-right").allTextContents()).map((r) => r.trimStart()[0] ?? "").filter((c) => /\p{Script=Han}/u.test(c));
    // The previous page (document order) stays on screen until the sorted one arrives: wait for it.
    await expect.poll(async () => (await firstChars()).every((c, i, all) => i === 0 || collator.compare(all[i - 1], c) <= 0), { timeout: 10_000 }).toBe(true);
    const rights = await page.locator("table.kwic tbody td.kwic-right").allTextContents();
    expect(rights.length).toBeGreaterThan(5);
    const firsts = await firstChars();
    expect(firsts.length).toBeGreaterThan(3);
    for (let i = 1; i < firsts.length; i++) expect(collator.compare(firsts[i - 1], firsts[i]), `${firsts[i - 1]} ≤ ${firsts[i]}`).toBeLessThanOrEqual(0);
    expect(await page.locator(".results-summary").textContent()).toMatch(/\d+ 处出现，分布于 \d+ 篇报告/);
    expect(await page.locator('a[href*="/api/export/kwic"][href*="format=csv"]').count()).toBe(1);
    await shot("kwic-r1");

    // a line opens its report at that offset
    await page.locator("table.kwic tbody td.kwic-match a").first().click();
    await page.waitForURL((u) => u.pathname.startsWith("/report/") && u.searchParams.has("at"));
    await page.waitForSelector(".report-text .is-target mark");
  });

  it("analytics draws charts (word list, a term's breakdown)", async () => {
    await page.goto(`${app.url}/analytics`);
    await page.waitForSelector('.chart-canvas[data-ready="true"] canvas');
    await canvasDrawn(".chart-canvas canvas");
    // the table renders beside the chart, not necessarily before it is drawn
    await expect.poll(() => page.locator("table.data tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot("analytics-words");

    await page.getByRole("tab", { name: "词语分布" }).click();
    await page.locator('input[name="term"]').fill("送温暖");
    await page.waitForURL((u) => u.searchParams.get("term") === "送温暖" && u.searchParams.get("tab") === "term");
    await page.waitForSelector('.chart-canvas[data-ready="true"] canvas');
    await canvasDrawn(".chart-canvas canvas");
    await shot("analytics-term");
  });

  it("the word list's download holds the whole list and says how many rows, not the 200 on screen", async () => {
    // independent recount: distinct words (a letter or a digit, folded to simplified as the corpus counts them) of the canonical reports in the store's files
    const lines = (file: string) => readFileSync(join(app.dataDir, "store", file), "utf8").split("\n").filter((l) => l.trim());
    const canonical = new Set(lines("reports.jsonl").map((l) => JSON.parse(l)).filter((r) => r.kind === "report" && !r.duplicateOf).map((r) => r.id as string));
    const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
    const words = new Set<string>();
    for (const { id, tokens } of lines("tokens.jsonl").map((l) => JSON.parse(l) as { id: string; tokens: string[] }))
      if (canonical.has(id)) for (const t of tokens) if (/[\p{L}\p{N}]/u.test(t)) words.add([...t].map((c) => toSimplified(c)).join(""));
    expect(words.size).toBeGreaterThan(200); // more than the 200 rows the word list asks for on screen

    await page.goto(`${app.url}/analytics?stopwords=false&minLength=1`);
    await expect.poll(() => page.locator("table.data tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const downloads = page.locator('.downloads[data-export="frequency"]');
    await downloads.hover();
    await expect.poll(() => downloads.locator("[data-export-rows]").getAttribute("data-export-rows"), { timeout: 15_000 }).toBe(String(words.size));
    expect(await downloads.locator("[data-export-rows]").textContent()).toBe(`共 ${words.size.toLocaleString("zh-CN")} 行`);
    // the CSV link itself: every word, and the count in its last line
    const href = await downloads.locator('a[data-format="csv"]').getAttribute("href");
    const { records, comments } = parseExportCsv(await (await fetch(new URL(href!, app.url))).text());
    expect(records.length - 1).toBe(words.size);
    expect(comments.at(-1)).toBe(`rows: ${words.size}`);
    await shot("analytics-words-download");
    expect(pageErrors).toEqual([]);
  });

  it("compare hospital vs school shows keyness rows", async () => {
    await page.goto(`${app.url}/compare`);
    await page.getByRole("link", { name: "医院 对比 学校" }).click();
    await page.waitForURL((u) => u.searchParams.get("a.sector") === "hospital" && u.searchParams.get("b.sector") === "school");
    await page.waitForSelector("table.keyness tbody tr");
    expect(await page.locator("table.keyness tbody tr").count()).toBeGreaterThan(0);
    await canvasDrawn(".chart-canvas canvas");
    await shot("compare-keyness");
  });

  it("switches to English and keeps it on reload", async () => {
    await page.goto(`${app.url}/`);
    await expect.poll(() => page.locator("nav.main-nav").textContent()).toContain("检索");
    await page.locator("button.lang-toggle").click();
    await expect.poll(() => page.locator("nav.main-nav").textContent()).toContain("Concordance");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.reload();
    await expect.poll(() => page.locator("nav.main-nav").textContent()).toContain("Search");
    await page.waitForSelector('input[data-facet="sector"][value="hospital"]');
    expect(await page.locator('label:has(input[value="hospital"])').textContent()).toContain("hospital");
    await shot("english");
  });

  it("a report containing <img onerror> and <script> shows them as text and runs nothing", async () => {
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    // page titles are not searched (README: every count is of text): find it by its text
    await page.goto(`${app.url}/?q=${enc("示例标记")}`);
    await page.waitForSelector("article.hit");
    const link = page.locator("article.hit h3 a", { hasText: "XSS测试" }).first();
    await link.click();
    await page.waitForSelector(".report-text [data-start]");
    const text = await page.locator(".report-text").textContent();
    expect(text).toContain("<img src=x onerror=");
    expect(text).toContain("<script>");
    expect(await page.locator(".report-text img, .report-text script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    await shot("xss-as-text");
  });
});

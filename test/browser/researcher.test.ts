// Issue 18, as a researcher walks it in Chromium on the bundled corpus: a CQL query in the
// concordance, sorted by L1 (sort words coloured), a line expanded in place, lines narrowed to one
// sector, a page of lines selected and exported. Counts are checked against an independent scan of
// the corpus store's tokens (test/cql/naive.ts), never against the product's code.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { readStore } from "../../core/store.ts";
import type { Report } from "../../core/model.ts";
import { ROOT, seedApp, type TestApp } from "../helpers/app.ts";
import { any, is, naiveMatches, type Step } from "../cql/naive.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let entries: { report: Report; tokens: string[] }[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await seedApp();
  entries = readStore(app.dataDir).entries.filter((e) => e.report.kind === "report" && e.report.duplicateOf === null);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", acceptDownloads: true });
  page = await context.newPage();
  pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

afterEach(async () => {
  expect(pageErrors).toEqual([]);
  await context?.close();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
const STEPS: Step[] = [
  { ok: is("开展"), min: 1, max: 1 },
  { ok: any, min: 1, max: 1 },
  { ok: is("活动"), min: 1, max: 1 },
];
const recount = (keep: (r: Report) => boolean = () => true) => {
  let total = 0;
  let reports = 0;
  for (const e of entries.filter((x) => keep(x.report))) {
    const n = naiveMatches(e.tokens, [], STEPS).length;
    total += n;
    if (n) reports++;
  }
  return { total, reports };
};
const summary = () => page.locator(".results-summary").innerText();

describe("a researcher's concordance", () => {
  it("CQL query → sorted by L1 → a line expanded → one sector → selected lines exported", async () => {
    await page.goto(`${app.url}/kwic`);
    await page.locator('input[name="match"][value="cql"]').click();

    await expect.poll(() => page.locator(".kwic-syntax").count()).toBe(1);
    const box = page.locator('input[name="term"]');
    await box.fill('"开展" [] "活动"');
    await box.press("Enter");
    const all = recount();
    expect(all.total).toBeGreaterThan(3);
    await expect.poll(summary, { timeout: 15_000 }).toContain(`${all.total} 处出现，分布于 ${all.reports} 篇报告`);

    // sorted by L1: the coloured L1 words in pinyin order, the active sort's words emphasised
    await page.locator('button[data-sort="L1"]').click();
    await expect.poll(() => page.locator("table.kwic-sort-L1").count()).toBe(1);
    // the sort class comes with the click; the sorted rows once the previous page is no longer shown
    await expect.poll(() => page.locator('.table-scroll.is-stale, section.results[aria-busy="true"]').count()).toBe(0);
    const l1 = await page.locator("tbody .kwic-L1").allInnerTexts();
    expect(l1.length).toBeGreaterThan(3);
    const collator = new Intl.Collator("zh-Hans-CN-u-co-pinyin");
    for (let i = 1; i < l1.length; i++) expect(collator.compare(l1[i - 1], l1[i]), `${l1[i - 1]} ≤ ${l1[i]}`).toBeLessThanOrEqual(0);
    expect(await page.locator("tbody .kwic-L1").first().evaluate((el) => getComputedStyle(el).fontWeight)).toBe("700");
    await shot("researcher-cql-sorted-L1");

    // expand the first line in place: the wider context holds the line's own text around the match
    const first = page.locator("tbody tr[data-report-id]").first();
    const left = await first.locator(".kwic-left").innerText();
    const match = await first.locator(".kwic-match").innerText();
    await first.locator(".kwic-expand").click();
    const wide = page.locator("tr.kwic-expanded").first();
    await expect.poll(() => wide.locator("mark").count(), { timeout: 10_000 }).toBe(1);
    expect(await wide.locator("mark").innerText()).toBe(match);
    expect((await wide.innerText()).length).toBeGreaterThan(left.length + match.length + 40);
    expect(await wide.innerText()).toContain(left.trim().slice(-6) + match);
    await shot("researcher-line-expanded");

    // narrowed to one sector with the facet panel: the sector holding most matches, not all of them
    const bySector = [...new Set(entries.map((e) => e.report.sector))].map((s) => ({ s, n: recount((r) => r.sector === s) }));
    const { s: sector, n: inSector } = bySector.filter((x) => x.n.total < all.total).sort((a, b) => b.n.total - a.n.total)[0];
    expect(inSector.total).toBeGreaterThan(0);
    await page.locator(`input[data-facet="sector"][value="${sector}"]`).click();
    await expect.poll(summary, { timeout: 15_000 }).toContain(`${inSector.total} 处出现，分布于 ${inSector.reports} 篇报告`);
    const sectors = await page.locator("tbody tr[data-report-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-sector")));
    expect(new Set(sectors)).toEqual(new Set([sector]));
    // every report's dispersion strip has as many ticks as the scan finds in it
    const strips = await page.locator("tbody tr[data-report-id]").evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-report-id"), r.querySelectorAll(".kwic-dispersion-tick").length] as const));
    for (const [id, ticks] of strips) {
      const e = entries.find((x) => x.report.id === id)!;
      expect(ticks, id!).toBe(naiveMatches(e.tokens, [], STEPS).length);
    }

    // select the page and export only those lines
    await page.locator("thead .kwic-tools input[type=checkbox]").check();
    const rows = await page.locator("tbody tr[data-report-id]").count();
    await page.locator("tbody tr[data-report-id]").nth(0).locator("input[type=checkbox]").uncheck();
    const button = page.locator(".kwic-export-selected");
    await expect.poll(() => button.innerText()).toContain(`${rows - 1}`);
    await shot("researcher-sector-selected");
    const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const csv = readFileSync((await file.path())!, "utf8");
    expect(csv.startsWith("\uFEFFreportId,")).toBe(true);
    const lines = csv.trim().split(/\r\n/).slice(1);
    expect(lines).toHaveLength(rows - 1);
    for (const l of lines) expect(l).toContain(`,${sector},`);
  }, 120_000);
});

describe("a researcher's search page", () => {
  it("speaks CQL: the reports the scan finds, the help beside the box, a syntax error pointing at its column", async () => {
    await page.goto(`${app.url}/`);
    await page.locator('input[name="match"][value="cql"]').click();
    await expect.poll(() => page.locator(".kwic-syntax").count()).toBe(1);
    // the help panel: each construct with an example, and a link to the methods page
    const help = page.locator("details.cql-help");
    await help.locator("summary").click();
    expect(await help.locator("code").allInnerTexts()).toEqual(expect.arrayContaining(['"开展" [] "活动"', '[tag="v"] "职工"', "开展*活动"]));
    expect(await help.locator('a[href$="/methods#match"]').count()).toBe(1);

    const box = page.locator('input[name="q"]');
    await box.fill('"开展" [] "活动"');
    await box.press("Enter");
    const all = recount();
    const holding = new Set(entries.filter((e) => naiveMatches(e.tokens, [], STEPS).length > 0).map((e) => e.report.id));
    expect(holding.size).toBe(all.reports);
    await expect.poll(summary, { timeout: 15_000 }).toMatch(new RegExp(`^共 ${all.reports} 条结果`));
    expect(new URL(page.url()).searchParams.get("match")).toBe("cql");
    const shown = await page.locator("article.hit").evaluateAll((hits) => hits.map((h) => h.getAttribute("data-report-id")));
    expect(shown.length).toBe(Math.min(20, all.reports));
    for (const id of shown) expect(holding.has(id!), id!).toBe(true);
    // every mark is a match the scan finds: 开展, one word, 活动
    for (const m of await page.locator("article.hit mark").allInnerTexts()) expect(m).toMatch(/^开展.+活动$/u);
    await shot("researcher-search-cql");

    // an invalid query: the parser's message under the box, a caret under the column it names
    const bad = '"开展" [wrd="x"]';
    await box.fill(bad);
    await box.press("Enter");
    const error = page.locator(".query-syntax-error");
    await expect.poll(() => error.count(), { timeout: 15_000 }).toBe(1);
    // the parser stops at the unknown attribute name
    const column = bad.indexOf("wrd") + 1;
    // said in the UI's language (this page is 中文), the column taken from the error's detail
    expect(await error.innerText()).toContain(`第 ${column} 列`);
    expect(await error.getAttribute("data-column")).toBe(String(column));
    // the caret line repeats the text before the column (invisible), then the caret
    const [typed, caret] = (await error.locator(".syntax-caret").evaluate((el) => el.textContent ?? "")).split("\n");
    expect(typed).toBe(bad);
    expect(caret).toBe(bad.slice(0, column - 1) + "^");
    expect(await error.locator(".caret-pad").evaluate((el) => getComputedStyle(el).visibility)).toBe("hidden");
    expect(await page.locator("article.hit").count()).toBe(0);
    await shot("researcher-search-cql-error");
  }, 120_000);
  it("a pattern typed in word mode finds nothing: the empty page offers the pattern mode with what it finds, and lists only the corpus's years (issue 28)", async () => {
    const all = recount();
    expect(all.reports).toBeGreaterThan(0);
    const years = [...new Set(entries.map((e) => e.report.year).filter((y): y is number => y !== null))].sort((a, b) => b - a).map(String);
    mkdirSync("/tmp/wenyuan-shots", { recursive: true });
    for (const lang of ["zh", "en"]) {
      await page.goto(`${app.url}/?lang=${lang}&q=${encodeURIComponent("开展*活动")}`);
      const suggest = page.locator('button[data-suggest="cql"]');
      await expect.poll(() => suggest.count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => suggest.innerText(), { timeout: 15_000 }).toMatch(new RegExp(`\\D${all.reports}\\D`));
      expect(await page.locator("article.hit").count()).toBe(0);
      const yearsShown = () => page.locator(".facet-years select").first().locator("option").evaluateAll((os) => os.map((o) => o.getAttribute("value")).filter((v) => v));
      await expect.poll(yearsShown, { timeout: 15_000 }).toEqual(years);
      await page.screenshot({ path: `/tmp/wenyuan-shots/search-pattern-suggest-${lang}.png`, fullPage: false });
      await suggest.click();
      await page.waitForURL((u) => u.searchParams.get("match") === "cql");
      await expect.poll(() => page.locator("article.hit").count(), { timeout: 15_000 }).toBe(Math.min(20, all.reports));
    }
  }, 120_000);
});

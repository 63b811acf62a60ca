// Issue 16's last three defects, at phone width (375 px) and on the desktop, in zh and en: the
// concordance names each line's source at 375 px without scrolling sideways; a theme cell opens
// the concordance of exactly the occurrences it counts; compare's phrasing panel fits a phone.
// Counts are checked against a recount of the corpus store's tokens written here.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { parse } from "yaml";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { ROOT, seedApp, type TestApp } from "../helpers/app.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const LANGS = [
  { lang: "zh", locale: "zh-CN" },
  { lang: "en", locale: "en-US" },
] as const;

let app: TestApp;
let browser: Browser;
let context: BrowserContext | undefined;
let pageErrors: string[];
let live: Report[];
let tokensById: Map<string, string[]>;

const segmenter = createSegmenter("node-rs", readFileSync(join(ROOT, "corpus", "dict.txt"), "utf8"));
const themeFile = parse(readFileSync(join(ROOT, "corpus", "themes.yaml"), "utf8")) as { themes: { id: string; name: string; nameEn: string; terms: string[] }[] };
/** Issue 28's screenshots, to be looked at */
const SHOTS = "/tmp/wenyuan-shots";

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  app = await seedApp();
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  tokensById = new Map(entries.map((e) => [e.report.id, e.tokens]));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

beforeEach(() => {
  pageErrors = [];
});

afterEach(async () => {
  expect(pageErrors).toEqual([]);
  await context?.close();
  context = undefined;
});

async function open(width: number, locale: string, lang: string): Promise<Page> {
  context = await browser.newContext({ viewport: { width, height: 800 }, locale });
  // the app keeps the chosen language in localStorage; set it before any page script runs
  await context.addInitScript((l) => localStorage.setItem("wenyuan.lang", l), lang);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return page;
}

const shot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
const scrollWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);
/** "共 106 处，出自 25 篇报告"-style totals: the numbers in order. */
const numbers = (s: string) => [...s.replaceAll(",", "").matchAll(/\d+/g)].map((m) => Number(m[0]));

/**
 * Occurrences of any of a theme's terms among `reports`, as tokens in a row (whitespace between
 * them skipped): left to right, the longest term at each position, never overlapping.
 */
function themeRecount(terms: string[], reports: Report[]): number {
  const forms = [...new Set(terms)].map((f) => segmenter.cut(f).filter((t) => t.trim())).sort((a, b) => b.length - a.length);
  let count = 0;
  for (const r of reports) {
    const stream = tokensById.get(r.id)!.filter((t) => t.trim());
    for (let i = 0; i < stream.length; ) {
      const hit = forms.find((seq) => seq.every((t, k) => stream[i + k] === t));
      if (hit) {
        count++;
        i += hit.length;
      } else i++;
    }
  }
  return count;
}

describe.each(LANGS)("at 375 px ($lang)", ({ lang, locale }) => {
  it("the concordance shows each line's source (title, year) under it, and nothing scrolls sideways", async () => {
    const page = await open(375, locale, lang);
    await page.goto(`${app.url}/kwic?term=${encodeURIComponent("职工")}`);
    const rows = page.locator("table.kwic tbody tr[data-report-id]");
    await rows.first().waitFor();
    const api = (await (await fetch(`${app.url}/api/kwic?term=${encodeURIComponent("职工")}&perPage=50`)).json()) as { lines: { title: string; year: number | null }[] };
    // what a reader sees of each line: its row and the rows after it up to the next line (innerText leaves out what is hidden)
    const seen = await page.locator("table.kwic tbody").evaluate((tbody) => {
      const out: string[] = [];
      for (const tr of Array.from(tbody.children) as HTMLElement[]) {
        if (tr.hasAttribute("data-report-id")) out.push(tr.innerText);
        else if (out.length) out[out.length - 1] += `\n${tr.innerText}`;
      }
      return out;
    });
    expect(seen.length).toBe(api.lines.length);
    api.lines.forEach((l, i) => {
      // the end of the title is what tells compilation pieces apart (…（篇12）)
      expect(seen[i], `line ${i}`).toContain([...l.title].slice(-6).join(""));
      if (l.year !== null) expect(seen[i], `line ${i}`).toContain(String(l.year));
    });
    // the source sits inside the screen, under its line
    const box = await page.locator("table.kwic tbody").boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await shot(page, `narrow-kwic-${lang}`);
    // issue 28: the left context ends at the keyword and starts with a whole character — the
    // characters nearest the keyword, after an ellipsis when the rest does not fit — never clipped
    const left = await page.locator("table.kwic tbody tr[data-report-id] td.kwic-left > div").evaluateAll((divs) =>
      divs.map((d) => {
        const span = d.querySelector("span")!.getBoundingClientRect();
        const box = d.getBoundingClientRect();
        return { text: (d as HTMLElement).innerText, spanLeft: span.left, boxLeft: box.left, spanRight: span.right, boxRight: box.right };
      }),
    );
    expect(left.length).toBe(api.lines.length);
    let cut = 0;
    api.lines.forEach((l, i) => {
      const { text, spanLeft, boxLeft, spanRight, boxRight } = left[i];
      expect(spanLeft, `line ${i} starts inside its cell`).toBeGreaterThanOrEqual(boxLeft - 0.5);
      expect(spanRight, `line ${i} ends at the keyword`).toBeGreaterThan(boxRight - 3);
      const full = (l as unknown as { left: string }).left;
      if (text.startsWith("…")) {
        cut++;
        expect(full.endsWith(text.slice(1)), `line ${i}: ${text}`).toBe(true);
        expect(text.length).toBeGreaterThan(1);
      } else expect(text, `line ${i}`).toBe(full);
    });
    // at 375 px 20 characters of context do not fit: most lines are cut
    expect(cut).toBeGreaterThan(api.lines.length / 2);
    await page.screenshot({ path: join(SHOTS, `kwic-375-${lang}.png`) });
  });

  it("the header is one compact row; its menu opens the navigation and closes on the way", async () => {
    const page = await open(375, locale, lang);
    await page.goto(`${app.url}/kwic?term=${encodeURIComponent("职工")}`);
    await page.locator("table.kwic tbody tr[data-report-id]").first().waitFor();
    const header = page.locator("header.site-header");
    const closed = (await header.boundingBox())!;
    // one row: under a tenth of an 800 px screen (it took a third)
    expect(closed.height).toBeLessThanOrEqual(56);
    expect(await page.locator("nav.main-nav").isVisible()).toBe(false);
    const menu = page.locator("button.menu-toggle");
    expect(await menu.innerText()).toContain(lang === "zh" ? "菜单" : "Menu");
    // the language stays one tap away
    expect(await page.locator("button.lang-toggle-compact").isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, `header-375-${lang}.png`) });
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    const links = page.locator("nav.main-nav a");
    // search, concordance, analytics, compare, subcorpora, write, corpus
    await poll(() => links.count()).toBe(7);
    for (let i = 0; i < 7; i++) expect(await links.nth(i).isVisible()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, `header-375-menu-${lang}.png`) });
    await links.nth(2).click();
    await page.waitForURL((u) => u.pathname === "/analytics");
    await poll(() => page.locator("nav.main-nav").isVisible()).toBe(false);
    // on the desktop nothing is hidden behind a menu
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await menu.isVisible()).toBe(false);
    expect(await page.locator("nav.main-nav").isVisible()).toBe(true);
  });

  it("a CQL syntax error is said in the UI's language, naming its column", async () => {
    const page = await open(375, locale, lang);
    const q = '"开展" [word="职工"';
    await page.goto(`${app.url}/?match=cql&q=${encodeURIComponent(q)}`);
    const api = (await (await fetch(`${app.url}/api/search?match=cql&q=${encodeURIComponent(q)}`)).json()) as { error: { code: string; detail: { column: number } } };
    expect(api.error.code).toBe("cql_syntax");
    const box = page.locator(".query-syntax-error p");
    await box.waitFor();
    const text = await box.innerText();
    if (lang === "zh") expect(text).toMatch(new RegExp(`^CQL 语法错误：第 ${api.error.detail.column} 列`));
    else expect(text).toMatch(new RegExp(`^CQL syntax error at column ${api.error.detail.column}`));
    await page.screenshot({ path: join(SHOTS, `cql-error-375-${lang}.png`) });
  });

  it("compare with both sides set and the phrasing panel open fits the screen", async () => {
    const page = await open(375, locale, lang);
    await page.goto(`${app.url}/compare?a.sector=hospital&b.sector=school&term=${encodeURIComponent("职工")}`);
    const frames = page.locator(".frames-sides .phrasing.frames");
    await poll(() => frames.count()).toBe(2);
    // open one row of each side's first table: its sentences are listed under the table
    for (const side of [0, 1]) await frames.nth(side).locator(".frame-table button[data-pick]").first().click();
    await poll(() => page.locator(".frame-open .frame-lines").count()).toBe(2);
    await page.locator("#phr-h").scrollIntoViewIfNeeded();
    await shot(page, `narrow-compare-${lang}`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    // the panels themselves, not only the page: each side's frames end inside the screen
    for (const side of [0, 1]) {
      const b = await frames.nth(side).boundingBox();
      expect(b!.x + b!.width, `side ${side}`).toBeLessThanOrEqual(375);
    }
  });
});

describe.each(LANGS)("theme cells drill down ($lang)", ({ lang, locale }) => {
  it("a theme × sector cell opens the concordance of the theme's terms in that sector under the filters, with the cell's count", async () => {
    const page = await open(1280, locale, lang);
    // relief has terms jieba cuts into two words (大病救助 = 大病 救助): a one-token alternative would miscount
    const theme = themeFile.themes.find((t) => t.id === "relief")!;
    expect(theme.terms.some((t) => segmenter.cut(t).filter((x) => x.trim()).length > 1)).toBe(true);
    // a filter besides the cell's group: the document type most hospital reports have
    const types = new Map<string, number>();
    for (const r of live) if (r.sector === "hospital") types.set(r.docType, (types.get(r.docType) ?? 0) + 1);
    const docType = [...types].sort((x, y) => y[1] - x[1])[0][0];
    await page.goto(`${app.url}/analytics?tab=themes&docType=${docType}`);
    const cell = page.locator(`table.data a[data-theme="relief"][data-group="hospital"]`);
    await cell.waitFor();
    const reports = live.filter((r) => r.sector === "hospital" && r.docType === docType);
    const expected = themeRecount(theme.terms, reports);
    expect(expected).toBeGreaterThan(0);
    // the number in the cell is the rate of those occurrences per 10k characters of the group
    const chars = reports.reduce((n, r) => n + r.text.length, 0);
    const shown = Number((await cell.innerText()).trim().split(/\s+/)[0]);
    expect(shown).toBeCloseTo((expected / chars) * 10_000, 1);
    expect(Number(await cell.getAttribute("data-count"))).toBe(expected);
    await cell.click();
    await page.waitForURL((u) => u.pathname === "/kwic");
    const url = new URL(page.url());
    expect(url.searchParams.get("theme")).toBe("relief");
    // issue 28: the theme is a filter shown by its name, not query text in the term box
    expect(await page.locator('input[name="term"]').inputValue()).toBe("");
    await poll(() => page.locator(".theme-filter").innerText()).toContain(lang === "zh" ? theme.name : theme.nameEn);
    expect(url.searchParams.get("sector")).toBe("hospital");
    expect(url.searchParams.get("docType")).toBe(docType);
    const summary = page.locator(".results-summary");
    await poll(async () => numbers(await summary.innerText())[0]).toBe(expected);
    // the facet counts beside it are of the same question: per sector (its own filter set aside, as
    // search counts facets), the reports of that document type holding one of the theme's terms
    for (const sector of ["hospital", "school", "enterprise", "agency"]) {
      const holding = live.filter((r) => r.sector === sector && r.docType === docType && themeRecount(theme.terms, [r]) > 0).length;
      const row = page.locator("label.facet-row", { has: page.locator(`input[data-facet="sector"][value="${sector}"]`) });
      await poll(async () => Number(await row.locator(".facet-count").innerText())).toBe(holding);
    }
    // a theme's terms take no synonyms: no switch offers to turn them off
    await poll(() => page.locator(".also-matched").count()).toBe(1);
    expect(await page.locator(".also-matched button").count()).toBe(0);
    await shot(page, `theme-drill-kwic-${lang}`);
    await page.screenshot({ path: join(SHOTS, `theme-drill-kwic-${lang}.png`) });
  });

  it("at 375 px the theme table's cells are links too", async () => {
    const page = await open(375, locale, lang);
    await page.goto(`${app.url}/analytics?tab=themes`);
    const cells = page.locator("table.data a[data-theme][data-group]");
    await cells.first().waitFor();
    expect(await cells.count()).toBeGreaterThan(10);
    await shot(page, `narrow-themes-${lang}`);
  });
});

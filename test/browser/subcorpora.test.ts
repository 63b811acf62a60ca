// Named subcorpora in Chromium (issue 26 item 1, "Done when"), on a corpus with sectors and years
// (test/fixtures/trends-corpus.ts): a researcher saves "hospital reports 2015–2020" and "agency
// reports" from the search page, picks one in the facet panel, reads the list page, compares the
// two in /compare, opens the word list and the concordance over one, saves a concordance's hits,
// and downloads an export whose provenance names the subcorpus. Every count the pages show is
// checked against a recount of the store's reports and tokens written here.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { ROOT, startApp, type TestApp } from "../helpers/app.ts";
import { isWordToken } from "../helpers/recount.ts";
import { parseExportCsv } from "../helpers/csv.ts";
import { FEW_YEARS, RISING, STEADY, writeTrendsCorpus } from "../fixtures/trends-corpus.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

let app: TestApp;
let corpusDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let live: Report[];
let wordsOf: Map<string, string[]>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  corpusDir = writeTrendsCorpus();
  app = await startApp({ corpus: corpusDir });
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  wordsOf = new Map(entries.map((e) => [e.report.id, e.tokens.filter(isWordToken)]));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(corpusDir, { recursive: true, force: true });
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  page = await context.newPage();
  pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
});
afterEach(async () => {
  expect(pageErrors).toEqual([]);
  await context?.close();
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const numbers = (s: string) => [...s.replaceAll(",", "").matchAll(/\d+/g)].map((m) => Number(m[0]));
const count = (r: Report, w: string) => wordsOf.get(r.id)!.filter((t) => t === w).length;
const hospital = () => live.filter((r) => r.sector === "hospital" && r.year !== null && r.year >= 2015 && r.year <= 2020);
const agency = () => live.filter((r) => r.sector === "agency");
const HOSP = "hospital-reports-2015-2020";

async function saveFromSearch(url: string, name: string, description: string) {
  await page.goto(app.url + url);
  await page.locator(".results-summary", { hasText: "篇报告" }).waitFor();
  await page.locator(".save-subcorpus-open").click();
  const form = page.locator(".save-subcorpus-form");
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="description"]').fill(description);
  await form.locator('input[name="by"]').fill("王研究员");
  await form.locator('button[type="submit"]').click();
  await page.locator(".subcorpus-saved").waitFor();
}

describe("a researcher's subcorpora", () => {
  it("saves two from the search page, picks one in the facet panel (the view says what it counts over) and lists both", async () => {
    await saveFromSearch("/?sector=hospital&yearFrom=2015&yearTo=2020", "hospital reports 2015–2020", "医院 2015–2020 年");
    expect(await page.locator(".subcorpus-saved").textContent()).toContain(`${hospital().length} 篇报告`);
    await saveFromSearch("/?sector=agency", "agency reports", "机关");

    // the picker: whole corpus → the hospital subcorpus; the URL, the note and the totals follow
    await page.goto(`${app.url}/`);
    const picker = page.locator('.subcorpus-picker select[name="subcorpus"]');
    await poll(() => picker.locator("option").count()).toBe(3);
    await picker.selectOption(HOSP);
    await page.waitForURL((u) => u.searchParams.get("subcorpus") === HOSP);
    await poll(async () => numbers((await page.locator(".results-summary").textContent()) ?? "")[0]).toBe(hospital().length);
    expect(await page.locator(".subcorpus-scope").textContent()).toBe(`统计范围：子语料库「hospital reports 2015–2020」，${hospital().length} 篇报告`);
    // the sector facet counts the subcorpus's reports: all of them hospital
    await poll(() => page.locator('.facet-row:has(input[data-facet="sector"][value="hospital"]) .facet-count').textContent()).toBe(String(hospital().length));
    await shot("subcorpora-picker");

    await page.goto(`${app.url}/subcorpora`);
    const rows = page.locator("table.subcorpora tbody tr");
    await poll(() => rows.count()).toBe(2);
    const words = (rs: Report[]) => rs.reduce((n, r) => n + wordsOf.get(r.id)!.length, 0);
    const row = (id: string) => page.locator(`tr[data-subcorpus="${id}"]`);
    expect(numbers((await row(HOSP).locator('[data-col="reports"]').textContent()) ?? "")).toEqual([hospital().length, hospital().length]);
    expect(numbers((await row(HOSP).locator('[data-col="words"]').textContent()) ?? "")).toEqual([words(hospital()), words(hospital())]);
    expect(numbers((await row("agency-reports").locator('[data-col="reports"]').textContent()) ?? "")).toEqual([agency().length, agency().length]);
    expect(await row(HOSP).textContent()).toContain("王研究员");
    expect(await row(HOSP).locator('[data-col="definition"]').textContent()).toBe("检索与筛选：医院 · 2015–2020");
    await shot("subcorpora-list");
  }, 120_000);

  it("on a phone, the collapsed facet panel still names the subcorpus the view counts over", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${app.url}/?subcorpus=${HOSP}`);
    const toggle = page.locator(".facet-toggle");
    await poll(() => toggle.locator(".subcorpus-chip").textContent()).toBe("hospital reports 2015–2020");
    expect(await page.locator(".facet-body").isVisible()).toBe(false);
    await poll(async () => numbers((await page.locator(".results-summary").textContent()) ?? "")[0]).toBe(hospital().length);
    await shot("subcorpora-phone");
  });

  it("compares the two in /compare, one on each side", async () => {
    await page.setViewportSize({ width: 1280, height: 900 }); // the phone test before left it narrow
    await page.goto(`${app.url}/compare`);
    const sides = page.locator(".facet-panel");
    await poll(() => sides.nth(0).locator('select[name="subcorpus"] option').count()).toBe(3);
    await sides.nth(0).locator('select[name="subcorpus"]').selectOption(HOSP);
    await sides.nth(1).locator('select[name="subcorpus"]').selectOption("agency-reports");
    // the URL holds both sides (polled: a same-document URL change is not a navigation to wait for)
    await poll(() => {
      const u = new URL(page.url());
      return [u.searchParams.get("a.subcorpus"), u.searchParams.get("b.subcorpus")];
    }).toEqual([HOSP, "agency-reports"]);
    await page.locator("table.keyness tbody tr").first().waitFor({ timeout: 15_000 });
    // each side says which subcorpus it is
    expect(await sides.nth(0).locator(".subcorpus-scope").textContent()).toContain(`${hospital().length} 篇报告`);
    expect(await sides.nth(1).locator(".subcorpus-scope").textContent()).toContain(`${agency().length} 篇报告`);
    // the keyness the page shows is over exactly these reports: each side's count of a planted word
    const res = await fetch(`${app.url}/api/keyness?a.subcorpus=${HOSP}&b.subcorpus=agency-reports&min=1&limit=1000`);
    const body = (await res.json()) as { rows: { term: string; a: { count: number }; b: { count: number } }[] };
    const steady = body.rows.find((r) => r.term === STEADY)!;
    expect([steady.a.count, steady.b.count]).toEqual([hospital().reduce((n, r) => n + count(r, STEADY), 0), agency().reduce((n, r) => n + count(r, STEADY), 0)]);
    await page.waitForTimeout(500); // the chart's animation
    await shot("subcorpora-compare");
  }, 120_000);

  it("opens the word list and the concordance over one, saves a concordance's hits, and exports with provenance naming it", async () => {
    await page.goto(`${app.url}/analytics?subcorpus=${HOSP}`);
    const steadyRow = page.locator("table.data tbody tr", { has: page.locator("td a", { hasText: new RegExp(`^${STEADY}$`) }) });
    await steadyRow.first().waitFor({ timeout: 15_000 });
    expect(Number((await steadyRow.locator("td").nth(2).textContent())!.replaceAll(",", ""))).toBe(hospital().reduce((n, r) => n + count(r, STEADY), 0));
    expect(await page.locator(".subcorpus-scope").textContent()).toContain("hospital reports 2015–2020");
    await shot("subcorpora-words");

    await page.goto(`${app.url}/kwic?term=${encodeURIComponent(RISING)}&subcorpus=${HOSP}`);
    const expected = [hospital().reduce((n, r) => n + count(r, RISING), 0), hospital().filter((r) => count(r, RISING) > 0).length];
    await poll(async () => numbers((await page.locator(".results-summary").textContent()) ?? "").slice(0, 2)).toEqual(expected);
    // the CSV download: its provenance names the subcorpus with its definition and size
    const href = await page.locator('.downloads[data-export="kwic"] a[data-format="csv"]').getAttribute("href");
    const { records, comments } = parseExportCsv(await (await fetch(new URL(href!, app.url))).text());
    expect(records.length - 1).toBe(expected[0]);
    const named = comments.find((c) => c.startsWith("subcorpus: "));
    expect(named).toContain(`${HOSP} "hospital reports 2015–2020" rev 1 `);
    expect(named).toContain(`${hospital().length} reports`);
    expect(named).toContain(JSON.stringify({ kind: "filters", filters: { sector: ["hospital"], yearFrom: 2015, yearTo: 2020 } }));
    await shot("subcorpora-kwic");

    // a concordance over the whole corpus saves the reports of its hits
    await page.goto(`${app.url}/kwic?term=${encodeURIComponent(FEW_YEARS)}`);
    await page.locator(".results-summary", { hasText: "篇报告" }).waitFor();
    await page.locator(".save-subcorpus-open").click();
    await page.locator('.save-subcorpus-form input[name="name"]').fill("职工书屋 hits");
    await page.locator('.save-subcorpus-form button[type="submit"]').click();
    const holding = live.filter((r) => count(r, FEW_YEARS) > 0).length;
    expect(await page.locator(".subcorpus-saved").textContent()).toContain(`${holding} 篇报告`);
    await page.locator(".subcorpus-saved button").click();
    await page.waitForURL((u) => u.searchParams.get("subcorpus") !== null);
    expect(await page.locator(".subcorpus-scope").textContent()).toContain(`${holding} 篇报告`);
  }, 120_000);

  it("saves the reports of selected concordance lines; the list names a hand-picked report that left the corpus, and the picker says so", async () => {
    // one line per report (the word is planted once in each): select three lines, save their reports
    await page.goto(`${app.url}/kwic?term=${encodeURIComponent(STEADY)}&sector=agency`);
    const lines = page.locator("tbody tr[data-report-id]");
    await poll(() => lines.count()).toBe(agency().length);
    for (let i = 0; i < 3; i++) await lines.nth(i).locator("input[type=checkbox]").check();
    const ids = await lines.evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute("data-report-id")!));
    expect(new Set(ids).size).toBe(3);
    const save = page.locator(".save-subcorpus-open", { hasText: "所选行的 3 篇报告" });
    await save.click();
    await page.locator('.save-subcorpus-form input[name="name"]').fill("三篇机关报告");
    await page.locator('.save-subcorpus-form button[type="submit"]').click();
    await page.locator(".subcorpus-saved", { hasText: "3 篇报告" }).waitFor();
    const list = (await (await fetch(`${app.url}/api/subcorpora`)).json()) as { subcorpora: { id: string; name: string; definition: { kind: string; ids?: string[] } }[] };
    const made = list.subcorpora.find((x) => x.name === "三篇机关报告")!;
    expect(made.definition).toEqual({ kind: "reports", ids });
    const picked = ids.map((id) => live.find((r) => r.id === id)!);
    rmSync(join(app.corpusDir, picked[0].source), { force: true });
    await app.reindex();
    await page.goto(`${app.url}/subcorpora`);
    const row = page.locator(`tr[data-subcorpus="${made.id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-col="missing"] li').allTextContents()).toEqual([picked[0].id]);
    expect(numbers((await row.locator('[data-col="reports"]').textContent()) ?? "")).toEqual([3, 2]);
    expect(await row.locator('[data-col="definition"]').textContent()).toBe("手选报告 3 篇");
    await shot("subcorpora-list-missing");
    await page.goto(`${app.url}/kwic?term=${encodeURIComponent(STEADY)}&subcorpus=${made.id}`);
    await poll(async () => numbers((await page.locator(".results-summary").textContent()) ?? "")[1]).toBe(2);
    expect(await page.locator(".subcorpus-scope .warn").textContent()).toContain("1 篇手选报告已不在语料中");
  }, 120_000);
});

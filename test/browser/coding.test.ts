// A researcher codes a concordance (issue 26 item 3), in real Chromium on the bundled corpus: the
// KWIC of 职代会, three categories typed in, lines coded with the keyboard (1–9, 0, j/k, ↑/↓), saved
// as they go; the distribution by sector checked against a recount from the lines' own sectors;
// the filter to one category; then the analytics view without the 无关 lines, its breakdown
// checked against a recount of 职代会 per sector from the store's token streams minus those lines;
// and the coding still there after a reload. Screenshots: test/artifacts/coding-define.png,
// coding-kwic.png, coding-distribution.png, coding-excluded.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, ROOT, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { countSequences, termAlternatives, tokenStreams } from "../helpers/recount.ts";
import { SECTOR_LABELS } from "../../web/src/app/i18n.ts";

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const ART = join(ROOT, "test", "artifacts");
const TERM = "职代会";

let app: TestApp;
let browser: Browser;
let live: Report[];
let streams: Map<string, string[]>;

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  streams = tokenStreams(entries);
  browser = await launchChromium();
  mkdirSync(ART, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** occurrences of the term or a corpus synonym in a stream, longest first where two start together, none overlapping */
const recount = (stream: string[]): number => countSequences(stream, termAlternatives([TERM]));

type Line = { reportId: string; offset: number; sector: string };
const keyOf = (l: Line) => `${l.reportId}:${l.offset}`;

/** The keys pressed, and what they do (focus starts on the first line; a category moves to the next). */
const KEYS = ["1", "3", "2", "j", "3", "3", "k", "0", "3", "ArrowDown", "1", "ArrowUp", "ArrowDown", "2"];
function simulate(categories: string[]): Map<number, string> {
  const out = new Map<number, string>();
  let f = 0;
  for (const k of KEYS) {
    if (k === "j" || k === "ArrowDown") f++;
    else if (k === "k" || k === "ArrowUp") f = Math.max(0, f - 1);
    else {
      if (k === "0") out.delete(f);
      else out.set(f, categories[Number(k) - 1]);
      f++;
    }
  }
  return out;
}

async function open(page: Page) {
  await page.goto(`${app.url}/kwic?term=${encodeURIComponent(TERM)}`);
  await poll(() => page.locator("table.kwic tbody tr[data-report-id]").count()).toBeGreaterThan(10);
}

describe("coding a concordance of 职代会", () => {
  it("defines three categories, codes lines with the keyboard, shows the distribution and counts without 无关", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "zh-CN" });
    await context.addInitScript(() => localStorage.setItem("wenyuan.lang", "zh"));
    const page = await context.newPage();
    await open(page);

    // the lines on screen, in order (the first page), and every line of the concordance with its own sector
    const firstPage = (await getJson<{ lines: Line[] }>(app.url, `/api/kwic?term=${encodeURIComponent(TERM)}&perPage=50`)).body.lines;
    const all = (await getJson<{ lines: Line[] }>(app.url, `/api/kwic?term=${encodeURIComponent(TERM)}&perPage=500`)).body.lines;
    expect(all.length).toBe(live.reduce((n, r) => n + recount(streams.get(r.id)!), 0));
    expect(await page.locator("table.kwic tbody tr[data-report-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-report-id")))).toEqual(firstPage.map((l) => l.reportId));

    // three categories, typed
    await page.fill("input[name=categories]", "实指 / 套话 / 无关");
    await page.locator(".coding-bar").screenshot({ path: join(ART, "coding-define.png") });
    await page.click(".coding-define button[type=submit]");
    await poll(() => page.locator(".coding-categories li[data-category]").evaluateAll((li) => li.map((x) => x.getAttribute("data-category")))).toEqual(["实指", "套话", "无关"]);
    await expect(page.locator("th.kwic-cat").textContent()).resolves.toBe("类别");

    // coding with the keyboard
    for (const k of KEYS) await page.keyboard.press(k);
    const want = simulate(["实指", "套话", "无关"]);
    const cells = () => page.locator("table.kwic tbody tr[data-report-id] select.kwic-category").evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value));
    await poll(cells).toEqual(firstPage.map((_, i) => want.get(i) ?? ""));
    await poll(() => page.locator(".coding-status").getAttribute("data-save")).toBe("saved");
    await expect(page.locator(".coding-status").textContent()).resolves.toBe("已保存");
    // the focus moved with the keys: the line after the last one coded
    const focused = await page.locator("table.kwic tbody tr[data-focused]").count();
    expect(focused).toBe(1);

    // saved on the server, line by line
    const coded = new Map([...want].map(([i, c]) => [keyOf(firstPage[i]), c]));
    const saved = (await getJson<{ coding: { id: string; assignments: Record<string, string> } }>(app.url, `/api/codings?term=${encodeURIComponent(TERM)}`)).body.coding!;
    expect(new Map(Object.entries(saved.assignments))).toEqual(coded);

    // the distribution by sector: the recount from the lines' own sectors
    const expected = new Map<string, number>();
    for (const l of all) {
      const c = coded.get(keyOf(l)) ?? "(uncoded)";
      expected.set(`${c}|${l.sector}`, (expected.get(`${c}|${l.sector}`) ?? 0) + 1);
    }
    const shown = () =>
      page.locator(".coding-table tbody tr[data-category] td[data-group]").evaluateAll((tds) =>
        tds.filter((td) => td.getAttribute("data-lines") !== "0").map((td) => [`${td.closest("tr")!.getAttribute("data-category")}|${td.getAttribute("data-group")}`, Number(td.getAttribute("data-lines"))] as [string, number]),
      );
    await poll(async () => new Map(await shown())).toEqual(expected);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ART, "coding-kwic.png") });
    await page.locator(".coding-distribution").screenshot({ path: join(ART, "coding-distribution.png") });

    // by year, every line once
    await page.locator(".coding-distribution label", { hasText: "年份" }).click();
    await poll(() => page.locator(".coding-distribution").getAttribute("data-by")).toBe("year");
    await poll(() => page.locator(".coding-total-row td").last().textContent()).toBe(String(all.length));

    // only the 无关 lines
    await page.selectOption("select[name=coding-filter]", "无关");
    const irrelevant = [...coded.values()].filter((c) => c === "无关").length;
    expect(irrelevant).toBe(3);
    await poll(cells).toEqual(["无关", "无关", "无关"]);
    await page.selectOption("select[name=coding-filter]", "");

    // the counts without the 无关 lines
    await page.click(`.coding-exclude a[data-exclude="无关"]`);
    await poll(() => page.locator(".excluded-note").getAttribute("data-excluded")).toBe("3");
    await expect(page.locator(".excluded-note").textContent()).resolves.toContain("不含标为「无关」的 3 行");
    const out = new Map<string, number>();
    for (const [k, c] of coded) if (c === "无关") out.set(k.split(":")[0], (out.get(k.split(":")[0]) ?? 0) + 1);
    const perSector = new Map<string, number>();
    for (const r of live) perSector.set(r.sector, (perSector.get(r.sector) ?? 0) + recount(streams.get(r.id)!) - (out.get(r.id) ?? 0));
    const zh = SECTOR_LABELS.zh as Record<string, string>;
    const wantTable = [...perSector].map(([s, n]): [string, string] => [zh[s], String(n)]);
    const table = () => page.locator("section[aria-labelledby=bd-h] table tbody tr").evaluateAll((rows) => rows.map((r): [string, string] => [r.children[0].textContent ?? "", r.children[1].textContent ?? ""]));
    await poll(async () => new Map(await table())).toEqual(new Map(wantTable));
    await page.screenshot({ path: join(ART, "coding-excluded.png"), fullPage: false });
    // every line again: the plain counts
    await page.click(".excluded-note button");
    const plain = [...perSector].map(([s, n]): [string, string] => [zh[s], String(n + [...out].filter(([id]) => live.find((r) => r.id === id)!.sector === s).reduce((a, [, k]) => a + k, 0))]);
    await poll(async () => new Map(await table())).toEqual(new Map(plain));

    // a reload keeps the coding
    await open(page);
    await poll(cells).toEqual(firstPage.map((_, i) => want.get(i) ?? ""));
    await context.close();
  }, 120_000);

  it("in English at 1280 and 375 px: the coded concordance in the UI's words, no page overflow", async () => {
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${app.url}/kwic?lang=en&term=${encodeURIComponent(TERM)}`);
      await poll(() => page.locator(".coding-categories li[data-category]").count()).toBe(3);
      expect(await page.locator("#coding-h").innerText()).toContain("Categories");
      expect(await page.locator(".coding-status").innerText()).toBe("saved");
      expect(await page.locator("#coding-dist-h").innerText()).toBe("Categories by group");
      expect(await page.locator(".coding-exclude a").first().innerText()).toMatch(/^Counts without “实指”/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(ART, `coding-kwic-en-${width}.png`) });
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 60_000);
});

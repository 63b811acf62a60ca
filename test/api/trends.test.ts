// Words rising and falling (/api/trends, issue 26 item 5) on a corpus with known years
// (test/fixtures/trends-corpus.ts). Everything expected is recomputed here from the store's tokens
// with plain loops: each year's reports, characters and word tokens, each word's count per year,
// the weighted least-squares slope of its per-10k rate, its 95% interval (t quantiles from a
// table), its p-value (the t density integrated by Simpson's rule) and the Benjamini–Hochberg
// verdict — never through the product's functions.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, startApp, type TestApp } from "../helpers/app.ts";
import { isWordToken } from "../helpers/recount.ts";
import { parseExportCsv } from "../helpers/csv.ts";
import { FALLING, FEW_YEARS, RISING, SMALL_YEAR, STEADY, YEARS, writeTrendsCorpus } from "../fixtures/trends-corpus.ts";

let app: TestApp;
let corpusDir: string;
let live: Report[];
let wordsOf: Map<string, string[]>;

beforeAll(async () => {
  corpusDir = writeTrendsCorpus();
  app = await startApp({ corpus: corpusDir });
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  wordsOf = new Map(entries.map((e) => [e.report.id, e.tokens.filter(isWordToken)]));
});
afterAll(async () => {
  await app?.stop();
  rmSync(corpusDir, { recursive: true, force: true });
});

/** t(0.975) by degrees of freedom, from the printed tables */
const T975: Record<number, number> = { 1: 12.706205, 2: 4.302653, 3: 3.182446, 4: 2.776445, 5: 2.570582, 6: 2.446912, 7: 2.364624, 8: 2.306004 };

/** Γ(n/2) for a positive integer n, by Γ(x+1) = xΓ(x) from Γ(1) = 1 and Γ(1/2) = √π */
const gammaHalf = (n: number): number => (n === 1 ? Math.sqrt(Math.PI) : n === 2 ? 1 : (n / 2 - 1) * gammaHalf(n - 2));

/** P(|T| ≥ |t|), T ~ t(df): one minus twice the density's integral from 0 to |t| (Simpson, 20,000 panels) */
function pTwoSided(t: number, df: number): number {
  const c = gammaHalf(df + 1) / (Math.sqrt(df * Math.PI) * gammaHalf(df));
  const f = (x: number) => c * (1 + (x * x) / df) ** (-(df + 1) / 2);
  const a = Math.abs(t);
  const n = 20_000;
  const h = a / n;
  let s = f(0) + f(a);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(i * h);
  return Math.max(0, 1 - (2 * s * h) / 3);
}

type YearRow = { year: number; reports: number; tokens: number; chars: number; used: boolean };
type Trend = { term: string; count: number; docs: number; yearsPresent: number; slope: number | null; low: number | null; high: number | null; p: number | null; q: number | null; status: string; reason: string; series: { year: number; count: number; docs: number; per10k: number }[] };
type Trends = { years: YearRow[]; unknownYear: number; usedYears: number; enough: boolean; message: string; tested: number; notListed: Record<string, number>; rising: Trend[]; falling: Trend[]; terms: Trend[] | null };

function yearsRecount(minReports: number): YearRow[] {
  const by = new Map<number, YearRow>();
  for (const r of live) {
    if (r.year === null) continue;
    const y = by.get(r.year) ?? { year: r.year, reports: 0, tokens: 0, chars: 0, used: false };
    y.reports++;
    y.tokens += wordsOf.get(r.id)!.length;
    y.chars += r.text.length;
    by.set(r.year, y);
  }
  return [...by.values()].sort((a, b) => a.year - b.year).map((y) => ({ ...y, used: y.reports >= minReports }));
}

/** per year (in `years` order): the word's occurrences and the reports holding it */
function seriesOf(word: string, years: YearRow[]) {
  return years.map((y) => {
    let count = 0;
    let docs = 0;
    for (const r of live) {
      if (r.year !== y.year) continue;
      const n = wordsOf.get(r.id)!.filter((t) => t === word).length;
      count += n;
      if (n) docs++;
    }
    return { year: y.year, count, docs, per10k: (count / y.chars) * 10_000 };
  });
}

/** slope of the per-10k rate on the year, weights = the year's characters; interval and p from t(k − 2) */
function fit(series: { year: number; per10k: number }[], years: YearRow[]) {
  const pts = series.map((s, k) => ({ x: s.year, y: s.per10k, w: years[k].chars, used: years[k].used })).filter((p) => p.used);
  const W = pts.reduce((a, p) => a + p.w, 0);
  const xm = pts.reduce((a, p) => a + p.w * p.x, 0) / W;
  const ym = pts.reduce((a, p) => a + p.w * p.y, 0) / W;
  const sxx = pts.reduce((a, p) => a + p.w * (p.x - xm) ** 2, 0);
  const slope = pts.reduce((a, p) => a + p.w * (p.x - xm) * (p.y - ym), 0) / sxx;
  const rss = pts.reduce((a, p) => a + p.w * (p.y - ym - slope * (p.x - xm)) ** 2, 0);
  const df = pts.length - 2;
  const se = Math.sqrt(rss / df / sxx);
  return { slope, low: slope - T975[df] * se, high: slope + T975[df] * se, p: pTwoSided(slope / se, df) };
}

describe("words rising and falling", () => {
  it("each year's reports, tokens and characters, the small year left unfitted, the undated report counted apart", async () => {
    const res = await getJson<Trends>(app.url, "/api/trends");
    expect(res.status).toBe(200);
    const want = yearsRecount(5);
    expect(want.map((y) => y.year)).toEqual([SMALL_YEAR, ...YEARS]);
    expect(res.body.years).toEqual(want);
    expect(res.body.years.find((y) => y.year === SMALL_YEAR)!.used).toBe(false);
    expect(res.body.unknownYear).toBe(live.filter((r) => r.year === null).length);
    expect(res.body.unknownYear).toBe(1);
    expect(res.body.usedYears).toBe(YEARS.length);
    expect(res.body.enough).toBe(true);
  });

  it("the planted words: counts per year, rates, slope, interval and p equal the recount; rising rises, falling falls", async () => {
    const res = await getJson<Trends>(app.url, "/api/trends?limit=1000&stopwords=false");
    const years = yearsRecount(5);
    const rising = res.body.rising.find((t) => t.term === RISING);
    const falling = res.body.falling.find((t) => t.term === FALLING);
    expect(rising, "rising word listed").toBeDefined();
    expect(falling, "falling word listed").toBeDefined();
    for (const [got, word] of [
      [rising!, RISING],
      [falling!, FALLING],
    ] as const) {
      const series = seriesOf(word, years);
      expect(got.series.map((s) => [s.year, s.count, s.docs])).toEqual(series.map((s) => [s.year, s.count, s.docs]));
      got.series.forEach((s, k) => expect(s.per10k).toBeCloseTo(series[k].per10k, 9));
      const f = fit(series, years);
      expect(got.slope!).toBeCloseTo(f.slope, 9);
      expect(got.low!).toBeCloseTo(f.low, 5);
      expect(got.high!).toBeCloseTo(f.high, 5);
      expect(got.p!).toBeCloseTo(f.p, 6);
      expect(got.count).toBe(series.filter((_, k) => years[k].used).reduce((a, s) => a + s.count, 0));
    }
    expect(rising!.low!).toBeGreaterThan(0);
    expect(falling!.high!).toBeLessThan(0);
    // a word in two years only is not a trend, however often it occurs there
    expect(seriesOf(FEW_YEARS, years).filter((s) => s.count > 0)).toHaveLength(2);
    for (const list of [res.body.rising, res.body.falling]) expect(list.map((t) => t.term)).not.toContain(FEW_YEARS);
  });

  it("exactly the words whose interval excludes 0 and whose Benjamini–Hochberg q ≤ 0.05 are listed, rising above 0, falling below", async () => {
    const res = await getJson<Trends>(app.url, "/api/trends?limit=1000&stopwords=false");
    const years = yearsRecount(5);
    const vocab = new Set([...wordsOf.values()].flat());
    const tested: { word: string; slope: number; low: number; high: number; p: number }[] = [];
    let tooRare = 0;
    let tooFewYears = 0;
    for (const word of vocab) {
      const series = seriesOf(word, years);
      const used = series.filter((_, k) => years[k].used);
      const count = used.reduce((a, s) => a + s.count, 0);
      if (!count) continue;
      if (count < 10) tooRare++;
      else if (used.filter((s) => s.count > 0).length < 3) tooFewYears++;
      else tested.push({ word, ...fit(series, years) });
    }
    expect(res.body.tested).toBe(tested.length);
    expect(res.body.notListed.tooRare).toBe(tooRare);
    expect(res.body.notListed.tooFewYears).toBe(tooFewYears);
    const m = tested.length;
    const byP = [...tested].sort((a, b) => a.p - b.p);
    const q = new Map<string, number>();
    byP.forEach((t, i) => q.set(t.word, Math.min(...byP.slice(i).map((u, j) => (u.p * m) / (i + j + 1)), 1)));
    const listed = tested.filter((t) => (t.low > 0 || t.high < 0) && q.get(t.word)! <= 0.05);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(res.body.rising.map((t) => t.term).sort()).toEqual(listed.filter((t) => t.slope > 0).map((t) => t.word).sort());
    expect(res.body.falling.map((t) => t.term).sort()).toEqual(listed.filter((t) => t.slope < 0).map((t) => t.word).sort());
    for (const t of res.body.rising) expect(t.q!).toBeCloseTo(q.get(t.term)!, 5);
    expect(res.body.notListed.flat + res.body.notListed.notSignificant).toBe(m - listed.length);
    // steepest first
    const slopes = res.body.rising.map((t) => t.slope!);
    expect(slopes).toEqual([...slopes].sort((a, b) => b - a));
  });

  it("a batch list answers every term with its verdict and the reason: the word of two years is tooFewYears, nothing is dropped", async () => {
    const list = encodeURIComponent([RISING, `救助: ${FALLING}`, FEW_YEARS, STEADY, "鲲鹏"].join("\n"));
    const res = await getJson<Trends>(app.url, `/api/trends?terms=${list}`);
    expect(res.status).toBe(200);
    const terms = res.body.terms!;
    expect(terms.map((t) => t.term)).toEqual([RISING, "救助", FEW_YEARS, STEADY, "鲲鹏"]);
    const years = yearsRecount(5);
    expect(terms[0].status).toBe("rising");
    expect(terms[0].slope!).toBeCloseTo(fit(seriesOf(RISING, years), years).slope, 9);
    expect(terms[1].status).toBe("falling");
    expect(terms[1].series.map((s) => s.count)).toEqual(seriesOf(FALLING, years).map((s) => s.count));
    expect(terms[2]).toMatchObject({ status: "tooFewYears", slope: null, yearsPresent: 2 });
    expect(terms[2].reason).toMatch(/2 of the 8 fitted years/);
    // once in every report: its interval holds 0 (or at least it is not listed as a trend)
    expect(["flat", "notSignificant"]).toContain(terms[3].status);
    expect(terms[4]).toMatchObject({ status: "tooRare", count: 0 });
    expect(res.body.rising.map((t) => t.term)).toEqual([RISING]);
  });

  it("too few fitted years: nothing is a trend, and the answer says why", async () => {
    // 6 reports a year: with minReports=7 no year is fitted; with minYears=9 eight years are not enough
    for (const qs of ["minReports=7", "minYears=9"]) {
      const res = await getJson<Trends>(app.url, `/api/trends?${qs}&terms=${encodeURIComponent(RISING)}`);
      expect(res.status, qs).toBe(200);
      expect(res.body.enough).toBe(false);
      expect(res.body.rising).toEqual([]);
      expect(res.body.falling).toEqual([]);
      expect(res.body.terms![0].status).toBe("insufficient");
      expect(res.body.message).toMatch(/No trends: \d+ of 9 years have \d+ or more reports, and a trend needs \d+ such years/);
    }
  });

  it("the CSV export has one row per listed word × year with what each year rests on, and the provenance", async () => {
    const json = await getJson<Trends>(app.url, "/api/trends?limit=1000");
    const res = await fetch(`${app.url}/api/export/trends?limit=3`);
    expect(res.status).toBe(200);
    const { comments, records } = parseExportCsv(await res.text());
    const years = yearsRecount(5);
    const listed = [...json.body.rising, ...json.body.falling];
    // the export lifts the screen's limit
    expect(records.length - 1).toBe(listed.length * years.length);
    expect(comments.at(-1)).toBe(`rows: ${listed.length * years.length}`);
    expect(comments.join("\n")).toMatch(/\/api\/trends/);
    const head = records[0];
    expect(head).toEqual(["term", "status", "slope", "low", "high", "p", "q", "year", "used", "reports", "tokens", "chars", "count", "docs", "per10k"]);
    const rows = records.slice(1).filter((r) => r[0] === RISING);
    expect(rows.map((r) => [Number(r[7]), r[8], Number(r[9]), Number(r[11]), Number(r[12])])).toEqual(
      seriesOf(RISING, years).map((s, k) => [s.year, String(years[k].used), years[k].reports, years[k].chars, s.count]),
    );
  });

  it("bad parameters are 400s with a message", async () => {
    const bad = async (qs: string, message: RegExp) => {
      const res = await getJson<{ error: { message: string } }>(app.url, `/api/trends?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body.error.message, qs).toMatch(message);
    };
    await bad("minYears=2", /minYears/);
    await bad("minReports=0", /minReports/);
    await bad("minWordYears=abc", /minWordYears/);
    await bad("limit=0", /limit/);
    await bad(`terms=${encodeURIComponent("a: b: c")}`, /line 1: more than one colon/);
    await bad(`terms=${encodeURIComponent("数字化\n%%")}`, /line 2: "%%" has no word/);
    await bad("yearFrom=abc", /yearFrom/);
  });
});

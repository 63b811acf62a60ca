import { describe, expect, it } from "vitest";
import { keyness } from "../../server/analytics/keyness.ts";
import { keynessStats } from "../../server/analytics/shared/keynessStats.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus } from "../fixtures/analytics-corpus.ts";

/** Rayson & Garside's two-cell G², rearranged algebraically — an independent implementation. */
function g2Reference(a: number, b: number, c: number, d: number): number {
  const xlx = (x: number) => (x > 0 ? x * Math.log(x) : 0);
  return 2 * (xlx(a) + xlx(b) - a * Math.log(c) - b * Math.log(d) + (a + b) * Math.log(c + d) - xlx(a + b));
}

describe("keynessStats", () => {
  it("matches values worked by hand", () => {
    // a=10 of 1000, b=1 of 1000: E1 = E2 = 5.5, G² = 2(10·ln(10/5.5) + 1·ln(1/5.5)) = 8.547244
    // Log Ratio = log2((10/1000)/(1/1000)) = log2 10 = 3.321928
    const x = keynessStats(10, 1, 1000, 1000);
    expect(x.g2).toBeCloseTo(8.547244, 5);
    expect(x.logRatio).toBeCloseTo(3.321928, 5);
    // a=5 of 1000, b=0 of 2000: E1 = 5/3, G² = 2·5·ln 3 = 10.986123; the zero becomes 0.5:
    // Log Ratio = log2((5/1000)/(0.5/2000)) = log2 20 = 4.321928
    const z = keynessStats(5, 0, 1000, 2000);
    expect(z.g2).toBeCloseTo(10.986123, 5);
    expect(z.logRatio).toBeCloseTo(4.321928, 5);
  });

  it("is signed by direction and symmetric", () => {
    expect(keynessStats(1, 10, 1000, 1000).g2).toBeCloseTo(-8.547244, 5);
    expect(keynessStats(1, 10, 1000, 1000).logRatio).toBeCloseTo(-3.321928, 5);
    for (const [a, b, c, d] of [[3, 7, 500, 900], [120, 4, 10_000, 25_000], [0, 9, 400, 300]]) {
      expect(Math.abs(keynessStats(a, b, c, d).g2)).toBeCloseTo(g2Reference(a, b, c, d), 9);
    }
  });
});

describe("keyness", () => {
  const corpus = fixtureCorpus();
  const hospital = selectReports(corpus, { sector: ["hospital"] }, null);
  const school = selectReports(corpus, { sector: ["school"] }, null);

  it("ranks A's keywords first, B's last, with exact counts", () => {
    const out = keyness(corpus, hospital, school, { min: 2, limit: 10 });
    const c = hospital.reduce((n, d) => n + d.wordCount, 0);
    const d = school.reduce((n, x) => n + x.wordCount, 0);
    expect(out.totals).toEqual({ a: c, b: d });
    const chars = (ds: typeof hospital) => ds.reduce((n, x) => n + x.report.text.length, 0);
    expect(out.chars).toEqual({ a: chars(hospital), b: chars(school) });
    const row = (t: string) => out.rows.find((r) => r.term === t)!;
    expect(row("职代会")).toMatchObject({ a: { count: 2 }, b: { count: 0 } });
    expect(row("职代会").a.per10k).toBeCloseTo((2 / chars(hospital)) * 10_000, 9);
    expect(row("职代会").a.perMillion).toBeCloseTo((2 / c) * 1e6, 9);
    expect(row("教代会").b.per10k).toBeCloseTo((2 / chars(school)) * 10_000, 9);
    expect(row("教代会").a.per10k).toBe(0);
    expect(row("职代会").g2).toBeCloseTo(g2Reference(2, 0, c, d), 9);
    expect(row("职代会").logRatio).toBeCloseTo(Math.log2((2 / c) / (0.5 / d)), 9);
    expect(row("教代会").g2).toBeCloseTo(-g2Reference(0, 2, c, d), 9);
    const g = out.rows.map((r) => r.g2);
    expect(g).toEqual([...g].sort((x, y) => y - x));
    expect(g[0]).toBeGreaterThan(0);
    expect(g[g.length - 1]).toBeLessThan(0);
    expect(out.rows.every((r) => r.a.count + r.b.count >= 2)).toBe(true);
  });

  it("limits each side separately", () => {
    const out = keyness(corpus, hospital, school, { min: 1, limit: 2 });
    expect(out.rows.filter((r) => r.g2 > 0)).toHaveLength(2);
    expect(out.rows.filter((r) => r.g2 < 0)).toHaveLength(2);
  });
});

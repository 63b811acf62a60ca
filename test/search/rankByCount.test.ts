import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rankByCount } from "../../server/search/rankByCount.ts";

describe("rankByCount", () => {
  it("gives a stable sort by exact count, descending, from upper bounds counted on demand", () => {
    const item = fc.record({ count: fc.nat(6), exact: fc.boolean(), slack: fc.nat(4) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.nat(45), (items, n) => {
        const counted: number[] = [];
        const ranking = rankByCount(
          items.map((x) => (x.exact ? x.count : x.count + x.slack)),
          items.map((x) => (x.exact ? 1 : 0)),
          (i) => (counted.push(i), items[i].count),
        );
        const sorted = items.map((x, i) => ({ ...x, i })).sort((a, b) => b.count - a.count);
        expect(ranking.take(n)).toEqual(sorted.slice(0, n).map((x) => x.i));
        expect(ranking.take(items.length)).toEqual(sorted.map((x) => x.i));
        // each bound is counted at most once, exact items never
        expect(new Set(counted).size).toBe(counted.length);
        for (const i of counted) expect(items[i].exact).toBe(false);
      }),
    );
  });

  it("counts only the bounds that could reach the page", () => {
    // 1000 items whose bounds (5) are below the exact counts of the top ten (10)
    const counts = Array.from({ length: 1010 }, (_, i) => (i < 10 ? 10 : 5));
    const exact = counts.map((_, i) => (i < 10 ? 1 : 0));
    let calls = 0;
    const ranking = rankByCount(counts, exact, () => (calls++, 3));
    expect(ranking.take(10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(calls).toBe(0);
    expect(ranking.take(11)).toHaveLength(11);
    expect(calls).toBe(1000);
  });
});

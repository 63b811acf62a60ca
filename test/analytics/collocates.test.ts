import { describe, expect, it } from "vitest";
import { isWord } from "../../core/text/segment.ts";
import { collocates } from "../../server/analytics/collocates.ts";
import { selectDocs } from "../../core/corpus/build.ts";
import { fixtureCorpus, segmenter, words } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectDocs(corpus, {});

/** Independent implementation: sentences of re-segmented text, word lists, ±w windows. */
function naive(node: string, w: number) {
  const O = new Map<string, number>();
  const f = new Map<string, number>();
  let N = 0;
  let fn = 0;
  for (const d of docs) {
    for (const sentence of d.report.text.split(/[。！？；\n]/)) {
      const ws = segmenter.cut(sentence).filter(isWord);
      ws.forEach((t, i) => {
        N++;
        f.set(t, (f.get(t) ?? 0) + 1);
        if (t !== node) return;
        fn++;
        for (const c of [...ws.slice(Math.max(0, i - w), i), ...ws.slice(i + 1, i + 1 + w)]) O.set(c, (O.get(c) ?? 0) + 1);
      });
    }
  }
  return { O, f, N, fn };
}

describe("collocates", () => {
  it("counts co-occurrences within ±window words, not across sentences", () => {
    const out = collocates(corpus, docs, { tokens: words("送温暖"), window: 5, min: 1, measure: "mi" });
    const n = naive("送温暖", 5);
    expect(out.node).toBe(6);
    expect(out.totalTokens).toBe(n.N);
    expect(new Map(out.rows.map((r) => [r.term, r.count]))).toEqual(n.O);
    // by hand: 活动 follows 送温暖 six times and s2 has a second 活动 in the window; 慰问 is in
    // the window in h1 h2 s1 e1 a1 (commas do not stop it); nothing crosses 。
    const count = (t: string) => out.rows.find((r) => r.term === t)?.count;
    expect(count("活动")).toBe(7);
    expect(count("慰问")).toBe(5);
    expect(count("开展")).toBe(6);
    expect(count("坚持")).toBeUndefined();
  });

  it("computes MI, t, logDice and LLR by their formulas", () => {
    const w = 5;
    const out = collocates(corpus, docs, { tokens: words("送温暖"), window: w, min: 1, measure: "llr" });
    const n = naive("送温暖", w);
    for (const r of out.rows) {
      const O = r.count;
      const fc = n.f.get(r.term)!;
      const E = (n.fn * fc * 2 * w) / n.N;
      expect(r.mi).toBeCloseTo(Math.log2(O / E), 9);
      expect(r.t).toBeCloseTo((O - E) / Math.sqrt(O), 9);
      expect(r.logdice).toBeCloseTo(14 + Math.log2((2 * O) / (n.fn + fc)), 9);
      // G² over the 2×2 table, written out cell by cell
      const R1 = n.fn * 2 * w;
      const cells = [O, R1 - O, fc - O, n.N - R1 - fc + O].map((x) => Math.max(0, x));
      const tot = cells.reduce((a, b) => a + b, 0);
      const rows = [cells[0] + cells[1], cells[2] + cells[3]];
      const cols = [cells[0] + cells[2], cells[1] + cells[3]];
      let g2 = 0;
      cells.forEach((o, k) => {
        const e = (rows[k >> 1] * cols[k & 1]) / tot;
        if (o > 0) g2 += 2 * o * Math.log(o / e);
      });
      expect(Math.abs(r.llr)).toBeCloseTo(g2, 9);
      expect(Math.sign(r.llr)).toBe(O >= E ? 1 : -1);
    }
    const llr = out.rows.map((r) => r.llr);
    expect(llr).toEqual([...llr].sort((a, b) => b - a));
  });

  it("applies min and limit, and handles an unknown node", () => {
    const out = collocates(corpus, docs, { tokens: words("送温暖"), min: 6, limit: 1, measure: "logdice" });
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0].term).toBe("活动");
    expect(collocates(corpus, docs, { tokens: ["没有"] }).rows).toEqual([]);
  });
});

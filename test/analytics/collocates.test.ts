import { describe, expect, it } from "vitest";
import { collocates } from "../../server/analytics/collocates.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import { selectReports } from "../../core/corpus/select.ts";
import type { CorpusDoc } from "../../core/corpus/types.ts";
import { fixtureCorpus, makeReport, segmenter, STOPWORDS, words, indexesOf } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);

// The definitions, restated here so the recount does not use the product's helpers: a word is a
// token with a letter or digit; a non-word token holding one of these characters ends a sentence.
const SENTENCE_END = /[。！？；!?;…\n]/;
const isWordToken = (t: string) => /[\p{L}\p{N}]/u.test(t);

/**
 * Independent recount: the words of each report with their sentence number; a node at word i
 * covers words i−w … i+w of its sentence (not i); a position covered twice is one position.
 */
function recount(over: CorpusDoc[], node: string, w: number) {
  const O = new Map<string, number>();
  const f = new Map<string, number>();
  let N = 0;
  let fn = 0;
  let W = 0;
  for (const d of over) {
    const ws: string[] = [];
    const sentence: number[] = [];
    let s = 0;
    for (const t of segmenter.cut(d.report.text)) {
      if (isWordToken(t)) {
        ws.push(t);
        sentence.push(s);
      } else if (SENTENCE_END.test(t)) s++;
    }
    const covered = new Set<number>();
    ws.forEach((t, i) => {
      N++;
      f.set(t, (f.get(t) ?? 0) + 1);
      if (t !== node) return;
      fn++;
      for (let j = i - w; j <= i + w; j++) if (j !== i && j >= 0 && j < ws.length && sentence[j] === sentence[i]) covered.add(j);
    });
    W += covered.size;
    for (const j of covered) O.set(ws[j], (O.get(ws[j]) ?? 0) + 1);
  }
  return { O, f, N, fn, W };
}

/** G² of a 2×2 table written out cell by cell, expected values from the margins. */
function g2(o11: number, o12: number, o21: number, o22: number): number {
  const n = o11 + o12 + o21 + o22;
  const cells = [
    [o11, o11 + o12, o11 + o21],
    [o12, o11 + o12, o12 + o22],
    [o21, o21 + o22, o11 + o21],
    [o22, o21 + o22, o12 + o22],
  ];
  return cells.reduce((sum, [o, row, col]) => (o > 0 ? sum + 2 * o * Math.log(o / ((row * col) / n)) : sum), 0);
}

function corpusOf(...texts: string[]) {
  const c = buildCorpus(
    texts.map((text, k) => ({ report: makeReport({ id: `t${k}`, sector: "other", year: 2023, text }), tokens: segmenter.cut(text) })),
    STOPWORDS,
  );
  return { c, docs: selectReports(c, {}, null) };
}

describe("collocates", () => {
  it("counts a collocate token once when two node windows overlap", () => {
    // 开展 送温暖 慰问 送温暖 活动 。 — the nodes are 2 tokens apart, so with window 5 each covers
    // the other's whole neighbourhood: 慰问 is one token, counted once (it was counted twice).
    const { c, docs: all } = corpusOf("开展送温暖慰问送温暖活动。");
    const out = collocates(c, all, { alternatives: [words("送温暖")], window: 5, min: 1 }, indexesOf(c));
    const count = new Map(out.rows.map((r) => [r.term, r.count]));
    expect(count).toEqual(new Map([["开展", 1], ["慰问", 1], ["活动", 1], ["送温暖", 2]]));
    expect(out.node).toBe(2);
    // positions 0..4 are each covered once: W = 5, not 2 · 2 · 5 = 20
    expect(out.windowTokens).toBe(5);
    expect(out.totalTokens).toBe(5);
    const r = out.rows.find((x) => x.term === "慰问")!;
    expect(r.freq).toBe(1);
    expect(r.expected).toBeCloseTo((5 * 1) / 5, 12);
    expect(r.mi).toBeCloseTo(0, 12);
    // the table is possible: every cell ≥ 0 (O11 = 1, O12 = 4, O21 = 0, O22 = 0)
    expect(Math.abs(r.llr)).toBeCloseTo(g2(1, 4, 0, 0), 12);
  });

  it("sizes windows as they really are at sentence and report bounds", () => {
    // 送温暖 活动 。 开展 送温暖 。 \n 坚持 送温暖 ，慰问 困难职工 ，关爱 职工 ，落实 院务公开
    const text = "送温暖活动。开展送温暖。\n坚持送温暖，慰问困难职工，关爱职工，落实院务公开";
    const { c, docs: all } = corpusOf(text);
    // window 5: {活动} + {开展} + {坚持, 慰问, 困难职工, 关爱, 职工, 落实}; commas do not stop a window
    const five = collocates(c, all, { alternatives: [words("送温暖")], window: 5, min: 1 }, indexesOf(c));
    expect(five.node).toBe(3);
    expect(five.windowTokens).toBe(8);
    expect(five.rows.find((r) => r.term === "院务公开")).toBeUndefined();
    // window 8: the third window is cut by the report's end after 院务公开
    const eight = collocates(c, all, { alternatives: [words("送温暖")], window: 8, min: 1 }, indexesOf(c));
    expect(eight.windowTokens).toBe(9);
    expect(eight.rows.find((r) => r.term === "院务公开")?.count).toBe(1);
    expect(eight.rows.find((r) => r.term === "院务公开")?.expected).toBeCloseTo((9 * 1) / 12, 12);
  });

  it("equals an independent recount of counts, W and E on the fixture corpus", () => {
    for (const node of ["送温暖", "工会", "开展", "职工"]) {
      for (const w of [1, 2, 5, 10]) {
        const out = collocates(corpus, docs, { alternatives: [words(node)], window: w, min: 1 }, indexesOf(corpus));
        const n = recount(docs, node, w);
        const at = `${node} ±${w}`;
        expect(out.node, at).toBe(n.fn);
        expect(out.totalTokens, at).toBe(n.N);
        expect(out.windowTokens, at).toBe(n.W);
        expect(new Map(out.rows.map((r) => [r.term, r.count])), at).toEqual(n.O);
        for (const r of out.rows) {
          expect(r.freq, at).toBe(n.f.get(r.term));
          expect(r.count, at).toBeLessThanOrEqual(r.freq);
          expect(r.expected, at).toBeCloseTo((n.W * r.freq) / n.N, 9);
        }
      }
    }
    // by hand: 活动 follows 送温暖 six times and s2 has a second 活动 in the window; 慰问 is in
    // the window in h1 h2 s1 e1 a1 (commas do not stop it); nothing crosses 。
    const out = collocates(corpus, docs, { alternatives: [words("送温暖")], window: 5, min: 1, measure: "mi" }, indexesOf(corpus));
    const count = (t: string) => out.rows.find((r) => r.term === t)?.count;
    expect(out.node).toBe(6);
    expect(count("活动")).toBe(7);
    expect(count("慰问")).toBe(5);
    expect(count("开展")).toBe(6);
    expect(count("坚持")).toBeUndefined();
  });

  it("computes MI, t, logDice and LLR from O, E, f(n), f(c), W and N", () => {
    for (const [node, w] of [["送温暖", 5], ["开展", 3]] as const) {
      const out = collocates(corpus, docs, { alternatives: [words(node)], window: w, min: 1, measure: "llr" }, indexesOf(corpus));
      const n = recount(docs, node, w);
      for (const r of out.rows) {
        const O = n.O.get(r.term)!;
        const fc = n.f.get(r.term)!;
        const E = (n.W * fc) / n.N;
        expect(r.mi).toBeCloseTo(Math.log2(O / E), 9);
        expect(r.t).toBeCloseTo((O - E) / Math.sqrt(O), 9);
        expect(r.logdice).toBeCloseTo(14 + Math.log2((2 * O) / (n.fn + fc)), 9);
        const cells = [O, n.W - O, fc - O, n.N - n.W - fc + O];
        expect(Math.min(...cells)).toBeGreaterThanOrEqual(0);
        expect(Math.abs(r.llr)).toBeCloseTo(g2(cells[0], cells[1], cells[2], cells[3]), 9);
        expect(Math.sign(r.llr)).toBe(O >= E ? 1 : -1);
        // f(c) as a rate: per 10k chars of the docs' text, per million word tokens
        const chars = docs.reduce((x, d) => x + d.report.text.length, 0);
        expect(r.per10k).toBeCloseTo((fc / chars) * 10_000, 9);
        expect(r.perMillion).toBeCloseTo((fc / n.N) * 1e6, 9);
      }
      const llr = out.rows.map((r) => r.llr);
      expect(llr).toEqual([...llr].sort((a, b) => b - a));
    }
  });

  it("applies min and limit, and handles an unknown node", () => {
    const out = collocates(corpus, docs, { alternatives: [words("送温暖")], min: 6, limit: 1, measure: "logdice" }, indexesOf(corpus));
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0].term).toBe("活动");
    const none = collocates(corpus, docs, { alternatives: [["没有"]] }, indexesOf(corpus));
    expect(none.rows).toEqual([]);
    expect(none.windowTokens).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { isWord } from "../../core/text/segment.ts";
import { ngrams } from "../../server/analytics/ngrams.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, makeReport, segmenter, SPECS, indexesOf } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);

/** Independent implementation: runs of word tokens between non-word tokens, string keys. */
function naive(n: number) {
  const count = new Map<string, number>();
  const inDocs = new Map<string, Set<string>>();
  for (const d of docs) {
    let run: string[] = [];
    for (const t of [...segmenter.cut(d.report.text), "。"]) {
      if (isWord(t)) {
        run.push(t);
        continue;
      }
      for (let i = 0; i + n <= run.length; i++) {
        const key = run.slice(i, i + n).join("|");
        count.set(key, (count.get(key) ?? 0) + 1);
        inDocs.set(key, (inDocs.get(key) ?? new Set()).add(d.report.id));
      }
      run = [];
    }
  }
  return { count, inDocs };
}

describe("ngrams", () => {
  for (const n of [2, 3, 4]) {
    it(`counts ${n}-grams exactly`, () => {
      const out = ngrams(corpus, docs, { n, min: 1 }, indexesOf(corpus));
      const ref = naive(n);
      expect(out.rows).toHaveLength(ref.count.size);
      for (const r of out.rows) {
        expect(r.count).toBe(ref.count.get(r.tokens.join("|")));
        expect(r.docs).toBe(ref.inDocs.get(r.tokens.join("|"))!.size);
        expect(r.text).toBe(r.tokens.join(""));
      }
    });
  }

  it("gives the hand-counted top n-grams and never crosses punctuation", () => {
    const bi = ngrams(corpus, docs, { n: 2, min: 2 }, indexesOf(corpus)).rows;
    expect(bi.find((r) => r.text === "开展送温暖")).toMatchObject({ count: 6, docs: 6 });
    expect(bi.find((r) => r.text === "为抓手")).toMatchObject({ count: 6, docs: 6 });
    expect(bi.find((r) => r.text === "建设为")).toMatchObject({ count: 5, docs: 5 });
    // 活动，慰问 has a comma between: not a bigram
    expect(bi.find((r) => r.text === "活动慰问")).toBeUndefined();
    expect(bi.every((r) => r.count >= 2)).toBe(true);
    const tri = ngrams(corpus, docs, { n: 3, min: 2, limit: 1 }, indexesOf(corpus)).rows;
    expect(tri).toEqual([{ text: "开展送温暖活动", tokens: ["开展", "送温暖", "活动"], count: 6, docs: 6 }]);
  });

  it("equals string keys, order of ties included, over tens of thousands of distinct n-grams", () => {
    // a pseudo-random stream over 60 words and two punctuation marks, in 40 docs: the table grows
    // and rehashes many times
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const words = Array.from({ length: 60 }, (_, i) => `词${i}`);
    const entries = Array.from({ length: 40 }, (_, d) => {
      const tokens = Array.from({ length: 2000 }, () => (next() < 0.1 ? (next() < 0.5 ? "，" : "。") : words[Math.floor(next() ** 2 * 60)]));
      return { report: makeReport({ ...SPECS[0], id: `r${d}`, text: tokens.join("") }), tokens };
    });
    const big = buildCorpus(entries, []);
    for (const n of [2, 3, 5]) {
      const expected = new Map<string, { tokens: string[]; count: number; docs: Set<number> }>();
      entries.forEach(({ tokens }, d) => {
        for (let i = 0; i + n <= tokens.length; i++) {
          const gram = tokens.slice(i, i + n);
          if (!gram.every(isWord)) continue;
          const key = gram.join("|");
          const e = expected.get(key) ?? { tokens: gram, count: 0, docs: new Set<number>() };
          e.count++;
          e.docs.add(d);
          expected.set(key, e);
        }
      });
      const rows = [...expected.values()]
        .filter((e) => e.count >= 2)
        .map((e) => ({ text: e.tokens.join(""), tokens: e.tokens, count: e.count, docs: e.docs.size }))
        .sort((a, b) => b.count - a.count || b.docs - a.docs || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
      expect(expected.size).toBeGreaterThan(n === 2 ? 2000 : 20_000);
      expect(ngrams(big, big.docs, { n }, indexesOf(big)).rows).toEqual(rows);
    }
  });

  it("rejects n outside 2..8", () => {
    expect(() => ngrams(corpus, docs, { n: 1 }, indexesOf(corpus))).toThrow(RangeError);
    expect(() => ngrams(corpus, docs, { n: 9 }, indexesOf(corpus))).toThrow(RangeError);
  });
});

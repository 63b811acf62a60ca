import { describe, expect, it } from "vitest";
import { isWord } from "../../core/text/segment.ts";
import { frequency } from "../../server/analytics/frequency.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, segmenter, STOPWORDS } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);

/** independent implementation: re-segment the texts and count with a Map */
function naive(filter: (t: string) => boolean) {
  const count = new Map<string, number>();
  const inDocs = new Map<string, Set<string>>();
  let total = 0;
  for (const d of docs) {
    for (const t of segmenter.cut(d.report.text).filter(isWord)) {
      total++;
      if (!filter(t)) continue;
      count.set(t, (count.get(t) ?? 0) + 1);
      inDocs.set(t, (inDocs.get(t) ?? new Set()).add(d.report.id));
    }
  }
  return { total, count, inDocs };
}

describe("frequency", () => {
  it("counts word tokens exactly", () => {
    const out = frequency(corpus, docs, {});
    const n = naive(() => true);
    // the per10k base: every character of the clean texts, punctuation and paragraph breaks included
    const chars = docs.reduce((x, d) => x + d.report.text.length, 0);
    expect(out.totalTokens).toBe(n.total);
    expect(out.totalChars).toBe(chars);
    expect(out.rows).toHaveLength(n.count.size);
    for (const row of out.rows) {
      expect(row.count).toBe(n.count.get(row.term));
      expect(row.docs).toBe(n.inDocs.get(row.term)!.size);
      expect(row.per10k).toBeCloseTo((row.count / chars) * 10_000, 9);
      expect(row.perMillion).toBeCloseTo((row.count / n.total) * 1e6, 6);
    }
    // by hand
    expect(out.rows.slice(0, 2)).toMatchObject([
      { term: "开展", count: 12, docs: 6 },
      { term: "活动", count: 7, docs: 6 },
    ]);
    expect(out.rows.find((r) => r.term === "送温暖")).toMatchObject({ count: 6, docs: 6 });
    expect(out.rows.find((r) => r.term === "劳动竞赛")).toMatchObject({ count: 3, docs: 2 });
  });

  it("never counts punctuation and sorts by count, then term", () => {
    const out = frequency(corpus, docs, {});
    expect(out.rows.some((r) => /^[，。\n]$/.test(r.term))).toBe(false);
    for (let i = 1; i < out.rows.length; i++) {
      const [a, b] = [out.rows[i - 1], out.rows[i]];
      expect(a.count > b.count || (a.count === b.count && a.term < b.term)).toBe(true);
    }
  });

  it("applies limit, minLength and the stopword list", () => {
    const out = frequency(corpus, docs, { limit: 5, minLength: 3, stopwords: true });
    expect(out.rows).toHaveLength(5);
    expect(out.rows.every((r) => r.term.length >= 3)).toBe(true);
    expect(out.rows[0]).toMatchObject({ term: "送温暖", count: 6 });
    const withStop = frequency(corpus, docs, { stopwords: false }).rows.map((r) => r.term);
    const noStop = frequency(corpus, docs, { stopwords: true });
    expect(withStop).toContain("是");
    expect(noStop.rows.some((r) => STOPWORDS.includes(r.term))).toBe(false);
    // the denominator stays all word tokens
    expect(noStop.totalTokens).toBe(naive(() => true).total);
  });
});

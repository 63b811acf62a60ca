import { describe, expect, it } from "vitest";
import { phrasing } from "../../server/analytics/phrasing.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, words, indexesOf } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);

describe("phrasing", () => {
  const out = phrasing(corpus, docs, { alternatives: [words("送温暖")], term: "送温暖" }, indexesOf(corpus));

  it("clusters the sentences built on one frame", () => {
    expect(out.total).toBe(6);
    expect(out.considered).toBe(6);
    expect(out.clusters.reduce((n, c) => n + c.sentences, 0)).toBe(6);
    const top = out.clusters[0];
    // h1 s1 e1 a1: 开展送温暖活动，(走访)慰问困难职工(20人)。 — numbers fall into gaps
    expect(top.pattern).toBe("开展送温暖活动…慰问困难职工");
    expect(top.gaps).toBe(1);
    expect(top.reports).toBe(4);
    expect(top.sectors).toEqual({ hospital: 1, school: 1, enterprise: 1, agency: 1 });
  });

  it("marks what each example adds to the pattern", () => {
    for (const c of out.clusters) {
      for (const e of c.examples) {
        expect(e.text.slice(e.termAt[0], e.termAt[1])).toBe("送温暖");
        for (const [s, t] of e.marks) expect(t).toBeGreaterThan(s);
      }
    }
    const ex = (id: string) => out.clusters[0].examples.find((e) => e.reportId === id);
    const a1 = ex("a1");
    const h1 = ex("h1");
    expect(a1?.text).toBe("开展送温暖活动，走访慰问困难职工。");
    expect(a1?.marks).toEqual([[8, 10]]); // 走访
    if (h1) expect(h1.marks.map(([s, e]) => h1.text.slice(s, e))).toEqual(["20人"]);
    expect(out.clusters[0].examples.length).toBeLessThanOrEqual(3);
  });

  it("returns nothing for a term the corpus lacks, and honours limit", () => {
    expect(phrasing(corpus, docs, { alternatives: [["没有"]], term: "没有" }, indexesOf(corpus)).clusters).toEqual([]);
    expect(phrasing(corpus, docs, { alternatives: [words("送温暖")], term: "送温暖", limit: 1 }, indexesOf(corpus)).clusters).toHaveLength(1);
  });
});

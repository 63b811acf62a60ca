import { describe, expect, it } from "vitest";
import { breakdown } from "../../server/analytics/breakdown.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, words, indexesOf } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);
const wordTotal = docs.reduce((n, d) => n + d.wordCount, 0);

describe("breakdown", () => {
  it("splits a term's counts by sector, zero groups included", () => {
    const { rows } = breakdown(corpus, docs, { alternatives: [words("劳动竞赛")], by: "sector" }, indexesOf(corpus));
    expect(rows.map((r) => [r.key, r.count, r.docs, r.totalDocs])).toEqual([
      ["hospital", 1, 1, 2],
      ["school", 0, 0, 2],
      ["enterprise", 2, 1, 1],
      ["agency", 0, 0, 1],
    ]);
    const e1 = corpus.byId.get("e1")!;
    expect(rows[2].tokens).toBe(e1.wordCount);
    expect(rows[2].perMillion).toBeCloseTo((2 / e1.wordCount) * 1e6, 6);
    expect(rows[1].perMillion).toBe(0);
    // per 10k chars of the group's clean text (its length counted here, not report.chars)
    const len = (id: string) => corpus.byId.get(id)!.report.text.length;
    expect(rows[2].chars).toBe(len("e1"));
    expect(rows[2].per10k).toBeCloseTo((2 / len("e1")) * 10_000, 9);
    expect(rows[0].per10k).toBeCloseTo((1 / (len("h1") + len("h2"))) * 10_000, 9);
    expect(rows[1].per10k).toBe(0);
  });

  it("orders years ascending with unknown last, and rows sum to the totals", () => {
    const { rows } = breakdown(corpus, docs, { alternatives: [words("送温暖")], by: "year" }, indexesOf(corpus));
    expect(rows.map((r) => [r.key, r.count, r.totalDocs])).toEqual([
      ["2021", 1, 1],
      ["2022", 2, 2],
      ["2023", 2, 2],
      ["unknown", 1, 1],
    ]);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(6);
    expect(rows.reduce((n, r) => n + r.totalDocs, 0)).toBe(docs.length);
    expect(rows.reduce((n, r) => n + r.tokens, 0)).toBe(wordTotal);
  });

  it("groups by docType and level", () => {
    const byType = breakdown(corpus, docs, { alternatives: [words("以")], by: "docType" }, indexesOf(corpus)).rows;
    expect(byType.map((r) => [r.key, r.count])).toEqual([
      ["report", 4],
      ["summary", 1],
      ["plan", 1],
    ]);
    const byLevel = breakdown(corpus, docs, { alternatives: [words("职代会")], by: "level" }, indexesOf(corpus)).rows;
    expect(byLevel.map((r) => [r.key, r.count])).toEqual([
      ["county", 1],
      ["unit", 3],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { similar } from "../../server/analytics/similar.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, segmenter, indexesOf } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);

describe("similar", () => {
  it("puts the identical sentence first with a score of 1", () => {
    const { rows } = similar(corpus, docs, { tokens: segmenter.cut("开展送温暖活动，慰问困难职工。"), limit: 5 }, indexesOf(corpus));
    expect(rows[0]).toMatchObject({ reportId: "e1", text: "开展送温暖活动，慰问困难职工。" });
    expect(rows[0].score).toBeCloseTo(1, 6);
    const e1 = corpus.byId.get("e1")!.report.text;
    expect(e1.slice(rows[0].start, rows[0].start + rows[0].text.length)).toBe(rows[0].text);
    for (let i = 1; i < rows.length; i++) expect(rows[i].score).toBeLessThanOrEqual(rows[i - 1].score);
    expect(rows.every((r) => r.score > 0 && r.score <= 1)).toBe(true);
    // each sentence text once
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });

  it("ranks close variants above unrelated sentences and stays inside the docs given", () => {
    const school = selectReports(corpus, { sector: ["school"] }, null);
    const { rows } = similar(corpus, school, { tokens: segmenter.cut("坚持教代会制度，推进校务公开"), limit: 3 }, indexesOf(corpus));
    expect(rows.every((r) => r.sector === "school")).toBe(true);
    expect(rows[0].text).toBe("学校工会坚持教代会制度，推进校务公开。");
  });

  it("marks the words each sentence shares with the draft (issue 28)", () => {
    const draft = "坚持教代会制度，推进校务公开";
    const { rows } = similar(corpus, docs, { tokens: segmenter.cut(draft), limit: 5 }, indexesOf(corpus));
    // 学校工会|坚持 教代会 制度|，|推进 校务公开|。 — shared runs merge: 坚持教代会制度 and 推进校务公开
    expect(rows[0].text).toBe("学校工会坚持教代会制度，推进校务公开。");
    expect(rows[0].marks).toEqual([
      [4, 11],
      [12, 18],
    ]);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      expect(r.marks.length).toBeGreaterThan(0);
      for (const [a, b] of r.marks) expect(draft).toContain(r.text.slice(a, b));
    }
  });

  it("returns nothing when no query word is known", () => {
    expect(similar(corpus, docs, { tokens: ["的"] }, indexesOf(corpus)).rows).toEqual([]);
  });
});

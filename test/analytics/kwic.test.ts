import { describe, expect, it } from "vitest";
import { kwic } from "../../server/analytics/kwic.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, words, indexesOf } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);
const run = (term: string, extra: Partial<Parameters<typeof kwic>[2]> = {}) =>
  kwic(corpus, docs, { term, alternatives: [words(term)], match: "word", perPage: 100, ...extra }, indexesOf(corpus));

/** independent count: non-overlapping String occurrences */
const naive = (term: string) => docs.reduce((n, d) => n + d.report.text.split(term).length - 1, 0);

describe("kwic", () => {
  it("counts word-mode hits at token boundaries only", () => {
    expect(run("送温暖")).toMatchObject({ total: 6, reports: 6 });
    expect(run("开展").total).toBe(12);
    // 工会 inside the token 县总工会 is not a word hit; it is a substring hit
    expect(run("工会").total).toBe(6);
    expect(run("工会", { match: "substring" }).total).toBe(7);
    expect(run("竞赛").total).toBe(1);
    expect(run("竞赛", { match: "substring" })).toMatchObject({ total: naive("竞赛"), reports: 3 });
  });

  it("matches multi-token terms as a token sequence", () => {
    expect(words("建设为抓手")).toEqual(["建设", "为", "抓手"]);
    // h1 h2 s1 s2 a1; e1 has 安全生产为抓手
    expect(run("建设为抓手")).toMatchObject({ total: 5, reports: 5 });
  });

  it("cuts lines that are exact substrings of the text at `offset`", () => {
    for (const mode of ["word", "substring"] as const) {
      for (const line of run("开展", { match: mode, width: 4 }).lines) {
        const text = corpus.byId.get(line.reportId)!.report.text;
        expect(line.match).toBe("开展");
        expect(text.slice(line.offset - line.left.length, line.offset + 2 + line.right.length)).toBe(line.left + line.match + line.right);
        expect(line.left.length).toBe(Math.min(4, line.offset));
      }
    }
    // the line break of h1 is kept as it is
    expect(run("以", { width: 3 }).lines[0].left).toBe("人。\n");
  });

  it("sorts by the context words in pinyin order, ties in document order", () => {
    const r1 = run("开展", { sort: "R1" }).lines.map((l) => l.right.replace(/^[，。]/, "").slice(0, 2));
    // 护理 hù < 劳动 láo < 培训 péi < 送温 sòng (code-point order would put 劳 培 before 护)
    expect(r1).toEqual(["护理", "劳动", "劳动", "劳动", "培训", "培训", "送温", "送温", "送温", "送温", "送温", "送温"]);
    const l1 = run("工会", { sort: "L1" }).lines.map((l) => l.reportId);
    // 公司 < 基层 < 我校 < 我院 < 学校 < 医院
    expect(l1).toEqual(["e1", "a1", "s2", "h2", "s1", "h1"]);
    const r1Doc = run("开展", { sort: "R1" }).lines.filter((l) => l.right.startsWith("送温暖")).map((l) => l.reportId);
    expect(r1Doc).toEqual(["h1", "h2", "s1", "s2", "e1", "a1"]);
    // L2 of 制度: the word two to the left (坚持 職代会/教代会 制度 → 坚持 everywhere)
    expect(new Set(run("制度", { sort: "L2" }).lines.map((l) => l.left.slice(-5, -3)))).toEqual(new Set(["坚持"]));
  });

  it("pages through the hits", () => {
    const all = run("开展").lines;
    const page2 = run("开展", { page: 2, perPage: 5 });
    expect(page2.total).toBe(12);
    expect(page2.lines).toEqual(all.slice(5, 10));
    expect(run("开展", { page: 3, perPage: 5 }).lines).toHaveLength(2);
  });

  it("finds nothing for unknown words or an empty term", () => {
    expect(run("不存在的词").total).toBe(0);
    expect(run("", { match: "substring" }).total).toBe(0);
  });
});

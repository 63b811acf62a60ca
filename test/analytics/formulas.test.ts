import { describe, expect, it } from "vitest";
import { formulas } from "../../server/analytics/formulas.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, indexesOf } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);

describe("formulas", () => {
  const out = formulas(corpus, docs, { min: 2, limit: 100 }, indexesOf(corpus));
  const row = (p: string) => out.rows.find((r) => r.pattern === p);

  it("finds 以…为抓手 with its varying fillers", () => {
    expect(out.sampledDocs).toBe(docs.length);
    const r = row("以…为抓手")!;
    expect(r).toMatchObject({ count: 6, reports: 6, sectors: { hospital: 2, school: 2, enterprise: 1, agency: 1 } });
    expect(r.fillers).toHaveLength(1);
    expect(r.fillers[0][0]).toEqual({ text: "职工之家建设", count: 3 });
    expect(r.fillers[0].map((f) => f.text).sort()).toEqual(["医德建设", "安全生产", "师德建设", "职工之家建设"].sort());
  });

  it("leaves out fixed phrases and looser copies of a tighter frame", () => {
    // 开展…活动 is always 送温暖; 以…抓手 always ends its gap with 为
    expect(row("开展…活动")).toBeUndefined();
    expect(row("以…抓手")).toBeUndefined();
    expect(row("以…为")).toBeUndefined();
  });

  it("detects 一是…二是…三是… enumerations", () => {
    const r = row("一是…二是…三是…")!;
    expect(r).toMatchObject({ count: 2, reports: 2, sectors: { hospital: 1, school: 1 } });
    expect(r.fillers).toEqual([
      // ties in code-point order: 学 U+5B66 < 师 U+5E08
      [{ text: "加强学习", count: 1 }, { text: "加强师德", count: 1 }],
      [{ text: "开展培训", count: 2 }],
      [{ text: "关爱教师", count: 1 }, { text: "关爱职工", count: 1 }],
    ]);
  });

  it("requires min reports", () => {
    expect(formulas(corpus, docs, { min: 3 }, indexesOf(corpus)).rows.some((r) => r.pattern.startsWith("一是"))).toBe(false);
  });
});

// Each CQL construct against an independent scan (./naive.ts).
import { describe, expect, it } from "vitest";
import { cqlPattern } from "../../core/cql/compile.ts";
import { cqlScan } from "../../server/analytics/cql.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { any, is, naiveMatches, type Step } from "./naive.ts";
import { fixtureCorpus, indexesOf, makeReport, segmenter, SPECS, STOPWORDS } from "../fixtures/analytics-corpus.ts";

/** The independent matcher over every selected report of a corpus. */
function naive(corpus: Corpus, steps: Step[], within: "s" | "text" = "s", tagged = false): string[] {
  const out: string[] = [];
  for (const doc of selectReports(corpus, {}, null)) {
    const tokens = Array.from(doc.tokenIds, (v) => corpus.vocab[v]);
    // tags from jieba itself, not from the corpus under test (untagged corpora: "")
    const tags = tagged ? segmenter.tag(doc.report.text).tags : tokens.map(() => "");
    for (const [s, e] of naiveMatches(tokens, tags, steps, within)) out.push(`${doc.report.id}:${s}-${e}`);
  }
  return out;
}

function run(corpus: Corpus, query: string): string[] {
  const docs = selectReports(corpus, {}, null);
  const got: string[] = [];
  const r = cqlScan(corpus, docs, cqlPattern(query, segmenter), indexesOf(corpus), (d, s, e) => got.push(`${docs[d].report.id}:${s}-${e}`));
  expect(r.total).toBe(got.length);
  expect(r.reports).toBe(new Set(got.map((g) => g.split(":")[0])).size);
  return got;
}


describe("CQL over the fixture corpus", () => {
  const corpus = fixtureCorpus();
  const cases: [string, Step[], ("s" | "text")?][] = [
    ['"开展" [] "活动"', [{ ok: is("开展"), min: 1, max: 1 }, { ok: any, min: 1, max: 1 }, { ok: is("活动"), min: 1, max: 1 }]],
    ['"开展" []{0,3} "竞赛"', [{ ok: is("开展"), min: 1, max: 1 }, { ok: any, min: 0, max: 3 }, { ok: is("竞赛"), min: 1, max: 1 }]],
    ['[word="职工.*"]', [{ ok: (t) => /^职工.*$/.test(t), min: 1, max: 1 }]],
    ['[word="送温暖" | word="职代会"] []', [{ ok: (t) => t === "送温暖" || t === "职代会", min: 1, max: 1 }, { ok: any, min: 1, max: 1 }]],
    ['"以" []{1,6} "为" "抓手"', [{ ok: is("以"), min: 1, max: 1 }, { ok: any, min: 1, max: 6 }, { ok: is("为"), min: 1, max: 1 }, { ok: is("抓手"), min: 1, max: 1 }]],
    ['"开展" [word!="送温暖"]', [{ ok: is("开展"), min: 1, max: 1 }, { ok: (t) => t !== "送温暖", min: 1, max: 1 }]],
    ['"工会" []* "制度"', [{ ok: is("工会"), min: 1, max: 1 }, { ok: any, min: 0, max: 50 }, { ok: is("制度"), min: 1, max: 1 }]],
    ['"慰问" []+ within text', [{ ok: is("慰问"), min: 1, max: 1 }, { ok: any, min: 1, max: 50 }], "text"],
    ['"坚持" "职代会"? "制度"', [{ ok: is("坚持"), min: 1, max: 1 }, { ok: is("职代会"), min: 0, max: 1 }, { ok: is("制度"), min: 1, max: 1 }]],
    ['[word="..."] "活动"', [{ ok: (t) => [...t].length === 3, min: 1, max: 1 }, { ok: is("活动"), min: 1, max: 1 }]],
  ];
  it.each(cases)("%s finds what an independent scan finds", (q, steps, within) => {
    const want = naive(corpus, steps, within);
    expect(want.length).toBeGreaterThan(0);
    expect(run(corpus, q)).toEqual(want);
  });

  it("reads simple mode and folds traditional characters", () => {
    expect(run(corpus, "开展*活动")).toEqual(run(corpus, '"开展" [] "活动"'));
    expect(run(corpus, "以…为抓手")).toEqual(naive(corpus, [{ ok: is("以"), min: 1, max: 1 }, { ok: any, min: 0, max: 8 }, { ok: is("为"), min: 1, max: 1 }, { ok: is("抓手"), min: 1, max: 1 }]));
    // 為抓手 / 職工 are the traditional forms
    expect(run(corpus, '"以" []{1,6} "為抓手"')).toEqual(run(corpus, '"以" []{1,6} "为抓手"'));
    expect(run(corpus, '[word="職工.*"]')).toEqual(run(corpus, '[word="职工.*"]'));
  });

  it("never crosses a sentence end unless within text", () => {
    // 。 separates 劳动竞赛 and 开展 in e1 (劳动竞赛。开展): adjacency across it only within text
    expect(run(corpus, '"劳动竞赛" []? "开展"')).toEqual([]);
    const across = run(corpus, '"劳动竞赛" []? "开展" within text');
    expect(across).toEqual(naive(corpus, [{ ok: is("劳动竞赛"), min: 1, max: 1 }, { ok: any, min: 0, max: 1 }, { ok: is("开展"), min: 1, max: 1 }], "text"));
    expect(across.length).toBeGreaterThan(0);
  });
});

describe("CQL with parts of speech", () => {
  const corpus = buildCorpus(
    SPECS.map((spec) => ({ report: makeReport(spec), ...segmenter.tag(spec.text) })),
    STOPWORDS,
  );
  const cases: [string, Step[]][] = [
    ['[tag="v"] "职工"', [{ ok: (_w, t) => t === "v", min: 1, max: 1 }, { ok: is("职工"), min: 1, max: 1 }]],
    ['[tag="v"] [tag="n.*"]', [{ ok: (_w, t) => t === "v", min: 1, max: 1 }, { ok: (_w, t) => /^n.*$/.test(t), min: 1, max: 1 }]],
    ['[pos="v" & word!="开展"] []', [{ ok: (w, t) => t === "v" && w !== "开展", min: 1, max: 1 }, { ok: any, min: 1, max: 1 }]],
    ['"开展" [tag!="v"]', [{ ok: is("开展"), min: 1, max: 1 }, { ok: (_w, t) => t !== "v", min: 1, max: 1 }]],
  ];
  it.each(cases)("%s finds what an independent scan finds", (q, steps) => {
    const want = naive(corpus, steps, "s", true);
    expect(want.length).toBeGreaterThan(0);
    expect(run(corpus, q)).toEqual(want);
  });
});

describe("CQL over a random corpus", () => {
  // Seeded random texts over a small vocabulary: every construct meets many overlapping cases.
  const W = ["职工", "开展", "活动", "工会", "以", "为", "抓手", "送温暖", "，", "。", " ", "\n", "职工之家", "会"];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const docs = Array.from({ length: 40 }, (_, k) => {
    const tokens = Array.from({ length: 60 + Math.floor(rand() * 200) }, () => W[Math.floor(rand() * W.length)]);
    return { report: makeReport({ id: `r${k}`, sector: "hospital", year: 2022, text: tokens.join("") }), tokens };
  });
  const corpus = buildCorpus(docs, []);
  const cases: [string, Step[], ("s" | "text")?][] = [
    ['"开展" [] "活动"', [{ ok: is("开展"), min: 1, max: 1 }, { ok: any, min: 1, max: 1 }, { ok: is("活动"), min: 1, max: 1 }]],
    ['"以" []{1,6} "抓手"', [{ ok: is("以"), min: 1, max: 1 }, { ok: any, min: 1, max: 6 }, { ok: is("抓手"), min: 1, max: 1 }]],
    ['[]{0,2} [word="职工.*"] []?', [{ ok: any, min: 0, max: 2 }, { ok: (t) => t.startsWith("职工"), min: 1, max: 1 }, { ok: any, min: 0, max: 1 }]],
    ['[word="工会" | word="会"]{2,3}', [{ ok: (t) => t === "工会" || t === "会", min: 2, max: 3 }]],
    ['[!(word="，" | word="。")]{3} "为"', [{ ok: (t) => t !== "，" && t !== "。", min: 3, max: 3 }, { ok: is("为"), min: 1, max: 1 }]],
    ['"送温暖" []{0,5} "送温暖" within text', [{ ok: is("送温暖"), min: 1, max: 1 }, { ok: any, min: 0, max: 5 }, { ok: is("送温暖"), min: 1, max: 1 }], "text"],
    // fixed length (every item one token): the anchor may be any item, matches may be adjacent
    ['[] "活动"', [{ ok: any, min: 1, max: 1 }, { ok: is("活动"), min: 1, max: 1 }]],
    ['[] "开展" []', [{ ok: any, min: 1, max: 1 }, { ok: is("开展"), min: 1, max: 1 }, { ok: any, min: 1, max: 1 }]],
    ['"职工" [] [] "职工"', [{ ok: is("职工"), min: 1, max: 1 }, { ok: any, min: 1, max: 1 }, { ok: any, min: 1, max: 1 }, { ok: is("职工"), min: 1, max: 1 }]],
    ['"会" [] "抓手"', [{ ok: is("会"), min: 1, max: 1 }, { ok: any, min: 1, max: 1 }, { ok: is("抓手"), min: 1, max: 1 }]],
    ['[word!="以"] "为" "抓手"', [{ ok: (t) => t !== "以", min: 1, max: 1 }, { ok: is("为"), min: 1, max: 1 }, { ok: is("抓手"), min: 1, max: 1 }]],
    ['"。" [] "职工" within text', [{ ok: is("。"), min: 1, max: 1 }, { ok: any, min: 1, max: 1 }, { ok: is("职工"), min: 1, max: 1 }], "text"],
    ['[] [] "抓手" within text', [{ ok: any, min: 1, max: 1 }, { ok: any, min: 1, max: 1 }, { ok: is("抓手"), min: 1, max: 1 }], "text"],
  ];
  it.each(cases)("%s finds what an independent scan finds", (q, steps, within) => {
    const want = naive(corpus, steps, within);
    expect(want.length).toBeGreaterThan(0);
    expect(run(corpus, q)).toEqual(want);
  });

  it("over a subcorpus, reports each match against its place in the selection (sentence candidates included)", () => {
    const docs = corpus.docs.filter((_d, k) => k % 3 !== 1);
    const ids = new Set(docs.map((d) => d.report.id));
    for (const [q, steps] of [cases[0], cases[1], cases[9]]) {
      const got: string[] = [];
      cqlScan(corpus, docs, cqlPattern(q, segmenter), indexesOf(corpus), (d, s, e) => got.push(`${docs[d].report.id}:${s}-${e}`));
      const want = naive(corpus, steps).filter((m) => ids.has(m.split(":")[0]));
      expect(want.length).toBeGreaterThan(0);
      expect(got).toEqual(want);
    }
  });

  it("reports given out of corpus order are each read whole, matches in the order given", () => {
    const docs = [...corpus.docs].reverse();
    const got: string[] = [];
    cqlScan(corpus, docs, cqlPattern('"开展" [] "活动"', segmenter), indexesOf(corpus), (d, s, e) => got.push(`${docs[d].report.id}:${s}-${e}`));
    const want = naive(corpus, cases[0][1]);
    const byReport = (ms: string[]) => [...new Set(ms.map((m) => m.split(":")[0]))];
    expect(byReport(got)).toEqual(byReport(want).reverse());
    expect([...got].sort()).toEqual([...want].sort());
  });
});

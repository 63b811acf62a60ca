import { describe, expect, it } from "vitest";
import type { Filters } from "../../core/api/schema.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { parseQuery, type QueryOptions, type Synonyms } from "../../core/query.ts";
import { tokenStart } from "../../core/corpus/offsets.ts";
import { fixtureCorpus, makeReport, SPECS, segmenter } from "../fixtures/analytics-corpus.ts";

const ids = (docs: { report: { id: string } }[]) => docs.map((d) => d.report.id);

describe("buildCorpus", () => {
  const corpus = fixtureCorpus();

  it("interns tokens into one vocabulary and keeps offsets into the text", () => {
    for (const doc of corpus.docs) {
      const tokens = segmenter.cut(doc.report.text);
      expect(Array.from(doc.tokenIds, (id) => corpus.vocab[id])).toEqual(tokens);
      expect(tokenStart(corpus, doc, tokens.length)).toBe(doc.report.text.length);
      tokens.forEach((t, i) => expect(doc.report.text.slice(tokenStart(corpus, doc, i), tokenStart(corpus, doc, i + 1))).toBe(t));
      tokens.forEach((t, i) => expect(corpus.termLength[doc.tokenIds[i]]).toBe(t.length));
    }
    expect(new Set(corpus.vocab).size).toBe(corpus.vocab.length);
    expect(corpus.termIds.get("送温暖")).toBe(corpus.vocab.indexOf("送温暖"));
  });

  it("flags words and stopwords; counts word tokens per doc", () => {
    expect(corpus.isWord[corpus.termIds.get("，")!]).toBe(0);
    expect(corpus.isWord[corpus.termIds.get("20")!]).toBe(1);
    expect(corpus.isStopword[corpus.termIds.get("是")!]).toBe(1);
    expect(corpus.isStopword[corpus.termIds.get("工会")!]).toBe(0);
    // x1 = 开展|送温暖|活动|。
    expect(corpus.byId.get("x1")!.wordCount).toBe(3);
  });

  it("keeps 16-bit ids while the vocabulary fits, and widens every doc once it outgrows them", () => {
    expect(corpus.docs.every((d) => d.tokenIds instanceof Uint16Array)).toBe(true);
    // 40,000 distinct terms per doc: the second doc takes the vocabulary past 65,536
    const doc = (id: string, from: number) => {
      const tokens = Array.from({ length: 40_000 }, (_, i) => `词${from + i}，`);
      return { report: makeReport({ ...SPECS[0], id, text: tokens.join("") }), tokens };
    };
    const entries = [doc("a", 0), doc("b", 40_000), doc("c", 0)];
    const big = buildCorpus(entries, []);
    expect(big.vocab.length).toBe(80_000);
    for (const [k, d] of big.docs.entries()) {
      expect(d.tokenIds).toBeInstanceOf(Uint32Array);
      expect(Array.from(d.tokenIds, (id) => big.vocab[id])).toEqual(entries[k].tokens);
    }
  });

  it("refuses tokens that do not cover the text", () => {
    const report = makeReport(SPECS[0]);
    expect(() => buildCorpus([{ report, tokens: ["医院", "工会"] }], [])).toThrow(/cover/);
    expect(() => buildCorpus([{ report, tokens: ["医", "X"] }], [])).toThrow(/char 1/);
  });
});

// The one selection (core/corpus/select.ts). Expected ids are read off the fixture texts by hand.
describe("selectReports", () => {
  const corpus = fixtureCorpus();
  const select = (filters: Filters, q?: string, synonyms: Synonyms = {}, opts: QueryOptions = {}) =>
    ids(selectReports(corpus, filters, q === undefined ? null : parseQuery(q, segmenter, synonyms, opts)));

  it("defaults to reports without near-duplicates", () => {
    expect(select({})).toEqual(["h1", "h2", "s1", "s2", "e1", "a1"]);
    expect(select({ includeDuplicates: true })).toContain("e1-copy");
    expect(select({ kind: "excerpt" })).toEqual(["x1"]);
  });
  it("ORs within a facet and ANDs across facets", () => {
    expect(select({ sector: ["hospital", "school"], year: 2022 })).toEqual(["h2", "s1"]);
    expect(select({ docType: ["plan", "summary"] })).toEqual(["h2", "s2"]);
    expect(select({ level: ["county"] })).toEqual(["a1"]);
  });
  it("a year range leaves out reports of unknown year", () => {
    expect(select({ yearFrom: 2022 })).toEqual(["h2", "s1", "s2", "e1"]);
    expect(select({ yearTo: 2021 })).toEqual(["h1"]);
  });
  it("needs every word of the query, in any order", () => {
    expect(select({}, "劳动竞赛")).toEqual(["h1", "e1"]);
    expect(select({}, "院务公开 送温暖")).toEqual(["h1", "h2"]);
    // 竞赛 is a token only in h2 (技能|竞赛); inside 劳动竞赛 it is not a word
    expect(select({}, "竞赛")).toEqual(["h2"]);
    expect(select({}, "没有的词")).toEqual([]);
  });
  it("a query word spelled like an Object property is a word, not a synonym list (the fuzz test's 500)", () => {
    for (const w of ["constructor", "toString", "__proto__", "hasOwnProperty"]) expect(() => select({}, w, {}), w).not.toThrow();
    expect(select({}, "constructor", {})).toEqual([]);
  });
  it("a word jieba splits matches only where its tokens are adjacent", () => {
    // 师德 → 师|德: s1 has 师德 twice; no other report has both characters as tokens side by side
    expect(select({}, "师德")).toEqual(["s1"]);
    // 一是 → 一|是: h1 and s1 write 一是; 是 alone elsewhere does not count
    expect(select({}, "一是")).toEqual(["h1", "s1"]);
  });
  it("exclusions and their complement partition the reports", () => {
    const all = select({});
    const withIt = select({}, "职代会");
    const without = select({}, "-职代会");
    expect([...withIt, ...without].sort()).toEqual([...all].sort());
    expect(without).toEqual(["s1", "s2"]);
  });
  it("synonyms widen a word and its exclusion alike, unless switched off", () => {
    const syn = { 职代会: ["教代会"] };
    expect(select({}, "职代会", syn)).toEqual(["h1", "h2", "s1", "s2", "e1", "a1"]);
    expect(select({}, "-职代会", syn)).toEqual([]);
    expect(select({}, "职代会", syn, { synonyms: false })).toEqual(["h1", "h2", "e1", "a1"]);
    // a quoted phrase takes no synonyms
    expect(select({}, '"职代会"', syn)).toEqual(["h1", "h2", "e1", "a1"]);
  });
  it("a phrase needs its words adjacent, punctuation breaking it", () => {
    expect(select({}, '"送温暖 活动"')).toEqual(["h1", "h2", "s1", "s2", "e1", "a1"]);
    // 活动，慰问: a comma between
    expect(select({}, '"活动 慰问"')).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { buildCorpus, matchQuery, selectDocs } from "../../core/corpus/build.ts";
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

describe("selectDocs", () => {
  const corpus = fixtureCorpus();
  it("defaults to reports without near-duplicates", () => {
    expect(ids(selectDocs(corpus, {}))).toEqual(["h1", "h2", "s1", "s2", "e1", "a1"]);
    expect(ids(selectDocs(corpus, { includeDuplicates: true }))).toContain("e1-copy");
    expect(ids(selectDocs(corpus, { kind: "excerpt" }))).toEqual(["x1"]);
  });
  it("ORs within a facet and ANDs across facets", () => {
    expect(ids(selectDocs(corpus, { sector: ["hospital", "school"], year: 2022 }))).toEqual(["h2", "s1"]);
    expect(ids(selectDocs(corpus, { docType: ["plan", "summary"] }))).toEqual(["h2", "s2"]);
    expect(ids(selectDocs(corpus, { level: ["county"] }))).toEqual(["a1"]);
    expect(ids(selectDocs(corpus, { ids: new Set(["a1", "h1"]) }))).toEqual(["h1", "a1"]);
  });
  it("a year range leaves out reports of unknown year", () => {
    expect(ids(selectDocs(corpus, { yearFrom: 2022 }))).toEqual(["h2", "s1", "s2", "e1"]);
    expect(ids(selectDocs(corpus, { yearTo: 2021 }))).toEqual(["h1"]);
  });
});

describe("matchQuery", () => {
  const corpus = fixtureCorpus();
  const docs = selectDocs(corpus, {});
  it("word mode needs every word token, in any order", () => {
    expect(ids(matchQuery(corpus, docs, ["劳动竞赛"], "word", "劳动竞赛"))).toEqual(["h1", "e1"]);
    expect(ids(matchQuery(corpus, docs, ["院务公开", "送温暖"], "word", "院务公开 送温暖"))).toEqual(["h1", "h2"]);
    // 竞赛 is a token only in h2 (技能|竞赛); inside 劳动竞赛 it is not a word
    expect(ids(matchQuery(corpus, docs, ["竞赛"], "word", "竞赛"))).toEqual(["h2"]);
    expect(matchQuery(corpus, docs, ["没有的词"], "word", "没有的词")).toEqual([]);
  });
  it("substring mode matches inside words", () => {
    expect(ids(matchQuery(corpus, docs, [], "substring", "竞赛"))).toEqual(["h1", "h2", "e1"]);
  });
});

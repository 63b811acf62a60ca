// The varint-coded sentence postings must list, for every word, exactly the sentences that hold
// it — including gaps that take two and three bytes.
import { describe, expect, it } from "vitest";
import { forEachSentence, sentenceIndex, type SentenceIndex } from "../../server/analytics/shared/sentenceIndex.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { fixtureCorpus, makeReport, SPECS, STOPWORDS } from "../fixtures/analytics-corpus.ts";

/** Word id → sentences holding it, by reading every sentence's tokens. */
function bruteForce(corpus: Corpus, index: SentenceIndex): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let s = 0; s < index.sentences; s++) {
    const ids = corpus.docs[index.sentDoc[s]].tokenIds.subarray(index.sentStart[s], index.sentEnd[s]);
    for (const id of new Set(ids)) {
      if (!corpus.isWord[id] || corpus.isStopword[id]) continue;
      if (!out.has(id)) out.set(id, []);
      out.get(id)!.push(s);
    }
  }
  return out;
}

function expectPostings(corpus: Corpus): SentenceIndex {
  const index = sentenceIndex(corpus);
  const expected = bruteForce(corpus, index);
  for (let id = 0; id < corpus.vocab.length; id++) {
    const got: number[] = [];
    forEachSentence(index, id, (s) => got.push(s));
    expect(got, corpus.vocab[id]).toEqual(expected.get(id) ?? []);
    expect(index.df[id], corpus.vocab[id]).toBe(got.length);
  }
  return index;
}

describe("sentenceIndex", () => {
  it("lists every sentence of every word on the fixture corpus", () => {
    const index = expectPostings(fixtureCorpus());
    expect(index.sentences).toBeGreaterThan(10);
  });

  it("decodes gaps of one, two and three bytes", () => {
    // 20,000 two-word sentences; 稀有 appears in sentences 0, 1, 200 and 19,999
    const rare = new Set([0, 1, 200, 19_999]);
    const tokens: string[] = [];
    for (let s = 0; s < 20_000; s++) tokens.push("职工", rare.has(s) ? "稀有" : "工会", "。");
    const report = makeReport({ ...SPECS[0], id: "long", text: tokens.join("") });
    const corpus = buildCorpus([{ report, tokens }], STOPWORDS);
    const index = expectPostings(corpus);
    const got: number[] = [];
    forEachSentence(index, corpus.termIds.get("稀有")!, (s) => got.push(s));
    expect(got).toEqual([...rare]);
  });
});

// The doc postings keep counts in the narrowest array that holds the largest one; the counts
// must still equal a plain count of every doc's tokens, at and past the 8- and 16-bit limits.
import { describe, expect, it } from "vitest";
import { docPostings } from "../../server/analytics/shared/docPostings.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { fixtureCorpus, makeReport, SPECS } from "../fixtures/analytics-corpus.ts";

function expectCounts(corpus: Corpus): void {
  const P = docPostings(corpus);
  for (let id = 0; id < corpus.vocab.length; id++) {
    const got: [number, number][] = [];
    for (let p = P.offsets[id]; p < P.offsets[id + 1]; p++) got.push([P.doc[p], P.count[p]]);
    const expected: [number, number][] = [];
    corpus.docs.forEach((d, k) => {
      const n = d.tokenIds.filter((t) => t === id).length;
      if (n) expected.push([k, n]);
    });
    expect(got, corpus.vocab[id]).toEqual(expected);
  }
}

const repeated = (id: string, token: string, times: number) => {
  const tokens = ["职工", ...Array.from({ length: times }, () => token)];
  return { report: makeReport({ ...SPECS[0], id, text: tokens.join("") }), tokens };
};

describe("docPostings", () => {
  it("counts every term per doc on the fixture corpus, in bytes", () => {
    const corpus = fixtureCorpus();
    expect(docPostings(corpus).count).toBeInstanceOf(Uint8Array);
    expectCounts(corpus);
  });

  it("widens the counts to 16 and 32 bits when a term occurs more often in one doc", () => {
    const wide16 = buildCorpus([repeated("a", "，", 255), repeated("b", "，", 256), repeated("c", "工会", 3)], []);
    expect(docPostings(wide16).count).toBeInstanceOf(Uint16Array);
    expectCounts(wide16);
    const wide32 = buildCorpus([repeated("a", "。", 65_536), repeated("b", "。", 2)], []);
    expect(docPostings(wide32).count).toBeInstanceOf(Uint32Array);
    expectCounts(wide32);
  });
});

// findSubstring reads only the reports the vocabulary and postings point to; whatever it
// skips, it must find exactly what an indexOf scan of every report finds.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildCorpus } from "../../core/corpus/build.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { findSubstring } from "../../server/search/substring.ts";
import { fixtureCorpus, indexesOf, makeReport } from "../fixtures/analytics-corpus.ts";

/** Reports containing the needle and their non-overlapping occurrences, by scanning every text. */
function bruteForce(corpus: Corpus, needle: string): { docs: number[]; offsets: number[][] } {
  const docs: number[] = [];
  const offsets: number[][] = [];
  corpus.docs.forEach((d, k) => {
    const found: number[] = [];
    for (let at = d.report.text.indexOf(needle); at >= 0; at = d.report.text.indexOf(needle, at + needle.length)) found.push(at);
    if (found.length) {
      docs.push(k);
      offsets.push(found);
    }
  });
  return { docs, offsets };
}

function expectExact(corpus: Corpus, needle: string) {
  const found = findSubstring(corpus, indexesOf(corpus), needle);
  const want = bruteForce(corpus, needle);
  expect([...found.docs], needle).toEqual(want.docs);
  want.offsets.forEach((offsets, i) => {
    // exact counts are the scan's; bounds never undercount (the ranking relies on it)
    if (found.exact[i]) expect(found.counts[i], needle).toBe(offsets.length);
    else expect(found.counts[i], needle).toBeGreaterThanOrEqual(offsets.length);
    // reading from a rarer character finds what reading from the first one does
    const text = corpus.docs[want.docs[i]].report.text;
    expect(found.read.occurrences(text), needle).toEqual(offsets);
    expect(found.read.count(text), needle).toBe(offsets.length);
  });
}

/** A corpus whose reports are the given token lists (a few characters, so tokens share many). */
function tokenCorpus(docs: string[][]): Corpus {
  return buildCorpus(
    docs.map((tokens, i) => ({ report: makeReport({ id: `r${i}`, sector: "other", year: null, text: tokens.join("") }), tokens })),
    [],
  );
}

describe("findSubstring", () => {
  const corpus = fixtureCorpus();

  it("finds strings inside words, across words and nowhere, on jieba's tokens", () => {
    // 会坚 crosses 工会|坚持; 职代会制度 spans 职代会|制度; 总工 is inside 总工会
    for (const s of ["工会", "会坚", "职代会制度", "总工", "，", "开展送温暖活动，慰问", "困难职工帮扶", "量子"]) expectExact(corpus, s);
  });

  it("equals an indexOf scan for every substring of the fixture texts up to 8 characters", () => {
    for (const d of corpus.docs) {
      const text = d.report.text;
      for (let i = 0; i < text.length; i++) for (let n = 1; n <= 8 && i + n <= text.length; n++) expectExact(corpus, text.slice(i, i + n));
    }
  });

  it("equals an indexOf scan for random needles on random token streams, crossing boundaries and overlapping", () => {
    const token = fc.string({ unit: fc.constantFrom("工", "会", "职", "代", "表", "，", "哈"), minLength: 1, maxLength: 4 });
    const docs = fc.array(fc.array(token, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(docs, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 9 }), (tokens, pick, at, length) => {
        const c = tokenCorpus(tokens);
        const text = c.docs[pick % c.docs.length].report.text;
        const start = at % text.length;
        // drawn from a text, so it is found, often across tokens; 哈哈 and 工工 overlap themselves
        expectExact(c, text.slice(start, start + length));
        expectExact(c, text.slice(start, start + length) + "职");
        for (const s of ["哈哈", "哈哈哈", "工工会", "会工会", "代表"]) expectExact(c, s);
      }),
      { numRuns: 300 },
    );
  });

  it("returns nothing for the empty string", () => {
    expect(findSubstring(corpus, indexesOf(corpus), "").docs.length).toBe(0);
    expect(findSubstring(corpus, indexesOf(corpus), "").read.count("工会")).toBe(0);
  });
});

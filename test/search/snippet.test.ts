// Snippets are cut from a window of the text: the search page reads 160 characters of each hit from
// the corpus image's file, not the report. The window read must give the snippet the whole text gives.
import { describe, expect, it } from "vitest";
import { makeSnippet, SNIPPET_CHARS, type Occurrence } from "../../server/search/snippet.ts";

/** The text behind a window reader, recording what was read. */
function windowOf(text: string) {
  const reads: [number, number][] = [];
  return { reads, source: { length: text.length, slice: (a: number, b: number) => (reads.push([a, b]), text.slice(a, b)) } };
}

const para = "职工之家建设扎实推进，".repeat(40) + "送温暖活动覆盖全体困难职工。" + "工会坚持民主管理，".repeat(40);
const at = (s: string, from = 0): Occurrence => ({ start: para.indexOf(s, from), end: para.indexOf(s, from) + s.length, term: s });

describe("makeSnippet over a window reader", () => {
  it("gives the snippet of the whole text, reading at most one snippet's characters", () => {
    const occ = [at("送温暖"), at("困难职工")];
    const { reads, source } = windowOf(para);
    expect(makeSnippet(source, occ)).toEqual(makeSnippet(para, occ));
    expect(reads.reduce((n, [a, b]) => n + b - a, 0)).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(makeSnippet(source, occ).snippet.marks).toEqual([
      [occ[0].start - makeSnippet(para, occ).offset, occ[0].end - makeSnippet(para, occ).offset],
      [occ[1].start - makeSnippet(para, occ).offset, occ[1].end - makeSnippet(para, occ).offset],
    ]);
  });

  it("without occurrences, the passage's start", () => {
    const { source } = windowOf(para);
    expect(makeSnippet(source, [], 30, 500)).toEqual({ snippet: { text: para.slice(30, 30 + SNIPPET_CHARS), marks: [] }, offset: 30 });
  });

  it("never starts inside a surrogate pair (𠀀 is two code units)", () => {
    // a window starts SNIPPET_CHARS / 4 before its hit: put the pair's low half exactly there
    const before = SNIPPET_CHARS / 4;
    const text = "工".repeat(10) + "𠀀" + "会".repeat(before - 1) + "职工" + "会".repeat(300);
    const hit = text.indexOf("职工");
    expect(text.charCodeAt(hit - before)).toBeGreaterThanOrEqual(0xdc00); // the low half
    const { snippet, offset } = makeSnippet(windowOf(text).source, [{ start: hit, end: hit + 2, term: "职工" }]);
    expect(offset).toBe(hit - before + 1);
    expect(snippet.text).toBe(text.slice(offset, offset + snippet.text.length));
    expect(snippet.marks).toEqual([[before - 1, before + 1]]);
  });
});

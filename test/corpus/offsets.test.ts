// Token offsets derived from checkpoints must equal the per-token prefix sums the corpus used to
// store (every token, every char position), on the seed corpus and on docs shaped to hit the
// checkpoint edges: empty, exactly CHECKPOINT tokens, surrogate pairs.
import { describe, expect, it } from "vitest";
import { loadResources } from "../../core/resources.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import type { Report } from "../../core/model.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import { CHECKPOINT, tokenBound, tokenStart, tokenStarts } from "../../core/corpus/offsets.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { makeReport, SPECS } from "../fixtures/analytics-corpus.ts";
import { ROOT, seedReports } from "../indexer/seed-corpus.ts";

/** What CorpusDoc.tokenStarts held before checkpoints: n + 1 prefix sums of the token lengths. */
const prefixSums = (tokens: string[]) => tokens.reduce((s, t) => (s.push(s[s.length - 1] + t.length), s), [0]);

function expectSameOffsets(corpus: Corpus, tokensOf: (id: string) => string[]): void {
  for (const doc of corpus.docs) {
    const starts = prefixSums(tokensOf(doc.report.id));
    const n = starts.length - 1;
    const derived = Array.from({ length: n + 1 }, (_, i) => tokenStart(corpus, doc, i));
    expect(derived, doc.report.id).toEqual(starts);
    // the cursor, asked in descending and then in a jumping order
    const at = tokenStarts(corpus, doc);
    const order = [...starts.keys()].reverse().concat([...starts.keys()].filter((i) => i % 3 === 0), [n, 0, Math.floor(n / 2)]);
    expect(order.map((i) => at(i)), doc.report.id).toEqual(order.map((i) => starts[i]));
    const text = doc.report.text;
    for (let x = 0; x <= text.length + 1; x++) {
      const lower = starts.findIndex((s) => s >= x);
      expect(tokenBound(corpus, doc, x), `${doc.report.id} @${x}`).toBe(lower < 0 ? n : lower);
    }
  }
}

describe("token offsets from checkpoints", () => {
  it("equal the prefix sums of the tokens on the seed corpus", async () => {
    const resources = loadResources(ROOT);
    const segmenter = createSegmenter("node-rs", resources.dictionary);
    const { reports } = await seedReports();
    const tokens = new Map(reports.map((r) => [r.id, segmenter.cut(r.text)]));
    const corpus = buildCorpus(
      reports.map((report) => ({ report, tokens: tokens.get(report.id)! })),
      resources.stopwords,
    );
    expect(corpus.docs.some((d) => d.tokenIds.length > 10 * CHECKPOINT)).toBe(true);
    expectSameOffsets(corpus, (id) => tokens.get(id)!);
  });

  it("hold at the checkpoint edges and across surrogate pairs", () => {
    const cut = (n: number, token: (i: number) => string) => Array.from({ length: n }, (_, i) => token(i));
    const shapes: [string, string[]][] = [
      ["empty", []],
      ["one", ["工会"]],
      ["exact", cut(CHECKPOINT, (i) => (i % 2 ? "职工" : "，"))],
      ["exact+1", cut(CHECKPOINT + 1, (i) => (i % 3 ? "送温暖" : "𠮷"))],
      ["two-exact", cut(2 * CHECKPOINT, (i) => ["𠮷野家", "。", "\n", "困难职工"][i % 4])],
      ["long", cut(5 * CHECKPOINT + 17, (i) => "一二三四五六七".slice(0, 1 + (i % 7)))],
      ["long-even", cut(3 * CHECKPOINT + 10, (i) => "一二三四五".slice(0, 1 + (i % 5)))],
    ];
    const tokens = new Map(shapes.map(([id, t]) => [id, t]));
    const entries = shapes.map(([id, t]): { report: Report; tokens: string[] } => ({
      report: makeReport({ ...SPECS[0], id, text: t.join("") }),
      tokens: t,
    }));
    expectSameOffsets(buildCorpus(entries, []), (id) => tokens.get(id)!);
  });
});

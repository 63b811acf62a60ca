// Ranking quality of `similar` on a small judged set (test/fixtures/similar-judged.json): precision@5
// of the writer's ranking against the old plain-cosine ranking, over the bundled corpus.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCorpus } from "../../core/corpus/build.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { iterateStore } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { similar } from "../../server/analytics/similar.ts";
import { CorpusIndexes } from "../../server/corpus/indexes.ts";
import { SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

const judged = JSON.parse(readFileSync(new URL("../fixtures/similar-judged.json", import.meta.url), "utf8")) as { minChars: number; drafts: { draft: string; accept: string }[] };
const segmenter = createSegmenter("node-rs", readFileSync(new URL("../../corpus/dict.txt", import.meta.url), "utf8"));
const stopwords = readFileSync(new URL("../../corpus/stopwords.txt", import.meta.url), "utf8").split(/\s+/).filter(Boolean);

let app: TestApp;
let corpus: Corpus;
let ix: CorpusIndexes;
beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  corpus = buildCorpus(iterateStore(app.dataDir), stopwords);
  ix = new CorpusIndexes(corpus);
});
afterAll(() => app?.stop());

const accepted = (text: string, accept: RegExp) => accept.test(text) && text.replace(/[^\p{L}\p{N}]/gu, "").length >= judged.minChars;

function precisionAt5(plain: boolean): number[] {
  const docs = selectReports(corpus, {}, null);
  return judged.drafts.map(({ draft, accept }) => {
    const rows = similar(corpus, docs, { tokens: segmenter.cut(draft), limit: 5, plain }, ix).rows;
    return rows.filter((r) => accepted(r.text, new RegExp(accept))).length / 5;
  });
}

describe("similar: ranking quality on the judged set", () => {
  it("precision@5 of the writer's ranking is higher than plain cosine's, and no draft gets worse", () => {
    const before = precisionAt5(true);
    const after = precisionAt5(false);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`precision@5 before ${mean(before).toFixed(3)} [${before.join(" ")}], after ${mean(after).toFixed(3)} [${after.join(" ")}]`);
    expect(mean(after)).toBeGreaterThan(mean(before));
    after.forEach((p, i) => expect(p, judged.drafts[i].draft).toBeGreaterThanOrEqual(before[i]));
  });

  it("a fragment no longer outranks the full sentence that says the same thing", () => {
    const docs = selectReports(corpus, {}, null);
    const rows = similar(corpus, docs, { tokens: segmenter.cut("我们积极开展送温暖活动，走访慰问困难职工"), limit: 10 }, ix).rows;
    const fragment = rows.findIndex((r) => r.text === "三是走访慰问。");
    const full = rows.findIndex((r) => r.text.startsWith("（1）村工会积极开展送温暖活动"));
    expect(full).toBeGreaterThanOrEqual(0);
    expect(fragment === -1 || fragment > full).toBe(true);
  });
});

describe("similar: near-identical sentences are one row", () => {
  it("a row's `reports` counts every report holding its sentence (recounted over the texts), `also` opens each copy", () => {
    const docs = selectReports(corpus, {}, null);
    const letters = (s: string) => s.replace(/[^\p{L}]|[xX]/gu, "");
    let grouped = 0; // informational: the live seed corpus has few shared sentences
    for (const { draft } of judged.drafts) {
      for (const row of similar(corpus, docs, { tokens: segmenter.cut(draft), limit: 10 }, ix).rows) {
        // reports holding the sentence as a whole sentence (not inside a longer one)
        const exact = docs.filter((d) => {
          for (let at = d.report.text.indexOf(row.text); at >= 0; at = d.report.text.indexOf(row.text, at + 1)) {
            if (at === 0 || /[。！？；!?;…\s]/.test(d.report.text[at - 1])) return true;
          }
          return false;
        }).length;
        expect(row.reports, row.text).toBeGreaterThanOrEqual(exact);
        expect(row.also.length).toBe(Math.min(10, row.reports - 1));
        for (const a of row.also) {
          const text = corpus.byId.get(a.reportId)!.report.text;
          // the copy at `start` begins with the same first letters
          expect(letters(text.slice(a.start, a.start + row.text.length + 8)).slice(0, 4)).toBe(letters(row.text).slice(0, 4));
        }
        if (row.reports > 1) grouped++;
      }
    }
    // a sentence several reports share (near-duplicate copies included; found here by splitting the
    // texts) comes back as one row
    const all = selectReports(corpus, { includeDuplicates: true }, null);
    const holders = new Map<string, Set<string>>();
    for (const d of all) {
      for (const sentence of d.report.text.split(/(?<=[。！？；!?;])|\n/)) {
        const t = sentence.trim();
        if (t.replace(/[^\p{L}\p{N}]/gu, "").length < 12) continue;
        holders.set(t, (holders.get(t) ?? new Set()).add(d.report.id));
      }
    }
    const [shared, reports] = [...holders].sort((a, b) => b[1].size - a[1].size)[0];
    expect(reports.size).toBeGreaterThan(1);
    const rows = similar(corpus, all, { tokens: segmenter.cut(shared), limit: 10 }, ix).rows;
    const row = rows.find((r) => r.text === shared)!;
    expect(row.reports).toBeGreaterThanOrEqual(reports.size);
    expect(rows.filter((r) => r.text === shared)).toHaveLength(1);
    console.log(`rows grouping several reports among the judged drafts' top 10: ${grouped}`);
  });
});

// Ranking quality of `similar` on a judged set (test/fixtures/similar-judged.json): precision@5 of
// the writer's ranking against the old plain-cosine ranking, over the bundled corpus. Every sentence
// of a draft's top 10 was read and judged (same point + usable full sentence) and the judgement
// recorded in the fixture; precision here is read from those judgements, not from the product.
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

type Judgement = {
  ok: boolean;
  kind?: "drift" | "fragment" | "other";
  why: string;
};
const judged = JSON.parse(readFileSync(new URL("../fixtures/similar-judged.json", import.meta.url), "utf8")) as {
  drafts: {
    draft: string;
    part: "tune" | "check";
    judgements: Record<string, Judgement>;
  }[];
};
const segmenter = createSegmenter("node-rs", readFileSync(new URL("../../corpus/dict.txt", import.meta.url), "utf8"));
const stopwords = readFileSync(new URL("../../corpus/stopwords.txt", import.meta.url), "utf8")
  .split(/\s+/)
  .filter(Boolean);

let app: TestApp;
let corpus: Corpus;
let ix: CorpusIndexes;
beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  corpus = buildCorpus(iterateStore(app.dataDir), stopwords);
  ix = new CorpusIndexes(corpus);
});
afterAll(() => app?.stop());

/** per draft: the first five rows' judgements (a sentence not judged yet is a miss, listed in `unjudged`) */
function judgeTop5(plain: boolean) {
  const docs = selectReports(corpus, {}, null);
  return judged.drafts.map(({ draft, part, judgements }) => {
    const rows = similar(corpus, docs, { tokens: segmenter.cut(draft), limit: 5, plain }, ix).rows;
    const verdicts = rows.map((r) => ({
      text: r.text,
      judgement: judgements[r.text] as Judgement | undefined,
    }));
    // fewer than five rows: the missing ones are misses too
    const hits = verdicts.filter((v) => v.judgement?.ok).length;
    return { draft, part, precision: hits / 5, verdicts };
  });
}
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

describe("similar: ranking quality on the judged set", () => {
  it("has at least 15 drafts, some kept aside as a check, each with its top-10 sentences judged", () => {
    expect(judged.drafts.length).toBeGreaterThanOrEqual(15);
    expect(judged.drafts.filter((d) => d.part === "check").length).toBeGreaterThanOrEqual(4);
    for (const d of judged.drafts) {
      expect(Object.keys(d.judgements).length, d.draft).toBeGreaterThanOrEqual(10);
      for (const j of Object.values(d.judgements)) expect(j.ok || ["drift", "fragment", "other"].includes(j.kind!), d.draft).toBe(true);
    }
  });

  it("precision@5 of the writer's ranking is at least 0.8 over the set and above plain cosine's", () => {
    const before = judgeTop5(true);
    const after = judgeTop5(false);
    const figure = (xs: typeof after, part?: string) => mean(xs.filter((x) => !part || x.part === part).map((x) => x.precision)).toFixed(3);
    console.log(`precision@5 plain cosine ${figure(before)} (tune ${figure(before, "tune")}, check ${figure(before, "check")})`);
    console.log(`precision@5 writer's     ${figure(after)} (tune ${figure(after, "tune")}, check ${figure(after, "check")})`);
    for (const [i, x] of after.entries()) console.log(`  ${x.precision.toFixed(1)} (plain ${before[i].precision.toFixed(1)}) ${x.part.padEnd(5)} ${x.draft}`);
    const misses = after.flatMap((x) => x.verdicts.filter((v) => !v.judgement?.ok).map((v) => ({ draft: x.draft, ...v })));
    const byKind = new Map<string, number>();
    for (const m of misses) byKind.set(m.judgement?.kind ?? "not judged", (byKind.get(m.judgement?.kind ?? "not judged") ?? 0) + 1);
    console.log(`misses among the first five, by kind: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`);
    for (const m of misses) console.log(`  ${m.judgement ? `${m.judgement.kind}: ${m.judgement.why}` : "NOT JUDGED — judge it in the fixture"} | ${m.draft} → ${m.text}`);
    expect(mean(after.map((x) => x.precision))).toBeGreaterThanOrEqual(0.8);
    expect(mean(after.map((x) => x.precision))).toBeGreaterThan(mean(before.map((x) => x.precision)));
  });

  it("a heading or list label judged a fragment never ranks above a judged full sentence that makes the point", () => {
    for (const x of judgeTop5(false)) {
      const firstOk = x.verdicts.findIndex((v) => v.judgement?.ok);
      const firstFragment = x.verdicts.findIndex((v) => v.judgement?.kind === "fragment");
      if (firstOk >= 0 && firstFragment >= 0) expect(firstFragment, `${x.draft}: ${x.verdicts[firstFragment].text}`).toBeGreaterThan(firstOk);
    }
  });

  it("a fragment no longer outranks the full sentence that says the same thing", () => {
    const docs = selectReports(corpus, {}, null);
    const rows = similar(
      corpus,
      docs,
      {
        tokens: segmenter.cut("我们积极开展送温暖活动，走访慰问困难职工"),
        limit: 10,
      },
      ix,
    ).rows;
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

// Concordance tools: the collocate filter and the sort-word marks, against a walk over the tokens
// written here.
import { describe, expect, it } from "vitest";
import { kwic } from "../../server/analytics/kwic.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, indexesOf, segmenter, words } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);
const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);

/** Per occurrence of `node` (one token): the `window` words left and right of it. */
function around(node: string, window: number) {
  const out: { id: string; left: string[]; right: string[] }[] = [];
  for (const d of docs) {
    const tokens = segmenter.cut(d.report.text);
    tokens.forEach((t, i) => {
      if (t !== node) return;
      const left = tokens.slice(0, i).filter(isWord).slice(-window).reverse();
      const right = tokens.slice(i + 1).filter(isWord).slice(0, window);
      out.push({ id: d.report.id, left, right });
    });
  }
  return out;
}

describe("kwic collocate filter", () => {
  it.each([
    ["开展", "活动", 2],
    ["开展", "送温暖", 1],
    ["工会", "制度", 3],
    ["困难职工", "慰问", 5],
  ] as const)("%s with %s within %i words", (node, coll, window) => {
    const want = around(node, window).filter((o) => o.left.includes(coll) || o.right.includes(coll));
    expect(want.length).toBeGreaterThan(0);
    for (const sort of ["doc", "R1"] as const) {
      const r = kwic(corpus, docs, { term: node, alternatives: [words(node)], match: "word", collocate: [words(coll)], window, sort, perPage: 100 }, indexesOf(corpus));
      expect(r.total).toBe(want.length);
      expect(r.reports).toBe(new Set(want.map((o) => o.id)).size);
    }
  });

  it("keeps nothing for a collocate the corpus never has", () => {
    expect(kwic(corpus, docs, { term: "开展", alternatives: [["开展"]], match: "word", collocate: [["不存在的词"]] }, indexesOf(corpus)).total).toBe(0);
  });
});

describe("kwic sort-word marks", () => {
  it("mark the first two words left and right, as the sorts read them", () => {
    const r = kwic(corpus, docs, { term: "开展", alternatives: [["开展"]], match: "word", width: 30, perPage: 100 }, indexesOf(corpus));
    const occ = around("开展", 2);
    expect(r.lines.length).toBe(occ.length);
    r.lines.forEach((l, i) => {
      const c = l.context ?? {};
      const at = (s: string, range?: [number, number]) => (range ? s.slice(range[0], range[1]) : undefined);
      expect([at(l.left, c.L1), at(l.left, c.L2)].filter(Boolean)).toEqual(occ[i].left.filter((w) => l.left.includes(w)).slice(0, 2));
      expect(at(l.right, c.R1)).toBe(occ[i].right[0]);
      expect(at(l.right, c.R2)).toBe(occ[i].right[1]);
    });
  });
});

describe("kwic dispersion", () => {
  it("gives every occurrence in each report of the page, as a fraction of its text", () => {
    for (const sort of ["doc", "L1"] as const) {
      const r = kwic(corpus, docs, { term: "开展", alternatives: [["开展"]], match: "word", sort, perPage: 3 }, indexesOf(corpus));
      const ids = new Set(r.lines.map((l) => l.reportId));
      expect(Object.keys(r.dispersion ?? {}).sort()).toEqual([...ids].sort());
      for (const id of ids) {
        const text = corpus.byId.get(id)!.report.text;
        const want: number[] = [];
        let at = 0;
        segmenter.cut(text).forEach((t) => {
          if (t === "开展") want.push(Math.round((1000 * at) / text.length) / 1000);
          at += t.length;
        });
        expect(r.dispersion![id]).toEqual(want);
      }
    }
  });
});

describe("a CQL concordance page by page", () => {
  // Only the page's reports keep their hits in document order (the rest are counted): walking every
  // page must still give every match once, in order, with each page report's full dispersion.
  it("pages through every match of the independent scan, each page report's dispersion whole", async () => {
    const { cqlPattern } = await import("../../core/cql/compile.ts");
    const { naiveMatches, is } = await import("./naive.ts");
    const want: { id: string; start: number }[] = [];
    for (const d of docs) {
      const tokens = segmenter.cut(d.report.text);
      const starts = tokens.map((_t, i) => tokens.slice(0, i).join("").length);
      for (const [s] of naiveMatches(tokens, [], [{ ok: is("开展"), min: 1, max: 1 }])) want.push({ id: d.report.id, start: starts[s] });
    }
    expect(want.length).toBeGreaterThan(7);
    const pattern = cqlPattern('"开展"', segmenter);
    const got: { id: string; start: number }[] = [];
    for (let page = 1; ; page++) {
      const r = kwic(corpus, docs, { term: '"开展"', alternatives: [], match: "cql", pattern, sort: "doc", perPage: 3, page }, indexesOf(corpus));
      expect(r.total).toBe(want.length);
      if (!r.lines.length) break;
      got.push(...r.lines.map((l) => ({ id: l.reportId, start: l.offset })));
      for (const id of new Set(r.lines.map((l) => l.reportId))) {
        const len = corpus.byId.get(id)!.report.text.length;
        expect(r.dispersion![id]).toEqual(want.filter((w) => w.id === id).map((w) => Math.round((1000 * w.start) / len) / 1000));
      }
    }
    expect(got).toEqual(want);
  });
});

// Frames of a term (server/analytics/frames.ts) over the bundled corpus through the HTTP API,
// checked against a recount written here over the store's own tokens and tags (strings, not the
// analytics code): the verbs before 送温暖, what follows it, and the example links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTORS, type FramesResponse } from "../../core/api/schema.ts";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { frames } from "../../server/analytics/frames.ts";
import { indexesOf, makeReport, segmenter, STOPWORDS, words } from "../fixtures/analytics-corpus.ts";

let app: TestApp;
let entries: { report: Report; tokens: string[]; tags: string[] }[];

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  entries = readStore(app.dataDir)
    .entries.filter((e) => e.report.kind === "report" && e.report.duplicateOf === null)
    .map((e) => ({ report: e.report, tokens: e.tokens, tags: e.tags! }));
});
afterAll(() => app?.stop());

// The rules as the README states them, written again over strings.
const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);
const see = (t: string) => /^[“”‘’"'《》〈〉「」『』]+$/.test(t) || /^[^\S\n]+$/.test(t); // quotes, book-title marks, spaces: a clause goes on (a bracket ends it)
const VERB = new Set(["v", "vd", "vi", "vg"]);
const verb = (tag: string, w: string) => VERB.has(tag) || ((tag === "l" || tag === "i") && /^(积极|深入|认真|全面|大力|不断|进一步|切实|广泛|继续|努力|扎实|着力|充分|持续)./.test(w));
const MOD = new Set(["a", "an", "b", "z", "n", "nz", "ng", "j", "l", "i", "t", "vn", "f", "s"]);
// a single character glued to a numeral or to a single-character content word (三会, 开好) is no collocate
const glued = (tokens: string[], tags: string[], k: number, term: number) =>
  tokens[k].length === 1 && [k - 1, k + 1].some((j) => j !== term && j >= 0 && j < tokens.length && isWord(tokens[j]) && (numeric(tokens[j]) || (tokens[j].length === 1 && !/^[dcpruyeo]/.test(tags[j]))));
const numeric = (t: string) => /^(?:[0-9０-９.．%％]+|[xX×＊*_＿~～]+|20[xX]{2}|[0-9]+[xX]+|[〇零一二三四五六七八九十百千万两]+)$/.test(t);

// Head verbs, recounted from the store's strings: a word ending in another word (≥ 2 characters) that
// the corpus tags v/vd/vi/vg somewhere is counted under the shortest such ending.
let verbWords: Set<string>;
const headOf = (w: string) => {
  verbWords ??= new Set(entries.flatMap((e) => e.tokens.filter((_, i) => VERB.has(e.tags[i]))));
  for (let len = 2; len < w.length; len++) if (verbWords.has(w.slice(w.length - len))) return w.slice(w.length - len);
  return w;
};

function recount(term: string) {
  const verbs = new Map<string, { count: number; reports: Set<string>; bySector: Record<string, number> }>();
  const after = new Map<string, { count: number; reports: Set<string>; bySector: Record<string, number> }>();
  const add = (m: typeof verbs, w: string, r: Report) => {
    const row = m.get(w) ?? { count: 0, reports: new Set<string>(), bySector: Object.fromEntries(SECTORS.map((s) => [s, 0])) };
    row.count++;
    row.reports.add(r.id);
    row.bySector[r.sector]++;
    m.set(w, row);
  };
  let occurrences = 0;
  for (const { report, tokens, tags } of entries) {
    tokens.forEach((t, i) => {
      if (t !== term) return;
      occurrences++;
      // previous words inside the clause
      const prev: number[] = [];
      for (let k = i - 1; k >= 0 && prev.length < 8; k--) {
        if (isWord(tokens[k])) prev.push(k);
        else if (!see(tokens[k])) break;
      }
      let skipped = 0;
      for (const k of prev) {
        if (verb(tags[k], tokens[k])) {
          if (!glued(tokens, tags, k, i)) add(verbs, headOf(tokens[k]), report);
          break;
        }
        if (tokens[k] === "的") continue;
        if (!MOD.has(tags[k]) || ++skipped > 3) break;
      }
      for (let k = i + 1; k < tokens.length; k++) {
        if (isWord(tokens[k])) {
          if ((tags[k].startsWith("n") || tags[k].startsWith("v")) && !numeric(tokens[k]) && !glued(tokens, tags, k, i)) add(after, tokens[k], report);
          break;
        }
        if (!see(tokens[k])) break;
      }
    });
  }
  return { occurrences, verb: verbs, after };
}

describe("frames of a term", () => {
  it("送温暖: the verbs before it and the words after it, counted as a recount finds them", async () => {
    const res = await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&limit=200`);
    expect(res.status).toBe(200);
    const d = res.body;
    const expected = recount("送温暖");
    expect(d.occurrences).toBe(expected.occurrences);
    expect(d.sectors).toEqual([...SECTORS]);
    const rel = (name: string) => d.relations.find((r) => r.name === name)!;
    for (const [name, m] of [["verb", expected.verb], ["after", expected.after]] as const) {
      const rows = rel(name).rows;
      expect(rows.map((r) => r.word).sort()).toEqual([...m.keys()].sort());
      for (const r of rows) {
        const e = m.get(r.word)!;
        expect(r.count, `${name} ${r.word}`).toBe(e.count);
        expect(r.reports, `${name} ${r.word}`).toBe(e.reports.size);
        expect(r.bySector, `${name} ${r.word}`).toEqual(e.bySector);
        expect(Object.keys(r.bySector)).toEqual([...SECTORS]); // every sector a column, empty ones too
      }
      expect(rel(name).total).toBe([...m.values()].reduce((n, r) => n + r.count, 0));
    }
    const verbs = rel("verb").rows.map((r) => r.word);
    for (const v of ["开展", "实施", "做好"]) expect(verbs).toContain(v);
    const afters = rel("after").rows.map((r) => r.word);
    for (const w of ["活动", "工程", "工作"]) expect(afters).toContain(w);
    // ranked as Sketch Engine ranks, logDice highest first, from rankMin (3) occurrences; rarer rows after, by count
    for (const name of ["verb", "after", "modifier"]) {
      const rows = rel(name).rows;
      const ranked = rows.filter((r) => r.count >= 3);
      expect(rows.map((r) => r.ranked)).toEqual(rows.map((r) => r.count >= 3));
      expect(rows.slice(0, ranked.length)).toEqual(ranked);
      expect(ranked.map((r) => r.logDice)).toEqual(ranked.map((r) => r.logDice).sort((a, b) => b - a));
      const rest = rows.slice(ranked.length).map((r) => r.count);
      expect(rest).toEqual([...rest].sort((a, b) => b - a));
    }
  });

  it("送温暖: 深入开展 and 积极开展 count under their head 开展, listed as its variants", async () => {
    const d = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&limit=200`)).body;
    const verbs = d.relations.find((r) => r.name === "verb")!.rows;
    // the forms themselves are no rows of their own
    for (const w of ["深入开展", "积极开展"]) expect(verbs.map((r) => r.word)).not.toContain(w);
    const head = verbs.find((r) => r.word === "开展")!;
    expect(head.variants.map((v) => v.term)).toEqual(expect.arrayContaining(["深入开展", "积极开展"]));
    // independent recount over the raw tokens: each form right before 送温暖 (over quotes/spaces), or
    // before it over one modifier word, exactly as the clause rules read
    const countBefore = (form: string) => {
      let n = 0;
      for (const { tokens, tags } of entries)
        tokens.forEach((t, i) => {
          if (t !== "送温暖") return;
          const prev: number[] = [];
          for (let k = i - 1; k >= 0 && prev.length < 5; k--) {
            if (isWord(tokens[k])) prev.push(k);
            else if (!see(tokens[k])) break;
          }
          let skipped = 0;
          for (const k of prev) {
            if (verb(tags[k], tokens[k])) return void (tokens[k] === form && n++);
            if (tokens[k] === "的") continue;
            if (!MOD.has(tags[k]) || ++skipped > 3) return;
          }
        });
      return n;
    };
    for (const v of head.variants) expect(v.count, v.term).toBe(countBefore(v.term));
    expect(countBefore("深入开展")).toBe(2);
    expect(countBefore("积极开展")).toBe(2);
    expect(head.count).toBe(countBefore("开展") + head.variants.reduce((n, v) => n + countBefore(v.term), 0));
    // the head's word frequency is its own and its forms' in the corpus
    const freq = (w: string) => entries.reduce((n, e) => n + e.tokens.filter((t) => t === w).length, 0);
    expect(head.freq).toBeGreaterThanOrEqual(freq("开展") + freq("深入开展") + freq("积极开展"));
    // 开展 is the most frequent verb before 送温暖; 实施 outnumbers 帮困
    const byCount = [...verbs].sort((a, b) => b.count - a.count);
    expect(byCount[0].word).toBe("开展");
    expect(verbs.find((r) => r.word === "实施")!.count).toBeGreaterThan(verbs.find((r) => r.word === "帮困")?.count ?? 0);
    // the head's sentences hold its forms' too
    const lines = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&pick=${encodeURIComponent("verb:开展")}&perPage=100`)).body.lines!;
    expect(lines.total).toBe(head.count);
    const one = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&pick=${encodeURIComponent("verb:深入开展")}&perPage=100`)).body.lines!;
    expect(one.total).toBe(2);
    for (const l of one.rows) expect(l.marks.map(([a, b]) => l.text.slice(a, b))).toContain("深入开展");
  });

  it("every example is the sentence at its offset, the term and the collocate marked where they are", async () => {
    const d = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&limit=200`)).body;
    const examples = [...d.relations.flatMap((r) => r.rows.map((x) => ({ ex: x.example, words: [x.word], forms: x.variants.map((v) => v.term) }))), ...d.variants.map((v) => ({ ex: v.example, words: [v.verb, v.after].filter((w): w is string => !!w), forms: [] }))];
    expect(examples.length).toBeGreaterThan(5);
    for (const { ex, words, forms } of examples) {
      const text = entries.find((e) => e.report.id === ex.reportId)!.report.text;
      expect(text.slice(ex.start, ex.start + ex.text.length)).toBe(ex.text);
      expect(ex.text.slice(...ex.termAt)).toBe("送温暖");
      const marked = ex.marks.map(([s, e]) => ex.text.slice(s, e));
      // a head verb's example may hold one of its forms (进一步提高 under 提高): that form is marked
      if (forms.length && marked.length === 1 && forms.includes(marked[0])) continue;
      expect(marked.sort()).toEqual([...words].sort());
    }
  });

  it("a picked row pages exactly its sentences; variants pair a verb and what follows", async () => {
    const d = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&limit=200`)).body;
    const row = d.relations.find((r) => r.name === "after")!.rows.find((r) => r.word === "活动")!;
    const p1 = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&pick=${encodeURIComponent("after:活动")}&perPage=2`)).body.lines!;
    expect(p1.total).toBe(row.count);
    const all: string[] = [];
    for (let page = 1; (page - 1) * 2 < p1.total; page++) {
      const lines = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&pick=${encodeURIComponent("after:活动")}&perPage=2&page=${page}`)).body.lines!;
      for (const l of lines.rows) {
        expect(l.text.slice(l.termAt[1]).replace(/^[“”"'\s]+/, "").startsWith("活动")).toBe(true);
        all.push(`${l.reportId}:${l.start + l.termAt[0]}`);
      }
    }
    expect(new Set(all).size).toBe(row.count);
    const v = d.variants.find((x) => x.verb === "开展" && x.after === "活动");
    expect(v).toBeDefined();
    const lines = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&pick=${encodeURIComponent("variant:开展|活动")}&perPage=100`)).body.lines!;
    expect(lines.total).toBe(v!.count);
    expect(lines.rows.reduce((n, l) => n + (l.sector === "enterprise" ? 1 : 0), 0)).toBe(v!.bySector.enterprise);
  });

  it("a synonym set is one frame: 职代会 counts 职工代表大会 too, unless synonyms=false", async () => {
    const both = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("职代会")}`)).body;
    const only = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("职代会")}&synonyms=false`)).body;
    const count = (w: string) => entries.reduce((n, e) => n + e.tokens.filter((t) => t === w).length, 0);
    expect(only.occurrences).toBe(count("职代会"));
    expect(both.occurrences).toBe(count("职代会") + count("职工代表大会"));
  });
});

// Regression (issue 28): 会职代会 from 建立“三会”（职代会…） and 开 from 开好职代会 were frames.
describe("frames are built from whole words inside one clause", () => {
  const texts = [
    "建立“三会”（职代会、妇代会）。", // 会 belongs to 三会, and the bracket opens an aside: no verb
    "落实三会职代会制度。", // 会 again glued to 三: no verb; after 制度
    "开好职代会，保障职工权益。", // 开 + 好 is one unit: neither is a verb or a modifier
    "每年召开职代会，审议报告。", // 召开; nothing after (the comma ends the clause)
    "坚持职代会制度。", // 坚持 … 制度
    "明年再开职代会。", // 开 leans on the adverb 再 only: a verb
  ];
  const corpus = buildCorpus(
    texts.map((text, n) => ({ report: makeReport({ id: `f${n}`, sector: n % 2 ? "school" : "hospital", year: 2024, text }), ...segmenter.tag(text) })),
    STOPWORDS,
  );
  const out = frames(corpus, selectReports(corpus, {}, null), { alternatives: [words("职代会")], term: "职代会" }, indexesOf(corpus));
  const rows = (name: string) => Object.fromEntries(out.relations.find((r) => r.name === name)!.rows.map((r) => [r.word, r.count]));

  it("counts, recounted by hand from the six sentences above", () => {
    expect(out.occurrences).toBe(6);
    expect(rows("verb")).toEqual({ 召开: 1, 坚持: 1, 开: 1 });
    expect(rows("after")).toEqual({ 制度: 2 });
    expect(rows("modifier")).toEqual({});
    expect(Object.fromEntries(out.variants.map((v) => [v.pattern, v.count]))).toEqual({ 职代会制度: 1, 召开职代会: 1, 坚持职代会制度: 1, 开职代会: 1 });
    for (const v of out.variants) expect(v.pattern).not.toMatch(/^会|^好|^开…/);
  });
});

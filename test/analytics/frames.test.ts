// Frames of a term (server/analytics/frames.ts) over the bundled corpus through the HTTP API,
// checked against a recount written here over the store's own tokens and tags (strings, not the
// analytics code): the verbs before 送温暖, what follows it, and the example links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECTORS, type FramesResponse, type SketchDiffResponse } from "../../core/api/schema.ts";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { parseExportCsv } from "../helpers/csv.ts";
import { framesRecount, isWord, MOD, see, verb } from "../helpers/framesRecount.ts";
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

// The rules as the README states them, written again over strings (test/helpers/framesRecount.ts).
const recount = (term: string | string[], keep?: (r: Report) => boolean) => framesRecount(entries).recount(term, keep);
const headOf = (w: string) => framesRecount(entries).headOf(w);

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

describe("a writer's order: sort=count puts the verb used most first (issue 25)", () => {
  it("送温暖 with sort=count: 开展 leads, 深入开展 and 积极开展 under it; rows by count as recounted; logDice still given and still the default", async () => {
    const d = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&sort=count&limit=200`)).body;
    const expected = recount("送温暖");
    const verbs = d.relations.find((r) => r.name === "verb")!.rows;
    expect(verbs[0].word).toBe("开展");
    expect(verbs[0].count).toBe(Math.max(...[...expected.verb.values()].map((r) => r.count)));
    expect(verbs[0].variants.map((v) => v.term)).toEqual(expect.arrayContaining(["深入开展", "积极开展"]));
    for (const name of ["verb", "after"] as const) {
      const rows = d.relations.find((r) => r.name === name)!.rows;
      const counts = rows.map((r) => r.count);
      expect(counts).toEqual([...expected[name].values()].map((r) => r.count).sort((a, b) => b - a));
      for (let i = 1; i < rows.length; i++) if (rows[i].count === rows[i - 1].count) expect(rows[i].logDice).toBeLessThanOrEqual(rows[i - 1].logDice);
      for (const r of rows) expect(Number.isFinite(r.logDice)).toBe(true);
    }
    // the API's default is still Sketch Engine's logDice ranking, where frequent 开展 is not first
    const byLogDice = (await getJson<FramesResponse>(app.url, `/api/frames?term=${encodeURIComponent("送温暖")}&limit=200`)).body.relations.find((r) => r.name === "verb")!.rows;
    expect(byLogDice[0].word).not.toBe("开展");
    expect((await getJson(app.url, `/api/frames?term=x&sort=freq`)).status).toBe(400);
  });
});

// Sketch difference (issue 25 item 4): every count, logDice and difference recounted here from the
// store's tokens and tags (the recount above), side by side.
describe("sketch difference", () => {
  const ZDH = ["职代会", "职工代表大会"];
  const JDH = ["教代会", "教职工代表大会"];
  /** a collocate's frequency in the selection (a head verb's: every word headed by it), from the tokens */
  const freqOf = (keep: (r: Report) => boolean, rel: string) => {
    const m = new Map<string, number>();
    for (const e of entries) if (keep(e.report)) for (const t of e.tokens) {
      const w = rel === "verb" ? headOf(t) : t;
      m.set(w, (m.get(w) ?? 0) + 1);
    }
    return m;
  };
  const check = (d: SketchDiffResponse, sides: { terms: string[]; keep: (r: Report) => boolean }[]) => {
    const [A, B] = sides.map((s) => ({ ...recount(s.terms, s.keep), fverb: freqOf(s.keep, "verb"), fafter: freqOf(s.keep, "after") }));
    expect(d.a.occurrences).toBe(A.occurrences);
    expect(d.b.occurrences).toBe(B.occurrences);
    for (const name of ["verb", "after"] as const) {
      const rel = d.relations.find((r) => r.name === name)!;
      const [ma, mb] = [A[name], B[name]];
      const total = (m: typeof ma) => [...m.values()].reduce((n, r) => n + r.count, 0);
      expect(rel.totalA).toBe(total(ma));
      expect(rel.totalB).toBe(total(mb));
      // limit=200 holds every collocate of either side here
      const union = new Set([...ma.keys(), ...mb.keys()]);
      expect(union.size).toBeLessThan(200);
      expect(rel.rows.map((r) => r.word).sort()).toEqual([...union].sort());
      const logDice = (m: typeof ma, f: Map<string, number>, w: string) => (m.has(w) ? 14 + Math.log2((2 * m.get(w)!.count) / (total(m) + f.get(w)!)) : null);
      for (const r of rel.rows) {
        expect([r.countA, r.countB], `${name} ${r.word}`).toEqual([ma.get(r.word)?.count ?? 0, mb.get(r.word)?.count ?? 0]);
        expect([r.reportsA, r.reportsB], `${name} ${r.word}`).toEqual([ma.get(r.word)?.reports.size ?? 0, mb.get(r.word)?.reports.size ?? 0]);
        const la = logDice(ma, name === "verb" ? A.fverb : A.fafter, r.word);
        const lb = logDice(mb, name === "verb" ? B.fverb : B.fafter, r.word);
        if (la === null) expect(r.logDiceA).toBeNull();
        else expect(r.logDiceA, `${name} ${r.word} A`).toBeCloseTo(la, 9);
        if (lb === null) expect(r.logDiceB).toBeNull();
        else expect(r.logDiceB, `${name} ${r.word} B`).toBeCloseTo(lb, 9);
        // an absent side scores 0
        expect(r.diff).toBeCloseTo((la ?? 0) - (lb ?? 0), 9);
        expect(r.side).toBe(r.diff >= 1 ? "a" : r.diff <= -1 ? "b" : "both");
        expect(r.ranked).toBe(r.countA >= 3 || r.countB >= 3);
        // each side's example comes from that side and holds the term
        for (const [ex, side] of [[r.exampleA, sides[0]], [r.exampleB, sides[1]]] as const) {
          if (ex === null) continue;
          const e = entries.find((x) => x.report.id === ex.reportId)!;
          expect(side.keep(e.report)).toBe(true);
          expect(side.terms).toContain(ex.text.slice(...ex.termAt));
          expect(e.report.text.slice(ex.start, ex.start + ex.text.length)).toBe(ex.text);
        }
        expect(r.exampleA === null).toBe(r.countA === 0);
        expect(r.exampleB === null).toBe(r.countB === 0);
      }
      // A-preferred to B-preferred: ranked rows by diff, then the unranked ones by diff
      const ranked = rel.rows.filter((r) => r.ranked);
      expect(rel.rows.slice(0, ranked.length)).toEqual(ranked);
      const desc = (xs: number[]) => expect(xs).toEqual([...xs].sort((p, q) => q - p));
      desc(ranked.map((r) => r.diff));
      desc(rel.rows.slice(ranked.length).map((r) => r.diff));
    }
  };

  it("职代会, hospital vs agency: one term in two subcorpora", async () => {
    const res = await getJson<SketchDiffResponse>(app.url, `/api/sketchdiff?term=${encodeURIComponent("职代会")}&a.sector=hospital&b.sector=agency&limit=200`);
    expect(res.status).toBe(200);
    expect(res.body.contrast).toBe("subcorpus");
    expect(res.body.a.occurrences).toBeGreaterThan(0);
    expect(res.body.b.occurrences).toBeGreaterThan(0);
    check(res.body, [
      { terms: ZDH, keep: (r) => r.sector === "hospital" },
      { terms: ZDH, keep: (r) => r.sector === "agency" },
    ]);
    // a collocate both sides use (职代会制度) and one-sided ones, each side's own
    const rows = res.body.relations.flatMap((r) => r.rows);
    expect(rows.some((r) => r.countA > 0 && r.countB > 0)).toBe(true);
    expect(rows.some((r) => r.countB === 0 && r.side === "a")).toBe(true);
    expect(rows.some((r) => r.countA === 0 && r.side === "b")).toBe(true);
  });

  it("职代会 vs 教代会: two terms in one selection (no b.* filters: B is A's subcorpus)", async () => {
    const res = await getJson<SketchDiffResponse>(app.url, `/api/sketchdiff?term=${encodeURIComponent("职代会")}&termB=${encodeURIComponent("教代会")}&limit=200`);
    expect(res.status).toBe(200);
    expect(res.body.contrast).toBe("term");
    expect(res.body.b.term).toBe("教代会");
    expect(res.body.b.matched.find((m) => m.role === "term")!.matches).toEqual(expect.arrayContaining(JDH));
    check(res.body, [
      { terms: ZDH, keep: () => true },
      { terms: JDH, keep: () => true },
    ]);
    const rows = res.body.relations.flatMap((r) => r.rows);
    expect(rows.some((r) => r.side === "a")).toBe(true);
    expect(rows.some((r) => r.side === "b")).toBe(true);
  });

  it("limit keeps the largest differences; the CSV export holds every row with its provenance", async () => {
    const q = `term=${encodeURIComponent("职代会")}&termB=${encodeURIComponent("教代会")}`;
    const all = (await getJson<SketchDiffResponse>(app.url, `/api/sketchdiff?${q}&limit=200`)).body;
    const few = (await getJson<SketchDiffResponse>(app.url, `/api/sketchdiff?${q}&limit=4`)).body;
    for (const rel of few.relations) {
      const full = all.relations.find((r) => r.name === rel.name)!.rows;
      expect(rel.rows.length).toBe(Math.min(4, full.length));
      const strongest = full.filter((r) => r.ranked).map((r) => Math.abs(r.diff)).sort((p, q) => q - p).slice(0, 4);
      if (strongest.length === 4) expect(rel.rows.map((r) => Math.abs(r.diff)).sort((p, q) => q - p)).toEqual(strongest);
    }
    const csv = await fetch(`${app.url}/api/export/sketchdiff?${q}&limit=4&format=csv`);
    expect(csv.status).toBe(200);
    const { records: [header, ...records], comments } = parseExportCsv(await csv.text());
    expect(comments[0]).toBe("wenyuan export sketchdiff");
    expect(comments.some((c) => c.startsWith("parameters: ") && c.includes('"limit":"none"') && c.includes('"termB":"教代会"'))).toBe(true);
    expect(comments.at(-1)).toBe(`rows: ${records.length}`);
    expect(header.slice(0, 10)).toEqual(["relation", "word", "countA", "countB", "reportsA", "reportsB", "logDiceA", "logDiceB", "diff", "side"]);
    expect(records.length).toBe(all.relations.reduce((n, r) => n + r.rows.length, 0));
    const row = records.find((r) => r[0] === "verb")!;
    const mine = all.relations.find((r) => r.name === "verb")!.rows.find((r) => r.word === row[1])!;
    expect([Number(row[2]), Number(row[3])]).toEqual([mine.countA, mine.countB]);
  });

  it("bad input is a 400 with a message", async () => {
    const bad = async (qs: string, pattern: RegExp) => {
      const res = await getJson<{ error: { message: string } }>(app.url, `/api/sketchdiff?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(JSON.stringify(res.body), qs).toMatch(pattern);
    };
    await bad(`term=${encodeURIComponent("职代会")}`, /two sides that differ/);
    await bad(`term=${encodeURIComponent("职代会")}&a.sector=hospital&b.sector=hospital`, /two sides that differ/);
    await bad(`term=${encodeURIComponent("职代会")}&termB=${encodeURIComponent("职代会")}`, /two sides that differ/);
    await bad(`a.sector=hospital&b.sector=agency`, /term/);
    await bad(`term=${encodeURIComponent("职代会")}&termB=%25`, /termB/);
    await bad(`term=${encodeURIComponent("职代会")}&a.sector=hospital&b.sector=bank`, /b\.sector/);
    await bad(`term=${encodeURIComponent("职代会")}&termB=x&limit=0`, /limit/);
    await bad(`term=${encodeURIComponent("职代会")}&termB=x&a.yearFrom=abc`, /a\.yearFrom/);
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

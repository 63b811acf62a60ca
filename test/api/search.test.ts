// /api/search against a real Meilisearch on the fixture corpus. Every count is
// checked against an independent scan of the corpus store.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import type { SearchResponse } from "../../core/api/schema.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { getJson, ROOT, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let reports: Report[];
let tokensById: Map<string, string[]>;

beforeAll(async () => {
  app = await startApp();
  // The store's files, parsed directly: the counts below don't go through the analytics code.
  const { entries } = readStore(app.dataDir);
  reports = entries.map((e) => e.report);
  tokensById = new Map(entries.map((e) => [e.report.id, e.tokens]));
});
afterAll(() => app?.stop());

const synonyms = JSON.parse(readFileSync(join(import.meta.dirname, "../../corpus/synonyms.json"), "utf8")) as Record<string, string[]>;
const segmenter = createSegmenter("node-rs", readFileSync(join(ROOT, "corpus", "dict.txt"), "utf8"));
const live = () => reports.filter((r) => r.kind === "report" && r.duplicateOf === null);
const search = (qs: string) => getJson<SearchResponse>(app.url, `/api/search?perPage=100&${qs}`);
const ids = (r: SearchResponse) => new Set(r.hits.map((h) => h.reportId));
const byTitle = (part: string) => {
  const r = reports.find((x) => x.title.includes(part));
  if (!r) throw new Error(`fixture report ${part} not found`);
  return r;
};

describe("word search", () => {
  it("returns the same reports as our own jieba token match, for dictionary words and ordinary words", async () => {
    for (const word of ["送温暖", "困难职工帮扶中心", "慰问", "教职工", "工会"]) {
      const { status, body } = await search(`q=${encodeURIComponent(word)}`);
      expect(status).toBe(200);
      // Our own match: the word or a synonym as adjacent tokens of the report's text (page
      // titles are not searched; spaces between tokens are stepped over).
      const forms = [word, ...(synonyms[word] ?? [])].map((f) => segmenter.cut(f).filter((t) => t.trim()));
      const has = (r: Report) => {
        const stream = tokensById.get(r.id)!.filter((t) => t.trim() || t.includes("\n"));
        return forms.some((seq) => stream.some((_, i) => seq.every((t, k) => stream[i + k] === t)));
      };
      const expected = new Set(live().filter(has).map((r) => r.id));
      expect(expected.size, word).toBeGreaterThan(0);
      expect(ids(body), word).toEqual(expected);
      expect(body.total).toBe(expected.size);
    }
  });

  it("keeps a dictionary word whole: 帮扶 does not match inside 困难职工帮扶中心", async () => {
    const inside = byTitle("县中医院");
    expect(inside.text).toContain("困难职工帮扶中心");
    expect(tokensById.get(inside.id)).not.toContain("帮扶");
    const { body } = await search("q=帮扶");
    expect(ids(body).has(inside.id)).toBe(false);
  });

  it("phrase search requires adjacency, word search does not", async () => {
    const words = await search(`q=${encodeURIComponent("活动 送温暖")}`);
    const phrase = await search(`q=${encodeURIComponent('"活动送温暖"')}`);
    const inOrder = await search(`q=${encodeURIComponent('"送温暖活动"')}`);
    expect(words.body.total).toBeGreaterThan(0);
    expect(phrase.body.total).toBe(0);
    const expected = live().filter((r) => r.text.includes("送温暖活动")).map((r) => r.id);
    expect(ids(inOrder.body)).toEqual(new Set(expected));
    expect(inOrder.body.total).toBeLessThanOrEqual(words.body.total);
  });

  it("-word excludes reports that contain it", async () => {
    const all = await search("q=送温暖");
    const without = await search(`q=${encodeURIComponent("送温暖 -职代会")}`);
    expect(without.body.total).toBeLessThan(all.body.total);
    for (const h of without.body.hits) expect(tokensById.get(h.reportId)).not.toContain("职代会");
  });

  it("applies synonyms: 职工代表大会 finds a report that only says 职代会", async () => {
    const onlyAbbrev = byTitle("市第一人民医院");
    expect(onlyAbbrev.text).not.toContain("职工代表大会");
    const { body } = await search(`q=${encodeURIComponent("职工代表大会")}`);
    expect(ids(body).has(onlyAbbrev.id)).toBe(true);
    const hit = body.hits.find((h) => h.reportId === onlyAbbrev.id)!;
    expect(hit.snippet.marks.map(([s, e]) => hit.snippet.text.slice(s, e))).toContain("职代会");
  });

  it("marks only query tokens or synonyms, inside original text, never empty", async () => {
    const { body } = await search(`q=${encodeURIComponent("送温暖 慰问 职代会")}`);
    expect(body.hits.length).toBeGreaterThan(0);
    for (const h of body.hits) {
      const report = reports.find((r) => r.id === h.reportId)!;
      expect(report.text.slice(h.offset, h.offset + h.snippet.text.length)).toBe(h.snippet.text);
      expect(h.snippet.text.length).toBeLessThanOrEqual(160);
      for (const [s, e] of h.snippet.marks) {
        expect(e).toBeGreaterThan(s);
        expect(["送温暖", "慰问", "职代会", "职工代表大会"]).toContain(h.snippet.text.slice(s, e));
      }
    }
    expect(body.hits.some((h) => h.snippet.marks.length > 0)).toBe(true);
  });

  it("says when Meilisearch would ignore words past the tenth", async () => {
    const many = "工会 职工 活动 开展 慰问 困难 教职工 医院 学校 公司 车间 会员";
    expect((await search(`q=${encodeURIComponent(many)}`)).body.truncatedQuery).toBe(true);
    expect((await search("q=工会")).body.truncatedQuery).toBe(false);
  });

  // issue 28: q=% was parsed to no part at all and answered as the empty query, every report
  it("a query with no word is a 400 naming the parameter, wherever a query is parsed; an empty one is every report", async () => {
    for (const q of ["%", "，", "-%", '""', "“ ”", "% 、"]) {
      const enc = encodeURIComponent(q);
      for (const path of [`/api/search?q=${enc}`, `/api/search?q=${enc}&synonyms=false`, `/api/search?q=${enc}&mode=passage`, `/api/reports?q=${enc}`, `/api/kwic?term=工会&q=${enc}`, `/api/frequency?q=${enc}`, `/api/breakdown?by=sector&term=工会&q=${enc}`]) {
        const { status, body } = await getJson<{ error: { code: string; message: string; field: string } }>(app.url, path);
        expect(status, path).toBe(400);
        expect(body.error.field, path).toBe("q");
        expect(body.error.message, path).toMatch(/has no word/);
      }
      const term = await getJson<{ error: { field: string; message: string } }>(app.url, `/api/kwic?term=${enc}`);
      expect(term.status, q).toBe(400);
      expect(term.body.error.field).toBe("term");
      expect(term.body.error.message).toMatch(/has no word/);
    }
    const keyness = await getJson<{ error: { field: string } }>(app.url, `/api/keyness?a.q=${encodeURIComponent("%")}`);
    expect(keyness.status).toBe(400);
    expect(keyness.body.error.field).toBe("a.q");
    // no query at all (README: "Default: no query (every report)")
    for (const qs of ["", "q=", `q=${encodeURIComponent("  ")}`]) {
      const { status, body } = await search(qs);
      expect(status, qs).toBe(200);
      expect(body.total, qs).toBe(live().length);
    }
    // a string, not words: `%` is something to look for
    const sub = await search(`q=${encodeURIComponent("%")}&match=substring`);
    expect(sub.status).toBe(200);
    expect(sub.body.total).toBe(live().filter((r) => r.text.includes("%")).length);
  });

  it("never ships whole report texts", async () => {
    const { body } = await search("q=工会");
    for (const h of body.hits) expect(Object.keys(h)).not.toContain("text");
  });
});

describe("substring search", () => {
  it("finds strings inside words, exactly the reports whose text contains them", async () => {
    for (const s of ["帮扶", "工程", "温暖", "职工"]) {
      const { body } = await search(`match=substring&q=${encodeURIComponent(s)}`);
      const expected = new Set(live().filter((r) => r.text.includes(s)).map((r) => r.id));
      expect(ids(body), s).toEqual(expected);
      for (const h of body.hits) for (const [a, b] of h.snippet.marks) expect(h.snippet.text.slice(a, b)).toBe(s);
    }
    const inside = byTitle("县中医院");
    expect(ids((await search("match=substring&q=帮扶")).body).has(inside.id)).toBe(true);
  });

  it("finds strings across word boundaries, single characters and nothing, counting like a scan", async () => {
    // The end of one jieba token and the start of the next: found only by reading across tokens.
    const tokens = tokensById.get(live()[0].id)!;
    const k = tokens.findIndex((t, i) => i > 0 && /\p{Script=Han}/u.test(t) && /\p{Script=Han}/u.test(tokens[i - 1]) && t.length > 1);
    const across = tokens[k - 1].slice(-1) + tokens[k].slice(0, 1);
    const count = (r: Report, s: string) => r.text.split(s).length - 1;
    for (const s of [across, "，", "会", "工会", "职工", "量子计算机"]) {
      const { body } = await search(`match=substring&q=${encodeURIComponent(s)}`);
      const expected = live().filter((r) => r.text.includes(s));
      expect(body.total, s).toBe(expected.length);
      const want = new Set(expected.map((r) => r.id));
      if (expected.length <= 100) expect(ids(body), s).toEqual(want);
      else for (const id of ids(body)) expect(want.has(id), s).toBe(true);
      // relevance: most occurrences first, as many hits as a scan finds
      const counts = body.hits.map((h) => count(reports.find((r) => r.id === h.reportId)!, s));
      expect(counts, s).toEqual([...counts].sort((a, b) => b - a));
      const top = Math.max(0, ...expected.map((r) => count(r, s)));
      expect(counts[0] ?? 0, s).toBe(top);
    }
  });

  it("pages through a frequent string in the order of one long page, in passage mode too", async () => {
    for (const mode of ["report", "passage"]) {
      const url = (perPage: number, page: number) => `/api/search?match=substring&q=${encodeURIComponent("，")}&mode=${mode}&perPage=${perPage}&page=${page}`;
      const all = (await getJson<SearchResponse>(app.url, url(100, 1))).body;
      expect(all.total, mode).toBeGreaterThan(3);
      const paged: string[] = [];
      for (let page = 1; page <= 3; page++) paged.push(...(await getJson<SearchResponse>(app.url, url(1, page))).body.hits.map((h) => h.id));
      expect(paged, mode).toEqual(all.hits.slice(0, 3).map((h) => h.id));
      for (const h of all.hits) for (const [a, b] of h.snippet.marks) expect(h.snippet.text.slice(a, b)).toBe("，");
    }
  });
});

describe("facets and filters", () => {
  it("filters by sector and counts facets disjunctively", async () => {
    const { body } = await search("q=送温暖&sector=hospital");
    expect(body.hits.length).toBeGreaterThan(0);
    for (const h of body.hits) expect(h.sector).toBe("hospital");
    const all = await search("q=送温暖");
    // The sector facet ignores the sector filter itself: the other sectors stay visible.
    expect(body.facets.sector).toEqual(all.body.facets.sector);
    expect(Object.keys(body.facets.sector).length).toBeGreaterThan(1);
    // Other facets are narrowed by the sector filter.
    const docTypes = Object.values(body.facets.docType).reduce((a, b) => a + b, 0);
    expect(docTypes).toBe(body.total);
  });

  it("combines OR within a facet and AND across facets", async () => {
    const { body } = await search("sector=hospital&sector=school&docType=summary");
    const expected = live().filter((r) => ["hospital", "school"].includes(r.sector) && r.docType === "summary");
    expect(ids(body)).toEqual(new Set(expected.map((r) => r.id)));
  });

  it("rejects unknown values and injection attempts with 400 naming the field", async () => {
    for (const bad of ['hospital" OR sector = "school', "hospital' OR 1=1", "医院", "hospital\\"]) {
      const { status, body } = await getJson<{ error: { code: string; message: string; field: string } }>(app.url, `/api/search?sector=${encodeURIComponent(bad)}`);
      expect(status).toBe(400);
      expect(body.error.field).toMatch(/^sector/);
      expect(body.error.message).toContain("hospital");
    }
    expect((await getJson(app.url, "/api/search?year=abc")).status).toBe(400);
    expect((await getJson(app.url, "/api/search?perPage=1000")).status).toBe(400);
  });
});

describe("passage mode", () => {
  it("returns the matching paragraph with its report id and section heading", async () => {
    const { body } = await search("mode=passage&q=送温暖");
    expect(body.hits.length).toBeGreaterThan(0);
    for (const h of body.hits) {
      const report = reports.find((r) => r.id === h.reportId)!;
      expect(report.text.slice(h.offset, h.offset + h.snippet.text.length)).toBe(h.snippet.text);
      expect(h.snippet.text).toContain("送温暖");
    }
    expect(body.hits.some((h) => h.section !== null)).toBe(true);
  });
});

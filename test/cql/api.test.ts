// CQL, simple mode and traditional-character folding through the HTTP API on the seed corpus,
// counted against an independent scan of the corpus store's tokens and tags (./naive.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, seedApp, type TestApp } from "../helpers/app.ts";
import { any, is, naiveMatches, type Step } from "./naive.ts";

let app: TestApp;
let entries: { report: Report; tokens: string[]; tags: string[] }[];

beforeAll(async () => {
  app = await seedApp();
  entries = readStore(app.dataDir).entries.map((e) => ({ report: e.report, tokens: e.tokens, tags: e.tags ?? e.tokens.map(() => "") }));
});
afterAll(() => app?.stop());

const live = () => entries.filter((e) => e.report.kind === "report" && e.report.duplicateOf === null);
const recount = (steps: Step[], keep: (r: Report) => boolean = () => true) => {
  let total = 0;
  const bySector: Record<string, number> = {};
  let reports = 0;
  for (const e of live().filter((x) => keep(x.report))) {
    const n = naiveMatches(e.tokens, e.tags, steps).length;
    total += n;
    if (n) reports++;
    bySector[e.report.sector] = (bySector[e.report.sector] ?? 0) + n;
  }
  return { total, reports, bySector };
};
type Kwic = { total: number; reports: number; lines: { reportId: string; left: string; match: string; right: string; offset: number }[]; matched: { text: string; matches: string[] }[] };
const kwic = (params: string) => getJson<Kwic>(app.url, `/api/kwic?perPage=500&${params}`);
const enc = encodeURIComponent;

describe("match=cql through the API", () => {
  const kaizhan: Step[] = [{ ok: is("开展"), min: 1, max: 1 }, { ok: any, min: 1, max: 1 }, { ok: is("活动"), min: 1, max: 1 }];
  const verbZhigong: Step[] = [{ ok: (_w, t) => t === "v", min: 1, max: 1 }, { ok: is("职工"), min: 1, max: 1 }];

  it("kwic counts what the independent scan counts, lines cut from the text", async () => {
    for (const [q, steps] of [['"开展" [] "活动"', kaizhan], ['[tag="v"] "职工"', verbZhigong]] as const) {
      const want = recount(steps);
      expect(want.total, q).toBeGreaterThan(0);
      const { status, body } = await kwic(`match=cql&term=${enc(q)}`);
      expect(status, q).toBe(200);
      expect(body.total, q).toBe(want.total);
      expect(body.reports, q).toBe(want.reports);
      for (const l of body.lines) {
        const text = entries.find((e) => e.report.id === l.reportId)!.report.text;
        expect(text.slice(l.offset - l.left.length, l.offset + l.match.length + l.right.length)).toBe(l.left + l.match + l.right);
      }
    }
  });

  it("count=false answers the same first page, its totals marked partial lower bounds", async () => {
    const q = enc('[tag="v"] "职工"');
    const want = recount(verbZhigong);
    expect(want.total).toBeGreaterThan(10);
    const full = await getJson<Kwic & { partial?: boolean }>(app.url, `/api/kwic?perPage=10&match=cql&term=${q}`);
    const first = await getJson<Kwic & { partial?: boolean }>(app.url, `/api/kwic?perPage=10&match=cql&count=false&term=${q}`);
    expect(first.status).toBe(200);
    expect(first.body.lines).toEqual(full.body.lines);
    expect(full.body.partial).toBeUndefined();
    expect(first.body.partial).toBe(true);
    expect(first.body.total).toBeGreaterThanOrEqual(10);
    expect(first.body.total).toBeLessThan(want.total);
    expect(first.body.reports).toBeLessThan(want.reports);
    // a page past what the early stop read still gets its lines, exact
    const p3 = await getJson<Kwic>(app.url, `/api/kwic?perPage=10&page=3&match=cql&count=false&term=${q}`);
    const p3full = await getJson<Kwic>(app.url, `/api/kwic?perPage=10&page=3&match=cql&term=${q}`);
    expect(p3.body.lines).toEqual(p3full.body.lines);
  });

  it("takes the same filters, and breakdown counts the same matches per sector", async () => {
    const want = recount(kaizhan, (r) => r.sector === "hospital");
    const { body } = await kwic(`match=cql&sector=hospital&term=${enc('"开展" [] "活动"')}`);
    expect(body.total).toBe(want.total);
    const bd = await getJson<{ rows: { key: string; count: number }[] }>(app.url, `/api/breakdown?match=cql&by=sector&term=${enc('"开展" [] "活动"')}`);
    expect(bd.status).toBe(200);
    const all = recount(kaizhan);
    expect(Object.fromEntries(bd.body.rows.filter((r) => r.count).map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(Object.entries(all.bySector).filter(([, n]) => n)));
  });

  it("search finds the reports holding a match, with the facet counts of the same selection", async () => {
    type Search = { total: number; hits: { reportId: string; snippet: { text: string; marks: [number, number][] } }[]; facets: { sector: Record<string, number> }; matched: { matches: string[] }[] };
    const holding = live().filter((e) => naiveMatches(e.tokens, e.tags, kaizhan).length > 0);
    const all = await getJson<Search>(app.url, `/api/search?match=cql&perPage=100&q=${enc('"开展" [] "活动"')}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(holding.length);
    expect(holding.length).toBeLessThanOrEqual(100);
    expect(new Set(all.body.hits.map((h) => h.reportId))).toEqual(new Set(holding.map((e) => e.report.id)));
    const bySector: Record<string, number> = {};
    for (const e of holding) bySector[e.report.sector] = (bySector[e.report.sector] ?? 0) + 1;
    expect(all.body.facets.sector).toEqual(bySector);
    // every snippet marks a match: 开展, one token, 活动
    for (const h of all.body.hits) expect(h.snippet.marks.length).toBeGreaterThan(0);
    const hospital = await getJson<Search>(app.url, `/api/search?match=cql&sector=hospital&q=${enc('"开展" [] "活动"')}`);
    expect(hospital.body.total).toBe(holding.filter((e) => e.report.sector === "hospital").length);
    // disjunctive: the sector facet still counts the other sectors
    expect(hospital.body.facets.sector).toEqual(bySector);
    const bad = await getJson<{ error: { code: string; field: string } }>(app.url, `/api/search?match=cql&q=${enc("[]{2,1}")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "cql_syntax", field: "q" });
  });

  it("reads simple mode and says how it read it", async () => {
    const simple = await kwic(`match=cql&term=${enc("开展*活动")}`);
    expect(simple.body.total).toBe(recount(kaizhan).total);
    expect(simple.body.matched.find((m) => m.text === "开展*活动")?.matches).toEqual(["开展*活动", '"开展" [] "活动"']);
  });

  it("/api/reports?match=cql lists the reports the scan finds, sorted and paged as the table is", async () => {
    type Rows = { total: number; reports: { id: string; chars: number }[] };
    const holding = live().filter((e) => naiveMatches(e.tokens, e.tags, kaizhan).length > 0);
    const all = await getJson<Rows>(app.url, `/api/reports?match=cql&perPage=100&sort=chars:desc&q=${enc('"开展" [] "活动"')}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(holding.length);
    expect(new Set(all.body.reports.map((r) => r.id))).toEqual(new Set(holding.map((e) => e.report.id)));
    const chars = all.body.reports.map((r) => r.chars);
    expect(chars).toEqual([...chars].sort((a, b) => b - a));
    const page2 = await getJson<Rows>(app.url, `/api/reports?match=cql&perPage=2&page=2&sort=chars:desc&q=${enc('"开展" [] "活动"')}`);
    expect(page2.body.reports.map((r) => r.id)).toEqual(all.body.reports.slice(2, 4).map((r) => r.id));
    const hospital = await getJson<Rows>(app.url, `/api/reports?match=cql&sector=hospital&q=${enc('"开展" [] "活动"')}`);
    expect(hospital.body.total).toBe(holding.filter((e) => e.report.sector === "hospital").length);
    const bad = await getJson<{ error: { code: string } }>(app.url, `/api/reports?match=cql&q=${enc('"开展" [wrd="x"]')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("cql_syntax");
  });

  it("answers a syntax error with 400 and the column", async () => {
    const { status, body } = await getJson<{ error: { code: string; message: string; field: string } }>(app.url, `/api/kwic?match=cql&term=${enc('"开展" [wrd="x"]')}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "cql_syntax", field: "term" });
    expect(body.error.message).toContain("column 7");
  });
});

describe("traditional characters", () => {
  it("職工 finds what 职工 finds, in KWIC, substring KWIC and search, and says so", async () => {
    const simp = await kwic(`term=${enc("职工")}`);
    const trad = await kwic(`term=${enc("職工")}`);
    expect(simp.body.total).toBeGreaterThan(0);
    expect(trad.body.total).toBe(simp.body.total);
    expect(trad.body.matched.find((m) => m.text === "職工")?.matches.slice(0, 2)).toEqual(["職工", "职工"]);
    const sub = await kwic(`match=substring&term=${enc("職工")}`);
    expect(sub.body.total).toBe(live().reduce((n, e) => n + e.report.text.split("职工").length - 1, 0));
    for (const match of ["word", "substring"]) {
      const a = await getJson<{ total: number }>(app.url, `/api/search?match=${match}&q=${enc("职工")}`);
      const b = await getJson<{ total: number; matched: { matches: string[] }[] }>(app.url, `/api/search?match=${match}&q=${enc("職工")}`);
      expect(a.body.total, match).toBeGreaterThan(0);
      expect(b.body.total, match).toBe(a.body.total);
      expect(b.body.matched[0].matches, match).toContain("职工");
    }
  });
});

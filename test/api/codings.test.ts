// Categorised concordances (issue 26 item 3): a concordance of 职代会 on the bundled corpus coded in
// three categories; its distribution by sector and year against a recount from the lines' own
// sectors and years (and the store's); breakdown, its by-report rows and trends with the 无关 lines
// excluded against a recount of 职代会 per report from the store's token streams (test/helpers/
// recount.ts, not the product's matcher) minus the excluded lines; the CSV export with its
// provenance; bad input as 400s; the coding kept across a restart; and a reindex that removes a
// coded report turning its lines stale — reported, not dropped.
import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { countSequences, termAlternatives, tokenStreams } from "../helpers/recount.ts";
import { parseExportCsv } from "../helpers/csv.ts";

let app: TestApp;
let live: Report[];
let streams: Map<string, string[]>;

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  streams = tokenStreams(entries);
}, 120_000);
afterAll(() => app?.stop());

const TERM = "职代会";
const T = encodeURIComponent(TERM);

/** occurrences of the term or a corpus synonym in a stream, longest first where two start together, none overlapping */
const recount = (stream: string[]): number => countSequences(stream, termAlternatives([TERM]));

const send = async <B = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
  const res = await fetch(app.url + path, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as B & { error?: { message: string; field?: string } } };
};

type Line = { reportId: string; offset: number; sector: string; year: number | null };
type Coding = { id: string; categories: { name: string }[]; assignments: Record<string, string> };
type Answer = { coding: Coding | null; lines: number | null; coded: number; stale: { line: string; category: string }[] };
type BRow = { key: string; count: number; docs: number; totalDocs: number };
type Breakdown = { rows: BRow[]; excluded?: { coding: string; categories: string[]; lines: number; stale: number } };

const CATS = ["实指", "套话", "无关"];
let lines: Line[];
let id: string;
/** line key → category, as the test assigned them */
const assigned = new Map<string, string>();
const keyOf = (l: Line) => `${l.reportId}:${l.offset}`;

describe("a coded concordance of 职代会", () => {
  it("starts uncoded; categories are created, lines assigned in a batch", async () => {
    const kw = await getJson<{ total: number; lines: Line[] }>(app.url, `/api/kwic?term=${T}&perPage=500`);
    expect(kw.status).toBe(200);
    lines = kw.body.lines;
    // the recount: every 职代会 (and synonym) of the corpus is a line
    const total = live.reduce((n, r) => n + recount(streams.get(r.id)!), 0);
    expect(lines.length).toBe(total);
    expect(total).toBeGreaterThan(20);
    expect(new Set(lines.map((l) => l.sector)).size).toBeGreaterThan(1);

    const before = await getJson<Answer>(app.url, `/api/codings?term=${T}&sort=L1&width=50`);
    expect(before.status).toBe(200);
    expect(before.body.coding).toBeNull();
    // an uncoded concordance is not counted for it
    expect(before.body.lines).toBeNull();

    const made = await send<Answer>("PUT", "/api/codings", { query: { term: TERM, perPage: 50, sort: "R1" }, categories: CATS.map((name) => ({ name })) });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    id = made.body.coding!.id;
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(made.body.lines).toBe(total);

    // every line but the last four gets a category: 无关 every third, so some reports lose every hit
    const set: Record<string, string> = {};
    lines.slice(0, -4).forEach((l, i) => (set[keyOf(l)] = CATS[i % 3]));
    for (const [k, v] of Object.entries(set)) assigned.set(k, v);
    const coded = await send<Answer>("PUT", `/api/codings/${id}/assignments`, { set });
    expect(coded.status, JSON.stringify(coded.body)).toBe(200);
    expect(coded.body.coded).toBe(lines.length - 4);
    expect(coded.body.stale).toEqual([]);

    // clearing one line with null, then giving it back
    const first = keyOf(lines[0]);
    const cleared = await send<Answer>("PUT", `/api/codings/${id}/assignments`, { set: { [first]: null } });
    expect(cleared.body.coding!.assignments[first]).toBeUndefined();
    expect((await send<Answer>("PUT", `/api/codings/${id}/assignments`, { set: { [first]: CATS[0] } })).body.coded).toBe(lines.length - 4);

    // the same concordance (paging, sort and width aside) finds the coding
    const found = await getJson<Answer>(app.url, `/api/codings?term=${T}&page=2&sort=best`);
    expect(found.body.coding!.id).toBe(id);
    expect(Object.keys(found.body.coding!.assignments).length).toBe(lines.length - 4);
    // a narrower concordance is another query, without a coding
    expect((await getJson<Answer>(app.url, `/api/codings?term=${T}&sector=hospital`)).body.coding).toBeNull();
  });

  it("the distribution by sector and by year equals the recount from the lines' own sectors and years", async () => {
    const sectorOf = new Map(live.map((r) => [r.id, r.sector as string]));
    for (const by of ["sector", "year"] as const) {
      const res = await getJson<{ lines: number; rows: { category: string; uncoded: boolean; key: string; lines: number; share: number }[] }>(app.url, `/api/coding-distribution?coding=${id}&by=${by}`);
      expect(res.status).toBe(200);
      expect(res.body.lines).toBe(lines.length);
      const want = new Map<string, number>();
      const groupTotal = new Map<string, number>();
      for (const l of lines) {
        // the line's sector as the store has it, too
        if (by === "sector") expect(sectorOf.get(l.reportId)).toBe(l.sector);
        const g = by === "sector" ? l.sector : l.year === null ? "unknown" : String(l.year);
        const cat = assigned.get(keyOf(l)) ?? "(uncoded)";
        want.set(`${cat}|${g}`, (want.get(`${cat}|${g}`) ?? 0) + 1);
        groupTotal.set(g, (groupTotal.get(g) ?? 0) + 1);
      }
      const got = new Map(res.body.rows.filter((r) => r.lines > 0).map((r) => [`${r.category}|${r.key}`, r.lines]));
      expect(got).toEqual(want);
      // every category for every group, the uncoded last
      expect(res.body.rows.length).toBe((CATS.length + 1) * groupTotal.size);
      expect(res.body.rows.at(-1)!.uncoded).toBe(true);
      for (const r of res.body.rows) expect(r.share).toBeCloseTo(r.lines / groupTotal.get(r.key)!, 9);
    }
  });

  it("exports the distribution as CSV with its provenance", async () => {
    const res = await fetch(`${app.url}/api/export/codingDistribution?coding=${id}&by=sector`);
    expect(res.status).toBe(200);
    const { comments, records } = parseExportCsv(await res.text());
    expect(records[0]).toEqual(["category", "uncoded", "key", "lines", "share"]);
    expect(comments.join("\n")).toContain("/api/codingDistribution");
    expect(comments.join("\n")).toContain(id);
    const sum = (cat: string) => records.slice(1).filter((r) => r[0] === cat).reduce((n, r) => n + Number(r[3]), 0);
    expect(sum("无关")).toBe([...assigned.values()].filter((c) => c === "无关").length);
    expect(comments.at(-1)).toBe(`rows: ${records.length - 1}`);
  });

  it("breakdown, its by-report rows and trends leave out the 无关 lines: the recount minus those lines", async () => {
    const excluded = new Map<string, number>();
    for (const l of lines) if (assigned.get(keyOf(l)) === "无关") excluded.set(l.reportId, (excluded.get(l.reportId) ?? 0) + 1);
    const nExcluded = [...excluded.values()].reduce((a, b) => a + b, 0);
    expect(nExcluded).toBeGreaterThan(5);
    const per = live.map((r) => ({ r, all: recount(streams.get(r.id)!), kept: recount(streams.get(r.id)!) - (excluded.get(r.id) ?? 0) }));
    // some report held only 无关 lines: it no longer holds the term
    const emptied = per.filter((p) => p.all > 0 && p.kept === 0).length;

    const plain = await getJson<Breakdown>(app.url, `/api/breakdown?term=${T}&by=sector`);
    const out = await getJson<Breakdown>(app.url, `/api/breakdown?term=${T}&by=sector&coding=${id}&exclude=${encodeURIComponent("无关")}`);
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect(out.body.excluded).toEqual({ coding: id, categories: ["无关"], lines: nExcluded, stale: 0 });
    const bySector = (f: (p: (typeof per)[number]) => number) => {
      const m = new Map<string, number>();
      for (const p of per) m.set(p.r.sector, (m.get(p.r.sector) ?? 0) + f(p));
      return m;
    };
    const wantAll = bySector((p) => p.all);
    const wantKept = bySector((p) => p.kept);
    const wantDocs = bySector((p) => (p.kept > 0 ? 1 : 0));
    for (const row of plain.body.rows) expect(row.count, row.key).toBe(wantAll.get(row.key));
    for (const row of out.body.rows) {
      expect(row.count, row.key).toBe(wantKept.get(row.key));
      expect(row.docs, row.key).toBe(wantDocs.get(row.key));
    }
    expect(out.body.rows.reduce((n, r) => n + r.count, 0)).toBe(plain.body.rows.reduce((n, r) => n + r.count, 0) - nExcluded);
    expect(out.body.rows.reduce((n, r) => n + r.docs, 0)).toBe(plain.body.rows.reduce((n, r) => n + r.docs, 0) - emptied);

    // the dispersion rows: every report's count less its excluded lines
    const byReport = await getJson<Breakdown>(app.url, `/api/breakdown?term=${T}&by=report&coding=${id}&exclude=${encodeURIComponent("无关")}`);
    const kept = new Map(per.map((p) => [p.r.id, p.kept]));
    for (const row of byReport.body.rows) expect(row.count, row.key).toBe(kept.get(row.key));

    // two categories at once
    const two = await getJson<Breakdown>(app.url, `/api/breakdown?term=${T}&coding=${id}&exclude=${encodeURIComponent("无关")}&exclude=${encodeURIComponent("套话")}`);
    expect(two.body.excluded!.lines).toBe([...assigned.values()].filter((c) => c !== "实指").length);

    // trends of the one term, by year
    const tr = await getJson<{ years: { year: number }[]; terms: { series: { year: number; count: number }[] }[]; excluded?: { lines: number } }>(
      app.url,
      `/api/trends?terms=${T}&minYears=3&coding=${id}&exclude=${encodeURIComponent("无关")}`,
    );
    expect(tr.status, JSON.stringify(tr.body)).toBe(200);
    expect(tr.body.excluded!.lines).toBe(nExcluded);
    const byYear = new Map<number, number>();
    for (const p of per) if (p.r.year !== null) byYear.set(p.r.year, (byYear.get(p.r.year) ?? 0) + p.kept);
    for (const s of tr.body.terms[0].series) expect(s.count, String(s.year)).toBe(byYear.get(s.year));

    // the breakdown's CSV export follows the exclusion too
    const csv = parseExportCsv(await (await fetch(`${app.url}/api/export/breakdown?term=${T}&coding=${id}&exclude=${encodeURIComponent("无关")}`)).text());
    const col = csv.records[0].indexOf("count");
    expect(csv.records.slice(1).reduce((n, r) => n + Number(r[col]), 0)).toBe(plain.body.rows.reduce((n, r) => n + r.count, 0) - nExcluded);
  });

  it("follows a recoding at once (no stale cached count)", async () => {
    const oneMore = lines.find((l) => assigned.get(keyOf(l)) === "实指")!;
    const before = await getJson<Breakdown>(app.url, `/api/breakdown?term=${T}&coding=${id}&exclude=${encodeURIComponent("无关")}`);
    expect((await send("PUT", `/api/codings/${id}/assignments`, { set: { [keyOf(oneMore)]: "无关" } })).status).toBe(200);
    const after = await getJson<Breakdown>(app.url, `/api/breakdown?term=${T}&coding=${id}&exclude=${encodeURIComponent("无关")}`);
    expect(after.body.excluded!.lines).toBe(before.body.excluded!.lines + 1);
    expect(after.body.rows.reduce((n, r) => n + r.count, 0)).toBe(before.body.rows.reduce((n, r) => n + r.count, 0) - 1);
    expect((await send("PUT", `/api/codings/${id}/assignments`, { set: { [keyOf(oneMore)]: "实指" } })).status).toBe(200);
  });

  it("bad input is a 400 with a message, and nothing is changed", async () => {
    const ex = encodeURIComponent("无关");
    const cases: [string, RegExp][] = [
      [`/api/breakdown?term=${T}&coding=${id}&exclude=${encodeURIComponent("没有")}`, /no category "没有"/],
      [`/api/breakdown?term=${T}&coding=abcdefabcdef&exclude=${ex}`, /no coding/],
      [`/api/breakdown?term=${T}&sector=hospital&coding=${id}&exclude=${ex}`, /must be the same/],
      [`/api/breakdown?term=${encodeURIComponent("工会")}&coding=${id}&exclude=${ex}`, /must be the same/],
      [`/api/breakdown?term=${T}&exclude=${ex}`, /coding=<id>/],
      [`/api/breakdown?term=${T}&coding=${id}`, /exclude=<category>/],
      [`/api/trends?terms=${encodeURIComponent("职代会\n工会")}&coding=${id}&exclude=${ex}`, /one term/],
      [`/api/coding-distribution?coding=nope`, /not a coding id/],
    ];
    for (const [path, message] of cases) {
      const res = await getJson<{ error: { message: string } }>(app.url, path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message, path).toMatch(message);
    }
    const line = keyOf(lines[1]);
    const writes: [string, string, unknown, RegExp][] = [
      ["PUT", `/api/codings/${id}/assignments`, { set: { [line]: "没有" } }, /no category "没有"/],
      ["PUT", `/api/codings/${id}/assignments`, { set: { [`${lines[1].reportId}:999999`]: "无关" } }, /no line/],
      ["PUT", `/api/codings/${id}/assignments`, { set: { nonsense: "无关" } }, /<reportId>:<offset>/],
      ["PUT", "/api/codings", { query: { term: TERM }, categories: [{ name: "实指" }, { name: "套话" }] }, /"无关" still has/],
      ["PUT", "/api/codings", { query: { term: TERM }, categories: [{ name: "甲" }, { name: "甲" }] }, /given twice/],
      ["PUT", "/api/codings", { query: { term: TERM }, categories: [] }, /at least one category/],
      ["PUT", "/api/codings", { query: { term: " " }, categories: [{ name: "甲" }] }, /term is required/],
      ["PUT", "/api/codings", { query: { term: TERM }, categories: [{ name: "(uncoded)" }, { name: "实指" }, { name: "套话" }, { name: "无关" }] }, /name of the uncoded lines/],
    ];
    for (const [method, path, body, message] of writes) {
      const res = await send(method, path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error!.message, JSON.stringify(body)).toMatch(message);
    }
    expect((await getJson<Answer>(app.url, `/api/codings/${id}`)).body.coding!.assignments[line]).toBe(assigned.get(line));
    expect((await getJson(app.url, "/api/codings/0123456789ab")).status).toBe(404);
  });

  it("is kept in data/codings.json (0600) and survives a restart", async () => {
    expect(statSync(join(app.dataDir, "codings.json")).mode & 0o777).toBe(0o600);
    await app.restart();
    const res = await getJson<Answer>(app.url, `/api/codings/${id}`);
    expect(res.status).toBe(200);
    expect(new Map(Object.entries(res.body.coding!.assignments))).toEqual(assigned);
    expect(res.body.coding!.categories.map((c) => c.name)).toEqual(CATS);
  }, 60_000);

  it("a reindex that removes a coded report's source reports its lines as stale, keeps them, and counts without them", async () => {
    // the source holding the most coded lines
    const sourceOf = new Map(live.map((r) => [r.id, r.source]));
    const perSource = new Map<string, string[]>();
    for (const k of assigned.keys()) {
      const s = sourceOf.get(k.split(":")[0])!;
      perSource.set(s, [...(perSource.get(s) ?? []), k]);
    }
    const [source, gone] = [...perSource].sort((a, b) => b[1].length - a[1].length)[0];
    expect(gone.length).toBeLessThan(assigned.size);
    const job = await send<{ id: string }>("POST", "/api/jobs", { remove: [source] });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    for (let i = 0; ; i++) {
      const j = await getJson<{ state: string }>(app.url, `/api/jobs/${job.body.id}`);
      if (j.body.state !== "running") {
        expect(j.body.state).toBe("done");
        break;
      }
      if (i > 1200) throw new Error("the removal did not finish");
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await getJson<Answer>(app.url, `/api/codings/${id}`);
    expect(res.body.stale.map((s) => s.line).sort()).toEqual([...gone].sort());
    expect(Object.keys(res.body.coding!.assignments).length).toBe(assigned.size);
    expect(res.body.coded).toBe(assigned.size - gone.length);
    const staleIrrelevant = gone.filter((k) => assigned.get(k) === "无关").length;
    const out = await getJson<Breakdown>(app.url, `/api/breakdown?term=${T}&coding=${id}&exclude=${encodeURIComponent("无关")}`);
    expect(out.body.excluded!.stale).toBe(staleIrrelevant);
    expect(out.body.excluded!.lines).toBe([...assigned.values()].filter((c) => c === "无关").length - staleIrrelevant);
  }, 150_000);

  it("is deleted", async () => {
    expect((await send("DELETE", `/api/codings/${id}`)).body).toEqual({ deleted: id });
    expect((await getJson(app.url, `/api/codings/${id}`)).status).toBe(404);
  });
});

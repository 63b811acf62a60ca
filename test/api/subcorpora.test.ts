// Named subcorpora (issue 26 item 1) on a corpus with sectors and years (test/fixtures/trends-corpus.ts).
// Every count a view gives over a subcorpus is checked against a recount written here from the
// store's reports and tokens (plain loops over metadata and token streams, never the product's
// selection or matching): search totals and facet counts, the word list, KWIC, keyness sides.
// Then: unknown ids are 400s, a hand-picked report that leaves the corpus is listed as missing,
// everything survives a reindex and a restart, an edit is a new revision (never a cached answer
// of the old one), and an export's provenance names the subcorpus with its definition.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, startApp, type TestApp } from "../helpers/app.ts";
import { isWordToken } from "../helpers/recount.ts";
import { FEW_YEARS, RISING, STEADY, writeTrendsCorpus } from "../fixtures/trends-corpus.ts";

let app: TestApp;
let corpusDir: string;
let live: Report[];
let wordsOf: Map<string, string[]>;

function reload() {
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  wordsOf = new Map(entries.map((e) => [e.report.id, e.tokens.filter(isWordToken)]));
}

beforeAll(async () => {
  corpusDir = writeTrendsCorpus();
  app = await startApp({ corpus: corpusDir });
  reload();
});
afterAll(async () => {
  await app?.stop();
  rmSync(corpusDir, { recursive: true, force: true });
});

/** a subcorpus as the API answers it, or an error */
type Answer = { id: string; rev: number; by: string; at: { reports: number; words: number }; now: { reports: number; words: number }; missing: string[]; error: { message: string } };

async function send(method: string, path: string, body?: unknown) {
  const res = await fetch(app.url + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Answer };
}

const count = (r: Report, w: string) => wordsOf.get(r.id)!.filter((t) => t === w).length;
const wordsIn = (rs: Report[]) => rs.reduce((n, r) => n + wordsOf.get(r.id)!.length, 0);
const hospital1520 = () => live.filter((r) => r.sector === "hospital" && r.year !== null && r.year >= 2015 && r.year <= 2020);
const agency = () => live.filter((r) => r.sector === "agency");

describe("named subcorpora", () => {
  it("the fixture has hospital and agency reports over several years (what the rest relies on)", () => {
    expect(hospital1520().length).toBeGreaterThanOrEqual(4);
    expect(new Set(hospital1520().map((r) => r.year)).size).toBeGreaterThanOrEqual(3);
    expect(agency().length).toBeGreaterThanOrEqual(4);
  });

  it("saves a query-plus-filters subcorpus with its size then, and lists it", async () => {
    const made = await send("POST", "/api/subcorpora", { name: "hospital reports 2015–2020", description: "医院 2015–2020", by: "测试员", definition: { kind: "filters", filters: { sector: ["hospital"], yearFrom: 2015, yearTo: 2020 } } });
    expect(made.status).toBe(201);
    expect(made.body.id).toBe("hospital-reports-2015-2020");
    const expected = hospital1520();
    expect(made.body.at.reports).toBe(expected.length);
    expect(made.body.at.words).toBe(wordsIn(expected));
    expect(made.body.now).toEqual({ reports: expected.length, words: wordsIn(expected) });
    expect(made.body.by).toBe("测试员");
    expect(made.body.rev).toBe(1);
    const ag = await send("POST", "/api/subcorpora", { name: "agency reports", by: "李老师", definition: { kind: "filters", filters: { sector: ["agency"] } } });
    expect(ag.status).toBe(201);
    expect(ag.body.now.reports).toBe(agency().length);
    // kept in the data folder, private to its owner
    expect(statSync(join(app.dataDir, "subcorpora.json")).mode & 0o777).toBe(0o600);
    const list = await getJson<{ subcorpora: { id: string; missing: string[] }[] }>(app.url, "/api/subcorpora");
    expect(list.body.subcorpora.map((s) => s.id)).toEqual(["hospital-reports-2015-2020", "agency-reports"]);
    // a taken id, an unknown report, a query with no word: 400s naming the field
    const taken = await send("POST", "/api/subcorpora", { name: "again", id: "agency-reports", definition: { kind: "filters", filters: {} } });
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toContain("agency-reports");
    const unknown = await send("POST", "/api/subcorpora", { name: "picked", definition: { kind: "reports", ids: ["nope-123"] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("nope-123");
    const bad = await send("POST", "/api/subcorpora", { name: "", definition: { kind: "filters", filters: {} } });
    expect(bad.status).toBe(400);
  });

  it("search, its facet counts and the document table count only the subcorpus's reports", async () => {
    const sub = hospital1520();
    const all = await getJson<{ total: number; facets: Record<string, Record<string, number>> }>(app.url, "/api/search?subcorpus=hospital-reports-2015-2020&perPage=100");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(sub.length);
    const byYear: Record<string, number> = {};
    for (const r of sub) byYear[String(r.year)] = (byYear[String(r.year)] ?? 0) + 1;
    expect(all.body.facets.year).toEqual(byYear);
    expect(all.body.facets.sector).toEqual({ hospital: sub.length });
    // a word query inside it, and a filter on top of it (a year it holds)
    const holding = sub.filter((r) => count(r, RISING) > 0);
    const q = await getJson<{ total: number }>(app.url, `/api/search?subcorpus=hospital-reports-2015-2020&q=${encodeURIComponent(RISING)}`);
    expect(q.body.total).toBe(holding.length);
    const year = sub[0].year!;
    const narrowed = await getJson<{ total: number; facets: Record<string, Record<string, number>> }>(app.url, `/api/search?subcorpus=hospital-reports-2015-2020&year=${year}`);
    expect(narrowed.body.total).toBe(sub.filter((r) => r.year === year).length);
    // the year facet is disjunctive: still every year of the subcorpus
    expect(narrowed.body.facets.year).toEqual(byYear);
    // substring search (corpus image, the pool) selects the same reports
    const sstr = await getJson<{ total: number }>(app.url, `/api/search?subcorpus=hospital-reports-2015-2020&match=substring&q=${encodeURIComponent(STEADY)}`);
    expect(sstr.body.total).toBe(sub.filter((r) => r.text.includes(STEADY)).length);
    const table = await getJson<{ total: number; reports: { id: string }[] }>(app.url, "/api/reports?subcorpus=hospital-reports-2015-2020&perPage=100");
    expect(table.body.reports.map((r) => r.id).sort()).toEqual(sub.map((r) => r.id).sort());
  });

  it("the word list and KWIC count over the subcorpus", async () => {
    const sub = hospital1520();
    const freq = await getJson<{ totalTokens: number; rows: { term: string; count: number; docs: number }[] }>(app.url, "/api/frequency?subcorpus=hospital-reports-2015-2020&limit=5000");
    expect(freq.status).toBe(200);
    expect(freq.body.totalTokens).toBe(wordsIn(sub));
    for (const w of [STEADY, RISING]) {
      const row = freq.body.rows.find((x) => x.term === w)!;
      expect(row.count, w).toBe(sub.reduce((n, r) => n + count(r, w), 0));
      expect(row.docs, w).toBe(sub.filter((r) => count(r, w) > 0).length);
    }
    const k = await getJson<{ total: number; reports: number; lines: { reportId: string }[] }>(app.url, `/api/kwic?subcorpus=hospital-reports-2015-2020&term=${encodeURIComponent(RISING)}&perPage=500`);
    expect(k.body.total).toBe(sub.reduce((n, r) => n + count(r, RISING), 0));
    expect(k.body.reports).toBe(sub.filter((r) => count(r, RISING) > 0).length);
    const ids = new Set(sub.map((r) => r.id));
    expect(k.body.lines.every((l) => ids.has(l.reportId))).toBe(true);
  });

  it("/compare's keyness takes a subcorpus on each side", async () => {
    const res = await getJson<{ totals: { a: number; b: number }; rows: { term: string; a: { count: number }; b: { count: number } }[] }>(app.url, "/api/keyness?a.subcorpus=hospital-reports-2015-2020&b.subcorpus=agency-reports&min=1&limit=1000");
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ a: wordsIn(hospital1520()), b: wordsIn(agency()) });
    const row = res.body.rows.find((r) => r.term === RISING)!;
    expect(row.a.count).toBe(hospital1520().reduce((n, r) => n + count(r, RISING), 0));
    expect(row.b.count).toBe(agency().reduce((n, r) => n + count(r, RISING), 0));
  });

  it("an unknown subcorpus is a 400 naming it, in every view and on either side", async () => {
    for (const path of ["/api/search?subcorpus=no-such", "/api/frequency?subcorpus=no-such", "/api/kwic?term=x&subcorpus=no-such", "/api/keyness?a.sector=hospital&b.subcorpus=no-such", "/api/export/frequency?subcorpus=no-such"]) {
      const res = await getJson<{ error: { code: string; message: string; field?: string } }>(app.url, path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message, path).toContain("no-such");
    }
    const bad = await getJson<{ error: { code: string } }>(app.url, "/api/search?subcorpus=Not%20An%20Id");
    expect(bad.status).toBe(400);
    expect((await getJson(app.url, "/api/subcorpora/no-such")).status).toBe(404);
  });

  it("the reports of a concordance's hits make a subcorpus", async () => {
    const made = await send("POST", "/api/subcorpora", { name: "书屋 hits", id: "shuwu-hits", definition: { kind: "hits", term: FEW_YEARS, filters: {} } });
    expect(made.status).toBe(201);
    const holding = live.filter((r) => count(r, FEW_YEARS) > 0);
    expect(holding.length).toBeGreaterThan(0);
    expect(made.body.now.reports).toBe(holding.length);
    const table = await getJson<{ reports: { id: string }[] }>(app.url, "/api/reports?subcorpus=shuwu-hits&perPage=100");
    expect(table.body.reports.map((r) => r.id).sort()).toEqual(holding.map((r) => r.id).sort());
  });

  it("an edit is a new revision: the views follow at once (no cached answer of the old one), and the export's provenance names the definition", async () => {
    const before = await getJson<{ totalTokens: number }>(app.url, "/api/frequency?subcorpus=agency-reports");
    expect(before.body.totalTokens).toBe(wordsIn(agency()));
    const edited = await send("PUT", "/api/subcorpora/agency-reports", { name: "agency reports", description: "only 2018 and later", definition: { kind: "filters", filters: { sector: ["agency"], yearFrom: 2018 } } });
    expect(edited.status).toBe(200);
    expect(edited.body.rev).toBe(2);
    // who made it stays (the edit named nobody)
    expect(edited.body.by).toBe("李老师");
    const later = agency().filter((r) => r.year !== null && r.year >= 2018);
    expect(later.length).toBeLessThan(agency().length);
    const after = await getJson<{ totalTokens: number }>(app.url, "/api/frequency?subcorpus=agency-reports");
    expect(after.body.totalTokens).toBe(wordsIn(later));

    const csv = await getJson<string>(app.url, "/api/export/frequency?subcorpus=agency-reports");
    expect(csv.status).toBe(200);
    const line = csv.body.split("\r\n").find((l) => l.startsWith("# subcorpus: "));
    expect(line).toBeDefined();
    expect(line).toContain('agency-reports "agency reports" rev 2');
    expect(line).toContain(`${later.length} reports`);
    expect(line).toContain(JSON.stringify({ kind: "filters", filters: { sector: ["agency"], yearFrom: 2018 } }));
    const json = await getJson<{ provenance: { subcorpora: { parameter: string; id: string; rev: number; reports: number; definition: unknown }[] } }>(app.url, "/api/export/kwic?format=json&term=" + encodeURIComponent(STEADY) + "&subcorpus=agency-reports");
    expect(json.body.provenance.subcorpora).toMatchObject([{ parameter: "subcorpus", id: "agency-reports", rev: 2, reports: later.length, definition: { kind: "filters", filters: { sector: ["agency"], yearFrom: 2018 } } }]);

    // the Parquet export of the subcorpus: exactly its reports, and its key-value metadata names it
    const res = await fetch(`${app.url}/api/export/parquet?table=reports&subcorpus=agency-reports`);
    expect(res.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), "wenyuan-subcorpus-parquet-"));
    const file = join(dir, "reports.parquet");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    try {
      const ids = (await con.runAndReadAll(`SELECT id FROM read_parquet('${file}') ORDER BY id`)).getRowObjectsJson().map((r) => r.id);
      expect(ids).toEqual(later.map((r) => r.id).sort());
      const meta = (await con.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`)).getRowObjectsJson() as { key: string; value: string }[];
      const named = JSON.parse(meta.find((m) => m.key === "subcorpus")!.value) as { id: string; rev: number; reports: number; definition: unknown };
      expect(named).toMatchObject({ id: "agency-reports", rev: 2, reports: later.length, definition: { kind: "filters", filters: { sector: ["agency"], yearFrom: 2018 } } });
    } finally {
      con.closeSync();
      db.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a hand-picked report that leaves the corpus is listed as missing, never dropped; all of it survives a reindex and a restart", async () => {
    const picked = hospital1520().slice(0, 3);
    const made = await send("POST", "/api/subcorpora", { name: "three picked", id: "picked", definition: { kind: "reports", ids: picked.map((r) => r.id) } });
    expect(made.status).toBe(201);
    expect(made.body.now.reports).toBe(3);
    expect(made.body.missing).toEqual([]);
    // its first report's file leaves the corpus folder; the index follows
    rmSync(join(app.corpusDir, picked[0].source), { force: true });
    await app.reindex();
    reload();
    expect(live.some((r) => r.id === picked[0].id)).toBe(false);
    const check = async () => {
      const one = await getJson<{ now: { reports: number }; missing: string[]; definition: { ids: string[] }; at: { reports: number } }>(app.url, "/api/subcorpora/picked");
      expect(one.status).toBe(200);
      expect(one.body.missing).toEqual([picked[0].id]);
      expect(one.body.definition.ids).toEqual(picked.map((r) => r.id));
      expect(one.body.at.reports).toBe(3);
      expect(one.body.now.reports).toBe(2);
      const s = await getJson<{ total: number }>(app.url, "/api/search?subcorpus=picked");
      expect(s.body.total).toBe(2);
    };
    await check();
    await app.restart();
    await check();
    const list = await getJson<{ subcorpora: { id: string }[] }>(app.url, "/api/subcorpora");
    expect(list.body.subcorpora.map((s) => s.id)).toEqual(["hospital-reports-2015-2020", "agency-reports", "shuwu-hits", "picked"]);
    // the hospital subcorpus is re-evaluated on the corpus as it is now
    const hosp = await getJson<{ now: { reports: number }; at: { reports: number } }>(app.url, "/api/subcorpora/hospital-reports-2015-2020");
    expect(hosp.body.now.reports).toBe(hospital1520().length);
    expect(hosp.body.at.reports).toBe(hospital1520().length + 1);
  });

  it("deleting a subcorpus makes naming it a 400", async () => {
    const del = await send("DELETE", "/api/subcorpora/shuwu-hits");
    expect(del.status).toBe(200);
    expect((await getJson(app.url, "/api/search?subcorpus=shuwu-hits")).status).toBe(400);
  });
});

// Batch queries (/api/batch, issue 26 item 4): a list of terms by sector over the bundled corpus.
// Every cell is recounted here from the corpus store's token streams with plain loops (the KWIC
// word-mode rule: a term's words adjacent, any of its synonyms, the longest where two start
// together, none overlapping) — not through the product's match code; the CSV export holds every
// row with its provenance; a bad list is a 400 naming the line.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { countSequences, termAlternatives, tokenStreams } from "../helpers/recount.ts";
import { parseExportCsv } from "../helpers/csv.ts";

let app: TestApp;
let reports: Report[];
let streams: Map<string, string[]>;

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  const { entries } = readStore(app.dataDir);
  reports = entries.map((e) => e.report);
  streams = tokenStreams(entries);
});
afterAll(() => app?.stop());

/** ten lines: plain terms, a label with synonyms, synonyms without a label, full-width separators, a comment and a blank line */
const LIST = [
  "职代会",
  "民主管理: 职工代表大会|厂务公开",
  "劳动竞赛",
  "送温暖|困难职工",
  "# a comment line",
  "",
  "安全生产",
  "职工之家",
  "技能：技能竞赛｜技术比武",
  "工会",
  "会员",
  "女职工",
];
const TERMS: { label: string; variants: string[] }[] = LIST.filter((l) => l.trim() && !l.startsWith("#")).map((l) => {
  const [a, b] = l.split(/[:：]/);
  const variants = (b ?? a).split(/[|｜]/).map((v) => v.trim());
  return { label: b === undefined ? variants[0] : a.trim(), variants };
});

/** occurrences of any alternative in a stream, longest first where two start together, none overlapping */
const recount = (stream: string[], variants: string[]): number => countSequences(stream, termAlternatives(variants));

type Row = { label: string; key: string; key2?: string | null; count: number; docs: number; totalDocs: number; per10k: number };

/** A cell's group: the sector, or with a second grouping the sector and the year ("unknown" when the report has none). */
const sectorOf = (r: Report) => r.sector;
const sectorYear = (r: Report) => `${r.sector}/${r.year ?? "unknown"}`;

function expected(groupOf: (r: Report) => string = sectorOf): Row[] {
  const live = reports.filter((r) => r.kind === "report" && r.duplicateOf === null);
  const out: Row[] = [];
  for (const t of TERMS) {
    const bySector = new Map<string, { count: number; docs: number; totalDocs: number; chars: number }>();
    for (const r of live) {
      const g = bySector.get(groupOf(r)) ?? { count: 0, docs: 0, totalDocs: 0, chars: 0 };
      const n = recount(streams.get(r.id)!, t.variants);
      g.count += n;
      if (n) g.docs++;
      g.totalDocs++;
      g.chars += r.text.length;
      bySector.set(groupOf(r), g);
    }
    for (const [key, g] of bySector) out.push({ label: t.label, key, count: g.count, docs: g.docs, totalDocs: g.totalDocs, per10k: (g.count / g.chars) * 10_000 });
  }
  return out;
}

const list = encodeURIComponent(LIST.join("\n"));
const byCell = <R extends { label: string; key: string }>(rows: R[]) => [...rows].sort((a, b) => (a.label + a.key < b.label + b.key ? -1 : 1));

describe("batch queries", () => {
  it("every cell's occurrences and report count equal the recount from the token streams", async () => {
    const res = await getJson<{ by: string; terms: { label: string; line: number; matches: string[] }[]; rows: Row[] }>(app.url, `/api/batch?by=sector&terms=${list}`);
    expect(res.status).toBe(200);
    expect(res.body.terms.map((t) => t.label)).toEqual(TERMS.map((t) => t.label));
    expect(res.body.terms[1].line).toBe(2);
    const want = expected();
    expect(want.length).toBeGreaterThan(TERMS.length * 2);
    // a list with few hits would prove little: most terms occur
    expect(want.filter((r) => r.count > 0).length).toBeGreaterThan(want.length / 2);
    const got = byCell(res.body.rows);
    expect(got.map((r) => [r.label, r.key, r.count, r.docs, r.totalDocs])).toEqual(byCell(want).map((r) => [r.label, r.key, r.count, r.docs, r.totalDocs]));
    const w = new Map(want.map((r) => [`${r.label}\u0001${r.key}`, r.per10k]));
    for (const r of got) expect(r.per10k).toBeCloseTo(w.get(`${r.label}\u0001${r.key}`)!, 6);
    // the list's order, groups as breakdown orders them
    expect([...new Set(res.body.rows.map((r) => r.label))]).toEqual(TERMS.map((t) => t.label));
  });

  it("then=year breaks each sector down by year: the term × sector × year matrix, every cell the recount's", async () => {
    const res = await getJson<{ then: string | null; rows: Row[] }>(app.url, `/api/batch?by=sector&then=year&terms=${list}`);
    expect(res.status).toBe(200);
    expect(res.body.then).toBe("year");
    const want = expected(sectorYear);
    // more cells than by sector alone: some sector has reports of more than one year (or a known and an unknown one)
    expect(want.length).toBeGreaterThan(expected().length);
    const got = byCell(res.body.rows.map((r) => ({ ...r, key: `${r.key}/${r.key2}` })));
    expect(got.map((r) => [r.label, r.key, r.count, r.docs, r.totalDocs])).toEqual(byCell(want).map((r) => [r.label, r.key, r.count, r.docs, r.totalDocs]));
    const csv = parseExportCsv(await (await fetch(`${app.url}/api/export/batch?by=sector&then=year&terms=${list}`)).text());
    expect(csv.records[0].slice(0, 3)).toEqual(["label", "key", "key2"]);
    expect(csv.records.length - 1).toBe(want.length);
    const same = await getJson<{ error: { field: string; message: string } }>(app.url, `/api/batch?by=year&then=year&terms=${list}`);
    expect(same.status).toBe(400);
    expect(same.body.error.message).toMatch(/then: must differ from by/);
  });

  it("the CSV export holds every row, with the provenance block and the row count", async () => {
    const res = await fetch(`${app.url}/api/export/batch?by=sector&terms=${list}`);
    expect(res.status).toBe(200);
    const { comments, records } = parseExportCsv(await res.text());
    const want = expected();
    expect(records[0].slice(0, 5)).toEqual(["label", "key", "key2", "count", "docs"]);
    expect(records.length - 1).toBe(want.length);
    expect(comments.at(-1)).toBe(`rows: ${want.length}`);
    expect(comments.join("\n")).toMatch(/\/api\/batch/);
    expect(comments.join("\n")).toContain("民主管理");
    const csvCells = byCell(records.slice(1).map(([label, key, , count, docs]) => ({ label, key, count: Number(count), docs: Number(docs) })));
    expect(csvCells.map((r) => [r.label, r.key, r.count, r.docs])).toEqual(byCell(want).map((r) => [r.label, r.key, r.count, r.docs]));
  });

  it("the Parquet export holds every row, typed, with the provenance in its metadata, read back with DuckDB", async () => {
    const res = await fetch(`${app.url}/api/export/batch?by=sector&then=year&terms=${list}&format=parquet`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/parquet/);
    const dir = mkdtempSync(join(tmpdir(), "wenyuan-batch-parquet-"));
    const file = join(dir, "batch.parquet");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    try {
      const read = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
      const rows = await read(`SELECT label, key, key2, count, docs, totalDocs, typeof(count) AS t, typeof(per10k) AS tr FROM read_parquet('${file}')`);
      const want = expected(sectorYear);
      expect(rows.length).toBe(want.length);
      expect(rows[0].t).toBe("BIGINT");
      expect(rows[0].tr).toBe("DOUBLE");
      const got = byCell(rows.map((r) => ({ label: String(r.label), key: `${r.key}/${r.key2}`, count: Number(r.count), docs: Number(r.docs), totalDocs: Number(r.totalDocs) })));
      expect(got.map((r) => [r.label, r.key, r.count, r.docs, r.totalDocs])).toEqual(byCell(want).map((r) => [r.label, r.key, r.count, r.docs, r.totalDocs]));
      const meta = new Map((await read(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file}')`)).map((m) => [String(m.k), String(m.v)]));
      expect(meta.get("wenyuan.endpoint")).toBe("/api/batch");
      expect(meta.get("wenyuan.rows")).toBe(String(want.length));
      expect(JSON.parse(meta.get("wenyuan.parameters")!)).toMatchObject({ by: "sector", then: "year" });
      expect(meta.get("wenyuan.corpus.fingerprint")).toMatch(/^sha256:[0-9a-f]{16,}$/);
    } finally {
      con.closeSync();
      db.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a bad list is a 400 whose message names the line", async () => {
    const bad = async (terms: string, message: RegExp) => {
      const res = await getJson<{ error: { message: string } }>(app.url, `/api/batch?terms=${encodeURIComponent(terms)}`);
      expect(res.status, terms).toBe(400);
      expect(res.body.error.message, terms).toMatch(message);
    };
    await bad("", /no term/);
    await bad("\n# only a comment\n", /no term/);
    await bad("职代会\n: 工会", /line 2: a label is missing/);
    await bad("职代会\n工会\n民主管理: 职代会||厂务公开", /line 3: an empty term/);
    await bad("a: b: c", /line 1: more than one colon/);
    await bad("职代会\n工会|职代会\n职代会", /line 3: the label "职代会" is already used on line 1/);
    await bad("职代会\n%%", /line 2: "%%" has no word/);
    await bad(Array.from({ length: 201 }, (_, i) => `词${i}`).join("\n"), /line 201: more than 200 terms/);
    const missing = await getJson<{ error: { message: string } }>(app.url, `/api/batch`);
    expect(missing.status).toBe(400);
  });
});

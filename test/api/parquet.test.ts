// The corpus as Parquet (issue 16), read back with DuckDB: the word list and a keyness table
// recomputed in SQL equal the API's figures; the file names its corpus in its metadata. The SQL
// here is the SQL the README shows.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest, readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let dir: string;
let db: DuckDBInstance;
let con: DuckDBConnection;

async function download(table: string): Promise<string> {
  const res = await fetch(`${app.url}/api/export/parquet?table=${table}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/parquet/);
  const file = join(dir, `${table}.parquet`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  dir = mkdtempSync(join(tmpdir(), "wenyuan-parquet-test-"));
  db = await DuckDBInstance.create(":memory:");
  con = await db.connect();
  const reports = await download("reports");
  const tokens = await download("tokens");
  await con.run(`CREATE VIEW reports AS SELECT * FROM read_parquet('${reports}')`);
  await con.run(`CREATE VIEW tokens AS SELECT * FROM read_parquet('${tokens}')`);
});
afterAll(async () => {
  con?.closeSync();
  db?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await app?.stop();
});

// The README's SQL: canonical reports (no excerpts, no duplicate copies), words only.
const WORDS = `
  SELECT t.token, t.report_id, r.sector, t.is_stopword
  FROM tokens t JOIN reports r ON r.id = t.report_id
  WHERE t.is_word AND r.kind = 'report' AND r.duplicate_of IS NULL`;

const WORD_LIST = `
  WITH w AS (${WORDS}),
       size AS (SELECT sum(chars) AS chars, sum(words) AS words FROM reports WHERE kind = 'report' AND duplicate_of IS NULL)
  SELECT token AS term, count(*) AS count, count(DISTINCT report_id) AS docs,
         count(*) / any_value(size.chars) * 10000 AS per10k, count(*) / any_value(size.words) * 1e6 AS per_million
  FROM w, size WHERE NOT is_stopword
  GROUP BY token ORDER BY count DESC, term LIMIT 200`;

const KEYNESS = `
  WITH w AS (${WORDS}),
       f AS (SELECT token AS term, count(*) FILTER (WHERE sector = 'hospital') AS a, count(*) FILTER (WHERE sector = 'agency') AS b FROM w GROUP BY token),
       n AS (SELECT count(*) FILTER (WHERE sector = 'hospital') AS c, count(*) FILTER (WHERE sector = 'agency') AS d FROM w),
       e AS (SELECT term, a, b, c, d, c * (a + b) / (c + d) AS e1, d * (a + b) / (c + d) AS e2 FROM f, n WHERE a + b >= 5)
  SELECT term, a, b,
         CASE WHEN a / c >= b / d THEN 2 ELSE -2 END * (CASE WHEN a > 0 THEN a * ln(a / e1) ELSE 0 END + CASE WHEN b > 0 THEN b * ln(b / e2) ELSE 0 END) AS g2,
         log2((CASE WHEN a > 0 THEN a ELSE 0.5 END / c) / (CASE WHEN b > 0 THEN b ELSE 0.5 END / d)) AS log_ratio
  FROM e`;

describe("the corpus as Parquet, read with DuckDB", () => {
  it("holds every report and every token; tokens rebuild each report's text at their offsets; the metadata names the corpus", async () => {
    const { entries } = readStore(app.dataDir);
    const [{ n }] = await rows("SELECT count(*)::INT AS n FROM reports");
    expect(n).toBe(entries.length);
    const one = entries.find((e) => e.report.kind === "report")!;
    const toks = await rows(`SELECT token, start FROM tokens WHERE report_id = '${one.report.id}' ORDER BY position`);
    expect(toks.map((t) => t.token).join("")).toBe(one.report.text);
    for (const t of toks.slice(0, 50)) expect(one.report.text.slice(Number(t.start), Number(t.start) + String(t.token).length)).toBe(t.token);
    const meta = await rows(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${join(dir, "tokens.parquet")}')`);
    const m = Object.fromEntries(meta.map((x) => [x.key, x.value]));
    expect(m.table).toBe("tokens");
    expect(Number(m.generation)).toBe(readManifest(app.dataDir)!.generation);
    expect(m.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("reproduces the word list (count, reports, per 10k, per million) in SQL", async () => {
    const { body } = await getJson<{ rows: { term: string; count: number; docs: number; per10k: number; perMillion: number }[] }>(app.url, "/api/frequency?limit=200");
    const sql = await rows(WORD_LIST);
    expect(sql.map((r) => r.term)).toEqual(body.rows.map((r) => r.term));
    sql.forEach((r, i) => {
      expect(Number(r.count)).toBe(body.rows[i].count);
      expect(Number(r.docs)).toBe(body.rows[i].docs);
      expect(Number(r.per10k)).toBeCloseTo(body.rows[i].per10k, 9);
      expect(Number(r.per_million)).toBeCloseTo(body.rows[i].perMillion, 6);
    });
  });

  it("reproduces the keyness of hospital against agency reports (G², log ratio) in SQL", async () => {
    const { body } = await getJson<{ rows: { term: string; a: { count: number }; b: { count: number }; g2: number; logRatio: number }[] }>(app.url, "/api/keyness?a.sector=hospital&b.sector=agency&min=5&limit=1000");
    const sql = new Map((await rows(KEYNESS)).map((r) => [String(r.term), r]));
    expect(body.rows.length).toBeGreaterThan(100);
    // the API lists up to 1000 a-key and 1000 b-key words: every one of them is in the SQL table, with the same figures
    for (const row of body.rows) {
      const s = sql.get(row.term)!;
      expect(s, row.term).toBeDefined();
      expect(Number(s.a)).toBe(row.a.count);
      expect(Number(s.b)).toBe(row.b.count);
      expect(Number(s.g2)).toBeCloseTo(row.g2, 6);
      expect(Number(s.log_ratio)).toBeCloseTo(row.logRatio, 9);
    }
    expect(Number(sql.get("机关")!.g2)).toBeLessThan(-50);
  });
});

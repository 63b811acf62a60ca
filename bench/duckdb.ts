// Issue 24 item 3: Wenyuan's analytics against the tool an analyst would otherwise use — DuckDB
// over Wenyuan's own Parquet export (README "The corpus in DuckDB, pandas or R"), loaded into
// in-memory tables, the same aggregation in the same run: the word list, keyness (hospital vs
// agency), a word's breakdown by sector, and bigrams. Each pair's counts are checked equal before
// its times count, so a ratio is never of two different answers.
//
// Wenyuan's side is timed through HTTP, uncached (each run asks with another `limit`, a different
// cache key, as bench/run.ts's ANALYTICS do); DuckDB's inside its process, its tables already in
// memory (the load is timed apart). ratio = Wenyuan / DuckDB: below 1 Wenyuan is faster.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

export interface DuckdbPair {
  name: string;
  wenyuanMs: number;
  duckdbMs: number;
  ratio: number | null;
  /** the counts both sides gave agree (on the rows compared: see each check) */
  equal: boolean;
  rows: number;
  note?: string;
}

export interface DuckdbResult {
  downloadS: number;
  loadS: number;
  tokens: number;
  pairs: DuckdbPair[];
}

/** The word that is broken down by sector (no synonyms in the bundled list, so word mode = one token). */
export const BREAKDOWN_WORD = "职工";

// canonical reports (no excerpts, no duplicate copies), word tokens only: the README's view, materialised
const LOAD = [
  `CREATE TABLE reports AS SELECT * FROM read_parquet($reports)`,
  `CREATE TABLE w AS SELECT t.token, t.report_id, t.position, r.sector, t.is_stopword
     FROM read_parquet($tokens) t JOIN reports r ON r.id = t.report_id
     WHERE t.is_word AND r.kind = 'report' AND r.duplicate_of IS NULL`,
];

const SQL = {
  frequency: (limit: number) => `
    SELECT token AS term, count(*) AS count, count(DISTINCT report_id) AS docs
    FROM w WHERE NOT is_stopword GROUP BY token ORDER BY count DESC, term LIMIT ${limit}`,
  keyness: () => `
    WITH f AS (SELECT token AS term, count(*) FILTER (WHERE sector = 'hospital') AS a, count(*) FILTER (WHERE sector = 'agency') AS b FROM w GROUP BY token),
         n AS (SELECT count(*) FILTER (WHERE sector = 'hospital') AS c, count(*) FILTER (WHERE sector = 'agency') AS d FROM w),
         e AS (SELECT term, a, b, c, d, c * (a + b) / (c + d) AS e1, d * (a + b) / (c + d) AS e2 FROM f, n WHERE a + b >= 5)
    SELECT term, a, b,
           CASE WHEN a / c >= b / d THEN 2 ELSE -2 END * (CASE WHEN a > 0 THEN a * ln(a / e1) ELSE 0 END + CASE WHEN b > 0 THEN b * ln(b / e2) ELSE 0 END) AS g2
    FROM e`,
  breakdown: () => `
    SELECT sector, count(*) FILTER (WHERE token = '${BREAKDOWN_WORD}') AS count,
           count(DISTINCT report_id) FILTER (WHERE token = '${BREAKDOWN_WORD}') AS docs
    FROM w GROUP BY sector`,
  // two word tokens at consecutive positions of one report: a punctuation or space token between
  // them is a gap in the positions of w (it holds words only), so no bigram straddles a clause
  bigrams: (limit: number) => `
    WITH p AS (SELECT report_id, position, token, lead(token) OVER o AS next, lead(position) OVER o AS next_pos FROM w WINDOW o AS (PARTITION BY report_id ORDER BY position))
    SELECT token || next AS text, token, next, count(*) AS count, count(DISTINCT report_id) AS docs
    FROM p WHERE next_pos = position + 1 GROUP BY token, next HAVING count(*) >= 2 ORDER BY count DESC, docs DESC, text LIMIT ${limit}`,
};

type Row = Record<string, unknown>;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

async function api<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

/** `runs` uncached answers from each side; the median times and whether the first answers agree. */
async function pair(name: string, runs: number, wenyuan: (i: number) => Promise<unknown>, duckdb: (i: number) => Promise<unknown>, agree: (w: unknown, d: unknown) => { equal: boolean; rows: number; note?: string }): Promise<DuckdbPair> {
  const w: number[] = [];
  const d: number[] = [];
  let check: ReturnType<typeof agree> | null = null;
  for (let i = 0; i < runs; i++) {
    const a = await timed(() => wenyuan(i)).catch((e: Error) => ({ ms: NaN, value: e }));
    if (a.value instanceof Error) return { name, wenyuanMs: NaN, duckdbMs: NaN, ratio: null, equal: false, rows: 0, note: a.value.message };
    const b = await timed(() => duckdb(i));
    w.push(a.ms);
    d.push(b.ms);
    check ??= agree(a.value, b.value);
  }
  const wenyuanMs = round(median(w));
  const duckdbMs = round(median(d));
  return { name, wenyuanMs, duckdbMs, ratio: duckdbMs > 0 ? round(wenyuanMs / duckdbMs, 2) : null, ...check! };
}

const sameCounts = (w: { term: string; count: number; docs?: number }[], d: Row[]) => {
  const bad = w.findIndex((r, i) => !d[i] || String(d[i].term) !== r.term || Number(d[i].count) !== r.count || (r.docs !== undefined && Number(d[i].docs) !== r.docs));
  return { equal: w.length === d.length && bad < 0, rows: w.length, ...(bad >= 0 ? { note: `first difference at row ${bad}: ${JSON.stringify(w[bad])} vs ${JSON.stringify(d[bad])}` } : {}) };
};

export async function benchDuckdb(serverUrl: string, runs: number): Promise<DuckdbResult> {
  const dir = mkdtempSync(join(tmpdir(), "wenyuan-bench-duckdb-"));
  const db = await DuckDBInstance.create(":memory:");
  const con: DuckDBConnection = await db.connect();
  const all = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Row[];
  try {
    const t0 = performance.now();
    const files: Record<string, string> = {};
    for (const table of ["reports", "tokens"]) {
      const res = await fetch(`${serverUrl}/api/export/parquet?table=${table}`);
      if (res.status !== 200) throw new Error(`parquet export ${table}: HTTP ${res.status}`);
      writeFileSync((files[table] = join(dir, `${table}.parquet`)), Buffer.from(await res.arrayBuffer()));
    }
    const downloadS = round((performance.now() - t0) / 1000, 2);
    const t1 = performance.now();
    for (const sql of LOAD) {
      const s = await con.prepare(sql);
      if (sql.includes("$reports")) s.bindVarchar(1, files.reports);
      else s.bindVarchar(1, files.tokens);
      await s.run();
    }
    const loadS = round((performance.now() - t1) / 1000, 2);
    const [{ n }] = await all("SELECT count(*)::BIGINT AS n FROM w");
    const pairs: DuckdbPair[] = [];

    pairs.push(
      await pair(
        "frequency",
        runs,
        // limits no other part of the run asks for: bench/run.ts's ANALYTICS ask 100 + i, and a repeat is a cache hit
        (i) => api<{ rows: { term: string; count: number; docs: number }[] }>(`${serverUrl}/api/frequency?stopwords=1&limit=${300 + i}`),
        (i) => all(SQL.frequency(300 + i)),
        (w, d) => sameCounts((w as { rows: { term: string; count: number; docs: number }[] }).rows, d as Row[]),
      ),
    );

    pairs.push(
      await pair(
        "keyness hospital vs agency",
        runs,
        (i) => api<{ rows: { term: string; a: { count: number }; b: { count: number } }[] }>(`${serverUrl}/api/keyness?a.sector=hospital&b.sector=agency&min=5&limit=${995 + i}`),
        () => all(SQL.keyness()),
        (w, d) => {
          const sql = new Map((d as Row[]).map((r) => [String(r.term), r]));
          const rows = (w as { rows: { term: string; a: { count: number }; b: { count: number } }[] }).rows;
          const bad = rows.find((r) => Number(sql.get(r.term)?.a) !== r.a.count || Number(sql.get(r.term)?.b) !== r.b.count);
          return { equal: rows.length > 0 && !bad, rows: rows.length, ...(bad ? { note: `differs at ${bad.term}` } : {}) };
        },
      ),
    );

    const ALL_SECTORS = ["hospital", "school", "enterprise", "agency", "other"];
    pairs.push(
      await pair(
        `breakdown ${BREAKDOWN_WORD} by sector`,
        runs,
        // another order of the same sectors is another cache key and the same selection
        (i) => api<{ rows: { key: string; count: number; docs: number }[] }>(`${serverUrl}/api/breakdown?term=${encodeURIComponent(BREAKDOWN_WORD)}&by=sector&synonyms=false&sector=${[...ALL_SECTORS.slice(i % 5), ...ALL_SECTORS.slice(0, i % 5)].join(",")}`),
        () => all(SQL.breakdown()),
        (w, d) => {
          const sql = new Map((d as Row[]).map((r) => [String(r.sector), r]));
          const rows = (w as { rows: { key: string; count: number; docs: number }[] }).rows.filter((r) => r.count > 0);
          const bad = rows.find((r) => Number(sql.get(r.key)?.count) !== r.count || Number(sql.get(r.key)?.docs) !== r.docs);
          return { equal: rows.length > 0 && !bad, rows: rows.length, ...(bad ? { note: `differs at ${bad.key}: ${JSON.stringify(bad)} vs ${JSON.stringify(sql.get(bad.key))}` } : {}) };
        },
      ),
    );

    pairs.push(
      await pair(
        "bigrams",
        runs,
        (i) => api<{ rows: { text: string; count: number; docs: number }[] }>(`${serverUrl}/api/ngrams?n=2&min=2&limit=${100 + i}`),
        (i) => all(SQL.bigrams(100 + i)),
        (w, d) => sameCounts((w as { rows: { text: string; count: number; docs: number }[] }).rows.map((r) => ({ term: r.text, count: r.count, docs: r.docs })), (d as Row[]).map((r) => ({ ...r, term: r.text }))),
      ),
    );
    return { downloadS, loadS, tokens: Number(n), pairs };
  } finally {
    con.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

// GET /api/export/{name} (issues 16, 24): every row — no row limit, not the analytics' own top N
// — streamed, with its provenance (inside the CSV as "#" comment lines, which DuckDB skips with
// comment='#'); CSV cells a spreadsheet would run as formulas neutralised. Row counts are recounted
// from the store's files (reports.jsonl, tokens.jsonl) read here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import * as OpenCC from "opencc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readManifest, readStore } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { csvComments, toCsv } from "../../server/analytics/csv.ts";
import { ROOT, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { parseExportCsv } from "../helpers/csv.ts";

let app: TestApp;
let live: Report[];
let tokensById: Map<string, string[]>;
const synonyms = JSON.parse(readFileSync(join(ROOT, "corpus", "synonyms.json"), "utf8")) as Record<string, string[]>;
const segmenter = createSegmenter("node-rs", readFileSync(join(ROOT, "corpus", "dict.txt"), "utf8"));

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  tokensById = new Map(entries.map((e) => [e.report.id, e.tokens]));
});
afterAll(() => app?.stop());

/** Traditional → simplified, character by character with OpenCC's table, as the corpus counts a token (README "Traditional characters"). */
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const folded = (token: string) => [...token].map((c) => toSimplified(c)).join("");

/** The canonical reports' token lists (folded), read from the store's own files (kind=report, no duplicateOf). */
function canonicalTokens(dataDir: string): string[][] {
  const lines = (file: string) => readFileSync(join(dataDir, "store", file), "utf8").split("\n").filter((l) => l.trim());
  const canonical = new Set(
    lines("reports.jsonl")
      .map((l) => JSON.parse(l) as { id: string; kind: string; duplicateOf: string | null })
      .filter((r) => r.kind === "report" && !r.duplicateOf)
      .map((r) => r.id),
  );
  return lines("tokens.jsonl")
    .map((l) => JSON.parse(l) as { id: string; tokens: string[] })
    .filter((t) => canonical.has(t.id))
    .map((t) => t.tokens.map(folded));
}
/** A word holds a letter or a digit (README "How we count"). */
const word = (t: string) => /[\p{L}\p{N}]/u.test(t);

/** Rows DuckDB reads from a CSV with the README's one option. */
async function duckRows(csv: string | Uint8Array, sql = "SELECT count(*) AS n FROM read_csv(?, comment='#')"): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), "wenyuan-export-test-"));
  const file = join(dir, "export.csv");
  writeFileSync(file, csv);
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    const r = await con.runAndReadAll(sql.replace("?", `'${file}'`));
    return r.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

function occurrences(word: string, reports: Report[]): number {
  const forms = [word, ...(synonyms[word] ?? [])].map((f) => segmenter.cut(f).filter((t) => t.trim()));
  let n = 0;
  for (const r of reports) {
    const s = tokensById.get(r.id)!.filter((t) => t.trim());
    for (let i = 0; i < s.length; i++) if (forms.some((seq) => seq.every((t, k) => s[i + k] === t))) n++;
  }
  return n;
}

describe("GET /api/export/{name}", () => {
  it("kwic as CSV: every occurrence (past the 500-line page), a BOM, and the corpus generation and fingerprint in headers", async () => {
    const expected = occurrences("工会", live);
    expect(expected).toBeGreaterThan(500);
    const res = await fetch(`${app.url}/api/export/kwic?term=${encodeURIComponent("工会")}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { records, comments } = parseExportCsv(new TextDecoder().decode(bytes));
    expect(comments.at(-1)).toBe(`rows: ${expected}`);
    expect(records[0]).toContain("match");
    expect(records.length - 1).toBe(expected);
    const matchCol = records[0].indexOf("match");
    expect(records.slice(1).every((r) => r[matchCol] === "工会")).toBe(true);
    expect(Number(res.headers.get("x-wenyuan-corpus-generation"))).toBe(readManifest(app.dataDir)!.generation);
    expect(res.headers.get("x-wenyuan-corpus-fingerprint")).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("kwic as JSON and the provenance sidecar: the query asked (filters included), the corpus, the time and the row count", async () => {
    const hospital = live.filter((r) => r.sector === "hospital");
    const expected = occurrences("工会", hospital);
    const json = await (await fetch(`${app.url}/api/export/kwic?term=${encodeURIComponent("工会")}&sector=hospital&format=json`)).json();
    expect(json.count).toBe(expected);
    expect(json.rows).toHaveLength(expected);
    expect(json.rows.every((r: { sector: string }) => r.sector === "hospital")).toBe(true);
    const side = await (await fetch(`${app.url}/api/export/kwic?term=${encodeURIComponent("工会")}&sector=hospital&format=provenance`)).json();
    expect(side.rows).toBe(expected);
    expect(side.endpoint).toBe("/api/kwic");
    expect(side.query).toMatchObject({ term: "工会", sector: ["hospital"] });
    expect(side.query).not.toHaveProperty("page");
    expect(side.corpus.generation).toBe(readManifest(app.dataDir)!.generation);
    expect(side.corpus.fingerprint).toBe(json.provenance.corpus.fingerprint);
    expect(Math.abs(Date.parse(side.exportedAt) - Date.now())).toBeLessThan(60_000);
  });

  it("the search results and the document table export every report they list", async () => {
    const withWord = live.filter((r) => occurrences("工会", [r]) > 0);
    const search = await (await fetch(`${app.url}/api/export/search?q=${encodeURIComponent("工会")}&format=json`)).json();
    expect(new Set(search.rows.map((h: { reportId: string }) => h.reportId))).toEqual(new Set(withWord.map((r) => r.id)));
    const side = await (await fetch(`${app.url}/api/export/search?q=${encodeURIComponent("工会")}&format=provenance`)).json();
    expect(side.rows).toBe(withWord.length);
    const table = parseExportCsv(await (await fetch(`${app.url}/api/export/reports?sector=agency`)).text());
    expect(table.records.length - 1).toBe(live.filter((r) => r.sector === "agency").length);
    expect(table.comments.at(-1)).toBe(`rows: ${table.records.length - 1}`);
  });

  it("the word list exports every word, not the analytic's top 5000: counted from tokens.jsonl, stated in the CSV's comments, read back by DuckDB", async () => {
    const words = new Set(canonicalTokens(app.dataDir).flat().filter(word));
    const res = await fetch(`${app.url}/api/export/frequency?stopwords=0&format=csv`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const { comments, records } = parseExportCsv(new TextDecoder().decode(bytes));
    const [header, ...rows] = records;
    const term = header.indexOf("term");
    expect(rows.length).toBe(words.size);
    expect(words.size).toBeGreaterThan(5000);
    expect(new Set(rows.map((r) => r[term]))).toEqual(words);
    // the provenance inside the file: what, which corpus, the parameters applied, the rows written
    expect(comments[0]).toBe("wenyuan export frequency");
    expect(comments).toContain(`corpus generation: ${readManifest(app.dataDir)!.generation}`);
    expect(comments).toContain(`corpus fingerprint: ${res.headers.get("x-wenyuan-corpus-fingerprint")}`);
    const parameters = JSON.parse(comments.find((c) => c.startsWith("parameters: "))!.slice("parameters: ".length));
    expect(parameters).toMatchObject({ stopwords: false, minLength: 1, limit: "none" });
    expect(comments.at(-1)).toBe(`rows: ${words.size}`);
    // DuckDB with the README's one option: the same rows, the same words
    expect(await duckRows(bytes, "SELECT count(*) AS n, count(DISTINCT term) AS terms FROM read_csv(?, comment='#')")).toEqual([{ n: String(words.size), terms: String(words.size) }]);
    // the sidecar and the JSON say the same
    const side = await (await fetch(`${app.url}/api/export/frequency?stopwords=0&format=provenance`)).json();
    expect(side.rows).toBe(words.size);
    expect(side.query.limit).toBe("none");
    const json = await (await fetch(`${app.url}/api/export/frequency?stopwords=0&format=json`)).json();
    expect(json.count).toBe(words.size);
    expect(json.provenance.rows).toBe(words.size);
    expect(json.provenance.query).toMatchObject({ stopwords: false, limit: "none" });
  });

  it("the bigram export holds every bigram, not the analytic's top 1000: recounted from tokens.jsonl, read back by DuckDB", async () => {
    // two adjacent word tokens; any punctuation or whitespace token breaks a sequence
    const bigrams = new Set<string>();
    for (const tokens of canonicalTokens(app.dataDir)) for (let i = 1; i < tokens.length; i++) if (word(tokens[i - 1]) && word(tokens[i])) bigrams.add(`${tokens[i - 1]} ${tokens[i]}`);
    expect(bigrams.size).toBeGreaterThan(1000);
    const text = await (await fetch(`${app.url}/api/export/ngrams?n=2&min=1&format=csv`)).text();
    const { comments, records } = parseExportCsv(text);
    const [header, ...rows] = records;
    expect(rows.length).toBe(bigrams.size);
    expect(new Set(rows.map((r) => r[header.indexOf("tokens")]))).toEqual(bigrams);
    expect(JSON.parse(comments.find((c) => c.startsWith("parameters: "))!.slice(12))).toMatchObject({ n: 2, min: 1, limit: "none" });
    expect(comments.at(-1)).toBe(`rows: ${bigrams.size}`);
    expect(await duckRows(text)).toEqual([{ n: String(bigrams.size) }]);
  });

  it("answers a bad parameter 400 before any row, and an unknown name 400", async () => {
    expect((await fetch(`${app.url}/api/export/kwic?format=csv`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/export/nothing`)).status).toBe(400);
  });
});

describe("CSV cells", () => {
  it("neutralises text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    const csv = toCsv([{ a: "=SUM(A1)", b: "+86", c: "-x", d: "@cmd", e: -3.2, f: "送温暖" }], ["a", "b", "c", "d", "e", "f"].map((key) => ({ key, header: key })));
    expect(csv.split("\r\n")[1]).toBe("'=SUM(A1),'+86,'-x,'@cmd,-3.2,送温暖");
  });

  it("quotes every cell holding a #, so a reader skipping # comments keeps it (DuckDB reads it back whole)", async () => {
    const columns = ["term", "note"].map((key) => ({ key, header: key }));
    const rows = [
      { term: "#标签", note: "a#b" },
      { term: "送温暖", note: 'say "#" here' },
    ];
    const csv = toCsv(rows, columns).replace("\uFEFF", "\uFEFF" + csvComments(["wenyuan export test", 'parameters: {"q":"#x, y"}', "two\nlines"])) + csvComments(["rows: 2"]);
    expect(csv.split("\r\n")).toContain('"#标签","a#b"');
    expect(csv.split("\r\n")).toContain("# two lines");
    expect(await duckRows(csv, "SELECT term, note FROM read_csv(?, comment='#') ORDER BY term")).toEqual([...rows].sort((a, b) => (a.term < b.term ? -1 : 1)));
  });
});

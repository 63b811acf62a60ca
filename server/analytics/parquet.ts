// Parquet for exports: any endpoint's rows as one Parquet file (format=parquet of
// /api/export/{name}), for pandas, R (arrow), DuckDB and Spark, which keep column types a CSV
// loses. DuckDB writes it (COPY … TO … (FORMAT parquet)); the provenance goes in the file's
// key-value metadata, as the corpus tables' export does (server/routes/parquet.ts).
//
// A column's type is read from every row: all integers → BIGINT, all numbers → DOUBLE, all
// booleans → BOOLEAN, otherwise VARCHAR (an object or array cell as JSON, as in the CSV); a
// column that is empty in every row is VARCHAR of nulls. O(rows × columns), rows held in memory.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBAppender } from "@duckdb/node-api";

type Kind = "BIGINT" | "DOUBLE" | "BOOLEAN" | "VARCHAR";
type Row = Record<string, unknown>;

function kindOf(rows: readonly Row[], key: string): Kind {
  let kind: Kind | null = null;
  for (const row of rows) {
    const v = row[key];
    if (v === null || v === undefined) continue;
    const k: Kind = typeof v === "boolean" ? "BOOLEAN" : typeof v === "number" ? (Number.isSafeInteger(v) ? "BIGINT" : "DOUBLE") : "VARCHAR";
    if (kind === null || kind === k) kind = k;
    else if ((kind === "BIGINT" && k === "DOUBLE") || (kind === "DOUBLE" && k === "BIGINT")) kind = "DOUBLE";
    else return "VARCHAR";
  }
  return kind ?? "VARCHAR";
}

function append(a: DuckDBAppender, kind: Kind, v: unknown): void {
  if (v === null || v === undefined) return a.appendNull();
  if (kind === "BIGINT") return a.appendBigInt(BigInt(v as number));
  if (kind === "DOUBLE") return a.appendDouble(v as number);
  if (kind === "BOOLEAN") return a.appendBoolean(v as boolean);
  a.appendVarchar(typeof v === "object" ? JSON.stringify(v) : String(v));
}

/** A Parquet key-value metadata literal: {'k': 'v', …} with quotes doubled. */
export const kvMetadata = (m: Record<string, string>) => `{${Object.entries(m).map(([k, v]) => `'${k.replaceAll("'", "''")}': '${v.replaceAll("'", "''")}'`).join(", ")}}`;

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Writes `rows` (the `columns`, in order, named by their header) to a new Parquet file in a temporary folder; returns its path (the caller removes the folder). */
export async function rowsToParquet(rows: readonly Row[], columns: readonly { key: string; header: string }[], metadata: Record<string, string>): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), "wenyuan-parquet-"));
  const file = join(dir, "export.parquet");
  const kinds = columns.map((c) => kindOf(rows, c.key));
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    // no columns at all (nothing to export): one empty column, so the file is still a valid table
    const ddl = columns.length ? columns.map((c, i) => `${ident(c.header)} ${kinds[i]}`).join(", ") : `"no_rows" VARCHAR`;
    await con.run(`CREATE TABLE export (${ddl})`);
    const a = await con.createAppender("export");
    for (const row of rows) {
      columns.forEach((c, i) => append(a, kinds[i], row[c.key]));
      a.endRow();
    }
    a.closeSync();
    await con.run(`COPY export TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, KV_METADATA ${kvMetadata(metadata)})`);
  } finally {
    con.closeSync();
    db.closeSync();
  }
  return { dir, file };
}

// GET /api/export/parquet?table=reports|tokens: the loaded corpus (corrections applied) as Parquet,
// for pandas, R, DuckDB, Spark. reports: one row per report with its metadata and clean text;
// tokens: one row per jieba token with its position, character offset and whether it is a word
// (counted) and a stopword — the definitions every analytic uses (README "How we count"). The
// file's key-value metadata carries the provenance (corpus generation and fingerprint, time).
// DuckDB writes the file (COPY … TO … (FORMAT parquet)); rows go in through its appender.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBAppender } from "@duckdb/node-api";
import { Router } from "express";
import type { z } from "zod";
import { API } from "../../core/api/endpoints.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import type { AppDeps } from "../app.ts";
import { corpusOf } from "./export.ts";
import { kvMetadata } from "../analytics/parquet.ts";
import type { ReportSet } from "../../core/api/schema.ts";
import type { Subcorpora } from "../corpus/subcorpora.ts";

const query = API.exportParquet.query as unknown as z.ZodObject<{ table: z.ZodDefault<z.ZodEnum<{ reports: "reports"; tokens: "tokens" }>>; subcorpus: z.ZodOptional<z.ZodType<string>> }>;

const DDL = {
  reports:
    "CREATE TABLE reports (id VARCHAR, title VARCHAR, source VARCHAR, kind VARCHAR, sector VARCHAR, sector_confidence DOUBLE, year INTEGER, doc_type VARCHAR, level VARCHAR, period VARCHAR, chars INTEGER, words INTEGER, duplicate_of VARCHAR, text VARCHAR)",
  tokens: "CREATE TABLE tokens (report_id VARCHAR, position INTEGER, start INTEGER, token VARCHAR, is_word BOOLEAN, is_stopword BOOLEAN)",
};

const text = (a: DuckDBAppender, v: string | null | undefined) => (v === null || v === undefined ? a.appendNull() : a.appendVarchar(v));

function fill(table: "reports" | "tokens", a: DuckDBAppender, corpus: Corpus, keep: ReadonlySet<string> | null): void {
  for (const doc of corpus.docs) {
    if (keep && !keep.has(doc.report.id)) continue;
    const r = doc.report;
    if (table === "reports") {
      text(a, r.id);
      text(a, r.title);
      text(a, r.source);
      text(a, r.kind);
      text(a, r.sector);
      a.appendDouble(r.sectorConfidence);
      if (r.year === null) a.appendNull();
      else a.appendInteger(r.year);
      text(a, r.docType);
      text(a, r.level);
      text(a, r.period);
      a.appendInteger(r.chars);
      a.appendInteger(doc.wordCount);
      text(a, r.duplicateOf);
      text(a, r.text);
      a.endRow();
      continue;
    }
    // tokens concatenate to the text: a token starts where the previous one ended
    let start = 0;
    const ids = doc.tokenIds;
    for (let i = 0; i < ids.length; i++) {
      const token = corpus.vocab[ids[i]];
      text(a, r.id);
      a.appendInteger(i);
      a.appendInteger(start);
      text(a, token);
      a.appendBoolean(corpus.isWord[ids[i]] === 1);
      a.appendBoolean(corpus.isStopword[ids[i]] === 1);
      a.endRow();
      start += token.length;
    }
  }
}


export function parquetRoutes(deps: AppDeps, subcorpora: Subcorpora): Router {
  const r = Router();
  r.get("/export/parquet", async (req, res) => {
    const parsed = subcorpora.resolveQuery(query.parse(req.query)) as z.output<typeof query> & { within?: ReportSet };
    const { table } = parsed;
    const named = subcorpora.provenance(parsed);
    const corpus = deps.analytics.corpus.get();
    const stamp = { ...corpusOf(deps.config.dataDir, corpus.docs.length), exportedAt: new Date().toISOString() };
    const dir = mkdtempSync(join(tmpdir(), "wenyuan-parquet-"));
    const file = join(dir, `${table}.parquet`);
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    try {
      await con.run(DDL[table]);
      const appender = await con.createAppender(table);
      fill(table, appender, corpus, parsed.within?.ids ?? null);
      appender.closeSync();
      const meta: Record<string, string> = { table, generation: String(stamp.generation), fingerprint: stamp.fingerprint, exported_at: stamp.exportedAt, software: "Wenyuan" };
      // the subcorpus in full (definition, revision, size), as a CSV export's provenance states it
      if (named.length) meta.subcorpus = JSON.stringify(named[0]);
      await con.run(`COPY ${table} TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, KV_METADATA ${kvMetadata(meta)})`);
    } finally {
      con.closeSync();
      db.closeSync();
    }
    res.setHeader("X-Wenyuan-Corpus-Generation", String(stamp.generation));
    res.setHeader("X-Wenyuan-Corpus-Fingerprint", stamp.fingerprint);
    res.attachment(`wenyuan-${table}${named.length ? `-${named[0].id}` : ""}-g${stamp.generation}.parquet`);
    res.setHeader("Content-Type", "application/vnd.apache.parquet");
    res.sendFile(file, (err) => {
      rmSync(dir, { recursive: true, force: true });
      if (err && !res.headersSent) res.status(500).end();
    });
  });
  return r;
}

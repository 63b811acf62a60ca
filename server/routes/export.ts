// GET /api/export/{name}: a table, list or chart's rows in full, streamed, with where they came
// from. `name` is an endpoint of the table that has CSV rows (kwic, frequency, keyness, …) or the
// search results / document table; the other query parameters are that endpoint's own, validated
// by its schema. Paged endpoints are walked page by page and an analytic's row limit (`limit`, the
// top N a screen shows) is lifted altogether — not raised to the schema's maximum, which is itself a
// cap (5000 words, 1000 n-grams) — so an export holds every row the other parameters select.
// format=csv (UTF-8 with a BOM, cells that a spreadsheet would run as a formula neutralised, the
// provenance in "# " comment lines: a leading block, and "# rows: N" as the last line, since rows
// are streamed before they are all counted), json ({ rows, count, provenance }, the provenance
// last so it holds the count) or provenance (the sidecar alone). The provenance states the
// parameters applied (limit: "none") and the rows written. Rows go out in chunks of about 64 KiB.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Router, type Response } from "express";
import type { z } from "zod";
import { API, EXPORTABLE, type Exportable } from "../../core/api/endpoints.ts";
import { CodingDistributionQuerySchema, ReportsQuerySchema, SearchQuerySchema, type ExportProvenance } from "../../core/api/schema.ts";
import { readManifest } from "../../core/store.ts";
import { csvComments, csvHeader, csvLine } from "../analytics/csv.ts";
import { rowsToParquet } from "../analytics/parquet.ts";
import { search } from "../search/search.ts";
import { listReports } from "../search/reports.ts";
import { jsonSize } from "../cache.ts";
import type { AppDeps } from "../app.ts";
import { analyticsTasks, exclusionOf } from "./analytics.ts";
import { Codings } from "../corpus/codings.ts";
import type { RequestContext } from "../pool/pool.ts";
import type { Subcorpora } from "../corpus/subcorpora.ts";

type Row = Record<string, unknown>;
type Columns = { key: string; header: string }[];

/** The corpus the rows came from: the store's generation, and a fingerprint of its data files and of the corrections applied to it. */
export function corpusOf(dataDir: string, loaded: number) {
  const manifest = readManifest(dataDir);
  const corrections = join(dataDir, "corrections.json");
  const h = createHash("sha256");
  for (const [file, f] of Object.entries(manifest?.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${file}:${f.sha256}\n`);
  h.update(existsSync(corrections) ? readFileSync(corrections) : "");
  return {
    generation: manifest?.generation ?? 0,
    fingerprint: `sha256:${h.digest("hex")}`,
    reports: loaded,
    builtWith: manifest ? { corpusHash: manifest.corpusHash, segmenter: manifest.segmenter, createdAt: manifest.createdAt } : null,
  };
}

/** The parsed query as applied (defaults filled in), minus paging; a row limit it had is stated as lifted: what the rows answer. */
const applied = (q: Record<string, unknown>) => {
  const out = Object.fromEntries(Object.entries(q).filter(([k, v]) => !["format", "page", "perPage"].includes(k) && v !== undefined && !(Array.isArray(v) && !v.length)));
  return "limit" in out ? { ...out, limit: "none" } : out;
};

/** An analytic's `limit` in an export: none (slice(0, ALL) keeps every row). */
const ALL = Number.MAX_SAFE_INTEGER;
/** Bytes gathered before one write to the socket. */
const CHUNK = 64 * 1024;

const HIT_COLUMNS = ["reportId", "title", "sector", "year", "docType", "level", "kind", "section", "offset", "snippet", "source"].map((key) => ({ key, header: key }));
const REPORT_COLUMNS = ["id", "title", "sector", "sectorConfidence", "year", "docType", "level", "kind", "chars", "source", "duplicateOf"].map((key) => ({ key, header: key }));

// the table entry's own schemas (core/api/endpoints.ts)
const exportParams = API.export.params as z.ZodObject<{ name: z.ZodEnum<{ [K in Exportable]: K }> }>;
const exportQuery = API.export.query as z.ZodObject<{ format: z.ZodDefault<z.ZodEnum<{ csv: "csv"; json: "json"; parquet: "parquet"; provenance: "provenance" }>> }>;

export function exportRoutes(deps: AppDeps, subcorpora: Subcorpora): Router {
  const r = Router();
  const tasks = analyticsTasks(deps.analytics);
  const holder = deps.analytics.corpus;

  /** One endpoint's rows, page by page (a page = one array of rows). */
  async function* pages(name: Exportable, raw: Row, ctx: RequestContext): AsyncGenerator<{ rows: Row[]; columns: Columns; total?: number }> {
    if (name === "search") {
      const base = subcorpora.resolveQuery(SearchQuerySchema.parse({ ...raw, perPage: 100 }));
      for (let page = 1; ; page++) {
        const res = await search(deps.search, { ...base, page }, ctx);
        yield { rows: res.hits.map((h) => ({ ...h, snippet: h.snippet.text })), columns: HIT_COLUMNS, total: res.total };
        if (page * base.perPage >= res.total || !res.hits.length) return;
      }
    }
    if (name === "reports") {
      const base = subcorpora.resolveQuery(ReportsQuerySchema.parse({ ...raw, perPage: 100 }));
      for (let page = 1; ; page++) {
        const res = await listReports(deps.search, { ...base, page });
        yield { rows: res.reports, columns: REPORT_COLUMNS, total: res.total };
        if (page * base.perPage >= res.total || !res.reports.length) return;
      }
    }
    if (name === "codingDistribution") {
      const q = CodingDistributionQuerySchema.parse(raw);
      const body = await new Codings({ dataDir: deps.config.dataDir, corpus: holder, tasks }).distribution(q.coding, q.by, ctx);
      yield { rows: body.rows, columns: [...API.codingDistribution.csv!.columns] };
      return;
    }
    const e = API[name];
    const schema = e.query as z.ZodObject;
    const shape = schema.shape as Record<string, z.ZodType>;
    const csv = e.csv as unknown as { rows: (b: unknown) => Row[]; columns: Columns };
    // every row: the row limit lifted (after validation: the schema caps it for the screens);
    // paged endpoints walked at their largest page
    const perPage = shape.perPage ? maxOf(shape.perPage) : undefined;
    const run = async (q: Row) => {
      const parsed = subcorpora.resolveQuery(schema.parse(q) as Record<string, unknown>);
      if (shape.limit) parsed.limit = ALL;
      holder.get();
      const ex = await exclusionOf(deps.analytics, tasks, name, parsed, ctx);
      const key = JSON.stringify(Object.entries(parsed).filter(([k]) => k !== "format").sort(([a], [b]) => (a < b ? -1 : 1))) + (ex ? `@${ex.key}` : "");
      const build = tasks[name as keyof typeof tasks] as (q: unknown) => ReturnType<(typeof tasks)["frequency"]>;
      return holder.cached(name, key, () => ({ ...build(parsed), ...(ex ? { excluded: ex.exclusion } : {}) }), ctx, jsonSize) as Promise<unknown>;
    };
    for (let page = 1; ; page++) {
      const body = (await run({ ...raw, ...(shape.limit ? { limit: undefined } : {}), ...(perPage ? { page, perPage } : {}) })) as { total?: number };
      const rows = csv.rows(body);
      yield { rows, columns: [...csv.columns], ...(perPage ? { total: body.total ?? 0 } : {}) };
      if (!perPage || !rows.length || page * perPage >= (body.total ?? 0)) return;
    }
  }

  r.get("/export/:name", async (req, res) => {
    const { name } = exportParams.parse(req.params);
    const { format } = exportQuery.parse(req.query);
    const raw = Object.fromEntries(Object.entries(req.query as Row).filter(([k]) => k !== "format"));
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) gone.abort();
    });
    const ctx = { client: req.ip ?? req.socket.remoteAddress ?? "", signal: gone.signal };
    // validate before the first byte: a bad parameter is a 400 from the error middleware
    const query = applied((API[name] as { query: z.ZodObject }).query.parse(raw) as Row);
    // each named subcorpus in full (definition, revision, size): the figure can be reproduced after it changes
    const named = subcorpora.provenance(query);
    const provenance = (rows: number | null): ExportProvenance => ({
      endpoint: `/api/${name === "reports" ? "reports" : name}`,
      query,
      corpus: corpusOf(deps.config.dataDir, holder.get().docs.length),
      exportedAt: new Date().toISOString(),
      rows,
      software: "Wenyuan",
      ...(named.length ? { subcorpora: named } : {}),
    });
    const stamp = provenance(null);
    const file = `wenyuan-${name}-g${stamp.corpus.generation}-${stamp.exportedAt.slice(0, 19).replace(/[-:T]/g, "")}`;
    if (format === "provenance") {
      // a paged list's first page states its total (the walk writes exactly that many rows), so the
      // count a download link shows does not walk a 100k corpus's concordance; the rest come whole
      const it = pages(name, raw, ctx);
      const first = await it.next();
      let n = first.done ? 0 : (first.value.total ?? first.value.rows.length);
      if (!first.done && first.value.total === undefined) for await (const p of it) n += p.rows.length;
      res.json({ ...stamp, rows: n });
      return;
    }
    const it = pages(name, raw, ctx);
    const first = await it.next();
    res.setHeader("X-Wenyuan-Corpus-Generation", String(stamp.corpus.generation));
    res.setHeader("X-Wenyuan-Corpus-Fingerprint", stamp.corpus.fingerprint);
    const out = chunked(res);
    let n = 0;
    if (format === "csv") {
      res.setHeader("Content-Type", "text/csv; charset=utf-8");
      res.setHeader("Content-Disposition", `attachment; filename="${file}.csv"`);
      const columns = first.done ? [] : first.value.columns;
      await out.add("\uFEFF" + csvComments(provenanceLines(stamp)) + csvHeader(columns));
      for (let p = first; !p.done; p = await it.next())
        for (const row of p.value.rows) {
          n++;
          await out.add(csvLine(row, columns));
        }
      await out.add(csvComments([`rows: ${n}`]));
      await out.end();
      return;
    }
    if (format === "parquet") {
      // every row, typed, written whole before the first byte (a Parquet footer ends the file)
      const rows: Row[] = [];
      const columns = first.done ? [] : first.value.columns;
      for (let p = first; !p.done; p = await it.next()) for (const row of p.value.rows) rows.push(row);
      const { dir, file: path } = await rowsToParquet(rows, columns, parquetProvenance({ ...stamp, rows: rows.length }));
      res.setHeader("Content-Type", "application/vnd.apache.parquet");
      res.setHeader("Content-Disposition", `attachment; filename="${file}.parquet"`);
      res.sendFile(path, (err) => {
        rmSync(dir, { recursive: true, force: true });
        if (err && !res.headersSent) res.status(500).end();
      });
      return;
    }
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${file}.json"`);
    await out.add(`{"rows":[`);
    for (let p = first; !p.done; p = await it.next()) for (const row of p.value.rows) await out.add((n++ ? ",\n" : "\n") + JSON.stringify(row));
    await out.add(`\n],"count":${n},"provenance":${JSON.stringify({ ...stamp, rows: n })}}\n`);
    await out.end();
  });
  return r;
}

/** The upper bound of an integer parameter's schema (intParam(1, max)). */
function maxOf(schema: z.ZodType): number {
  for (const probe of [100_000, 10_000, 5000, 1000, 500, 200, 100, 50]) if (schema.safeParse(String(probe)).success) return probe;
  return 50;
}

/** The provenance as a Parquet file's key-value metadata: the CSV block's fields, one key each. */
function parquetProvenance(p: ExportProvenance): Record<string, string> {
  return {
    "wenyuan.endpoint": p.endpoint,
    "wenyuan.parameters": JSON.stringify(p.query),
    "wenyuan.corpus.generation": String(p.corpus.generation),
    "wenyuan.corpus.fingerprint": p.corpus.fingerprint,
    "wenyuan.corpus.reports": String(p.corpus.reports),
    ...(p.corpus.builtWith ? { "wenyuan.corpus.built": `${p.corpus.builtWith.createdAt} (corpus ${p.corpus.builtWith.corpusHash}, segmenter ${p.corpus.builtWith.segmenter})` } : {}),
    "wenyuan.exported_at": p.exportedAt,
    "wenyuan.rows": String(p.rows),
    "wenyuan.software": p.software,
    ...(p.subcorpora ? { "wenyuan.subcorpora": JSON.stringify(p.subcorpora) } : {}),
  };
}

/** The CSV's leading comment block: what, from which corpus, with which parameters; the row count follows as the file's last line. */
function provenanceLines(p: ExportProvenance): string[] {
  return [
    `wenyuan export ${p.endpoint.replace(/^\/api\//, "")}`,
    `endpoint: ${p.endpoint}`,
    `parameters: ${JSON.stringify(p.query)}`,
    `corpus generation: ${p.corpus.generation}`,
    `corpus fingerprint: ${p.corpus.fingerprint}`,
    `corpus reports loaded: ${p.corpus.reports}`,
    ...(p.corpus.builtWith ? [`corpus built: ${p.corpus.builtWith.createdAt} (corpus ${p.corpus.builtWith.corpusHash}, segmenter ${p.corpus.builtWith.segmenter})`] : []),
    `exported at: ${p.exportedAt}`,
    `software: ${p.software}`,
    ...(p.subcorpora ?? []).map((s) => `${s.parameter}: ${s.id} "${s.name}" rev ${s.rev} (${s.updatedAt}), ${s.reports} reports, ${s.words} words${s.missing.length ? `, missing ${s.missing.join(" ")}` : ""}; definition ${JSON.stringify(s.definition)}`),
    `rows: written as the last line (# rows: N) once every row is out`,
    `read with: pandas.read_csv(f, comment="#", encoding="utf-8-sig") | R read.csv(f, comment.char="#", fileEncoding="UTF-8-BOM") | DuckDB read_csv(f, comment='#')`,
  ];
}

/** Text gathered into chunks of about CHUNK bytes, each written when full (and waited for when the socket's buffer is). */
function chunked(res: Response) {
  let buf: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!buf.length) return;
    const text = buf.join("");
    buf = [];
    size = 0;
    await write(res, text);
  };
  return {
    add: (text: string): Promise<void> | void => {
      buf.push(text);
      size += text.length;
      if (size >= CHUNK) return flush();
    },
    end: async () => {
      await flush();
      res.end();
    },
  };
}

/** Write, waiting when the socket's buffer is full (a slow client does not make us hold the whole export). */
function write(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => (res.off("close", gone), resolve());
    const gone = () => (res.off("drain", done), reject(new Error("client went away")));
    res.once("drain", done);
    res.once("close", gone);
  });
}

export { EXPORTABLE };

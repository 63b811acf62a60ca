// The API's one endpoint table. Each entry names a GET endpoint's path, what it is for, the zod
// schema of its query (and path) parameters, the schema of its answer and, for analytics, how the
// answer becomes CSV rows. The server registers one route per entry (server/routes/), the OpenAPI
// document is generated from it (openapi.ts), the web client's functions are derived from it
// (web/src/api/endpoints.ts). Browser-safe: no Node imports.
import { z } from "zod";
import { KWIC_CSV_COLUMNS } from "./kwicColumns.ts";
import * as S from "./schema.ts";

export interface CsvColumn {
  key: string;
  header: string;
}

export interface Csv<R> {
  /** the answer as flat rows: one line of the CSV each */
  rows: (body: R) => Record<string, unknown>[];
  columns: readonly CsvColumn[];
}

export interface Endpoint<
  R extends z.ZodType = z.ZodType,
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodType | "raw" | undefined = z.ZodType | "raw" | undefined,
> {
  /** OpenAPI form: /api/reports/{id} */
  path: `/api/${string}`;
  summary: string;
  description: string;
  /** query parameters; absent: the endpoint takes none */
  query?: Q;
  /** path parameters, named as in `path` */
  params?: P;
  response: R;
  /** present: `format=csv` answers text/csv with these rows and columns */
  csv?: Csv<z.output<R>>;
  /** default GET; the corpus-management writes are POST, PUT and DELETE; removing a subcorpus, a saved query or a coding is DELETE */
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** a write's JSON body; "raw" = the request body is a file's bytes */
  body?: B;
  /** true: only with the admin token (WENYUAN_ADMIN_TOKEN), or from this machine when none is set */
  admin?: true;
  /** the status of a successful answer; default 200 */
  status?: 200 | 201 | 202;
}

const endpoint = <R extends z.ZodType, Q extends z.ZodObject | undefined = undefined, P extends z.ZodObject | undefined = undefined, B extends z.ZodType | "raw" | undefined = undefined>(
  e: Endpoint<R, Q, P, B>,
) => e;

/** Columns named after the keys of a flat row schema, in its order. */
const columnsOf = (row: z.ZodObject, except: readonly string[] = []): CsvColumn[] =>
  Object.keys(row.shape)
    .filter((k) => !except.includes(k))
    .map((key) => ({ key, header: key }));

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

const KeynessSide = S.KeynessResponseSchema.shape.rows.element.shape.a;

/** What GET /api/export/{name} exports: the search results, the document table, and every endpoint with CSV rows. */
export const EXPORTABLE = ["search", "reports", "kwic", "frequency", "breakdown", "batch", "trends", "keyness", "collocates", "ngrams", "themes", "phrasing", "frames", "sketchdiff", "formulas", "similar", "codingDistribution"] as const;
export type Exportable = (typeof EXPORTABLE)[number];

export const API = {
  health: endpoint({
    path: "/api/health",
    summary: "Service health: Meilisearch and the corpus store",
    description: "200 when Meilisearch answers and the report count could be read, else 503 with the same body. `corpus` says whether analytics can run.",
    response: S.HealthSchema,
  }),
  stats: endpoint({ path: "/api/stats", summary: "Corpus size", description: "Canonical reports (no excerpts, no duplicates): their count, characters, word tokens and count per sector.", response: S.StatsSchema }),
  search: endpoint({
    path: "/api/search",
    summary: "Faceted word, phrase and substring search over reports or passages",
    description: "Hits with a snippet from the corpus store and facet counts (each facet counted with the other facets' filters applied).",
    query: S.SearchQuerySchema,
    response: S.SearchResponseSchema,
  }),
  reports: endpoint({ path: "/api/reports", summary: "The document table", description: "Reports matching the filters, one row each, with their metadata.", query: S.ReportsQuerySchema, response: S.ReportsResponseSchema }),
  report: endpoint({
    path: "/api/reports/{id}",
    summary: "One report in full",
    description: "Clean text, paragraphs, outline, duplicates, theme counts, and the character ranges matching `highlight`.",
    query: S.ReportQuerySchema,
    params: S.ReportParamsSchema,
    response: S.ReportSchema,
  }),
  facet: endpoint({
    path: "/api/facets/{name}",
    summary: "Facet value search with counts",
    description: "Values of one facet (report counts) under the filters, optionally narrowed to values containing `query`.",
    query: S.FacetQuerySchema,
    params: S.FacetParamsSchema,
    response: S.FacetResponseSchema,
  }),
  suggest: endpoint({ path: "/api/suggest", summary: "Completion from the corpus vocabulary", description: "Corpus words starting with `q`, most frequent first.", query: S.SuggestQuerySchema, response: S.SuggestResponseSchema }),
  kwic: endpoint({
    path: "/api/kwic",
    summary: "Keyword in context",
    description: "Every occurrence of a term in the subcorpus with `width` characters of context each side, paged.",
    query: S.KwicQuerySchema,
    response: S.KwicResponseSchema,
    csv: { rows: (b) => b.lines, columns: KWIC_CSV_COLUMNS },
  }),
  frequency: endpoint({
    path: "/api/frequency",
    summary: "Word list",
    description: "The subcorpus's words by frequency: occurrences, reports holding them, rates.",
    query: S.FrequencyQuerySchema,
    response: S.FrequencyResponseSchema,
    csv: { rows: (b) => b.rows, columns: columnsOf(S.FrequencyResponseSchema.shape.rows.element) },
  }),
  breakdown: endpoint({
    path: "/api/breakdown",
    summary: "A term by sector, year, docType or level",
    description: "Occurrences of a term per group, the reports holding it, the group's size and rates.",
    query: S.BreakdownQuerySchema,
    response: S.BreakdownResponseSchema,
    csv: { rows: (b) => b.rows, columns: columnsOf(S.BreakdownResponseSchema.shape.rows.element) },
  }),
  batch: endpoint({
    path: "/api/batch",
    summary: "Batch query: a list of terms by sector, year, docType or level",
    description:
      "Each term of the list (with its synonyms) counted as /api/breakdown counts a term, over the one selection of the filters: one row per term × group with occurrences, reports holding it, the group's size and rates (per 10k characters, per million words). Export it with /api/export/batch.",
    query: S.BatchQuerySchema,
    response: S.BatchResponseSchema,
    csv: { rows: (b) => b.rows, columns: columnsOf(S.BatchResponseSchema.shape.rows.element) },
  }),
  trends: endpoint({
    path: "/api/trends",
    summary: "Words rising and falling over the reports' years",
    description:
      "Every word of the selection (or each term of a batch list) by year: its rate per 10k characters in each year, the slope of that rate on the year (weighted least squares, weights = the year's characters) with a 95% interval (Student's t, residual-based) and a t test adjusted for the number of words tested (Benjamini–Hochberg). Only years with minReports reports are fitted; with fewer than minYears of them nothing is a trend; a word is listed rising or falling only when its interval excludes 0 and q ≤ 0.05 — `notListed` and each batch term's `reason` say why the rest are not. CSV: one row per listed word (every batch term) × year. Export it with /api/export/trends.",
    query: S.TrendsQuerySchema,
    response: S.TrendsResponseSchema,
    csv: {
      rows: (b) => {
        const years = new Map(b.years.map((y) => [y.year, y]));
        return (b.terms ?? [...b.rising, ...b.falling]).flatMap((t) =>
          t.series.map((s) => {
            const y = years.get(s.year)!;
            return { term: t.term, status: t.status, slope: t.slope, low: t.low, high: t.high, p: t.p, q: t.q, year: s.year, used: y.used, reports: y.reports, tokens: y.tokens, chars: y.chars, count: s.count, docs: s.docs, per10k: s.per10k };
          }),
        );
      },
      columns: columnsOf(S.TrendsCsvRowSchema),
    },
  }),
  keyness: endpoint({
    path: "/api/keyness",
    summary: "Keyness (G², log ratio) of subcorpus a against b",
    description: "Words over- and under-represented in subcorpus a (filters a.*) against b (filters b.*; none given: the rest of the corpus).",
    query: S.KeynessQuerySchema,
    response: S.KeynessResponseSchema,
    csv: {
      rows: (b) =>
        b.rows.map(({ a, b: bSide, ...rest }) => ({
          ...rest,
          ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`a${cap(k)}`, v])),
          ...Object.fromEntries(Object.entries(bSide).map(([k, v]) => [`b${cap(k)}`, v])),
        })),
      columns: [
        { key: "term", header: "term" },
        ...["a", "b"].flatMap((side) => Object.keys(KeynessSide.shape).map((k) => ({ key: `${side}${cap(k)}`, header: `${side}${cap(k)}` }))),
        ...columnsOf(S.KeynessResponseSchema.shape.rows.element, ["term", "a", "b"]),
      ],
    },
  }),
  collocates: endpoint({
    path: "/api/collocates",
    summary: "Collocates of a term (MI, LLR, t, logDice)",
    description: "Words near a term (within `window` words each side, inside one sentence) with association measures.",
    query: S.CollocatesQuerySchema,
    response: S.CollocatesResponseSchema,
    csv: { rows: (b) => b.rows, columns: columnsOf(S.CollocatesResponseSchema.shape.rows.element) },
  }),
  ngrams: endpoint({
    path: "/api/ngrams",
    summary: "Recurring word sequences",
    description: "Sequences of `n` words that recur in the subcorpus, with their reports.",
    query: S.NgramsQuerySchema,
    response: S.NgramsResponseSchema,
    csv: { rows: (b) => b.rows.map((x) => ({ ...x, tokens: x.tokens.join(" ") })), columns: columnsOf(S.NgramsResponseSchema.shape.rows.element) },
  }),
  themes: endpoint({
    path: "/api/themes",
    summary: "Theme × group matrix",
    description: "For each theme of corpus/themes.yaml and each group: reports mentioning it, occurrences of its terms, rates.",
    query: S.ThemesQuerySchema,
    response: S.ThemesResponseSchema,
    csv: { rows: (b) => b.cells, columns: columnsOf(S.ThemesResponseSchema.shape.cells.element) },
  }),
  phrasing: endpoint({
    path: "/api/phrasing",
    summary: "How reports phrase a term: variant clusters",
    description: "Sentences holding a term grouped by the words around it; each cluster with its pattern, reach and examples.",
    query: S.PhrasingQuerySchema,
    response: S.PhrasingResponseSchema,
    csv: {
      rows: (b) => b.clusters.flatMap((c, i) => c.examples.map((e) => ({ cluster: i + 1, pattern: c.pattern, reports: c.reports, sector: e.sector, title: e.title, text: e.text }))),
      columns: ["cluster", "pattern", "reports", "sector", "title", "text"].map((key) => ({ key, header: key })),
    },
  }),
  frames: endpoint({
    path: "/api/frames",
    summary: "Frames of a term: its verbs, what follows it, its modifiers (a word sketch from part-of-speech tags)",
    description:
      "For a term and its synonyms: the verb before it, the noun or verb after it and its modifier, inside one clause (quotes and brackets do not end it), each collocate with count, reports, per-sector occurrences and logDice (ranked by it from rankMin occurrences, rarer rows after by count); a verb counts under its head verb (深入开展 under 开展, decided by the corpus' tags) with its forms listed; variants are the (verb, after) pairs. `pick` pages the sentences of one row.",
    query: S.FramesQuerySchema,
    response: S.FramesResponseSchema,
    csv: {
      rows: (b) => [
        ...b.relations.flatMap((r) =>
          r.rows.map((x) => ({ relation: r.name, word: x.word, count: x.count, reports: x.reports, logDice: x.logDice, ranked: x.ranked, forms: x.variants.map((f) => `${f.term} ${f.count}`).join("; "), ...x.bySector })),
        ),
        ...b.variants.map((v) => ({ relation: "variant", word: v.pattern, count: v.count, reports: v.reports, logDice: "", ranked: "", forms: "", ...v.bySector })),
      ],
      columns: ["relation", "word", "count", "reports", "logDice", "ranked", "forms", ...S.SECTORS].map((key) => ({ key, header: key })),
    },
  }),
  sketchdiff: endpoint({
    path: "/api/sketchdiff",
    summary: "Sketch difference: a term's frames in two subcorpora, or two terms' frames, as one list per relation",
    description:
      "Side A is `term` in the subcorpus a.*; side B is `termB` (default: the same term) in b.* (none given: A's subcorpus) — one term in two subcorpora (a.sector=hospital, b.sector=agency) or two terms in one (term=职代会, termB=教代会). Each side is /api/frames of that side, every row; per relation one list of collocates with each side's count, reports, logDice, forms and best example (GDEX), and diff = logDiceA − logDiceB, a side where the collocate is absent scoring 0. side: a when diff ≥ 1, b when diff ≤ −1, else both. Rows with rankMin occurrences on a side are ranked; `limit` keeps the largest |diff|, listed from A-preferred to B-preferred, unranked rows after. Two identical sides are a 400.",
    query: S.SketchDiffQuerySchema,
    response: S.SketchDiffResponseSchema,
    csv: {
      rows: (b) =>
        b.relations.flatMap((r) =>
          r.rows.map((x) => ({
            relation: r.name,
            word: x.word,
            countA: x.countA,
            countB: x.countB,
            reportsA: x.reportsA,
            reportsB: x.reportsB,
            logDiceA: x.logDiceA,
            logDiceB: x.logDiceB,
            diff: x.diff,
            side: x.side,
            ranked: x.ranked,
            formsA: x.formsA.map((f) => `${f.term} ${f.count}`).join("; "),
            formsB: x.formsB.map((f) => `${f.term} ${f.count}`).join("; "),
            exampleA: x.exampleA?.text ?? "",
            exampleAReport: x.exampleA?.reportId ?? "",
            exampleB: x.exampleB?.text ?? "",
            exampleBReport: x.exampleB?.reportId ?? "",
          })),
        ),
      columns: ["relation", "word", "countA", "countB", "reportsA", "reportsB", "logDiceA", "logDiceB", "diff", "side", "ranked", "formsA", "formsB", "exampleA", "exampleAReport", "exampleB", "exampleBReport"].map((key) => ({ key, header: key })),
    },
  }),
  formulas: endpoint({
    path: "/api/formulas",
    summary: "Recurring formulas with gaps",
    description: "Fixed wordings with slots (一是…二是…, 以…为抓手) and what fills the slots.",
    query: S.FormulasQuerySchema,
    response: S.FormulasResponseSchema,
    csv: {
      rows: (b) => b.rows.map((x) => ({ ...x, sectors: JSON.stringify(x.sectors), fillers: x.fillers.map((g) => g.map((f) => f.text).join("/")).join(" | ") })),
      columns: columnsOf(S.FormulasResponseSchema.shape.rows.element),
    },
  }),
  similar: endpoint({
    path: "/api/similar",
    summary: "Corpus sentences closest to a given text",
    description:
      "Sentences of the subcorpus most like `text` (word TF-IDF cosine re-scored with character bigrams, normalised to the draft's length so fragments do not win; scores 0–1). Near-identical sentences are one row with the number of reports using them; a wording many reports share ranks lower. `keyTerms`: the draft's rarest words.",
    query: S.SimilarQuerySchema,
    response: S.SimilarResponseSchema,
    csv: { rows: (b) => b.rows, columns: columnsOf(S.SimilarResponseSchema.shape.rows.element, ["also", "marks"]) },
  }),
  exportParquet: endpoint({
    path: "/api/export/parquet",
    summary: "The whole corpus as Parquet",
    description:
      "table=reports: one row per report (id, title, source, kind, sector, sector_confidence, year, doc_type, level, period, chars, words, duplicate_of, text), corrections applied. table=tokens: one row per jieba token (report_id, position, start = character offset, token, is_word, is_stopword). Canonical reports are kind = 'report' AND duplicate_of IS NULL. The file's key-value metadata holds the corpus generation and fingerprint and the time of export. For pandas, R (arrow), DuckDB, Spark.",
    query: z.object({
      table: z.enum(["reports", "tokens"]).default("reports").describe("reports (metadata and text) or tokens (with positions). Default reports."),
      subcorpus: S.filterShape.subcorpus.describe("Only the reports of this named subcorpus (GET /api/subcorpora), whose id, revision, definition and size go in the file's key-value metadata. Default: the whole corpus."),
    }),
    response: z.string().describe("a Parquet file (application/vnd.apache.parquet)"),
  }),
  export: endpoint({
    path: "/api/export/{name}",
    summary: "Export a result in full, with its provenance",
    description:
      "The rows of `name` (search, reports, kwic, frequency, breakdown, batch, trends, keyness, collocates, ngrams, themes, phrasing, frames, sketchdiff, formulas, similar) for that endpoint's own query parameters (pass them along; they are validated by its schema). Every row: paged endpoints are walked to the end and an analytic's row limit (`limit`) is lifted, stated in the provenance as limit: 'none'; the answer is streamed in chunks. format=csv: UTF-8 with a BOM, CRLF, cells beginning with = + - @ neutralised with a leading apostrophe (numbers untouched), cells holding # quoted; the provenance in comment lines — a leading block (# wenyuan export …, endpoint, parameters as JSON, corpus generation and fingerprint, time) and the row count as the last line (# rows: N) — skipped by pandas read_csv(comment='#'), R read.csv(comment.char='#') and DuckDB read_csv(comment='#'); also X-Wenyuan-Corpus-Generation and X-Wenyuan-Corpus-Fingerprint headers. format=json: { rows, count, provenance } (the provenance last, with the row count). format=parquet: the same columns typed (integers BIGINT, other numbers DOUBLE, booleans BOOLEAN, the rest VARCHAR; an object cell as JSON), the provenance as key-value metadata (wenyuan.endpoint, wenyuan.parameters, wenyuan.corpus.generation, wenyuan.corpus.fingerprint, wenyuan.exported_at, wenyuan.rows, …): pandas.read_parquet, R arrow::read_parquet, DuckDB read_parquet and parquet_kv_metadata. format=provenance: the sidecar alone (endpoint, validated query, corpus generation and fingerprint, time, rows) — keep it beside a CSV.",
    params: z.object({ name: z.enum(EXPORTABLE).describe("what to export: search, reports, or an analytics endpoint's name") }),
    query: z.object({ format: z.enum(["csv", "json", "parquet", "provenance"]).default("csv").describe("csv (default), json (provenance + rows), parquet (typed columns; the provenance in the file's key-value metadata, keys wenyuan.*), or provenance (the sidecar alone)") }),
    response: S.ExportProvenanceSchema,
  }),
  draftCheck: endpoint({
    path: "/api/draft-check",
    method: "POST",
    body: S.DraftCheckRequestSchema,
    summary: "Check a whole draft against the corpus",
    description:
      "`{ text, sector, docType }`: (a) the draft's outline and section kinds (指导思想, 工作回顾, 存在的问题, 经验体会, 下一步打算) beside the share of the reports of its sector and type that have each (fewer than basis.min of them: widened to 工作总结+工作报告, then every sector; `basis` says which), the kinds at least `threshold` of them have that the draft lacks marked `missing`, with example reports; (b) each paragraph's closest sentences (the /api/similar analytic) from the sector's reports; (c) 提法 worth a second look, counted over the whole corpus: a synonym used at least twice as often, a word whose per-10k rate fell by half or more from the earlier to the later years (G² ≥ 3.84), a word the corpus has at most once. The draft is never stored, logged or cached. Empty, longer than 30,000 characters or malformed: a 400.",
    response: S.DraftCheckResponseSchema,
  }),
  sources: endpoint({
    path: "/api/sources",
    summary: "Every source of the corpus",
    description: "The files the corpus is built from (the corpus folder's, and those added in the browser or with npm run index), each with what became of it: indexed, copy of another, skipped and why, removed; and the store generation.",
    response: S.SourcesResponseSchema,
  }),
  corrections: endpoint({
    path: "/api/corrections",
    summary: "Metadata corrections, as kept in data/corrections.json",
    description: "Every correction made to a report's sector, year, document type, level or title, with when it was made: the file to export or back up.",
    response: S.CorrectionsResponseSchema,
  }),
  upload: endpoint({
    path: "/api/uploads/{name}",
    method: "PUT",
    body: "raw",
    admin: true,
    status: 201,
    summary: "Upload one file (not yet indexed)",
    description: "The request body is the file's bytes (.txt, .md, .html, .docx or .pdf; UTF-8, GB18030 or UTF-16; at most 64 MB). Answers an upload id; POST /api/jobs with `add` indexes one or several uploads together.",
    params: z.object({ name: z.string().min(1).max(255).describe("the file's name, with its extension") }),
    response: S.UploadResponseSchema,
  }),
  startJob: endpoint({
    path: "/api/jobs",
    method: "POST",
    body: S.JobRequestSchema,
    admin: true,
    status: 202,
    summary: "Add uploaded files to the corpus, or remove a source",
    description: "`{ add: [upload ids] }` or `{ remove: [source path] }`. Runs in the background, one job at a time (and never beside another indexing run: the data folder's write lock); GET /api/jobs/{id} reports its progress, then what became of each file (`files`). Nothing added is lost: a file whose name is already taken by different bytes (an earlier source, or another file of the same batch) is kept as \"name (2).ext\"; identical bytes are indexed once (a duplicate). `replace: true` replaces the source of that name on purpose. The job is kept in data/jobs/ before it starts: a server killed mid-job finishes it on its next start, and this id still answers.",
    response: S.JobSchema,
  }),
  job: endpoint({
    path: "/api/jobs/{id}",
    summary: "Progress of an indexing job",
    description: "phase (read → segment → load → reload) with done/total, then state done (with a summary) or failed (with the reason), and per file what became of it (`files`). Answers after a restart too; `resumedAt` says the server was stopped during the job and finished it on its next start.",
    params: S.JobParamsSchema,
    response: S.JobSchema,
  }),
  correct: endpoint({
    path: "/api/reports/{id}/metadata",
    method: "PUT",
    body: S.CorrectionSchema,
    admin: true,
    summary: "Correct a report's metadata",
    description: "Sets sector, year (null: unknown), document type, level or title. Kept in data/corrections.json (survives reindexing), applied to search and to every analytic at once.",
    params: z.object({ id: z.string().min(1).max(100).describe("the report's id") }),
    response: S.CorrectionResponseSchema,
  }),
  correctMany: endpoint({
    path: "/api/reports/metadata",
    method: "PUT",
    body: S.BulkCorrectionSchema,
    admin: true,
    summary: "Correct several reports' metadata at once",
    description: "`{ ids: [report ids], set: { sector, year, docType, level, title } }`: the same fields set on every report, in one write. Every id is checked first: unknown ones are a 400 naming them, and nothing is changed. Each field changed is one entry of the history.",
    response: S.BulkCorrectionResponseSchema,
  }),
  correctionHistory: endpoint({
    path: "/api/corrections/history",
    summary: "Who corrected what: the history of metadata corrections",
    description: "Newest first, one entry per field changed (data/corrections-history.jsonl): when, who (admin token or local, with the client address; or the indexer run that retired it), the report, the field, old → new value, and whether each was a correction or the classifier's own value. Actions: set, undo (of entry `undoes`), retire (the report left the corpus).",
    query: S.CorrectionHistoryQuerySchema,
    response: S.CorrectionHistoryResponseSchema,
  }),
  undoCorrection: endpoint({
    path: "/api/corrections/undo",
    method: "POST",
    body: S.UndoRequestSchema,
    admin: true,
    summary: "Undo a correction",
    description: "`{ report: id }`: the report's latest write not yet undone goes back (again: the one before it); `{ entry: seq }`: that one history entry's field goes back (undoing a retire entry re-applies the retired correction). A field changed again since is a 400 naming the later entry (undo that one first).",
    response: S.UndoResponseSchema,
  }),
  subcorpora: endpoint({
    path: "/api/subcorpora",
    summary: "Named subcorpora, shared by everyone on the instance",
    description:
      "Every subcorpus saved on the instance (data/subcorpora.json): name, description, who made it, its definition (a query plus filters, hand-picked reports, or the reports of a concordance's hits), its size when saved (`at`) and now (`now`), and the hand-picked reports no longer in the corpus (`missing`). Any view takes one as `subcorpus=<id>` (/compare as a.subcorpus, b.subcorpus). Reading follows read access; writing needs the admin token.",
    response: S.SubcorporaResponseSchema,
  }),
  subcorpus: endpoint({
    path: "/api/subcorpora/{id}",
    summary: "One named subcorpus",
    description: "As GET /api/subcorpora lists it: definition, size when saved and now, missing reports.",
    params: S.SubcorpusParamsSchema,
    response: S.SubcorpusInfoSchema,
  }),
  createSubcorpus: endpoint({
    path: "/api/subcorpora",
    method: "POST",
    body: S.SubcorpusWriteSchema,
    admin: true,
    status: 201,
    summary: "Save a named subcorpus",
    description:
      "`{ name, description?, by?, id?, definition }` with definition `{ kind: \"filters\", q?, filters }`, `{ kind: \"reports\", ids }` or `{ kind: \"hits\", term, match: \"word\", q?, filters }` (filters as JSON: sector, year, yearFrom, yearTo, docType, level, includeDuplicates, synonyms, kind). The id is made from the name unless given; a taken id, an unknown report id or a query with no word is a 400 naming it. Answers the subcorpus with its size now.",
    response: S.SubcorpusInfoSchema,
  }),
  replaceSubcorpus: endpoint({
    path: "/api/subcorpora/{id}",
    method: "PUT",
    body: S.SubcorpusWriteSchema,
    admin: true,
    summary: "Edit a named subcorpus",
    description: "Replaces its name, description and definition (the id stays); `rev` goes up by one and `at` is measured again, so exports made before and after name different revisions.",
    params: S.SubcorpusParamsSchema,
    response: S.SubcorpusInfoSchema,
  }),
  deleteSubcorpus: endpoint({
    path: "/api/subcorpora/{id}",
    method: "DELETE",
    admin: true,
    summary: "Delete a named subcorpus",
    description: "Removes it from data/subcorpora.json; a view that names it afterwards is a 400.",
    params: S.SubcorpusParamsSchema,
    response: z.object({ deleted: z.string() }),
  }),
  queries: endpoint({
    path: "/api/queries",
    summary: "Saved queries",
    description: `The queries saved on this instance (data/queries.json), newest first: each with its name, view, URL parameters, the view's URL to open it exactly as saved, its headline count when saved (search: reports; KWIC: lines; analytics: the tab's count; compare: keywords), who saved it and when. Shared by everyone on the instance; kept across restarts and reindexing; at most ${S.SAVED_QUERIES_MAX}.`,
    response: S.SavedQueriesResponseSchema,
  }),
  saveQuery: endpoint({
    path: "/api/queries",
    method: "POST",
    body: S.SaveQueryRequestSchema,
    admin: true,
    status: 201,
    summary: "Save a query",
    description:
      "`{ name, view, params, summary?, count? }`: view is search, kwic, analytics or compare; params the view's URL parameters (q=职代会&sector=hospital), checked with the schemas of the API the view calls — an unknown view, a parameter the view does not take or a value its API would refuse is a 400 naming it, and so is an empty or taken name. Needs the admin token like corpus changes.",
    response: S.SavedQuerySchema,
  }),
  deleteQuery: endpoint({
    path: "/api/queries/{id}",
    method: "DELETE",
    admin: true,
    summary: "Delete a saved query",
    description: "Removes one saved query (404 when there is none with that id). Needs the admin token.",
    params: S.SavedQueryParamsSchema,
    response: S.DeletedQueryResponseSchema,
  }),
  codingOf: endpoint({
    path: "/api/codings",
    summary: "The coding (categorised concordance) of a query",
    description:
      "A concordance's parameters as /api/kwic takes them (term, match, q and the filters, collocate/window, theme; paging, sort and width do not matter): its coding from data/codings.json (null: none yet), how many lines the concordance has now (null when it has no coding: it is not walked for that), how many are coded, and the assignments whose line is no longer in it after a reindex (`stale`: kept, not counted). A line is \"<reportId>:<offset>\" (KwicLine's reportId and offset).",
    query: S.CodingQuerySchema,
    response: S.CodingAnswerSchema,
  }),
  codingById: endpoint({
    path: "/api/codings/{id}",
    summary: "A coding by its id",
    description: "As GET /api/codings, found by the coding's id.",
    params: S.CodingParamsSchema,
    response: S.CodingAnswerSchema,
  }),
  saveCoding: endpoint({
    path: "/api/codings",
    method: "PUT",
    body: S.SaveCodingSchema,
    admin: true,
    summary: "Create or replace the coding of a query",
    description:
      "`{ query, categories: [{ name, key? }], assignments? }`: the categories (1–9, e.g. 实指 / 套话 / 无关; `key` the digit that assigns it, default its place) of the concordance `query` selects, created, or replacing that query's coding's categories. Assignments are kept unless `assignments` replaces them; a category dropped while lines still have it is a 400 naming it. Kept in data/codings.json (survives restarts and reindexing).",
    response: S.CodingAnswerSchema,
  }),
  codeLines: endpoint({
    path: "/api/codings/{id}/assignments",
    method: "PUT",
    body: S.CodeLinesSchema,
    admin: true,
    summary: "Set lines' categories (a batch)",
    description: '`{ set: { "<reportId>:<offset>": category | null } }`: each line gets the category (null: uncoded again), in one write. A category the coding does not have, or a line not in its concordance, is a 400 naming it, and nothing is changed.',
    params: S.CodingParamsSchema,
    response: S.CodingAnswerSchema,
  }),
  deleteCoding: endpoint({
    path: "/api/codings/{id}",
    method: "DELETE",
    admin: true,
    summary: "Delete a coding",
    description: "Removes the coding, its categories and every assignment from data/codings.json.",
    params: S.CodingParamsSchema,
    response: S.DeleteCodingResponseSchema,
  }),
  codingDistribution: endpoint({
    path: "/api/coding-distribution",
    summary: "A coding's categories by sector or year",
    description:
      "The concordance's current lines counted per category × group (sector, or year with unknown last), the uncoded lines as the category \"(uncoded)\"; `share` = the category's lines / the group's lines. Stale assignments are counted apart, not in the rows. Export it with /api/export/codingDistribution?coding=…&by=… (CSV with provenance).",
    query: S.CodingDistributionQuerySchema,
    response: S.CodingDistributionResponseSchema,
    csv: { rows: (b) => b.rows, columns: columnsOf(S.CodingDistributionResponseSchema.shape.rows.element) },
  }),
};


export type EndpointName = keyof typeof API;

/** Every endpoint, in the table's order. */
export const ENDPOINTS: readonly Endpoint[] = Object.values(API) as readonly Endpoint[];

type Parsed<T> = [NonNullable<T>] extends [never] ? Record<string, never> : NonNullable<T> extends z.ZodType ? z.output<NonNullable<T>> : never;
/** What an endpoint's handler receives: its parsed query and path parameters. */
export type QueryOf<N extends EndpointName> = Parsed<(typeof API)[N]["query"]>;
export type ParamsOf<N extends EndpointName> = Parsed<(typeof API)[N]["params"]>;
/** A write's parsed JSON body, or an upload's bytes. */
export type BodyOf<N extends EndpointName> = (typeof API)[N] extends Endpoint<z.ZodType, z.ZodObject | undefined, z.ZodObject | undefined, infer B>
  ? [B] extends ["raw"]
    ? Buffer
    : B extends z.ZodType
      ? z.output<B>
      : undefined
  : undefined;
/** What an endpoint answers (as JSON). */
export type ResponseOf<N extends EndpointName> = z.output<(typeof API)[N]["response"]>;

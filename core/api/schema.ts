// The HTTP API's one set of schemas. The server validates requests with them,
// the web app types its URL state and parses responses with them, and
// /api/openapi.json is generated from them. Browser-safe: no Node imports.
import { z } from "zod";
import { ORIGINS, SOURCE_STATUSES } from "../sources.ts";
import { DOC_TYPES, KINDS, LEVELS, SECTORS } from "../model.ts";

export { DOC_TYPES, KINDS, LEVELS, SECTORS };

// ---------------------------------------------------------------- helpers

/** A repeatable query parameter: `?sector=a&sector=b` or `?sector=a,b`. */
function repeated<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [x])).filter((x) => x !== "")),
    z.array(z.enum(values)).max(values.length * 2).optional(),
  );
}

/** A scalar parameter that must not be repeated. */
function single<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (Array.isArray(v) && v.length === 1 ? v[0] : v), schema);
}

const intParam = (min: number, max: number) => single(z.coerce.number().int().min(min).max(max));
const boolParam = single(z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1"));
const text = (max: number) => single(z.string().max(max));

// ---------------------------------------------------------------- filters

export const filterShape = {
  q: text(500)
    .optional()
    .describe(
      'The query: words (every one must occur; a word jieba splits into several tokens matches where they are adjacent), "quoted phrases", -exclusions; synonyms from corpus/synonyms.json count as the word. With match=substring (search, kwic) the text as a string. Analytics: narrows the subcorpus to reports matching it. As words, a query with no word (only punctuation: %) is a 400. Default: no query (every report).',
    ),
  sector: repeated(SECTORS).describe("Sectors to keep (repeat or comma-separate for OR: sector=hospital&sector=school). Default: all."),
  year: intParam(1900, 2100).optional().describe("Only reports of this year. Reports without a known year are left out whenever a year filter is given."),
  yearFrom: intParam(1900, 2100).optional().describe("Only reports of this year or later (inclusive)."),
  yearTo: intParam(1900, 2100).optional().describe("Only reports of this year or earlier (inclusive)."),
  docType: repeated(DOC_TYPES).describe("Document types to keep (repeat or comma-separate for OR). Default: all."),
  level: repeated(LEVELS).describe("Levels of the reporting union to keep (repeat or comma-separate for OR). Default: all."),
  includeDuplicates: boolParam.optional().describe("true|false (or 1|0): also count near-duplicate copies of a report. Default false: only the canonical report of each duplicate group."),
  synonyms: boolParam
    .optional()
    .describe("true|false (or 1|0): a query word (or term) that is a key of corpus/synonyms.json also matches its synonyms, in `q`, in its exclusions and in `term`. Default true. Quoted phrases never take synonyms."),
  kind: single(z.enum(KINDS)).optional().describe('report = reports; excerpt = the "related documents" excerpts split from scraped pages. Default: report (excerpts are left out of every total).'),
  subcorpus: single(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "not a subcorpus id (lower-case letters, digits and -)"))
    .optional()
    .describe("A named subcorpus (GET /api/subcorpora): only its reports, then every other filter as usual. An unknown id is a 400 naming it. Default: no subcorpus (every report)."),
};
export const FiltersSchema = z.object(filterShape);

/** What one part of `q` (or the `term`) matched: the part itself, then each synonym it also matched. */
export const QueryPartSchema = z.object({
  text: z.string(),
  role: z.enum(["q", "term"]),
  negated: z.boolean(),
  matches: z.array(z.string()),
});
export type QueryPart = z.infer<typeof QueryPartSchema>;
const matched = { matched: z.array(QueryPartSchema).describe("what the query and the term matched (synonyms included)") };
/**
 * A subcorpus resolved to its reports (server/corpus/subcorpora.ts), set by the server after
 * validation — never a URL parameter. `key` names the set (id, definition revision and a hash of
 * the ids) for cache keys and provenance; a Set is JSON-serialised as {}, so a key built with
 * JSON.stringify holds `key`, not thousands of ids.
 */
export interface ReportSet {
  key: string;
  ids: ReadonlySet<string>;
}
export type Filters = z.infer<typeof FiltersSchema> & { within?: ReportSet };

export const FACETS = ["sector", "year", "docType", "level"] as const;
export type FacetName = (typeof FACETS)[number];

const paging = (maxPerPage: number, defaultPerPage: number) => ({
  page: intParam(1, 10_000).default(1).describe("Page number, from 1. Default 1."),
  perPage: intParam(1, maxPerPage).default(defaultPerPage).describe(`Results per page, 1–${maxPerPage}. Default ${defaultPerPage}.`),
});

const matchParam = single(z.enum(["word", "substring"]))
  .default("word")
  .describe("word = whole jieba words (工程 does not match inside 在建工程); substring = the string anywhere in the text, inside words or across them. Default word.");

export const MATCHES = ["word", "substring"] as const;

/** Search and KWIC also take a corpus query (core/cql) and a regular expression. */
export const PATTERN_MATCHES = ["word", "substring", "cql", "regex"] as const;
const patternMatchParam = single(z.enum(PATTERN_MATCHES))
  .default("word")
  .describe(
    'word = whole jieba words (工程 does not match inside 在建工程); substring = the string anywhere in the text, inside words or across them; cql = a corpus query: CQL as CQPweb and Sketch Engine read it ("开展" [] "活动", []{0,3}, [word="职工.*"], [tag="v"] "职工", [word="送温暖" | word="扶贫帮困"], … within text; a match stays in one sentence by default) or simple mode (开展*活动: any one token between; 以…为抓手: up to 8); regex = an ECMAScript regular expression over the clean text, stopped with a 422 (regex_too_slow) past the time budget (WENYUAN_REGEX_BUDGET_MS, default 5000 ms). Default word.',
  );

// ---------------------------------------------------------------- search

export const SearchQuerySchema = z.object({
  ...filterShape,
  ...paging(100, 20),
  sort: single(z.enum(["relevance", "year:desc", "year:asc"])).default("relevance").describe("relevance, or by year (newest or oldest first; unknown years last). Default relevance."),
  mode: single(z.enum(["report", "passage"])).default("report").describe("report = one hit per report; passage = one hit per passage (a section or a run of paragraphs) holding the query. Default report."),
  match: patternMatchParam,
});
export type SearchQuery = z.infer<typeof SearchQuerySchema> & Pick<Filters, "within">;

export const SnippetSchema = z.object({
  text: z.string(),
  /** character ranges [start, end) of `text` */
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type Snippet = z.infer<typeof SnippetSchema>;

export const HitSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  title: z.string(),
  pageTitle: z.string().nullable().describe("The title of the page the report was cut from (a compilation's heading, shared by its reports); null while the corpus store is not loaded"),
  sector: z.enum(SECTORS),
  year: z.number().int().nullable(),
  docType: z.enum(DOC_TYPES),
  level: z.enum(LEVELS),
  kind: z.enum(KINDS),
  source: z.string(),
  section: z.string().nullable(),
  /** offset of the snippet in the report text (to open the report there) */
  offset: z.number().int(),
  snippet: SnippetSchema,
});
export type Hit = z.infer<typeof HitSchema>;

const FacetCountsSchema = z.record(z.string(), z.number().int());
export const FacetDistributionSchema = z.object({
  sector: FacetCountsSchema,
  year: FacetCountsSchema,
  docType: FacetCountsSchema,
  level: FacetCountsSchema,
});

export const SearchResponseSchema = z.object({
  ...matched,
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  tookMs: z.number(),
  tokens: z.array(z.string()),
  /** true when the query had more words than Meilisearch uses (10): the rest were ignored */
  truncatedQuery: z.boolean(),
  hits: z.array(HitSchema),
  facets: FacetDistributionSchema,
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

// ---------------------------------------------------------------- reports

export const ReportsQuerySchema = z.object({
  ...filterShape,
  ...paging(100, 20),
  sort: single(z.enum(["year:desc", "year:asc", "chars:desc", "chars:asc", "title:asc", "added:desc"]))
    .default("year:desc")
    .describe("By year, by length in characters, by title, or newest first by when the report's source was added (added:desc). Default year:desc."),
  contains: text(200).optional().describe("Only reports whose title, source or id contains this text (case- and script-folded, as search folds). Default: no such filter."),
  match: single(z.enum(["word", "cql"])).default("word").describe("word = `q` as words; cql = `q` is a corpus query, the reports where it matches (as /api/search?match=cql selects them). Default word."),
});
export type ReportsQuery = z.infer<typeof ReportsQuerySchema> & Pick<Filters, "within">;

export const ReportRowSchema = z.object({
  id: z.string(),
  title: z.string().describe("The report's own title line, or its opening words and … when it has none"),
  pageTitle: z.string().nullable().describe("The title of the page it was cut from: for a compilation, the compilation's heading (e.g. 2023关于工会工作报告), shared by all its reports; null while the corpus store is not loaded"),
  sector: z.enum(SECTORS),
  sectorConfidence: z.number(),
  year: z.number().int().nullable(),
  docType: z.enum(DOC_TYPES),
  level: z.enum(LEVELS),
  kind: z.enum(KINDS),
  source: z.string(),
  chars: z.number().int(),
  duplicateOf: z.string().nullable(),
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const ReportsResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  reports: z.array(ReportRowSchema),
});
export type ReportsResponse = z.infer<typeof ReportsResponseSchema>;

export const ReportQuerySchema = z.object({
  highlight: text(500).optional().describe("A query whose matches are returned as `marks` (character ranges of the text). Default: none."),
  match: matchParam,
});
export const ReportParamsSchema = z.object({ id: z.string().max(64).regex(/^[\w-]+$/, "not a report id").describe("The report's id (as in search hits and the document table).") });

export const SectionSchema = z.object({ level: z.number().int(), title: z.string(), start: z.number().int() });
export const ThemeCountSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string(), count: z.number().int() });

export const ReportSchema = ReportRowSchema.extend({
  parentId: z.string(),
  piece: z.number().int(),
  period: z.string().nullable(),
  sectorEvidence: z.array(z.string()),
  text: z.string(),
  paragraphs: z.array(z.object({ start: z.number().int(), end: z.number().int(), truncated: z.boolean() })),
  sections: z.array(SectionSchema),
  duplicates: z.array(z.object({ id: z.string(), title: z.string(), source: z.string() })),
  canonical: z.object({ id: z.string(), title: z.string(), source: z.string() }).nullable(),
  themes: z.array(ThemeCountSchema),
  /** character ranges of `text` matching `highlight` */
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type ReportDetail = z.infer<typeof ReportSchema>;

// ---------------------------------------------------------------- facets, suggest, health

export const FacetQuerySchema = z.object({ ...filterShape, query: text(100).optional().describe("Only facet values containing this text. Default: all values.") });
export const FacetParamsSchema = z.object({ name: z.enum(FACETS).describe("The facet: sector, year, docType or level.") });
export const FacetResponseSchema = z.object({
  name: z.enum(FACETS),
  values: z.array(z.object({ value: z.string(), count: z.number().int() })),
});

export const SuggestQuerySchema = z.object({
  q: text(50).describe("The beginning of a word."),
  limit: intParam(1, 50).default(10).describe("Suggestions returned, 1–50. Default 10."),
});
export const SuggestResponseSchema = z.object({ suggestions: z.array(z.object({ term: z.string(), count: z.number().int() })) });

export const HealthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  meilisearch: z.enum(["available", "unavailable"]),
  reports: z.number().int().nullable(),
  corpus: z.enum(["ok", "unavailable"]),
  message: z.string().optional(),
});

export const StatsSchema = z.object({
  reports: z.number().int(),
  excerpts: z.number().int(),
  duplicates: z.number().int(),
  chars: z.number().int(),
  tokens: z.number().int(),
  sectors: z.record(z.string(), z.number().int()),
});

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** what the message is built from (a CQL error's column), for a client that words it itself */
    detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});

// ---------------------------------------------------------------- analytics

// ---------------------------------------------------------------- subcorpora (issue 26)

export const SUBCORPUS_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A definition's filters, as JSON (the URL's filters without `q` and `subcorpus`: a subcorpus is not made of another). */
export const SubcorpusFiltersSchema = z
  .object({
    sector: z.array(z.enum(SECTORS)).max(SECTORS.length).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    yearFrom: z.number().int().min(1900).max(2100).optional(),
    yearTo: z.number().int().min(1900).max(2100).optional(),
    docType: z.array(z.enum(DOC_TYPES)).max(DOC_TYPES.length).optional(),
    level: z.array(z.enum(LEVELS)).max(LEVELS.length).optional(),
    includeDuplicates: z.boolean().optional(),
    synonyms: z.boolean().optional(),
    kind: z.enum(KINDS).optional(),
  })
  .strict();
export type SubcorpusFilters = z.infer<typeof SubcorpusFiltersSchema>;
export const SUBCORPUS_KINDS = ["filters", "reports", "hits"] as const;
export const SubcorpusDefinitionSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("filters"),
      q: z.string().max(500).optional().describe("a query (as `q`): only reports matching it"),
      filters: SubcorpusFiltersSchema.default({}),
    })
    .strict()
    .describe("a query plus facet filters: the reports they select now (re-evaluated as the corpus changes)"),
  z
    .object({ kind: z.literal("reports"), ids: z.array(z.string().min(1).max(64)).min(1).max(100_000).describe("report ids, as search hits and the document table give them") })
    .strict()
    .describe("hand-picked reports; one that left the corpus is listed in `missing`, never dropped from the definition"),
  z
    .object({
      kind: z.literal("hits"),
      term: z.string().trim().min(1).max(100).describe("the concordance's term"),
      match: z.literal("word").default("word").describe("word (the concordance's whole-word match; other modes are not saved as subcorpora yet)"),
      q: z.string().max(500).optional(),
      filters: SubcorpusFiltersSchema.default({}),
    })
    .strict()
    .describe("the reports holding a concordance hit of `term` (word match, synonyms unless filters.synonyms is false) under q and the filters"),
]);
export type SubcorpusDefinition = z.infer<typeof SubcorpusDefinitionSchema>;
const SubcorpusSizeSchema = z.object({ reports: z.number().int(), words: z.number().int().describe("word tokens (stopwords included), as every rate's per-million base") });
export const SubcorpusSchema = z.object({
  id: z.string().regex(SUBCORPUS_ID),
  name: z.string(),
  description: z.string(),
  by: z.string().describe("who made it (as typed, or the admin token / local address when nothing was typed)"),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.number().int().describe("1, then +1 at every edit: provenance names it, so a figure names the definition it counted"),
  definition: SubcorpusDefinitionSchema,
  at: SubcorpusSizeSchema.extend({ generation: z.number().int() }).describe("its size when saved (or last edited), and the corpus generation then"),
});
export type Subcorpus = z.infer<typeof SubcorpusSchema>;
/** A subcorpus as the API answers it: as saved, with its size now and the hand-picked reports no longer in the corpus. */
export const SubcorpusInfoSchema = SubcorpusSchema.extend({
  now: SubcorpusSizeSchema.describe("its size in the corpus loaded now"),
  missing: z.array(z.string()).describe("hand-picked report ids no longer in the corpus (kept in the definition)"),
  key: z.string().describe("id, revision and a hash of the report ids now: what cache keys and provenance name"),
});
export type SubcorpusInfo = z.infer<typeof SubcorpusInfoSchema>;
export const SubcorpusWriteSchema = z
  .object({
    name: z.string().trim().min(1, "name is required").max(100),
    description: z.string().max(2000).default(""),
    by: z.string().trim().max(100).optional().describe("who makes it (free text); default: the admin token or local address"),
    id: z.string().regex(SUBCORPUS_ID, "not a subcorpus id (lower-case letters, digits and -)").optional().describe("create only: the id to use (default: made from the name)"),
    definition: SubcorpusDefinitionSchema,
  })
  .strict();
export const SubcorpusParamsSchema = z.object({ id: z.string().regex(SUBCORPUS_ID, "not a subcorpus id (lower-case letters, digits and -)").describe("the subcorpus's id (GET /api/subcorpora)") });
export const SubcorporaResponseSchema = z.object({ subcorpora: z.array(SubcorpusInfoSchema) });
/** What an export's provenance says of a subcorpus it counted over: all of it, so the figure can be reproduced after the subcorpus changes. */
export const SubcorpusProvenanceSchema = z.object({
  parameter: z.string().describe("subcorpus, a.subcorpus or b.subcorpus"),
  id: z.string(),
  name: z.string(),
  rev: z.number().int(),
  updatedAt: z.string(),
  definition: SubcorpusDefinitionSchema,
  reports: z.number().int().describe("its reports in the corpus the export counted"),
  words: z.number().int(),
  missing: z.array(z.string()),
  key: z.string(),
});

/** What an export (GET /api/export/{name}) says about where its rows came from. */
export const ExportProvenanceSchema = z.object({
  endpoint: z.string().describe("the endpoint whose rows these are"),
  query: z.record(z.string(), z.unknown()).describe('its parameters as applied: validated, defaults filled in, paging left out; a row limit is lifted for an export and stated as limit: "none"'),
  corpus: z.object({
    generation: z.number().int().describe("the corpus store's generation (bumped by every change)"),
    fingerprint: z.string().describe("sha256 over the store's data files and the corrections applied"),
    reports: z.number().int().describe("reports (pieces included) loaded"),
    builtWith: z.object({ corpusHash: z.string(), segmenter: z.string(), createdAt: z.string() }).nullable(),
  }),
  exportedAt: z.string().describe("ISO 8601 time of the export"),
  rows: z.number().int().nullable().describe("rows written (a CSV states it in its last line, # rows: N)"),
  software: z.string(),
  subcorpora: z.array(SubcorpusProvenanceSchema).optional().describe("the named subcorpora the rows were counted over, each with its full definition and size"),
});
export type ExportProvenance = z.infer<typeof ExportProvenanceSchema>;

const format = { format: single(z.enum(["json", "csv"])).default("json").describe("json, or csv (UTF-8 with a BOM, for Excel). Default json.") };
const term = text(100)
  .pipe(z.string().trim().min(1, "term is required"))
  .describe("The term: a word or a phrase, segmented with jieba; it matches where its words occur adjacent (required).");
const limit = (max: number, dflt: number, what = "Rows returned") => intParam(1, max).default(dflt).describe(`${what}, 1–${max}. Default ${dflt}.`);

const themeParam = text(40)
  .optional()
  .describe("A theme id of corpus/themes.yaml (/api/themes): all its terms, found as /api/themes counts them (the longest term at each place, no overlaps, no synonyms) instead of the term's words; `term` is then only its label. match=word only.");

export const KwicQuerySchema = z.object({
  ...filterShape,
  ...format,
  ...paging(500, 50),
  term,
  width: intParam(1, 200).default(20).describe("Characters of context each side of the match, 1–200. Default 20."),
  sort: single(z.enum(["L1", "L2", "R1", "R2", "doc", "best"]))
    .default("doc")
    .describe("doc = in report order; L1/L2 = by the first/second word left of the match; R1/R2 = by the first/second word right of it; best = best examples first: by the GDEX score of the sentence holding the match (complete, not a heading or list stub, 15–80 characters, few numerals, dates, placeholders and unit names, no context-dependent opener; see /methods), ties in report order. Default doc."),
  match: patternMatchParam,
  collocate: text(50).optional().describe("Keep only the lines with this word (or phrase; synonyms as in `term`) within `window` words left or right of the match. Default: every line."),
  window: intParam(1, 10).default(5).describe("Words each side in which `collocate` is looked for, 1–10. Default 5."),
  theme: themeParam,
  count: boolParam
    .default(true)
    .describe(
      "true|false: count every match. false (match=cql, sort=doc, no collocate): stop reading reports once the page is full, so a first page over a large corpus answers at once; `total` and `reports` then count only the reports read and `partial` is true (ask again with count=true for the totals). Default true.",
    ),
});
const ContextRangeSchema = z.tuple([z.number().int(), z.number().int()]);
export const KwicLineSchema = z.object({
  reportId: z.string(),
  title: z.string(),
  sector: z.enum(SECTORS),
  year: z.number().int().nullable(),
  docType: z.enum(DOC_TYPES),
  left: z.string(),
  match: z.string(),
  right: z.string(),
  offset: z.number().int(),
  /** the first two words left (L1, L2) and right (R1, R2) of the match, as ranges of `left` and `right`: what the sorts sort on */
  context: z.object({ L1: ContextRangeSchema.optional(), L2: ContextRangeSchema.optional(), R1: ContextRangeSchema.optional(), R2: ContextRangeSchema.optional() }).optional(),
});
export const KwicResponseSchema = z.object({
  ...matched,
  total: z.number().int(),
  reports: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  lines: z.array(KwicLineSchema),
  /** count=false stopped early: total and reports are lower bounds */
  partial: z.boolean().optional(),
  /** per report of the page's lines: where in it every hit lies, as fractions of its text (a dispersion strip) */
  dispersion: z.record(z.string(), z.array(z.number())).optional(),
});
export type KwicResponse = z.infer<typeof KwicResponseSchema>;

export const FrequencyQuerySchema = z.object({
  ...filterShape,
  ...format,
  limit: limit(5000, 100, "Words returned, most frequent first"),
  minLength: intParam(1, 20).default(1).describe("Minimum word length in characters, 1–20. Default 1."),
  stopwords: boolParam.default(true).describe("true|false: leave out the stopwords of corpus/stopwords.txt (totals still count them). Default true."),
});
export const FrequencyResponseSchema = z.object({
  totalTokens: z.number().int(),
  totalChars: z.number().int(),
  rows: z.array(
    z.object({
      term: z.string(),
      count: z.number().int(),
      docs: z.number().int(),
      dp: z.number().describe("Gries' DP over the reports: 0 = spread in proportion to their sizes, towards 1 = in very few"),
      per10k: z.number(),
      perMillion: z.number(),
    }),
  ),
});

/** Categorised concordances (/api/codings): breakdown and trends can leave out the lines a coding puts in some categories. */
export const CODING_MAX_CATEGORIES = 9;
const categoryName = z.string().trim().min(1, "a category needs a name").max(20, "a category name has at most 20 characters");
export const exclusionShape = {
  coding: text(12)
    .optional()
    .describe("The id of a coding (a categorised concordance, /api/codings) of this same term, match and filters; with `exclude`, the hits it puts in those categories are not counted. Default: none."),
  exclude: z
    .preprocess((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).filter((x) => x !== "")), z.array(categoryName).max(CODING_MAX_CATEGORIES).optional())
    .describe("A category of `coding` whose lines are left out (repeat for several): each such hit subtracts one from its report's count; a report whose count falls to 0 no longer holds the term. Needs `coding`."),
};
/** What an answer with coding/exclude left out. */
export const ExcludedSchema = z
  .object({
    coding: z.string(),
    categories: z.array(z.string()),
    lines: z.number().int().describe("hits left out (lines of the excluded categories that are in the concordance now)"),
    stale: z.number().int().describe("lines of those categories no longer in the concordance (after a reindex): not subtracted"),
  })
  .describe("present with coding/exclude: what was left out of the counts");

export const BREAKDOWN_BY = ["sector", "year", "docType", "level"] as const;
/** …and by report: the term's count and rate in every report of the selection (its dispersion) */
export const BREAKDOWN_GROUPS = [...BREAKDOWN_BY, "report"] as const;
export const BreakdownQuerySchema = z.object({
  ...filterShape,
  ...format,
  term,
  by: single(z.enum(BREAKDOWN_GROUPS)).default("sector").describe("Group by sector, year, docType or level, or report (one row per report, keyed by its id, with its title as `label`). Default sector."),
  match: single(z.enum(["word", "cql"])).default("word").describe("word = the term as words; cql = the term is a corpus query (see /api/kwic `match`). Default word."),
  theme: themeParam,
  ...exclusionShape,
});
export const BreakdownResponseSchema = z.object({
  ...matched,
  excluded: ExcludedSchema.optional(),
  term: z.string(),
  by: z.enum(BREAKDOWN_GROUPS),
  rows: z.array(
    z.object({
      key: z.string(),
      /** by=report: the report's title */
      label: z.string().optional(),
      count: z.number().int(),
      docs: z.number().int(),
      totalDocs: z.number().int(),
      tokens: z.number().int(),
      chars: z.number().int(),
      per10k: z.number(),
      perMillion: z.number(),
    }),
  ),
});

/** Batch queries (/api/batch): a list of terms, each counted by the breakdown analytic. */
export const BATCH_MAX_TERMS = 200;
export interface BatchTerm {
  /** 1-based line of the list */
  line: number;
  label: string;
  /** the term and the synonyms given on its line, each matched as a `term` is */
  variants: string[];
}
/**
 * One term a line: `职代会`, `职代会|职工代表大会` (synonyms, the first is the label) or
 * `民主管理: 职代会|职工代表大会` (a label, then the synonyms); full-width ： and ｜ work too. Blank
 * lines and lines starting with # are skipped. Errors name the line.
 */
export function parseBatchList(text: string): { terms: BatchTerm[] } | { error: string } {
  const terms: BatchTerm[] = [];
  const labels = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    const line = i + 1;
    if (!raw || raw.startsWith("#")) continue;
    const colon = raw.search(/[:：]/);
    const label = colon >= 0 ? raw.slice(0, colon).trim() : null;
    if (label === "") return { error: `line ${line}: a label is missing before the colon ("${raw}")` };
    if (colon >= 0 && /[:：]/.test(raw.slice(colon + 1))) return { error: `line ${line}: more than one colon ("${raw}"); write label: term|synonym` };
    const variants = (colon >= 0 ? raw.slice(colon + 1) : raw).split(/[|｜]/).map((v) => v.trim());
    if (variants.some((v) => !v)) return { error: `line ${line}: an empty term ("${raw}"); write label: term|synonym` };
    if (variants.some((v) => v.length > 100)) return { error: `line ${line}: a term longer than 100 characters` };
    const name = label ?? variants[0];
    const seen = labels.get(name);
    if (seen) return { error: `line ${line}: the label "${name}" is already used on line ${seen}` };
    labels.set(name, line);
    terms.push({ line, label: name, variants: [...new Set(variants)] });
  }
  if (!terms.length) return { error: "the list has no term (one term a line)" };
  if (terms.length > BATCH_MAX_TERMS) return { error: `line ${terms[BATCH_MAX_TERMS].line}: more than ${BATCH_MAX_TERMS} terms (${terms.length}); split the list` };
  return { terms };
}
/** A batch list's terms, or the malformed line as the parameter's 400 (zod transform). */
function batchTerms(s: string, ctx: z.RefinementCtx): BatchTerm[] {
  const r = parseBatchList(s);
  if ("error" in r) {
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  }
  return r.terms;
}
export const BatchQuerySchema = z.object({
  ...filterShape,
  ...format,
  terms: text(20_000)
    .transform(batchTerms)
    .describe(
      `The list, one term a line (at most ${BATCH_MAX_TERMS}): \`职代会\`, \`职代会|职工代表大会\` (synonyms; the first names the row) or \`民主管理: 职代会|职工代表大会\` (a label, then the synonyms); full-width ： and ｜ work too; blank lines and lines starting with # are skipped. Each term is counted as /api/breakdown counts a \`term\` (words, adjacent; corpus synonyms too unless synonyms=false). A malformed line is a 400 naming it (required).`,
    ),
  by: single(z.enum(BREAKDOWN_BY)).default("sector").describe("Group by sector, year, docType or level. Default sector."),
  then: single(z.enum(BREAKDOWN_BY))
    .optional()
    .describe("A second grouping inside each group of `by` (by=sector&then=year: the term × sector × year matrix, one row per term, sector and year present in the selection, `key2` the year). Must differ from `by`. Default: none."),
}).refine((q) => q.then === undefined || q.then !== q.by, { message: "then: must differ from by (a grouping inside itself is the grouping)", path: ["then"] });
export const BatchResponseSchema = z.object({
  by: z.enum(BREAKDOWN_BY),
  then: z.enum(BREAKDOWN_BY).nullable().describe("the second grouping, or null"),
  terms: z.array(z.object({ line: z.number().int(), label: z.string(), matches: z.array(z.string()).describe("the term, its synonyms on the line and the corpus synonyms it matched") })),
  rows: z
    .array(
      z.object({
        label: z.string().describe("the term's label"),
        key: z.string().describe("the group (sector, year, docType or level)"),
        key2: z.string().nullable().describe("with then=: the group inside `key` (e.g. the year); null without"),
        count: z.number().int().describe("occurrences of the term (any of its synonyms) in the group"),
        docs: z.number().int().describe("reports of the group containing it"),
        totalDocs: z.number().int(),
        tokens: z.number().int(),
        chars: z.number().int(),
        per10k: z.number(),
        perMillion: z.number(),
      }),
    )
    .describe("term × group, every group of the selection for every term (zero counts included), in the list's order"),
});

/** Words rising and falling (/api/trends): the slope of each word's per-10k rate on the year. */
export const TREND_STATUSES = ["rising", "falling", "flat", "notSignificant", "tooRare", "tooFewYears", "insufficient"] as const;
export const TrendsQuerySchema = z.object({
  ...filterShape,
  ...format,
  terms: text(20_000)
    .optional()
    .transform((s, ctx) => (s === undefined || !s.trim() ? undefined : batchTerms(s, ctx)))
    .describe(
      "A batch list (the syntax of /api/batch `terms`: one term a line, `label: term|synonym`), each term counted as /api/breakdown counts it; every term is answered in `terms` with its verdict. Default: every word of the selection (the kept per-report word counts summed by year).",
    ),
  minReports: intParam(1, 10_000).default(5).describe("A year is fitted only if it has at least this many reports of the selection; smaller years are shown, not used. 1–10000. Default 5."),
  minYears: intParam(3, 200).default(5).describe("Fitted years needed before anything is called a trend (a line through fewer years says little). 3–200. Default 5."),
  minWordYears: intParam(2, 200).default(3).describe("A word is tested only if it occurs in at least this many fitted years. 2–200. Default 3."),
  minCount: intParam(1, 1_000_000).default(10).describe("A word is tested only if it occurs at least this often in the fitted years. Default 10."),
  minLength: intParam(1, 20).default(1).describe("Words mode: minimum word length in characters, 1–20. Default 1."),
  stopwords: boolParam.default(true).describe("Words mode: true|false: leave out the stopwords of corpus/stopwords.txt. Default true."),
  limit: limit(1000, 50, "Words in each of the rising and falling lists, steepest first"),
  ...exclusionShape,
});
const TrendSchema = z.object({
  term: z.string().describe("the word, or the batch term's label"),
  matches: z.array(z.string()).optional().describe("batch: the term, its synonyms and the corpus synonyms it matched"),
  count: z.number().int().describe("occurrences in the fitted years"),
  docs: z.number().int().describe("reports holding it in the fitted years"),
  yearsPresent: z.number().int().describe("fitted years it occurs in"),
  slope: z.number().nullable().describe("change of the per-10k rate per year (weighted least squares, weights = the year's characters); null: not tested"),
  low: z.number().nullable().describe("95% interval of the slope (Student's t, fitted years − 2 df, residual-based standard error)"),
  high: z.number().nullable(),
  p: z.number().nullable().describe("two-sided t test of slope = 0"),
  q: z.number().nullable().describe("p adjusted by Benjamini–Hochberg over every term tested"),
  status: z.enum(TREND_STATUSES).describe("rising / falling: interval excludes 0 and q ≤ 0.05; flat: interval includes 0; notSignificant: excluded by the adjustment; tooRare, tooFewYears, insufficient: not tested"),
  reason: z.string().describe("why it has this status"),
  series: z.array(z.object({ year: z.number().int(), count: z.number().int(), docs: z.number().int(), per10k: z.number() })).describe("every year of the selection, fitted or not"),
});
export const TrendsResponseSchema = z.object({
  years: z
    .array(z.object({ year: z.number().int(), reports: z.number().int(), tokens: z.number().int(), chars: z.number().int(), used: z.boolean().describe("fitted: it has minReports reports or more") }))
    .describe("each year of the selection: what its rates rest on"),
  unknownYear: z.number().int().describe("reports of the selection without a known year (not counted)"),
  usedYears: z.number().int(),
  enough: z.boolean().describe("false: fewer than minYears fitted years, nothing is a trend"),
  message: z.string(),
  tested: z.number().int(),
  notListed: z.object({ flat: z.number().int(), notSignificant: z.number().int(), tooRare: z.number().int(), tooFewYears: z.number().int(), insufficient: z.number().int() }).describe("terms not listed, by why"),
  rising: z.array(TrendSchema),
  falling: z.array(TrendSchema),
  terms: z.array(TrendSchema).nullable().describe("batch list: every term in the list's order, listed or not"),
  excluded: ExcludedSchema.optional(),
});
export const TrendsCsvRowSchema = z.object({
  term: z.string(),
  status: z.enum(TREND_STATUSES),
  slope: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  p: z.number().nullable(),
  q: z.number().nullable(),
  year: z.number().int(),
  used: z.boolean(),
  reports: z.number().int(),
  tokens: z.number().int(),
  chars: z.number().int(),
  count: z.number().int(),
  docs: z.number().int(),
  per10k: z.number(),
});

/** keyness takes two filter sets, prefixed `a.` and `b.` */
const prefixed = <P extends string>(prefix: P) =>
  Object.fromEntries(Object.entries(filterShape).map(([k, v]) => [`${prefix}.${k}`, v.describe(`Subcorpus ${prefix}: ${v.description ?? k}`)])) as { [K in keyof typeof filterShape as `${P}.${K}`]: (typeof filterShape)[K] };
export const KeynessQuerySchema = z.object({
  ...prefixed("a"),
  ...prefixed("b"),
  ...format,
  min: intParam(1, 100_000).default(5).describe("Minimum frequency: occurrences in a and b together, 1–100000. Default 5."),
  limit: limit(1000, 100, "Rows per side (the most a-key words, then the most b-key words)"),
});
export const KeynessResponseSchema = z.object({
  totals: z.object({ a: z.number().int(), b: z.number().int() }),
  chars: z.object({ a: z.number().int(), b: z.number().int() }),
  rows: z.array(
    z.object({
      term: z.string(),
      a: z.object({ count: z.number().int(), per10k: z.number(), perMillion: z.number() }),
      b: z.object({ count: z.number().int(), per10k: z.number(), perMillion: z.number() }),
      g2: z.number(),
      logRatio: z.number(),
    }),
  ),
});

export const CollocatesQuerySchema = z.object({
  ...filterShape,
  ...format,
  term,
  window: intParam(1, 20).default(5).describe("Window in words each side of the term, 1–20 (punctuation is not counted; a window stops at a sentence end). Default 5."),
  measure: single(z.enum(["mi", "llr", "t", "logdice"])).default("logdice").describe("Sort by mutual information, log-likelihood (G²), t-score or logDice. Default logdice."),
  min: intParam(1, 10_000).default(3).describe("Minimum frequency: co-occurrences within the window, 1–10000. Default 3."),
  limit: limit(1000, 50),
});
export const CollocatesResponseSchema = z.object({
  ...matched,
  node: z.number().int(),
  totalTokens: z.number().int(),
  totalChars: z.number().int(),
  windowTokens: z.number().int(),
  rows: z.array(
    z.object({
      term: z.string(),
      count: z.number().int(),
      freq: z.number().int(),
      expected: z.number(),
      per10k: z.number(),
      perMillion: z.number(),
      mi: z.number(),
      llr: z.number(),
      t: z.number(),
      logdice: z.number(),
    }),
  ),
});

export const NgramsQuerySchema = z.object({
  ...filterShape,
  ...format,
  n: intParam(2, 8).default(3).describe("Words per sequence, 2–8. Default 3."),
  min: intParam(1, 10_000).default(3).describe("Minimum frequency: occurrences of the sequence, 1–10000. Default 3."),
  limit: limit(1000, 100),
});
export const NgramsResponseSchema = z.object({
  rows: z.array(z.object({ text: z.string(), tokens: z.array(z.string()), count: z.number().int(), docs: z.number().int() })),
});

export const THEMES_BY = ["sector", "year", "docType"] as const;
export const ThemesQuerySchema = z.object({
  ...filterShape,
  ...format,
  by: single(z.enum(THEMES_BY)).default("sector").describe("Columns of the matrix: sector, year or docType. Rates are per 10k characters (每万字) of the group. Default sector."),
});
export const ThemesResponseSchema = z.object({
  themes: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), terms: z.array(z.string()) })),
  groups: z.array(z.object({ key: z.string(), docs: z.number().int(), chars: z.number().int(), tokens: z.number().int() })),
  cells: z.array(z.object({ theme: z.string(), group: z.string(), docs: z.number().int(), count: z.number().int(), per10k: z.number(), perMillion: z.number() })),
});

export const PhrasingQuerySchema = z.object({ ...filterShape, ...format, term, limit: limit(100, 20, "Clusters returned") });
const MarksSchema = z.array(z.tuple([z.number().int(), z.number().int()]));
export const PhrasingResponseSchema = z.object({
  ...matched,
  term: z.string(),
  total: z.number().int(),
  /** sentences clustered: total, or a sample of it when there are more */
  considered: z.number().int(),
  clusters: z.array(
    z.object({
      pattern: z.string(),
      gaps: z.number().int(),
      reports: z.number().int(),
      sectors: z.record(z.string(), z.number().int()),
      sentences: z.number().int(),
      examples: z.array(
        z.object({ reportId: z.string(), title: z.string(), sector: z.enum(SECTORS), text: z.string(), marks: MarksSchema, termAt: z.tuple([z.number().int(), z.number().int()]) }),
      ),
    }),
  ),
});
export type PhrasingResponse = z.infer<typeof PhrasingResponseSchema>;

export const FRAME_RELATIONS = ["verb", "after", "modifier"] as const;
/** how a frames table is ordered: logDice (Sketch Engine) or count (the writing page) */
export const FRAME_SORTS = ["logDice", "count"] as const;
export const FramesQuerySchema = z.object({
  ...filterShape,
  ...format,
  term,
  min: intParam(1, 10_000).default(1).describe("Minimum frequency: occurrences of the term with the collocate, 1–10000. Default 1."),
  rankMin: intParam(1, 10_000)
    .default(3)
    .describe("Occurrences a collocate needs before logDice ranks it, 1–10000. Default 3: rarer rows (a word seen once or twice with the term scores a high logDice by chance) are listed after the ranked ones, by count, with ranked=false."),
  limit: limit(200, 25, "Rows per relation and variants returned"),
  sort: single(z.enum(FRAME_SORTS))
    .default("logDice")
    .describe("How each relation's rows are ordered: logDice (Sketch Engine's ranking: the collocate most typical of the term first, from rankMin occurrences; rarer rows after, by count) or count (the collocate used most with the term first, a head verb with its forms counted under it; logDice breaks ties). Default logDice; the writing page asks count."),
  pick: text(200).optional().describe("One row's sentences, paged: `verb:开展`, `after:活动`, `modifier:扶贫帮困` or `variant:开展|活动` (verb|after, either may be empty)."),
  ...paging(100, 20),
});
const FrameExampleSchema = z.object({
  reportId: z.string(),
  title: z.string(),
  sector: z.enum(SECTORS),
  year: z.number().int().nullable(),
  /** the sentence */
  text: z.string(),
  /** where the sentence starts in the report's text: the report opens there (`at=`) */
  start: z.number().int(),
  termAt: z.tuple([z.number().int(), z.number().int()]),
  /** the collocates (the varying parts), as ranges of `text` */
  marks: MarksSchema,
});
const frameCounts = { count: z.number().int(), reports: z.number().int(), bySector: z.record(z.string(), z.number().int()) };
export const FramesResponseSchema = z.object({
  ...matched,
  term: z.string(),
  occurrences: z.number().int(),
  reports: z.number().int(),
  /** every sector, in order: a column each, empty ones too */
  sectors: z.array(z.string()),
  relations: z.array(
    z.object({
      name: z.enum(FRAME_RELATIONS),
      /** occurrences of the term with a collocate in this relation */
      total: z.number().int(),
      rows: z.array(
        z.object({
          word: z.string(),
          ...frameCounts,
          freq: z.number().int(),
          logDice: z.number(),
          ranked: z.boolean().describe("count ≥ rankMin: ordered by logDice; false rows follow, by count"),
          variants: z
            .array(z.object({ term: z.string(), count: z.number().int() }))
            .describe("Verbs only: the prefixed forms counted under this head verb (深入开展, 积极开展 under 开展), each with its occurrences; the row's count is the head's own plus these. The head is decided by the corpus: a word ending in another corpus word (≥ 2 characters) tagged as a verb. Empty for other relations."),
          example: FrameExampleSchema,
        }),
      ),
    }),
  ),
  variants: z.array(z.object({ verb: z.string().nullable(), after: z.string().nullable(), pattern: z.string(), ...frameCounts, example: FrameExampleSchema })),
  lines: z.object({ pick: z.string(), total: z.number().int(), page: z.number().int(), perPage: z.number().int(), rows: z.array(FrameExampleSchema) }).nullable(),
});
export type FramesResponse = z.infer<typeof FramesResponseSchema>;

/** Sketch difference (/api/sketchdiff): the frames of one term in two subcorpora, or of two terms, as one list per relation. */
export const SKETCH_SIDES = ["a", "b", "both"] as const;
export const SketchDiffQuerySchema = z.object({
  ...prefixed("a"),
  ...prefixed("b"),
  ...format,
  term: term.describe("The term of side A, and of side B unless termB is given: a word or a phrase, segmented with jieba (required)."),
  termB: text(100)
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined))
    .describe("Side B's term (职代会 vs 教代会). Default: the same term as A, in B's subcorpus."),
  min: intParam(1, 10_000).default(1).describe("Minimum frequency: occurrences with the collocate on both sides together (countA + countB), 1–10000. Default 1."),
  rankMin: intParam(1, 10_000)
    .default(3)
    .describe("Occurrences a collocate needs on at least one side before its difference ranks it, 1–10000. Default 3: rows rarer on both sides (a high logDice by chance) follow the ranked ones, with ranked=false."),
  limit: limit(200, 30, "Rows per relation: those with the largest |diff| (the ranked first), then listed from A-preferred to B-preferred"),
});
const SketchSideSchema = z.object({
  term: z.string(),
  occurrences: z.number().int().describe("occurrences of the term (and its synonyms) in the side's subcorpus"),
  reports: z.number().int(),
  ...matched,
});
export const SketchDiffResponseSchema = z.object({
  a: SketchSideSchema,
  b: SketchSideSchema,
  /** how the sides differ: the subcorpus (one term), the term (one subcorpus), or both */
  contrast: z.enum(["subcorpus", "term", "both"]),
  relations: z.array(
    z.object({
      name: z.enum(FRAME_RELATIONS),
      /** occurrences of each side's term with a collocate in this relation */
      totalA: z.number().int(),
      totalB: z.number().int(),
      rows: z.array(
        z.object({
          word: z.string(),
          countA: z.number().int(),
          countB: z.number().int(),
          reportsA: z.number().int(),
          reportsB: z.number().int(),
          logDiceA: z.number().nullable().describe("the row's logDice in /api/frames of side A; null: the collocate is not seen with A's term"),
          logDiceB: z.number().nullable(),
          diff: z.number().describe("logDiceA − logDiceB, an absent side scoring 0 (so a collocate of one side only has that side's logDice as its difference)"),
          side: z.enum(SKETCH_SIDES).describe("a: diff ≥ 1 (A's term is at least twice as typical with it); b: diff ≤ −1; both: in between"),
          ranked: z.boolean().describe("count ≥ rankMin on at least one side; false rows follow the ranked ones"),
          formsA: z.array(z.object({ term: z.string(), count: z.number().int() })).describe("verbs: the forms counted under this head verb on side A (深入开展 under 开展)"),
          formsB: z.array(z.object({ term: z.string(), count: z.number().int() })),
          exampleA: FrameExampleSchema.nullable().describe("side A's best example (GDEX), null when absent there"),
          exampleB: FrameExampleSchema.nullable(),
        }),
      ),
    }),
  ),
});
export type SketchDiffResponse = z.infer<typeof SketchDiffResponseSchema>;

export const FormulasQuerySchema = z.object({
  ...filterShape,
  ...format,
  min: intParam(2, 10_000).default(3).describe("Minimum frequency: reports using the formula, 2–10000. Default 3."),
  limit: limit(500, 50),
});
export const FormulasResponseSchema = z.object({
  /** reports read: all of the subcorpus, or a sample of it when there are more */
  sampledDocs: z.number().int(),
  rows: z.array(
    z.object({
      pattern: z.string(),
      count: z.number().int(),
      reports: z.number().int(),
      sectors: z.record(z.string(), z.number().int()),
      fillers: z.array(z.array(z.object({ text: z.string(), count: z.number().int() }))),
    }),
  ),
});

export const SimilarQuerySchema = z.object({
  ...filterShape,
  ...format,
  text: text(2000)
    .pipe(z.string().trim().min(1, "text is required"))
    .describe("A sentence or paragraph (up to 2000 characters) to find the closest corpus sentences to (required)."),
  limit: limit(100, 10, "Sentences returned"),
});
export const SimilarResponseSchema = z.object({
  rows: z.array(
    z.object({
      reportId: z.string(),
      title: z.string(),
      sector: z.enum(SECTORS),
      year: z.number().int().nullable(),
      text: z.string(),
      start: z.number().int(),
      score: z.number(),
      /** reports using this sentence or a near-identical one */
      reports: z.number().int(),
      /** those other reports (at most 10), each opened at its copy */
      also: z.array(z.object({ reportId: z.string(), title: z.string(), sector: z.enum(SECTORS), year: z.number().int().nullable(), start: z.number().int() })),
      /** the words it shares with the draft (stopwords aside), as ranges of `text` */
      marks: MarksSchema,
    }),
  ),
  /** the draft's rarest words (highest idf first): the terms whose frames a writer looks up */
  keyTerms: z.array(z.string()),
});

// ---------------------------------------------------------------- corpus management

export const SourceSchema = z.object({
  path: z.string().describe('"seed-000.txt" (a file of the corpus folder) or "sources/报告.docx" (added in the browser or with npm run index, kept in the data folder)'),
  origin: z.enum(ORIGINS),
  sha256: z.string().nullable(),
  bytes: z.number().int(),
  mtimeMs: z.number(),
  addedAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(SOURCE_STATUSES).describe("indexed; copy (byte-identical to copyOf, indexed once); skipped (reason); removed (a corpus-folder file taken out in the browser)"),
  copyOf: z.string().optional(),
  reason: z.string().optional(),
  reports: z.array(z.string()),
  gen: z.number().int(),
});
export const SourcesResponseSchema = z.object({ sources: z.array(SourceSchema), generation: z.number().int() });

export const JobSchema = z.object({
  id: z.string(),
  kind: z.enum(["upload", "remove"]),
  state: z.enum(["running", "done", "failed"]),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  sources: z.array(z.string()),
  summary: z
    .object({
      mode: z.enum(["unchanged", "incremental", "rebuild"]),
      added: z.array(z.string()),
      removed: z.array(z.string()),
      copies: z.array(z.object({ source: z.string(), copyOf: z.string() })),
      filesSkipped: z.array(z.object({ source: z.string(), reason: z.string() })),
      reports: z.number().int(),
      seconds: z.number(),
    })
    .nullable(),
  error: z.string().nullable(),
  files: z
    .array(
      z.object({
        name: z.string().describe("the name it was uploaded under"),
        path: z.string().describe("the source path it is kept at (\"\" if it was not kept)"),
        outcome: z.enum(["added", "renamed", "replaced", "duplicate", "skipped"]),
        copyOf: z.string().optional().describe("duplicate: the source holding the same bytes"),
        reason: z.string().optional().describe("skipped: why"),
      }),
    )
    .describe("what became of each uploaded file: added; renamed (kept at `path`, its name was taken by different bytes); replaced (with replace: true); duplicate of `copyOf` (identical bytes, indexed once); skipped (`reason`)"),
  resumedAt: z.string().nullable().describe("set when the server stopped during the job (killed, crashed) and its next start finished it"),
});
export type Job = z.infer<typeof JobSchema>;
export const JobParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, "not a job id").describe("the id POST /api/jobs answered") });
export const JobRequestSchema = z.union([
  z
    .object({
      add: z.array(z.string()).min(1).max(500).describe("ids from PUT /api/uploads/{name}"),
      replace: z.boolean().optional().describe("true: a file replaces the source already kept under its name; default false: both are kept, the new one as \"name (2).ext\""),
    })
    .strict(),
  z.object({ remove: z.array(z.string()).length(1).describe("a source path, as GET /api/sources lists it") }).strict(),
]);
/** A researcher's correction of a report's metadata (PUT /api/reports/{id}/metadata; core/corrections.ts keeps them). */
export const CorrectionSchema = z
  .object({
    sector: z.enum(SECTORS).optional(),
    year: z.number().int().min(1900).max(2100).nullable().optional(),
    docType: z.enum(DOC_TYPES).optional(),
    level: z.enum(LEVELS).optional(),
    title: z.string().trim().min(1).max(300).optional(),
  })
  .strict();
export type Correction = z.infer<typeof CorrectionSchema>;

export const UploadResponseSchema = z.object({ upload: z.string(), name: z.string() });
export const CorrectionResponseSchema = z.object({ id: z.string(), correction: CorrectionSchema.extend({ at: z.string() }) });
/** A correction whose report left the corpus (its source removed, or reindexed away): no longer applied, kept to see and restore. */
export const RetiredCorrectionSchema = z.object({ id: z.string(), correction: CorrectionSchema.extend({ at: z.string() }), retiredAt: z.string(), reason: z.string() });
export const CorrectionsResponseSchema = z.object({
  reports: z.record(z.string(), CorrectionSchema.extend({ at: z.string() })),
  retired: z.array(RetiredCorrectionSchema).describe("corrections of reports that left the corpus: not applied, not re-applied when the same report comes back"),
});

export const CORRECTABLE_FIELDS = ["sector", "year", "docType", "level", "title"] as const;
/** One field of one report changed by one write (data/corrections-history.jsonl): set, undo of an earlier entry, or retired with its report. */
export const CorrectionHistoryEntrySchema = z.object({
  seq: z.number().int().describe("1, 2, …: the entry's number, what POST /api/corrections/undo takes as `entry`"),
  at: z.string(),
  who: z.string().describe('"admin token" (with the client address), "local" (from this machine, with its address), or the indexer run that retired it'),
  action: z.enum(["set", "undo", "retire"]),
  write: z.string().describe("the entries one request wrote share it"),
  report: z.string(),
  field: z.enum(CORRECTABLE_FIELDS),
  from: z.union([z.string(), z.number(), z.null()]),
  to: z.union([z.string(), z.number(), z.null()]),
  /** whether `from` / `to` was a correction (false: the classifier's own value, or none when the report is gone) */
  fromCorrected: z.boolean(),
  toCorrected: z.boolean(),
  undoes: z.number().int().optional(),
  reason: z.string().optional(),
});
export type CorrectionHistoryEntry = z.infer<typeof CorrectionHistoryEntrySchema>;
export const CorrectionHistoryQuerySchema = z.object({
  report: text(100).optional().describe("Only this report's entries. Default: every report."),
  limit: intParam(1, 10_000).default(200).describe("The newest this many entries. Default 200."),
});
export const CorrectionHistoryResponseSchema = z.object({ total: z.number().int(), entries: z.array(CorrectionHistoryEntrySchema).describe("newest first") });
export const BulkCorrectionSchema = z
  .object({
    ids: z.array(z.string().min(1).max(100)).min(1).max(1000).describe("the reports' ids"),
    set: CorrectionSchema.describe("the fields to set on every one of them"),
  })
  .strict();
export const BulkCorrectionResponseSchema = z.object({ ids: z.array(z.string()), corrections: z.record(z.string(), CorrectionSchema.extend({ at: z.string() })), entries: z.array(CorrectionHistoryEntrySchema) });
export const UndoRequestSchema = z.union([
  z.object({ entry: z.number().int().min(1).describe("a history entry's seq: that one field goes back") }).strict(),
  z.object({ report: z.string().min(1).max(100).describe("a report id: its latest write not yet undone goes back") }).strict(),
]);
export const UndoResponseSchema = z.object({ entries: z.array(CorrectionHistoryEntrySchema).describe("the undo's own entries") });

// ---------------------------------------------------------------- draft check (the writing page)

export const SECTION_KINDS = ["guiding", "review", "problems", "experience", "next"] as const;
/** A whole draft fits: a long 工作报告 runs to 10–15 thousand characters. */
export const DRAFT_MAX_CHARS = 30_000;
export const DraftCheckRequestSchema = z
  .object({
    text: z
      .string({ error: "the draft is required (a string)" })
      .max(DRAFT_MAX_CHARS, `the draft is longer than ${DRAFT_MAX_CHARS} characters; check it in parts`)
      .refine((s) => /[\p{L}\p{N}]/u.test(s), "the draft is empty (no letters or digits)")
      .describe(`The whole draft (up to ${DRAFT_MAX_CHARS} characters), paragraphs separated by line breaks. Never stored, logged or cached.`),
    sector: z.enum(SECTORS).describe("the draft's sector"),
    docType: z.enum(DOC_TYPES).describe("the draft's document type (summary = 工作总结, report = 工作报告, plan = 工作计划)"),
  })
  .strict();
export type DraftCheckRequest = z.infer<typeof DraftCheckRequestSchema>;
const DraftRefSchema = z.object({
  reportId: z.string(),
  title: z.string(),
  sector: z.enum(SECTORS),
  docType: z.enum(DOC_TYPES),
  year: z.number().int().nullable(),
  /** the heading or the opening sentence: char offsets in the report's text */
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  via: z.enum(["heading", "paragraph"]),
});
const TermUseSchema = z.object({ term: z.string(), count: z.number().int(), reports: z.number().int(), per10k: z.number() });
const PeriodUseSchema = z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int(), reports: z.number().int(), chars: z.number().int(), per10k: z.number() });
export const DraftCheckResponseSchema = z.object({
  sector: z.enum(SECTORS),
  docType: z.enum(DOC_TYPES),
  basis: z
    .object({
      sector: z.enum(SECTORS).nullable().describe("null: every sector"),
      docTypes: z.array(z.enum(DOC_TYPES)).describe("empty: every type"),
      reports: z.number().int(),
      widened: z.boolean().describe("true: fewer than `min` reports of the draft's sector and type, so the comparison widened"),
      min: z.number().int(),
    })
    .describe("the reports the draft's outline is compared with"),
  threshold: z.number().describe("a kind at least this share of the basis has is one the draft should have"),
  outline: z.array(z.object({ level: z.number().int(), title: z.string(), start: z.number().int(), kind: z.enum(SECTION_KINDS).nullable() })).describe("the draft's headings (level 0: an unnumbered heading line)"),
  parts: z.array(z.object({ kind: z.enum(SECTION_KINDS), start: z.number().int(), end: z.number().int(), text: z.string(), via: z.enum(["heading", "paragraph"]) })).describe("the section kinds the draft has"),
  kinds: z
    .array(
      z.object({
        kind: z.enum(SECTION_KINDS),
        reports: z.number().int().describe("reports of the basis that have it"),
        share: z.number(),
        position: z.number().describe("median place of the part in the reports that have it, 0 (start) .. 1 (end)"),
        inDraft: z.boolean(),
        missing: z.boolean().describe("share ≥ threshold and not in the draft"),
        examples: z.array(DraftRefSchema),
      }),
    )
    .describe("every kind the basis has, in the order reports usually have them"),
  paragraphs: z
    .array(z.object({ n: z.number().int(), start: z.number().int(), text: z.string(), rows: SimilarResponseSchema.shape.rows }))
    .describe("each paragraph's closest sentences (/api/similar's analytic) from the reports of the draft's sector"),
  similarScope: z.object({ sector: z.enum(SECTORS).nullable(), reports: z.number().int() }),
  formulations: z
    .array(
      z.object({
        term: z.string(),
        reason: z.enum(["rarer", "fell", "rare"]).describe("rarer: a synonym is used at least twice as often; fell: its rate fell from the earlier to the later years; rare: at most once in the corpus and no synonym"),
        use: TermUseSchema,
        alternative: TermUseSchema.nullable(),
        early: PeriodUseSchema.nullable(),
        late: PeriodUseSchema.nullable(),
      }),
    )
    .describe("提法 of the draft worth a second look, with counts over the whole corpus"),
  corpus: z.object({
    reports: z.number().int(),
    chars: z.number().int(),
    withYear: z.number().int().describe("reports with a known year"),
    yearsCompared: z.boolean().describe("false: fewer than periodMin dated reports in the earlier or the later half, so no fell rows"),
    periodMin: z.number().int(),
  }),
});
export type DraftCheckResponse = z.infer<typeof DraftCheckResponseSchema>;

// ---------------------------------------------------------------- saved queries (data/queries.json)

/** The views a query can be saved from; core/api/savedViews.ts says what each one's URL may hold. */
export const SAVED_VIEWS = ["search", "kwic", "analytics", "compare"] as const;
export type SavedView = (typeof SAVED_VIEWS)[number];
export const SavedQuerySchema = z.object({
  id: z.string().describe("12 hex digits"),
  name: z.string(),
  view: z.enum(SAVED_VIEWS),
  params: z.string().describe("the view's URL parameters (a query string without `?`)"),
  url: z.string().describe("the view's path and parameters: opens the view exactly as saved"),
  summary: z.string(),
  count: z.number().int().nullable().describe("the view's headline count when saved (search: reports; KWIC: lines; …); null: none"),
  who: z.string(),
  at: z.string(),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;
export const SAVED_QUERIES_MAX = 1000;
export const SaveQueryRequestSchema = z
  .object({
    name: z.string({ error: "name is required (a string)" }).trim().min(1, "the name is empty").max(100, "the name is longer than 100 characters").describe("what the query is called (unique on the instance, 1–100 characters)"),
    view: z.enum(SAVED_VIEWS, { error: `view must be one of ${SAVED_VIEWS.join(", ")}` }).describe("the view it runs in: search, kwic, analytics or compare"),
    params: z.string({ error: "params is required (a query string)" }).max(4000, "params is longer than 4000 characters").describe("the view's URL parameters as its address bar holds them (q=职代会&sector=hospital); checked with the view's API schemas"),
    summary: z.string().max(500).default("").describe("a short description of the query (its text and filters), shown in the list"),
    count: z.number().int().min(0).nullable().default(null).describe("the view's headline count when saved (search: reports; KWIC: lines); null: none"),
  })
  .strict();
export type SaveQueryRequest = z.input<typeof SaveQueryRequestSchema>;
export const SavedQueriesResponseSchema = z.object({ queries: z.array(SavedQuerySchema).describe("newest first"), max: z.number().int().describe("how many the instance keeps at most") });
export const SavedQueryParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, "not a saved query's id").describe("the saved query's id") });
export const DeletedQueryResponseSchema = z.object({ deleted: SavedQuerySchema });

// ---------------------------------------------------------------- categorised concordances

/** The query parameters that select a concordance's lines (kwic's, without paging, sort, width and format): what a coding belongs to. */
export const CodingQuerySchema = KwicQuerySchema.pick({
  q: true,
  sector: true,
  year: true,
  yearFrom: true,
  yearTo: true,
  docType: true,
  level: true,
  includeDuplicates: true,
  synonyms: true,
  kind: true,
  term: true,
  match: true,
  collocate: true,
  window: true,
  theme: true,
});
export type CodingQuery = z.infer<typeof CodingQuerySchema>;
/** A line of a concordance: its report and the match's offset in the report's text. */
export const LINE_KEY = /^[\w-]{1,64}:\d{1,9}$/;
/** Every key of a record a line ("<reportId>:<offset>"): the first that is not is named. */
const lineKeys = (r: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const bad = Object.keys(r).find((k) => !LINE_KEY.test(k));
  if (bad !== undefined) ctx.addIssue({ code: "custom", message: `${JSON.stringify(bad)} is not a line: a line is "<reportId>:<offset>"` });
};
export const UNCODED = "(uncoded)";
export const CodingCategorySchema = z.object({
  name: categoryName.refine((n) => n !== UNCODED, `"${UNCODED}" is the name of the uncoded lines`).describe("the category, e.g. 实指, 套话, 无关"),
  key: z.string().regex(/^[1-9]$/, "a key is one digit 1–9").optional().describe("the key that assigns it in the concordance (default: its place in the list, 1–9)"),
});
export const CodingSchema = z.object({
  id: z.string(),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])).describe("the concordance's parameters in canonical form (as /api/kwic takes them; defaults left out)"),
  categories: z.array(CodingCategorySchema),
  assignments: z.record(z.string(), z.string()).describe('"<reportId>:<offset>" → category'),
  by: z.string().describe("who wrote it last (admin token or local, with the client address)"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Coding = z.infer<typeof CodingSchema>;
export const CodingAnswerSchema = z.object({
  coding: CodingSchema.nullable().describe("null: the query has no coding yet"),
  query: CodingSchema.shape.query,
  lines: z.number().int().nullable().describe("lines of the concordance now; null when it has no coding (not counted: /api/kwic says how many)"),
  coded: z.number().int().describe("of them, lines with a category"),
  stale: z.array(z.object({ line: z.string(), category: z.string() })).describe("assignments whose line is no longer in the concordance (a reindex changed or removed its report): kept, not counted"),
});
export const CodingParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, "not a coding id").describe("the coding's id (from GET /api/codings)") });
export const SaveCodingSchema = z.object({
  query: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
    .describe("the concordance's parameters, as /api/kwic takes them (term, match, q, sector, …, collocate, window, theme); paging, sort and width are ignored"),
  categories: z.array(CodingCategorySchema).min(1, "give at least one category").max(CODING_MAX_CATEGORIES, `at most ${CODING_MAX_CATEGORIES} categories`),
  assignments: z.record(z.string(), categoryName).superRefine(lineKeys).optional().describe("replace every assignment with these; absent: kept (each must still name a category)"),
});
export const CodeLinesSchema = z.object({
  set: z
    .record(z.string(), categoryName.nullable())
    .superRefine(lineKeys)
    .refine((r) => Object.keys(r).length > 0, "nothing to set")
    .refine((r) => Object.keys(r).length <= 5000, "at most 5000 lines at once")
    .describe('"<reportId>:<offset>" → a category, or null to clear the line'),
});
export const DeleteCodingResponseSchema = z.object({ deleted: z.string() });
export const CODING_BY = ["sector", "year"] as const;
export const CodingDistributionQuerySchema = z.object({
  ...format,
  coding: single(z.string().regex(/^[0-9a-f]{12}$/, "not a coding id")).describe("the coding's id (required)"),
  by: single(z.enum(CODING_BY)).default("sector").describe("Group the lines by sector or by year (unknown last). Default sector."),
});
export const CodingDistributionResponseSchema = z.object({
  coding: z.string(),
  by: z.enum(CODING_BY),
  lines: z.number().int(),
  stale: z.number().int().describe("assignments whose line is no longer in the concordance (not counted)"),
  groups: z.array(z.object({ key: z.string(), lines: z.number().int() })).describe("every group with lines, in order"),
  rows: z
    .array(
      z.object({
        category: z.string().describe(`the category, or "${UNCODED}"`),
        uncoded: z.boolean(),
        key: z.string().describe("the group: a sector, or a year (unknown: no year)"),
        lines: z.number().int().describe("lines of the category in the group"),
        share: z.number().describe("lines / the group's lines"),
      }),
    )
    .describe("category × group, every category (uncoded last) for every group, zero counts included"),
});

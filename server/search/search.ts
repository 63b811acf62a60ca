// /api/search: word and phrase search in Meilisearch (disjunctive facets through
// one multi-search), substring search over the corpus image in the analytics pool (Meilisearch
// is prefix-only for Chinese and cannot find 工程 inside 在建工程).
import { sectionAt } from "../../core/documents.ts";
import type { Segmenter } from "../../core/text/segment.ts";
import { FACETS, type Hit, type SearchQuery, type SearchResponse } from "../../core/api/schema.ts";
import type { Meilisearch } from "meilisearch";
import type { IndexNames } from "../../core/meili/indexes.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import { activeFacets } from "../../core/meili/filters.ts";
import { wordSearchQueries } from "../../core/meili/requests.ts";
import { multiSearch } from "../../core/meili/search.ts";
import { explainQuery, parseQuery, type ParsedQuery } from "../../core/query.ts";
import { makeSnippet, markParts, queryOccurrences } from "./snippet.ts";
import { jsonSize } from "../cache.ts";
import type { RunContext } from "../pool/pool.ts";
import { fold } from "../../core/fold.ts";
import { tokenStart } from "../../core/corpus/offsets.ts";
import type { Pattern } from "../../core/cql/ast.ts";
import { explainPattern, patternOf } from "../analytics/cqlTerm.ts";
import { regexSource, withRegexBudget } from "../analytics/regex.ts";

export interface SearchDeps {
  meili: Meilisearch;
  names: IndexNames;
  segmenter: Segmenter;
  synonyms: Record<string, string[]>;
  corpus: CorpusHolder;
  /** the store generation the server has loaded: documents of later ones stay hidden (core/documents.ts `gen`) */
  visibleGeneration?: () => number;
  /** WENYUAN_REGEX_BUDGET_MS (core/config.ts); default REGEX_BUDGET_MS */
  regexBudgetMs?: number;
}

type Facets = SearchResponse["facets"];
const emptyFacets = (): Facets => ({ sector: {}, year: {}, docType: {}, level: {} });

interface MeiliHit {
  id: string;
  reportId?: string;
  title: string;
  source?: string;
  section?: string | null;
  start?: number;
  end?: number;
  sector: Hit["sector"];
  docType: Hit["docType"];
  level: Hit["level"];
  kind: Hit["kind"];
  year?: number;
}

export async function search(deps: SearchDeps, query: SearchQuery, ctx: RunContext = {}): Promise<SearchResponse> {
  const t0 = performance.now();
  // the other modes read `q` as a string or an expression, not as words: `%` is a fine substring
  const parsed = parseQuery(query.match === "word" ? query.q : undefined, deps.segmenter, deps.synonyms, { synonyms: query.synonyms });
  const typed = query.q?.trim() ?? "";
  const substring = query.match === "substring" && Boolean(typed);
  // a string typed in traditional characters finds its simplified form, as words do (core/fold.ts)
  const needle = substring ? fold(typed) : typed;
  const pattern = query.match === "cql" && typed ? patternOf(typed, deps.segmenter, "q") : null;
  const regex = query.match === "regex" && typed ? regexSource(typed, "q") : null;
  const result = pattern
    ? await cqlSearch(deps, query, pattern, ctx)
    : regex !== null
      ? await regexSearch(deps, { ...query, q: regex }, ctx)
      : substring
        ? await substringSearch(deps, { ...query, q: needle }, ctx)
        : parsed.meiliExact
          ? await wordSearch(deps, query, parsed)
          : await corpusWordSearch(deps, query, parsed, ctx);
  // a string or an expression as typed, and what it became once folded
  const asTyped = (used: string) => [{ text: typed, role: "q" as const, negated: false, matches: used !== typed ? [typed, used] : [typed] }];
  return {
    total: result.total,
    page: query.page,
    perPage: query.perPage,
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
    tokens: query.match === "substring" ? [needle] : pattern || regex !== null ? [] : parsed.tokens,
    // answered from the corpus image, every word counted
    truncatedQuery: query.match === "word" && parsed.meiliExact && parsed.truncated,
    hits: result.hits,
    facets: result.facets,
    matched: pattern ? [explainPattern(typed, pattern, "q")] : regex !== null ? asTyped(regex) : substring ? asTyped(needle) : explainQuery(parsed),
  };
}

async function wordSearch(deps: SearchDeps, query: SearchQuery, parsed: ParsedQuery) {
  const index = query.mode === "passage" ? deps.names.passages : deps.names.reports;
  const disjunctive = activeFacets(query);
  const queries = wordSearchQueries({
    indexUid: index,
    q: parsed.meiliQ,
    filters: query,
    sort: query.sort,
    page: query.page,
    hitsPerPage: query.perPage,
    disjunctive,
    visibleGeneration: deps.visibleGeneration?.(),
  });
  const results = await multiSearch<MeiliHit>(deps.meili, queries);
  const main = results[0];
  const facets = emptyFacets();
  for (const f of FACETS) facets[f] = main.facetDistribution?.[f] ?? {};
  disjunctive.forEach((f, i) => (facets[f] = results[i + 1].facetDistribution?.[f] ?? {}));
  const corpus = deps.corpus.peek();
  const parts = corpus ? markParts(corpus, parsed) : [];
  const hits = main.hits.map((h): Hit => {
    const reportId = h.reportId ?? h.id;
    const doc = corpus?.byId.get(reportId);
    const from = h.start ?? 0;
    const length = doc && corpus ? tokenStart(corpus, doc, doc.tokenIds.length) : 0;
    const to = h.end ?? length;
    const occ = doc && corpus ? queryOccurrences(corpus, doc, parts, from, to) : [];
    // only the snippet's characters are read (the texts stay in the corpus image's file)
    const text = doc && corpus ? { length, slice: (a: number, b: number) => corpus.textSlice(doc, a, b) } : "";
    const { snippet, offset } = doc ? makeSnippet(text, occ, from, to) : { snippet: { text: "", marks: [] }, offset: from };
    return {
      id: h.id,
      reportId,
      title: h.title,
      pageTitle: doc?.report.pageTitle ?? null,
      sector: h.sector,
      year: h.year ?? null,
      docType: h.docType,
      level: h.level,
      kind: h.kind,
      source: h.source ?? doc?.report.source ?? "",
      section: h.section ?? (doc ? sectionAt(doc.report, offset) : null),
      offset,
      snippet,
    };
  });
  return { total: main.totalHits ?? main.estimatedTotalHits ?? 0, hits, facets };
}

/**
 * Substring search runs in the analytics pool, over the corpus image (server/search/substring.ts);
 * each page's answer goes in the one result cache.
 */
async function substringSearch(deps: SearchDeps, query: SearchQuery, ctx: RunContext) {
  const { cache, generation } = deps.corpus;
  return cache.getAsync(generation, "search:substring:page", JSON.stringify(query), () => deps.corpus.run({ name: "substring", query }, ctx), jsonSize);
}

/** A word query Meilisearch would answer with reports that lack a phrase (core/query.ts meiliExact) runs in the pool (server/search/wordsInCorpus.ts). */
async function corpusWordSearch(deps: SearchDeps, query: SearchQuery, parsed: ParsedQuery, ctx: RunContext) {
  const { cache, generation } = deps.corpus;
  return cache.getAsync(generation, "search:words:page", JSON.stringify(query), () => deps.corpus.run({ name: "wordSearch", query, parsed }, ctx), jsonSize);
}

/** A corpus query (match=cql) runs in the analytics pool too (server/analytics/cqlSearch.ts). */
async function cqlSearch(deps: SearchDeps, query: SearchQuery, pattern: Pattern, ctx: RunContext) {
  const { cache, generation } = deps.corpus;
  return cache.getAsync(generation, "search:cql:page", JSON.stringify(query), () => deps.corpus.run({ name: "cqlSearch", query, pattern }, ctx), jsonSize);
}

/** A regular expression (match=regex) runs in the pool under its own budget (server/analytics/regex.ts). */
async function regexSearch(deps: SearchDeps, query: SearchQuery, ctx: RunContext) {
  const { cache, generation } = deps.corpus;
  return withRegexBudget(ctx, (c) => cache.getAsync(generation, "search:regex:page", JSON.stringify(query), () => deps.corpus.run({ name: "regexSearch", query }, c), jsonSize), deps.regexBudgetMs);
}

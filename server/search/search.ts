// /api/search: word and phrase search in Meilisearch (disjunctive facets through
// one multi-search), substring search over the corpus image in the analytics pool (Meilisearch
// is prefix-only for Chinese and cannot find 工程 inside 在建工程).
import { sectionAt } from "../../core/documents.ts";
import type { Segmenter } from "../../core/text/segment.ts";
import { FACETS, type Hit, type SearchQuery, type SearchResponse } from "../../core/api/schema.ts";
import type { MeiliClient } from "../../core/meili/client.ts";
import type { IndexNames } from "../../core/meili/indexes.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import { activeFacets, meiliFilter } from "../../core/meili/filters.ts";
import { explainQuery, parseQuery, type ParsedQuery } from "../../core/query.ts";
import { makeSnippet, markParts, queryOccurrences } from "./snippet.ts";
import { jsonSize } from "../cache.ts";
import type { RunContext } from "../pool/pool.ts";

export interface SearchDeps {
  meili: MeiliClient;
  names: IndexNames;
  segmenter: Segmenter;
  synonyms: Record<string, string[]>;
  corpus: CorpusHolder;
  /** the store generation the server has loaded: documents of later ones stay hidden (core/documents.ts `gen`) */
  visibleGeneration?: () => number;
}

/** Meilisearch's filter for `f`, limited to what the loaded store holds. */
export function visibleFilter(deps: Pick<SearchDeps, "visibleGeneration">, clauses: string[]): string[] {
  return deps.visibleGeneration ? [...clauses, `gen <= ${deps.visibleGeneration()}`] : clauses;
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

interface MeiliResult {
  hits: MeiliHit[];
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

const META = ["id", "reportId", "title", "source", "section", "start", "end", "sector", "docType", "level", "kind", "year"];

export async function search(deps: SearchDeps, query: SearchQuery, ctx: RunContext = {}): Promise<SearchResponse> {
  const t0 = performance.now();
  const parsed = parseQuery(query.q, deps.segmenter, deps.synonyms, { synonyms: query.synonyms });
  const substring = query.match === "substring" && Boolean(query.q?.trim());
  const result = substring ? await substringSearch(deps, query, ctx) : await wordSearch(deps, query, parsed);
  return {
    total: result.total,
    page: query.page,
    perPage: query.perPage,
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
    tokens: query.match === "substring" ? [query.q?.trim() ?? ""] : parsed.tokens,
    truncatedQuery: query.match === "word" && parsed.truncated,
    hits: result.hits,
    facets: result.facets,
    matched: substring ? [{ text: query.q?.trim() ?? "", role: "q", negated: false, matches: [query.q?.trim() ?? ""] }] : explainQuery(parsed),
  };
}

async function wordSearch(deps: SearchDeps, query: SearchQuery, parsed: ParsedQuery) {
  const index = query.mode === "passage" ? deps.names.passages : deps.names.reports;
  const base = {
    indexUid: index,
    q: parsed.meiliQ,
    // Every query word must match: the same set of reports our own token match finds.
    matchingStrategy: "all",
  };
  const sort = query.sort === "relevance" ? undefined : [query.sort];
  const queries: object[] = [
    { ...base, filter: visibleFilter(deps, meiliFilter(query)), facets: [...FACETS], page: query.page, hitsPerPage: query.perPage, attributesToRetrieve: META, ...(sort ? { sort } : {}) },
  ];
  const disjunctive = activeFacets(query);
  for (const f of disjunctive) queries.push({ ...base, filter: visibleFilter(deps, meiliFilter(query, f)), facets: [f], page: 1, hitsPerPage: 0 });
  const { results } = await deps.meili.request<{ results: MeiliResult[] }>("POST", "/multi-search", { queries });
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
    const to = h.end ?? doc?.report.text.length ?? 0;
    const occ = doc && corpus ? queryOccurrences(corpus, doc, parts, from, to) : [];
    const { snippet, offset } = doc ? makeSnippet(doc.report.text, occ, from, to) : { snippet: { text: "", marks: [] }, offset: from };
    return {
      id: h.id,
      reportId,
      title: h.title,
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

// /api/search: word and phrase search in Meilisearch (disjunctive facets through
// one multi-search), substring search over the corpus store (Meilisearch is
// prefix-only for Chinese and cannot find 工程 inside 在建工程).
import { sectionAt } from "../../core/documents.ts";
import type { Segmenter } from "../../core/text/segment.ts";
import { FACETS, type FacetName, type Hit, type SearchQuery, type SearchResponse } from "../../core/api/schema.ts";
import type { MeiliClient } from "../../core/meili/client.ts";
import type { IndexNames } from "../../core/meili/indexes.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { activeFacets, meiliFilter } from "../../core/meili/filters.ts";
import { explainQuery, parseQuery, type ParsedQuery } from "../../core/query.ts";
import { failedFacets, inScope } from "../../core/filter.ts";
import { makeSnippet, markParts, queryOccurrences } from "./snippet.ts";
import type { NeedleReader } from "./needleReader.ts";
import { rankByCount } from "./rankByCount.ts";
import { byPassage, findSubstring, substringMatchesSize, type SubstringMatches } from "./substring.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { jsonSize } from "../cache.ts";

export interface SearchDeps {
  meili: MeiliClient;
  names: IndexNames;
  segmenter: Segmenter;
  synonyms: Record<string, string[]>;
  corpus: CorpusHolder;
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

export async function search(deps: SearchDeps, query: SearchQuery): Promise<SearchResponse> {
  const t0 = performance.now();
  const parsed = parseQuery(query.q, deps.segmenter, deps.synonyms, { synonyms: query.synonyms });
  const substring = query.match === "substring" && Boolean(query.q?.trim());
  const result = substring ? substringSearch(deps, query) : await wordSearch(deps, query, parsed);
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
    { ...base, filter: meiliFilter(query), facets: [...FACETS], page: query.page, hitsPerPage: query.perPage, attributesToRetrieve: META, ...(sort ? { sort } : {}) },
  ];
  const disjunctive = activeFacets(query);
  for (const f of disjunctive) queries.push({ ...base, filter: meiliFilter(query, f), facets: [f], page: 1, hitsPerPage: 0 });
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

interface SubstringMatch {
  doc: CorpusDoc;
  start: number;
  end: number;
  idx: number;
  /** occurrences in [start, end), or an upper bound of them (see findSubstring) */
  count: number;
}

interface SubstringResult {
  total: number;
  facets: Facets;
  /** matches [from, to) in the query's order */
  page(from: number, to: number): SubstringMatch[];
  read: NeedleReader;
}

/**
 * Matches, facet counts and the ranking so far per (string, filters, mode, sort) go in the result
 * cache: paging through a frequent string over 20k reports would otherwise refacet every match.
 * The string's matches are cached on their own too: other filters reuse them.
 * Size: ~120 bytes a match (the object, its ranking slot) plus the facet counts.
 */
function substringSearch(deps: SearchDeps, query: SearchQuery) {
  const corpus = deps.corpus.get();
  const ix = deps.corpus.indexes();
  const { cache, generation } = deps.corpus;
  const { page: _page, perPage: _perPage, ...rest } = query;
  const needle = (query.q ?? "").trim();
  const result = cache.get(
    generation,
    "search:substring",
    JSON.stringify(rest),
    () => substringMatches(corpus, query, cache.get(generation, "substring", needle, () => findSubstring(corpus, ix, needle), substringMatchesSize), ix),
    (r) => 120 * r.total + jsonSize(r.facets),
  );
  const from = (query.page - 1) * query.perPage;
  return { total: result.total, hits: substringHits(result.page(from, from + query.perPage), query, result.read), facets: result.facets };
}

function substringMatches(corpus: Corpus, query: SearchQuery, found: SubstringMatches, ix: CorpusIndexes): SubstringResult {
  const needle = (query.q ?? "").trim();
  // Maps while counting: a frequent string bumps four facets of ~20k reports.
  const counts = new Map<FacetName, Map<string | number, number>>(FACETS.map((f) => [f, new Map()]));
  const bump = (f: FacetName, key: string | number | null) => {
    if (key === null) return;
    const m = counts.get(f)!;
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  const matches: SubstringMatch[] = [];
  const exact: number[] = [];
  for (let i = 0; i < found.docs.length; i++) {
    const doc = corpus.docs[found.docs[i]];
    const r = doc.report;
    // kind and duplicates are not facets: they narrow before counting.
    if (!inScope(r, query)) continue;
    const failed = failedFacets(r, query);
    // Failing two filters, it counts for no facet and is no hit: not worth reading for passages.
    if (failed.length > 1) continue;
    const hit = failed.length === 0;
    const counted = hit ? FACETS : failed;
    const units =
      query.mode === "passage"
        ? byPassage(ix.passageSpans(r), found.read.occurrences(r.text), needle.length)
        : [{ start: 0, end: r.text.length, idx: -1, count: found.counts[i] }];
    for (const u of units) {
      for (const f of counted) bump(f, f === "year" ? r.year : r[f]);
      if (hit) {
        matches.push({ doc, start: u.start, end: u.end, idx: u.idx, count: u.count });
        exact.push(query.mode === "passage" ? 1 : found.exact[i]);
      }
    }
  }
  const facets = emptyFacets();
  for (const [f, m] of counts) for (const [key, n] of m) facets[f][String(key)] = n;
  if (query.sort === "relevance") {
    const ranking = rankByCount(
      matches.map((m) => m.count),
      exact,
      (i) => found.read.count(matches[i].doc.report.text),
    );
    return { total: matches.length, facets, page: (from, to) => ranking.take(to).slice(from).map((i) => matches[i]), read: found.read };
  }
  const dir = query.sort === "year:asc" ? 1 : -1;
  // Unknown years go last, as in Meilisearch.
  matches.sort((a, b) => (a.doc.report.year ?? (dir > 0 ? 9999 : 0)) * dir - (b.doc.report.year ?? (dir > 0 ? 9999 : 0)) * dir);
  return { total: matches.length, facets, page: (from, to) => matches.slice(from, to), read: found.read };
}

function substringHits(page: SubstringMatch[], query: SearchQuery, read: NeedleReader): Hit[] {
  const needle = (query.q ?? "").trim();
  return page.map((m): Hit => {
    const r = m.doc.report;
    const marks = read
      .occurrences(r.text)
      .filter((at) => at >= m.start && at + needle.length <= m.end)
      .map((start) => ({ start, end: start + needle.length, term: needle }));
    const { snippet, offset } = makeSnippet(r.text, marks, m.start, m.end);
    return {
      id: m.idx >= 0 ? `${r.id}-${m.idx}` : r.id,
      reportId: r.id,
      title: r.title,
      sector: r.sector,
      year: r.year,
      docType: r.docType,
      level: r.level,
      kind: r.kind,
      source: r.source,
      section: sectionAt(r, offset),
      offset,
      snippet,
    };
  });
}

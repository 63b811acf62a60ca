// /api/search: word and phrase search in Meilisearch (disjunctive facets through
// one multi-search), substring search over the corpus store (Meilisearch is
// prefix-only for Chinese and cannot find 工程 inside 在建工程).
import { sectionAt } from "../../core/documents.ts";
import type { Segmenter } from "../../core/text/segment.ts";
import type { Report } from "../../core/model.ts";
import { FACETS, type FacetName, type Hit, type SearchQuery, type SearchResponse } from "../../core/api/schema.ts";
import type { MeiliClient } from "../../core/meili/client.ts";
import type { IndexNames } from "../../core/meili/indexes.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { activeFacets, meiliFilter } from "../../core/meili/filters.ts";
import { parseQuery, type ParsedQuery } from "../../core/query.ts";
import { makeSnippet, tokenOccurrences } from "./snippet.ts";
import type { NeedleReader } from "./needleReader.ts";
import { rankByCount } from "./rankByCount.ts";
import { byPassage, cachedPassageSpans, findSubstring } from "./substring.ts";

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
  const parsed = parseQuery(query.q, deps.segmenter, deps.synonyms);
  const result = query.match === "substring" && query.q?.trim() ? substringSearch(deps, query) : await wordSearch(deps, query, parsed);
  return {
    total: result.total,
    page: query.page,
    perPage: query.perPage,
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
    tokens: query.match === "substring" ? [query.q?.trim() ?? ""] : parsed.tokens,
    truncatedQuery: query.match === "word" && parsed.truncated,
    hits: result.hits,
    facets: result.facets,
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
  const hits = main.hits.map((h): Hit => {
    const reportId = h.reportId ?? h.id;
    const doc = corpus?.byId.get(reportId);
    const from = h.start ?? 0;
    const to = h.end ?? doc?.report.text.length ?? 0;
    const occ = doc && corpus ? tokenOccurrences(corpus, doc, parsed.markTokens, from, to) : [];
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

const NONE: FacetName[] = [];

/** The facet filters a report fails; a report counts for facet f when it fails no other. */
function failedFacets(query: SearchQuery, r: Report): FacetName[] {
  let failed = NONE;
  const fail = (f: FacetName) => (failed = failed === NONE ? [f] : [...failed, f]);
  if (query.sector?.length && !query.sector.includes(r.sector)) fail("sector");
  const byYear = query.year !== undefined || query.yearFrom !== undefined || query.yearTo !== undefined;
  if (
    byYear &&
    (r.year === null || (query.year !== undefined && r.year !== query.year) || (query.yearFrom !== undefined && r.year < query.yearFrom) || (query.yearTo !== undefined && r.year > query.yearTo))
  )
    fail("year");
  if (query.docType?.length && !query.docType.includes(r.docType)) fail("docType");
  if (query.level?.length && !query.level.includes(r.level)) fail("level");
  return failed;
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
 * Matches, facet counts and the ranking so far per (string, filters, mode, sort), per corpus:
 * paging through a frequent string over 20k reports would otherwise refacet every match.
 */
const substringResults = new WeakMap<object, Map<string, SubstringResult>>();

function substringSearch(deps: SearchDeps, query: SearchQuery) {
  const corpus = deps.corpus.get();
  const { page: _page, perPage: _perPage, ...rest } = query;
  const key = JSON.stringify(rest);
  let perCorpus = substringResults.get(corpus);
  if (!perCorpus) substringResults.set(corpus, (perCorpus = new Map()));
  let result = perCorpus.get(key);
  if (result) {
    perCorpus.delete(key);
  } else {
    result = substringMatches(corpus, query);
    if (perCorpus.size >= 64) perCorpus.delete(perCorpus.keys().next().value as string);
  }
  perCorpus.set(key, result);
  const from = (query.page - 1) * query.perPage;
  return { total: result.total, hits: substringHits(result.page(from, from + query.perPage), query, result.read), facets: result.facets };
}

function substringMatches(corpus: Corpus, query: SearchQuery): SubstringResult {
  const needle = (query.q ?? "").trim();
  const kind = query.kind ?? "report";
  // Maps while counting: a frequent string bumps four facets of ~20k reports.
  const counts = new Map<FacetName, Map<string | number, number>>(FACETS.map((f) => [f, new Map()]));
  const bump = (f: FacetName, key: string | number | null) => {
    if (key === null) return;
    const m = counts.get(f)!;
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  const found = findSubstring(corpus, needle);
  const matches: SubstringMatch[] = [];
  const exact: number[] = [];
  for (let i = 0; i < found.docs.length; i++) {
    const doc = corpus.docs[found.docs[i]];
    const r = doc.report;
    // kind and duplicates are not facets: they narrow before counting.
    if (r.kind !== kind || (!query.includeDuplicates && r.duplicateOf !== null)) continue;
    const failed = failedFacets(query, r);
    // Failing two filters, it counts for no facet and is no hit: not worth reading for passages.
    if (failed.length > 1) continue;
    const hit = failed.length === 0;
    const counted = hit ? FACETS : failed;
    const units =
      query.mode === "passage"
        ? byPassage(cachedPassageSpans(r), found.read.occurrences(r.text), needle.length)
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

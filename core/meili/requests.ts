// Every body Wenyuan sends to Meilisearch, built here and nowhere else (the server, the indexer and
// the benchmarks all call these), typed with the official client's types. Document batches are not
// here: they go out as the NDJSON the indexer serialised (indexer/load.ts).
import type { DocumentsDeletionQuery, IndexOptions, RecordAny, IndexSwap, KeyCreation, MultiSearchQuery, SearchForFacetValuesParams, SearchParams, Settings } from "meilisearch";
import { FACETS, type FacetName, type Filters, type ReportsQuery, type SearchQuery } from "../api/schema.ts";
import { meiliFilter, quote } from "./filters.ts";
import type { IndexNames } from "./indexes.ts";

// ---------------------------------------------------------------- indexes (the indexer's admin key)

/** Every document has its content-hash `id`. */
export const INDEX_OPTIONS: IndexOptions = { primaryKey: "id" };

const FILTERABLE = ["sector", "year", "docType", "level", "kind", "isDuplicate", "reportId", "id", "gen"];

/**
 * Text only (documents.ts: titles are not searched). No Meilisearch synonyms: a synonym set is
 * the one code the indexer writes to `syn` (query.ts), which also works in phrases, exclusions
 * and with `synonyms=false`, where Meilisearch's own synonyms cannot be switched off per query.
 */
export function indexSettings(kind: keyof IndexNames): Settings {
  return {
    searchableAttributes: ["body", "syn"],
    displayedAttributes:
      kind === "reports"
        ? ["id", "title", "source", "chars", "sectorConfidence", "duplicateOf", "sector", "docType", "level", "kind", "isDuplicate", "year"]
        : ["id", "reportId", "title", "section", "start", "end", "sector", "docType", "level", "kind", "isDuplicate", "year"],
    filterableAttributes: FILTERABLE,
    sortableAttributes: ["year", "chars", "title"],
    // `sort` first: by default it ranks after words, proximity and attribute, so a chosen year
    // order only broke ties and `sort=year:desc` looked like relevance (issue 16). Without a
    // `sort` parameter the rule does nothing and relevance is as before.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    // The text is code words (codes.ts); the locale documents what they stand for.
    localizedAttributes: [{ locales: ["cmn"], attributePatterns: ["*"] }],
    // Typos and prefixes are meaningless on Chinese words and would make search
    // disagree with exact token counts: a word query matches that word only.
    typoTolerance: { enabled: false },
    prefixSearch: "disabled",
    pagination: { maxTotalHits: 1_000_000 },
    faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { "*": "count" } },
  };
}

/** A metadata correction: the report's document and each of its passages' (ids `<id>-<i>`), these fields only. */
export function correctionUpdates(id: string, passages: number, fields: RecordAny): { reports: RecordAny[]; passages: RecordAny[] } {
  return { reports: [{ id, ...fields }], passages: Array.from({ length: passages }, (_, i) => ({ id: `${id}-${i}`, ...fields })) };
}

/** The passages of these reports (an incremental run deletes them with their reports). */
export function passagesOfReports(reportIds: readonly string[]): DocumentsDeletionQuery {
  return { filter: `reportId IN [${reportIds.map(quote).join(", ")}]` };
}

/** The live indexes trade places with the `_next` ones the indexer just filled. */
export function indexSwaps(live: IndexNames, next: IndexNames): IndexSwap[] {
  return (["reports", "passages"] as const).map((kind) => ({ indexes: [live[kind], next[kind]], rename: false }));
}

// ---------------------------------------------------------------- keys (the master key)

export function searchKeyName(indexes: string[]): string {
  return `wenyuan-search:${indexes.join(",")}`;
}

/** The server's key: search only, on its own indexes, for good. */
export function searchKeyCreation(indexes: string[]): KeyCreation {
  return { name: searchKeyName(indexes), description: "Wenyuan server: search only", actions: ["search"], indexes, expiresAt: null };
}

// ---------------------------------------------------------------- searches (the server's search key)

/**
 * Meilisearch's filter for `filters` (`except` one facet, for its disjunctive count), limited to
 * the store generations the server has loaded (core/documents.ts `gen`), so every hit opens.
 */
function searchFilter(filters: Filters, visibleGeneration: number | undefined, except?: FacetName): string[] {
  const clauses = meiliFilter(filters, except);
  return visibleGeneration === undefined ? clauses : [...clauses, `gen <= ${quote(visibleGeneration)}`];
}

/** What a search hit carries: metadata only. Snippets come from the corpus store, never from Meilisearch. */
export const HIT_ATTRIBUTES = ["id", "reportId", "title", "source", "section", "start", "end", "sector", "docType", "level", "kind", "year"];

export interface WordSearch {
  indexUid: string;
  /** code words (core/query.ts `meiliQ`) */
  q: string;
  filters: Filters;
  sort: SearchQuery["sort"];
  page: number;
  hitsPerPage: number;
  /** facets whose filter is set: each is counted by one more query, without its own filter */
  disjunctive: readonly FacetName[];
  /** the store generation the server has loaded (none: every document) */
  visibleGeneration?: number;
}

/**
 * The multi-search of a word search: the page of hits with every facet counted, then one query per
 * disjunctive facet (so choosing 医院 still shows how many school reports match), in that order.
 */
export function wordSearchQueries(s: WordSearch): MultiSearchQuery[] {
  // Every query word must match: the same set of reports our own token match finds.
  const base = { indexUid: s.indexUid, q: s.q, matchingStrategy: "all" } as const;
  return [
    {
      ...base,
      filter: searchFilter(s.filters, s.visibleGeneration),
      facets: [...FACETS],
      page: s.page,
      hitsPerPage: s.hitsPerPage,
      attributesToRetrieve: HIT_ATTRIBUTES,
      ...(s.sort === "relevance" ? {} : { sort: [s.sort] }),
    },
    ...s.disjunctive.map((f) => ({ ...base, filter: searchFilter(s.filters, s.visibleGeneration, f), facets: [f], page: 1, hitsPerPage: 0 })),
  ];
}

/** A row of the document table. */
export const ROW_ATTRIBUTES = ["id", "title", "sector", "sectorConfidence", "year", "docType", "level", "kind", "source", "chars", "duplicateOf"];

/** One page of the document table. */
export function reportListSearch(q: string, query: ReportsQuery, visibleGeneration: number | undefined) {
  return {
    q,
    matchingStrategy: "all",
    filter: searchFilter(query, visibleGeneration),
    sort: [query.sort],
    page: query.page,
    hitsPerPage: query.perPage,
    attributesToRetrieve: ROW_ATTRIBUTES,
  } satisfies SearchParams;
}

/** Values of one facet that start with `facetQuery`, counted over the search; disjunctive like the search's facets. */
export function facetValueSearch(name: FacetName, facetQuery: string, q: string, filters: Filters, visibleGeneration: number | undefined): SearchForFacetValuesParams {
  return { facetName: name, facetQuery, q, matchingStrategy: "all", filter: searchFilter(filters, visibleGeneration, name) };
}

/** Health: how many canonical reports (no excerpts, no duplicates) the index holds. */
export function canonicalReportCount() {
  return { q: "", filter: meiliFilter({}), page: 1, hitsPerPage: 0 } satisfies SearchParams;
}

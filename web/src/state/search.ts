// Search view (`/`) URL state.
import { SearchQuerySchema } from "../../../core/api/schema.ts";
import { SEARCH_MATCH_MODES } from "../../../core/api/savedViews.ts";
import { emptyFilters, filtersToApi, filtersToRoute, routeToFilters, type FacetFilters } from "./filters.ts";
import { int, oneOf, put, str } from "./route.ts";

/** listed in core (core/api/savedViews.ts): a saved search's match is checked against them */
export const MATCH_MODES = SEARCH_MATCH_MODES;
export type MatchMode = (typeof MATCH_MODES)[number];
export const RESULT_MODES = ["report", "passage"] as const;
export const SORTS = ["relevance", "year:desc", "year:asc"] as const;
export const PER_PAGE = 20;

export interface SearchState {
  q: string;
  match: MatchMode;
  mode: (typeof RESULT_MODES)[number];
  sort: (typeof SORTS)[number];
  page: number;
  filters: FacetFilters;
}

export const defaultSearchState = (): SearchState => ({ q: "", match: "word", mode: "report", sort: "relevance", page: 1, filters: emptyFilters() });

export function stateToRoute(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  put(p, "q", s.q);
  put(p, "match", s.match, "word");
  put(p, "mode", s.mode, "report");
  put(p, "sort", s.sort, "relevance");
  filtersToRoute(s.filters, p);
  put(p, "page", s.page, 1);
  return p;
}

export function routeToState(p: URLSearchParams): SearchState {
  return {
    q: str(p, "q", 500),
    match: oneOf(p, "match", MATCH_MODES, "word"),
    mode: oneOf(p, "mode", RESULT_MODES, "report"),
    sort: oneOf(p, "sort", SORTS, "relevance"),
    page: int(p, "page", 1, 10_000, 1),
    filters: routeToFilters(p),
  };
}

/** Phrase mode is a quoted query; substring mode is `match=substring`. */
export function apiQuery(q: string, match: MatchMode): string {
  const t = q.trim();
  if (match !== "phrase" || t === "") return t;
  return `"${t.replaceAll('"', "")}"`;
}

/** The /api/search parameters for a state (validated against the shared schema in tests). */
export function toSearchParams(s: SearchState) {
  const params = {
    q: apiQuery(s.q, s.match) || undefined,
    match: s.match === "word" || s.match === "phrase" ? undefined : s.match,
    mode: s.mode === "report" ? undefined : s.mode,
    sort: s.sort === "relevance" ? undefined : s.sort,
    page: s.page === 1 ? undefined : s.page,
    perPage: PER_PAGE,
    ...filtersToApi(s.filters),
  };
  return params;
}

export { SearchQuerySchema };

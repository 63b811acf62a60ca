// Concordance view (`/kwic`) URL state.
import { MATCHES } from "../../../core/api/schema.ts";
import { emptyFilters, filtersToApi, filtersToRoute, routeToFilters, type FacetFilters } from "./filters.ts";
import { int, oneOf, put, str } from "./route.ts";

export const KWIC_SORTS = ["doc", "L2", "L1", "R1", "R2"] as const;
export const KWIC_WIDTHS = [10, 20, 30, 50] as const;
export const KWIC_PER_PAGE = 50;

export interface KwicState {
  term: string;
  match: (typeof MATCHES)[number];
  sort: (typeof KWIC_SORTS)[number];
  width: number;
  page: number;
  filters: FacetFilters;
}

export const defaultKwicState = (): KwicState => ({ term: "", match: "word", sort: "doc", width: 20, page: 1, filters: emptyFilters() });

export function stateToRoute(s: KwicState): URLSearchParams {
  const p = new URLSearchParams();
  put(p, "term", s.term);
  put(p, "match", s.match, "word");
  put(p, "sort", s.sort, "doc");
  put(p, "width", s.width, 20);
  filtersToRoute(s.filters, p);
  put(p, "page", s.page, 1);
  return p;
}

export function routeToState(p: URLSearchParams): KwicState {
  return {
    term: str(p, "term", 100),
    match: oneOf(p, "match", MATCHES, "word"),
    sort: oneOf(p, "sort", KWIC_SORTS, "doc"),
    width: int(p, "width", 1, 200, 20),
    page: int(p, "page", 1, 10_000, 1),
    filters: routeToFilters(p),
  };
}

export function toKwicParams(s: KwicState, csv = false) {
  return {
    term: s.term.trim(),
    match: s.match === "word" ? undefined : s.match,
    sort: s.sort,
    width: s.width,
    ...(csv ? { format: "csv" } : { page: s.page, perPage: KWIC_PER_PAGE }),
    ...filtersToApi(s.filters),
  };
}

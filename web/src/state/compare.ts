// Compare view (`/compare`) URL state: two subcorpora (a., b.) and a term for phrasing.
import { emptyFilters, filtersToApi, filtersToRoute, isEmptyFilters, routeToFilters, type FacetFilters } from "./filters.ts";
import { int, put, str } from "./route.ts";

export interface CompareState {
  a: FacetFilters;
  b: FacetFilters;
  /** optional query restricting each side */
  aq: string;
  bq: string;
  min: number;
  term: string;
}

export const defaultCompareState = (): CompareState => ({ a: emptyFilters(), b: emptyFilters(), aq: "", bq: "", min: 5, term: "" });

export function stateToRoute(s: CompareState): URLSearchParams {
  const p = new URLSearchParams();
  filtersToRoute(s.a, p, "a.");
  put(p, "a.q", s.aq);
  filtersToRoute(s.b, p, "b.");
  put(p, "b.q", s.bq);
  put(p, "min", s.min, 5);
  put(p, "term", s.term);
  return p;
}

export function routeToState(p: URLSearchParams): CompareState {
  return {
    a: routeToFilters(p, "a."),
    b: routeToFilters(p, "b."),
    aq: str(p, "a.q", 500),
    bq: str(p, "b.q", 500),
    min: int(p, "min", 1, 100_000, 5),
    term: str(p, "term", 100),
  };
}

/** Both sides chosen (a side is chosen when it has a filter or a query). */
export function isReady(s: CompareState): boolean {
  return (!isEmptyFilters(s.a) || s.aq.trim() !== "") && (!isEmptyFilters(s.b) || s.bq.trim() !== "");
}

export function toKeynessParams(s: CompareState, csv = false) {
  return {
    ...filtersToApi(s.a, "a."),
    "a.q": s.aq.trim() || undefined,
    ...filtersToApi(s.b, "b."),
    "b.q": s.bq.trim() || undefined,
    min: s.min,
    limit: 200,
    format: csv ? "csv" : undefined,
  };
}

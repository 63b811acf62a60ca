// Compare view (`/compare`) URL state: two subcorpora (a., b.), how their keywords are ranked and
// cut, and a term whose concordances (A beside B) and phrasing are shown.
import { emptyFilters, filtersToApi, filtersToRoute, isEmptyFilters, routeToFilters, type FacetFilters } from "./filters.ts";
import { KEYNESS_SORTS, type KeynessSort } from "../lib/keynessSides.ts";
import { int, oneOf, put, str } from "./route.ts";

/** Minimum |log ratio| (effect size) a keyword must reach, and keywords per side in the chart. */
export const MIN_LOG_RATIOS = [0, 0.5, 1, 2, 3] as const;
export const TOP_NS = [10, 15, 20, 30] as const;

export interface CompareState {
  a: FacetFilters;
  b: FacetFilters;
  /** optional query restricting each side */
  aq: string;
  bq: string;
  min: number;
  /** minimum |log ratio|, one of MIN_LOG_RATIOS */
  lr: number;
  /** keywords per side in the chart */
  top: number;
  sort: KeynessSort;
  term: string;
}

export const defaultCompareState = (): CompareState => ({ a: emptyFilters(), b: emptyFilters(), aq: "", bq: "", min: 5, lr: 0, top: 15, sort: "g2", term: "" });

export function stateToRoute(s: CompareState): URLSearchParams {
  const p = new URLSearchParams();
  filtersToRoute(s.a, p, "a.");
  put(p, "a.q", s.aq);
  filtersToRoute(s.b, p, "b.");
  put(p, "b.q", s.bq);
  put(p, "min", s.min, 5);
  put(p, "lr", s.lr, 0);
  put(p, "top", s.top, 15);
  put(p, "sort", s.sort, "g2");
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
    lr: oneNumber(p.get("lr"), MIN_LOG_RATIOS, 0),
    top: oneNumber(p.get("top"), TOP_NS, 15),
    sort: oneOf(p, "sort", KEYNESS_SORTS, "g2"),
    term: str(p, "term", 100),
  };
}

function oneNumber(v: string | null, allowed: readonly number[], fallback: number): number {
  const n = v === null ? NaN : Number(v);
  return allowed.includes(n) ? n : fallback;
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
    limit: 1000,
    format: csv ? "csv" : undefined,
  };
}

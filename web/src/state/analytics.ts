// Analytics view (`/analytics`) URL state: one tab at a time, the filters shared by all.
import { BREAKDOWN_BY } from "../../../core/api/schema.ts";
import { ANALYTICS_TABS } from "../../../core/api/savedViews.ts";
import { emptyFilters, filtersToRoute, routeToFilters, type FacetFilters } from "./filters.ts";
import { int, oneOf, put, str } from "./route.ts";

/** listed in core (core/api/savedViews.ts): a saved analytics query's tab is checked against them */
export const TABS = ANALYTICS_TABS;
export const MEASURES = ["logdice", "mi", "llr", "t"] as const;

export interface AnalyticsState {
  tab: (typeof TABS)[number];
  term: string;
  by: (typeof BREAKDOWN_BY)[number];
  /** batch: a second grouping inside `by` ("" = none): the term × sector × year matrix */
  then: (typeof BREAKDOWN_BY)[number] | "";
  measure: (typeof MEASURES)[number];
  window: number;
  minLength: number;
  stopwords: boolean;
  n: number;
  filters: FacetFilters;
  /** a coding (categorised concordance) of the term whose `exclude` categories the term's counts leave out ("" = none) */
  coding: string;
  exclude: string[];
}

export const defaultAnalyticsState = (): AnalyticsState => ({
  tab: "words",
  term: "",
  by: "sector",
  then: "",
  measure: "logdice",
  window: 5,
  minLength: 2,
  stopwords: true,
  n: 3,
  filters: emptyFilters(),
  coding: "",
  exclude: [],
});

export function stateToRoute(s: AnalyticsState): URLSearchParams {
  const p = new URLSearchParams();
  put(p, "tab", s.tab, "words");
  put(p, "term", s.term);
  put(p, "by", s.by, "sector");
  put(p, "then", s.then);
  put(p, "measure", s.measure, "logdice");
  put(p, "window", s.window, 5);
  put(p, "minLength", s.minLength, 2);
  put(p, "stopwords", s.stopwords ? "true" : "false", "true");
  put(p, "n", s.n, 3);
  filtersToRoute(s.filters, p);
  put(p, "coding", s.coding);
  if (s.coding) for (const c of s.exclude) p.append("exclude", c);
  return p;
}

export function routeToState(p: URLSearchParams): AnalyticsState {
  return {
    tab: oneOf(p, "tab", TABS, "words"),
    term: str(p, "term", 100),
    by: oneOf(p, "by", BREAKDOWN_BY, "sector"),
    then: oneOf(p, "then", ["", ...BREAKDOWN_BY] as const, ""),
    measure: oneOf(p, "measure", MEASURES, "logdice"),
    window: int(p, "window", 1, 20, 5),
    minLength: int(p, "minLength", 1, 20, 2),
    stopwords: p.get("stopwords") !== "false",
    n: int(p, "n", 2, 8, 3),
    filters: routeToFilters(p),
    coding: /^[0-9a-f]{12}$/.test(p.get("coding") ?? "") ? p.get("coding")! : "",
    exclude: /^[0-9a-f]{12}$/.test(p.get("coding") ?? "") ? [...new Set(p.getAll("exclude").map((c) => c.trim()).filter((c) => c && c.length <= 20))].slice(0, 9) : [],
  };
}

/** Each tab's own API parameters beside the filters: what the tab asks and what the history re-counts (lib/savedViews.ts). */
export function tabParams(s: AnalyticsState) {
  return {
    words: { limit: 200, minLength: s.minLength, stopwords: s.stopwords ? undefined : "false" },
    term: { term: s.term.trim(), by: s.by },
    themes: { by: "sector" },
    ngrams: { n: s.n, limit: 100 },
  };
}

// Concordance view (`/kwic`) URL state.
import { PATTERN_MATCHES } from "../../../core/api/schema.ts";
import { emptyFilters, filtersToApi, filtersToRoute, routeToFilters, type FacetFilters } from "./filters.ts";
import { int, oneOf, put, str } from "./route.ts";

export const KWIC_SORTS = ["doc", "best", "L2", "L1", "R1", "R2"] as const;
export const KWIC_WIDTHS = [10, 20, 30, 50] as const;
export const KWIC_WINDOWS = [1, 2, 3, 5, 10] as const;
export const KWIC_PER_PAGE = 50;

export interface KwicState {
  term: string;
  /** word, substring, cql (a corpus query or simple mode: 开展*活动) or regex */
  match: (typeof PATTERN_MATCHES)[number];
  sort: (typeof KWIC_SORTS)[number];
  width: number;
  /** keep only the lines with this word within `window` words of the match ("" = every line) */
  collocate: string;
  window: number;
  page: number;
  filters: FacetFilters;
  /** a theme id (corpus/themes.yaml): the lines of all its terms, `term` being its label ("" = none) */
  theme: string;
}

export const defaultKwicState = (): KwicState => ({ term: "", match: "word", sort: "doc", width: 20, collocate: "", window: 5, page: 1, filters: emptyFilters(), theme: "" });

export function stateToRoute(s: KwicState): URLSearchParams {
  const p = new URLSearchParams();
  put(p, "term", s.term);
  put(p, "theme", s.theme);
  put(p, "match", s.match, "word");
  put(p, "sort", s.sort, "doc");
  put(p, "width", s.width, 20);
  put(p, "collocate", s.collocate);
  put(p, "window", s.window, 5);
  filtersToRoute(s.filters, p);
  put(p, "page", s.page, 1);
  return p;
}

export function routeToState(p: URLSearchParams): KwicState {
  return {
    term: str(p, "term", 100),
    match: oneOf(p, "match", PATTERN_MATCHES, "word"),
    sort: oneOf(p, "sort", KWIC_SORTS, "doc"),
    width: int(p, "width", 1, 200, 20),
    collocate: str(p, "collocate", 50),
    window: int(p, "window", 1, 10, 5),
    page: int(p, "page", 1, 10_000, 1),
    filters: routeToFilters(p),
    theme: str(p, "theme", 40),
  };
}

export function toKwicParams(s: KwicState, csv = false) {
  return {
    term: s.term.trim(),
    match: s.match === "word" ? undefined : s.match,
    sort: s.sort,
    width: s.width,
    collocate: s.collocate.trim() || undefined,
    window: s.collocate.trim() ? s.window : undefined,
    theme: s.theme || undefined,
    ...(csv ? { format: "csv" } : { page: s.page, perPage: KWIC_PER_PAGE }),
    ...filtersToApi(s.filters),
  };
}

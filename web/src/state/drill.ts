// Drill-down: the one place a link from a figure to the lines behind it is built. A link carries
// the whole question that produced the figure — term, match mode, every facet filter, and the
// group a cell stands for — through the target view's own URL codec, so the concordance or report
// list it opens counts exactly what the figure counted (issue 16).
import type { BREAKDOWN_BY } from "../../../core/api/schema.ts";
import { defaultAnalyticsState, stateToRoute as analyticsRoute, type AnalyticsState } from "./analytics.ts";
import type { FacetFilters } from "./filters.ts";
import { defaultKwicState, stateToRoute as kwicRoute, type KwicState } from "./kwic.ts";
import { defaultSearchState, stateToRoute as searchRoute, type SearchState } from "./search.ts";
import type { Sector, DocType, Level } from "../../../core/model.ts";

const href = (path: string, p: URLSearchParams) => {
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
};

/**
 * The filters narrowed to one group of a breakdown (a sector, a year, a document type, a level).
 * A group the filters cannot express (reports without a year) gives null: no link is better than
 * a link to a different set.
 */
export function narrow(filters: FacetFilters, by: (typeof BREAKDOWN_BY)[number], key: string): FacetFilters | null {
  switch (by) {
    case "sector":
      return { ...filters, sector: [key as Sector] };
    case "docType":
      return { ...filters, docType: [key as DocType] };
    case "level":
      return { ...filters, level: [key as Level] };
    case "year": {
      if (!/^\d{4}$/.test(key)) return null;
      const y = Number(key);
      return { ...filters, yearFrom: y, yearTo: y };
    }
    default:
      return null;
  }
}

/** The concordance of `term` under `filters`. */
export function kwicLink(term: string, filters: FacetFilters, extra: Partial<KwicState> = {}): string {
  return href("/kwic", kwicRoute({ ...defaultKwicState(), ...extra, term, filters }));
}

/**
 * The concordance of a theme (every term of it, as the themes analytic counts them) under
 * `filters`; `label` names it (the view shows it as the filter's label, the term box left empty).
 */
export function themeLink(theme: string, label: string, filters: FacetFilters): string {
  return kwicLink(label, filters, { theme });
}

/** The search results (report list) of `q` under `filters`. */
export function searchLink(q: string, filters: FacetFilters, extra: Partial<SearchState> = {}): string {
  return href("/", searchRoute({ ...defaultSearchState(), ...extra, q, filters }));
}

/** A term's breakdown, trend and collocates under `filters`. */
export function termLink(term: string, filters: FacetFilters, extra: Partial<AnalyticsState> = {}): string {
  return href("/analytics", analyticsRoute({ ...defaultAnalyticsState(), ...extra, tab: "term", term, filters }));
}

/**
 * Where a "back" link may lead: a path of this app (not another origin). What a view records as
 * the place it was opened from.
 */
export function safeFrom(from: string): string | null {
  return from.startsWith("/") && !from.startsWith("//") && !from.includes("\\") ? from : null;
}

// Disjunctive facet counts for views whose own endpoint has none (concordance,
// analytics, compare): one search with perPage=1 under the same filters.
import { breakdown, search } from "../api/endpoints.ts";
import { filtersToApi, type FacetFilters } from "../state/filters.ts";
import { useApi } from "./useApi.ts";
import type { PATTERN_MATCHES, SearchResponse } from "../../../core/api/schema.ts";

/**
 * `term` (the concordance's) is one query part: a term with a space in it is sent quoted, so the
 * counts are of the reports the concordance itself lists (core/query.ts).
 */
export function useFacetCounts(filters: FacetFilters, q = "", match: (typeof PATTERN_MATCHES)[number] = "word", term = false) {
  const text = q.trim();
  const query = term && match === "word" && /\s/.test(text) ? `"${text}"` : text;
  const r = useApi("facets", { q: query || undefined, match, perPage: 1, ...filtersToApi(filters) }, search);
  return r.data?.facets;
}

/** The years some report of the corpus has (one whole-corpus search, cached): what a year list offers when a result has none. */
export function useCorpusYears(): string[] {
  const r = useApi("corpus-years", { perPage: 1 }, search);
  return Object.keys(r.data?.facets.year ?? {});
}

type Facets = SearchResponse["facets"];
type Rows = { rows: { key: string; docs: number }[] };

/**
 * A theme's concordance (kwic theme=…): per facet, the reports holding one of the theme's terms —
 * /api/breakdown with the same theme, grouped by that facet, under every filter but the facet's
 * own (disjunctive, as search counts its facets). A search for the theme's label would count
 * reports holding the label's words instead.
 */
export function useThemeFacetCounts(filters: FacetFilters, term: string, theme: string): Facets | undefined {
  const enabled = theme !== "";
  const base = { term, theme, match: "word" };
  const by = (facet: keyof Facets, without: Partial<FacetFilters>) =>
    // a hook called a fixed four times, always in this order
    useApi(`theme-facets-${facet}`, { ...base, by: facet, ...filtersToApi({ ...filters, ...without }) }, breakdown, enabled).data;
  const sector = by("sector", { sector: [] });
  const year = by("year", { yearFrom: null, yearTo: null });
  const docType = by("docType", { docType: [] });
  const level = by("level", { level: [] });
  if (!enabled || !sector || !year || !docType || !level) return undefined;
  // a facet lists the values some report holds, as Meilisearch's facet distribution does
  const counts = (r: Rows) => Object.fromEntries(r.rows.filter((row) => row.docs > 0).map((row) => [row.key, row.docs]));
  return { sector: counts(sector), year: counts(year), docType: counts(docType), level: counts(level) };
}

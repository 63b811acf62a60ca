// Disjunctive facet counts for views whose own endpoint has none (concordance,
// analytics, compare): one search with perPage=1 under the same filters.
import { search } from "../api/endpoints.ts";
import { filtersToApi, type FacetFilters } from "../state/filters.ts";
import { useApi } from "./useApi.ts";
import type { PATTERN_MATCHES } from "../../../core/api/schema.ts";

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

// Disjunctive facet counts for views whose own endpoint has none (concordance,
// analytics, compare): one search with perPage=1 under the same filters.
import { search } from "../api/endpoints.ts";
import { filtersToApi, type FacetFilters } from "../state/filters.ts";
import { useApi } from "./useApi.ts";

export function useFacetCounts(filters: FacetFilters, q = "") {
  const r = useApi("facets", { q: q.trim() || undefined, perPage: 1, ...filtersToApi(filters) }, search);
  return r.data?.facets;
}

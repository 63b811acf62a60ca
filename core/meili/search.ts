// Searching with the server's search-only key. Bodies come from requests.ts.
import type { Meilisearch, MultiSearchQuery, MultiSearchResult, RecordAny, SearchForFacetValuesParams, SearchForFacetValuesResponse, SearchParams, SearchResponse } from "meilisearch";
import { call } from "./call.ts";

/** The results in the order of the queries. */
export async function multiSearch<T extends RecordAny>(client: Meilisearch, queries: MultiSearchQuery[]): Promise<MultiSearchResult<T>[]> {
  return (await call(() => client.multiSearch<{ queries: MultiSearchQuery[] }, T>({ queries }))).results;
}

/** Wenyuan's searches page with `page` + `hitsPerPage`, so Meilisearch counts `totalHits` exactly. */
type PagedSearch = SearchParams & { page: number; hitsPerPage: number };

export function searchIndex<T extends RecordAny>(client: Meilisearch, uid: string, params: PagedSearch): Promise<SearchResponse<T, PagedSearch>> {
  return call(() => client.index<T>(uid).search<T, PagedSearch>(params.q, params));
}

export function searchFacetValues(client: Meilisearch, uid: string, params: SearchForFacetValuesParams): Promise<SearchForFacetValuesResponse> {
  return call(() => client.index(uid).searchForFacetValues(params));
}

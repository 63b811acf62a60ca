// The one selection: the reports a query plus filters select. /api/search (through Meilisearch,
// which is sent the same rule), substring search, every analytic and the facet counts beside them
// all answer for this set; test/api/consistency.test.ts holds them to it.
import type { Filters } from "../api/schema.ts";
import { matches } from "../filter.ts";
import type { ParsedQuery } from "../query.ts";
import { compileTerm, containsTerm } from "./match.ts";
import type { Corpus, CorpusDoc } from "./types.ts";

/**
 * Reports passing the facet filters (`matches`) that contain every required part of the query
 * (any alternative) and no excluded part. O(docs) for the filters, then O(tokens) of the docs
 * that pass them for each query part.
 */
export function selectReports(corpus: Corpus, filters: Filters, query: ParsedQuery | null): CorpusDoc[] {
  const docs = corpus.docs.filter((d) => matches(d.report, filters));
  if (!query || (!query.required.length && !query.excluded.length)) return docs;
  const required = query.required.map((t) => compileTerm(corpus, t.alternatives));
  if (required.some((t) => t.length === 0)) return [];
  const excluded = query.excluded.map((t) => compileTerm(corpus, t.alternatives)).filter((t) => t.length > 0);
  return docs.filter((d) => required.every((t) => containsTerm(corpus, d, t)) && !excluded.some((t) => containsTerm(corpus, d, t)));
}

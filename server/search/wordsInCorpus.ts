// /api/search?match=word when Meilisearch cannot answer it exactly: a part is a phrase of more code
// words than it checks by position (core/query.ts MEILI_EXACT_PHRASE_WORDS; 文化体育活动 with
// synonyms=false). The reports are the one selection's (core/corpus/select.ts), as every analytic's
// are; facet counts, order and hits are match=cql's (server/analytics/cqlSearch.ts). Runs in the
// analytics pool over the corpus image.
import type { Hit, SearchQuery, SearchResponse } from "../../core/api/schema.ts";
import { failedFacets } from "../../core/filter.ts";
import { compileTerm } from "../../core/corpus/match.ts";
import { selectReports } from "../../core/corpus/select.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import type { ParsedQuery } from "../../core/query.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { searchUnits, type Unit } from "../analytics/cqlSearch.ts";
import { queryOccurrences, type Occurrence } from "./snippet.ts";

export function wordsInCorpus(corpus: Corpus, ix: CorpusIndexes, query: SearchQuery, parsed: ParsedQuery): { total: number; hits: Hit[]; facets: SearchResponse["facets"] } {
  const passages = query.mode === "passage";
  // Facet filters are left to searchUnits (a report failing one still counts in that facet);
  // a passage is matched on its own text, as Meilisearch matches a passage document, exclusions too.
  const scope = { kind: query.kind, includeDuplicates: query.includeDuplicates, within: query.within };
  const docs = selectReports(corpus, scope, passages ? { ...parsed, excluded: [] } : parsed).filter((d) => failedFacets(d.report, query).length <= 1);
  const required = parsed.required.map((t) => ({ text: t.text, term: compileTerm(corpus, t.alternatives) }));
  const excluded = parsed.excluded.map((t) => ({ text: t.text, term: compileTerm(corpus, t.alternatives) }));
  const units: Unit[] = [];
  for (const doc of docs) {
    const r = doc.report;
    if (!passages) {
      units.push({ doc, start: 0, end: r.text.length, idx: -1, marks: queryOccurrences(corpus, doc, required) });
      continue;
    }
    const each = required.map((p) => queryOccurrences(corpus, doc, [p]));
    const out = queryOccurrences(corpus, doc, excluded);
    const inside = (o: Occurrence, s: { start: number; end: number }) => s.start <= o.start && o.end <= s.end;
    ix.passageSpans(r).forEach((span, idx) => {
      if (!each.every((os) => os.some((o) => inside(o, span))) || out.some((o) => inside(o, span))) return;
      const marks = each.flat().filter((o) => inside(o, span)).sort((a, b) => a.start - b.start || b.end - a.end);
      units.push({ doc, start: span.start, end: span.end, idx, marks });
    });
  }
  return searchUnits(query, units);
}

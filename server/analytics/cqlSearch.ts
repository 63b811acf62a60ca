// /api/search?match=cql and match=regex: the reports (or passages) where a corpus query or a regular expression matches, with the facet
// counts of the same selection (disjunctive, as word search asks Meilisearch for them: a report
// failing only the sector filter still counts in the sector facet). Runs in the analytics pool
// over the corpus image; the evaluator is server/analytics/cql.ts, the snippets are search's.
import { FACETS, type FacetName, type Hit, type SearchQuery, type SearchResponse } from "../../core/api/schema.ts";
import { failedFacets, inScope } from "../../core/filter.ts";
import { tokenStarts } from "../../core/corpus/offsets.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import type { Pattern } from "../../core/cql/ast.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { corpusHit, type Occurrence } from "../search/snippet.ts";
import { cqlScan } from "./cql.ts";
import { regexMatches } from "./regex.ts";

type Facets = SearchResponse["facets"];

/** A report (idx -1) or one of its passages, with the matches inside it. */
export interface Unit {
  doc: CorpusDoc;
  start: number;
  end: number;
  idx: number;
  marks: Occurrence[];
}

type SearchResult = { total: number; hits: Hit[]; facets: Facets };

/** The reports a search could show or count: in scope, failing at most one facet filter (two: no facet counts them). */
const searchable = (corpus: Corpus, query: SearchQuery) => corpus.docs.filter((d) => inScope(d.report, query) && failedFacets(d.report, query).length <= 1);

export function cqlSearch(corpus: Corpus, ix: CorpusIndexes, query: SearchQuery, pattern: Pattern): SearchResult {
  const docs = searchable(corpus, query);
  const marks = new Map<CorpusDoc, Occurrence[]>();
  let at = (i: number) => i;
  let last = -1;
  cqlScan(corpus, docs, pattern, ix, (d, s, e) => {
    const doc = docs[d];
    if (d !== last) {
      at = tokenStarts(corpus, doc);
      last = d;
      marks.set(doc, []);
    }
    const start = at(s);
    const end = at(e);
    marks.get(doc)!.push({ start, end, term: doc.report.text.slice(start, end) });
  });
  return searchByMarks(ix, query, marks);
}

/** match=regex: the same search over the matches of a regular expression (server/analytics/regex.ts). */
export function regexSearch(corpus: Corpus, ix: CorpusIndexes, query: SearchQuery): SearchResult {
  const source = query.q ?? "";
  const marks = new Map<CorpusDoc, Occurrence[]>();
  for (const doc of searchable(corpus, query)) {
    const text = doc.report.text;
    const found = regexMatches(text, source);
    if (found.length) marks.set(doc, found.map(([start, end]) => ({ start, end, term: text.slice(start, end) })));
  }
  return searchByMarks(ix, query, marks);
}

/** Hits, facet counts and paging from the matches found per report (report order). */
function searchByMarks(ix: CorpusIndexes, query: SearchQuery, marks: Map<CorpusDoc, Occurrence[]>): SearchResult {
  const found: Unit[] = [];
  for (const [doc, ms] of marks) {
    const r = doc.report;
    if (query.mode === "passage") {
      // a match counts for the passage that holds it whole
      const spans = ix.passageSpans(r);
      const by = new Map<number, Unit>();
      for (const m of ms) {
        const idx = spans.findIndex((p) => p.start <= m.start && m.end <= p.end);
        if (idx < 0) continue;
        let u = by.get(idx);
        if (!u) by.set(idx, (u = { doc, start: spans[idx].start, end: spans[idx].end, idx, marks: [] }));
        u.marks.push(m);
      }
      found.push(...by.values());
    } else found.push({ doc, start: 0, end: r.text.length, idx: -1, marks: ms });
  }
  return searchUnits(query, found);
}

/**
 * The search over units found (report order; each in scope, failing at most one facet filter):
 * the facet counts (a unit failing one filter counts for that facet only), the order, the page.
 */
export function searchUnits(query: SearchQuery, found: Unit[]): SearchResult {
  const counts = new Map<FacetName, Map<string | number, number>>(FACETS.map((f) => [f, new Map()]));
  const units: Unit[] = [];
  for (const u of found) {
    const r = u.doc.report;
    const failed = failedFacets(r, query);
    for (const f of failed.length ? failed : FACETS) {
      const key = f === "year" ? r.year : r[f];
      if (key === null) continue;
      const m = counts.get(f)!;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    if (!failed.length) units.push(u);
  }
  const facets: Facets = { sector: {}, year: {}, docType: {}, level: {} };
  for (const [f, m] of counts) for (const [key, n] of m) facets[f][String(key)] = n;

  if (query.sort === "relevance") units.sort((a, b) => b.marks.length - a.marks.length);
  else {
    const dir = query.sort === "year:asc" ? 1 : -1;
    // unknown years last, as in Meilisearch; Array.prototype.sort is stable: ties keep corpus order
    const year = (u: Unit) => u.doc.report.year ?? (dir > 0 ? 9999 : 0);
    units.sort((a, b) => (year(a) - year(b)) * dir);
  }
  const from = (query.page - 1) * query.perPage;
  const hits = units.slice(from, from + query.perPage).map((u): Hit => {
    const r = u.doc.report;
    return corpusHit(r, u.marks, u.start, u.end, u.idx);
  });
  return { total: units.length, hits, facets };
}

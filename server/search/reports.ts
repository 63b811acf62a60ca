// The document table, one report in full, facet value search and completion.
import type { z } from "zod";
import { NotFoundError } from "../../core/errors.ts";
import type { FacetName, ReportDetail, ReportRow, ReportsQuery, ReportsResponse, FacetResponseSchema, FacetQuerySchema, SearchQuery } from "../../core/api/schema.ts";
import type { SearchDeps } from "./search.ts";
import { facetValueSearch, reportListSearch } from "../../core/meili/requests.ts";
import { searchFacetValues, searchIndex } from "../../core/meili/search.ts";
import { parseQuery, type ParsedQuery } from "../../core/query.ts";
import { fold } from "../../core/fold.ts";
import { markParts, queryOccurrences, substringOccurrences } from "./snippet.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import type { Report } from "../../core/model.ts";
import type { RunContext } from "../pool/pool.ts";
import { patternOf } from "../analytics/cqlTerm.ts";
import { jsonSize } from "../cache.ts";
import { corpusTable, needsCorpusTable, reportRow } from "./reportTable.ts";

export async function listReports(deps: SearchDeps, query: ReportsQuery, ctx: RunContext = {}): Promise<ReportsResponse> {
  if (needsCorpusTable(query)) return corpusTable(deps, query, ctx);
  if (query.match === "cql" && query.q?.trim()) return cqlReports(deps, query, ctx);
  const parsed = parseQuery(query.q, deps.segmenter, deps.synonyms, { synonyms: query.synonyms });
  // a phrase Meilisearch matches pairwise (core/query.ts meiliExact): the reports search selects
  if (!parsed.meiliExact) return cqlReports(deps, query, ctx, parsed);
  const res = await searchIndex<Omit<ReportRow, "year" | "pageTitle"> & { year?: number }>(deps.meili, deps.names.reports, reportListSearch(parsed.meiliQ, query, deps.visibleGeneration?.()));
  const corpus = deps.corpus.peek();
  return {
    total: res.totalHits,
    page: query.page,
    perPage: query.perPage,
    reports: res.hits.map((h) => ({ ...h, pageTitle: corpus?.byId.get(h.id)?.report.pageTitle ?? null, year: h.year ?? null, duplicateOf: h.duplicateOf ?? null })),
  };
}

/** Table order for reports found in the corpus: as Meilisearch sorts (unknown years last), ties in corpus order. */
const tableOrder: Record<Exclude<ReportsQuery["sort"], "added:desc">, (a: Report, b: Report) => number> = {
  "year:desc": (a, b) => (b.year ?? -1e9) - (a.year ?? -1e9),
  "year:asc": (a, b) => (a.year ?? 1e9) - (b.year ?? 1e9),
  "chars:desc": (a, b) => b.chars - a.chars,
  "chars:asc": (a, b) => a.chars - b.chars,
  "title:asc": (a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
};

/**
 * match=cql (or words Meilisearch cannot match exactly, `parsed`): the reports /api/search selects
 * (the same pool task, every report on one page), as table rows sorted and paged as the word table is.
 */
async function cqlReports(deps: SearchDeps, query: ReportsQuery, ctx: RunContext, parsed?: ParsedQuery): Promise<ReportsResponse> {
  const { page, perPage, sort, ...filters } = query;
  const { cache, generation } = deps.corpus;
  const all: SearchQuery = { ...filters, match: parsed ? "word" : "cql", mode: "report", sort: "relevance", page: 1, perPage: Number.MAX_SAFE_INTEGER };
  const task = parsed ? { name: "wordSearch" as const, query: all, parsed } : { name: "cqlSearch" as const, query: all, pattern: patternOf(query.q!.trim(), deps.segmenter, "q") };
  const found = await cache.getAsync(generation, `reports:${task.name}`, JSON.stringify(all), () => deps.corpus.run(task, ctx), jsonSize);
  const corpus = deps.corpus.get();
  const rows = found.hits.map((h) => corpus.byId.get(h.reportId)?.report).filter((r): r is Report => r !== undefined);
  const order = new Map(corpus.docs.map((d, i) => [d.report, i]));
  rows.sort((a, b) => tableOrder[sort as keyof typeof tableOrder](a, b) || order.get(a)! - order.get(b)!);
  const from = (page - 1) * perPage;
  return {
    total: rows.length,
    page,
    perPage,
    reports: rows.slice(from, from + perPage).map(reportRow),
  };
}

const ref = (r: Report) => ({ id: r.id, title: r.title, source: r.source });

export function getReport(deps: SearchDeps, id: string, highlight: string | undefined, match: "word" | "substring", themesOf: (doc: Report) => ReportDetail["themes"]): ReportDetail {
  const corpus = deps.corpus.get();
  const doc = corpus.byId.get(id);
  if (!doc) throw new NotFoundError(`no report with id ${JSON.stringify(id)}`);
  const r = doc.report;
  let marks: [number, number][] = [];
  if (highlight?.trim()) {
    const occ =
      match === "substring"
        ? substringOccurrences(fold(r.text), fold(highlight.trim()))
        : queryOccurrences(corpus, doc, markParts(corpus, parseQuery(highlight, deps.segmenter, deps.synonyms, { field: "highlight" })));
    marks = occ.map((o) => [o.start, o.end]);
  }
  const canonical = r.duplicateOf ? corpus.byId.get(r.duplicateOf)?.report : undefined;
  return {
    id: r.id,
    parentId: r.parentId,
    piece: r.piece,
    title: r.title,
    pageTitle: r.pageTitle,
    sector: r.sector,
    sectorConfidence: r.sectorConfidence,
    sectorEvidence: r.sectorEvidence,
    year: r.year,
    docType: r.docType,
    level: r.level,
    period: r.period,
    kind: r.kind,
    source: r.source,
    chars: r.chars,
    duplicateOf: r.duplicateOf,
    canonical: canonical ? ref(canonical) : null,
    duplicates: r.duplicates.map((d) => corpus.byId.get(d)?.report).filter((d): d is Report => !!d).map(ref),
    text: r.text,
    paragraphs: r.paragraphs,
    sections: r.sections,
    themes: themesOf(r),
    marks,
  };
}

export async function facetValues(deps: SearchDeps, name: FacetName, query: z.infer<typeof FacetQuerySchema>): Promise<z.infer<typeof FacetResponseSchema>> {
  const parsed = parseQuery(query.q, deps.segmenter, deps.synonyms, { synonyms: query.synonyms });
  if (!parsed.meiliExact) {
    // the facet counts search shows for the same query (server/search/wordsInCorpus.ts), values containing `query`
    const all: SearchQuery = { ...query, match: "word", mode: "report", sort: "relevance", page: 1, perPage: 0 };
    const found = await deps.corpus.cache.getAsync(deps.corpus.generation, "facets:wordSearch", JSON.stringify(all), () => deps.corpus.run({ name: "wordSearch", query: all, parsed }), jsonSize);
    const want = (query.query ?? "").toLowerCase();
    const values = Object.entries(found.facets[name]).filter(([v]) => v.toLowerCase().includes(want));
    return { name, values: values.map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count) };
  }
  const res = await searchFacetValues(deps.meili, deps.names.reports, facetValueSearch(name, query.query ?? "", parsed.meiliQ, query, deps.visibleGeneration?.()));
  return { name, values: res.facetHits };
}

/** Completion from the corpus vocabulary: words that start with the input, then words that contain it. */
export function suggest(holder: CorpusHolder, q: string, limit: number): { suggestions: { term: string; count: number }[] } {
  const input = q.trim();
  if (!input) return { suggestions: [] };
  const vocab = holder.vocabulary();
  const out: { term: string; count: number }[] = [];
  for (const v of vocab) if (v.term.startsWith(input) && v.term !== input) if (out.push(v) >= limit) break;
  if (out.length < limit) for (const v of vocab) if (!v.term.startsWith(input) && v.term.includes(input)) if (out.push(v) >= limit) break;
  return { suggestions: out };
}

// The document table, one report in full, facet value search and completion.
import type { z } from "zod";
import { NotFoundError } from "../../core/errors.ts";
import type { FacetName, ReportDetail, ReportRow, ReportsQuery, ReportsResponse, FacetResponseSchema, FacetQuerySchema } from "../../core/api/schema.ts";
import type { SearchDeps } from "./search.ts";
import { facetValueSearch, reportListSearch } from "../../core/meili/requests.ts";
import { searchFacetValues, searchIndex } from "../../core/meili/search.ts";
import { parseQuery } from "../../core/query.ts";
import { fold } from "../../core/fold.ts";
import { markParts, queryOccurrences, substringOccurrences } from "./snippet.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import type { Report } from "../../core/model.ts";

export async function listReports(deps: SearchDeps, query: ReportsQuery): Promise<ReportsResponse> {
  const parsed = parseQuery(query.q, deps.segmenter, deps.synonyms, { synonyms: query.synonyms });
  const res = await searchIndex<Omit<ReportRow, "year"> & { year?: number }>(deps.meili, deps.names.reports, reportListSearch(parsed.meiliQ, query, deps.visibleGeneration?.()));
  return {
    total: res.totalHits,
    page: query.page,
    perPage: query.perPage,
    reports: res.hits.map((h) => ({ ...h, year: h.year ?? null, duplicateOf: h.duplicateOf ?? null })),
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
        : queryOccurrences(corpus, doc, markParts(corpus, parseQuery(highlight, deps.segmenter, deps.synonyms)));
    marks = occ.map((o) => [o.start, o.end]);
  }
  const canonical = r.duplicateOf ? corpus.byId.get(r.duplicateOf)?.report : undefined;
  return {
    id: r.id,
    parentId: r.parentId,
    piece: r.piece,
    title: r.title,
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

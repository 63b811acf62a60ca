// The document table when Meilisearch cannot answer it: a text filter (`contains`: title, source or
// id containing a string — Meilisearch matches words by prefix, not substrings) or the order in
// which sources were added (not a Meilisearch attribute). Read from the loaded corpus, with the one
// filter (`matches`) and, for `q`, the reports the table itself selects for it.
import type { ReportRow, ReportsQuery, ReportsResponse } from "../../core/api/schema.ts";
import { matches } from "../../core/filter.ts";
import { fold } from "../../core/fold.ts";
import type { Report } from "../../core/model.ts";
import type { RunContext } from "../pool/pool.ts";
import { listReports } from "./reports.ts";
import type { SearchDeps } from "./search.ts";

/** Whether the table needs this path (reports.ts sends it here). */
export const needsCorpusTable = (query: ReportsQuery) => Boolean(query.contains?.trim()) || query.sort === "added:desc";

const byTitle = (a: Report, b: Report) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

const ORDER: Record<ReportsQuery["sort"], (a: Report, b: Report, added: (r: Report) => string) => number> = {
  "year:desc": (a, b) => (b.year ?? -1e9) - (a.year ?? -1e9),
  "year:asc": (a, b) => (a.year ?? 1e9) - (b.year ?? 1e9),
  "chars:desc": (a, b) => b.chars - a.chars,
  "chars:asc": (a, b) => a.chars - b.chars,
  "title:asc": byTitle,
  // newest source first; a source's reports by title
  "added:desc": (a, b, added) => {
    const x = added(a);
    const y = added(b);
    return x < y ? 1 : x > y ? -1 : byTitle(a, b);
  },
};

/** A report as a row of the document table (the one mapper: the Meilisearch path uses it too). */
export const reportRow = (r: Report): ReportRow => ({
  id: r.id,
  title: r.title,
  pageTitle: r.pageTitle,
  sector: r.sector,
  sectorConfidence: r.sectorConfidence,
  year: r.year,
  docType: r.docType,
  level: r.level,
  kind: r.kind,
  source: r.source,
  chars: r.chars,
  duplicateOf: r.duplicateOf,
});

/** The reports `q` selects (every one), as the table without a text filter selects them; null: no query. */
async function selected(deps: SearchDeps, query: ReportsQuery, ctx: RunContext): Promise<Set<string> | null> {
  if (!query.q?.trim()) return null;
  const all = await listReports(deps, { ...query, contains: undefined, sort: "title:asc", page: 1, perPage: Math.max(1, deps.corpus.get().docs.length) }, ctx);
  return new Set(all.reports.map((r) => r.id));
}

export async function corpusTable(deps: SearchDeps, query: ReportsQuery, ctx: RunContext = {}): Promise<ReportsResponse> {
  const ids = await selected(deps, query, ctx);
  const corpus = deps.corpus.get();
  const needle = fold((query.contains ?? "").trim().toLowerCase());
  const hit = (r: Report) => !needle || [r.title, r.source, r.id].some((s) => fold(s.toLowerCase()).includes(needle));
  const rows = corpus.docs.map((d) => d.report).filter((r) => (ids === null || ids.has(r.id)) && matches(r, query) && hit(r));
  const added = deps.corpus.sourcesAdded();
  const addedOf = (r: Report) => added.get(r.source) ?? "";
  const order = new Map(rows.map((r, i) => [r, i]));
  rows.sort((a, b) => ORDER[query.sort](a, b, addedOf) || order.get(a)! - order.get(b)!);
  const from = (query.page - 1) * query.perPage;
  return { total: rows.length, page: query.page, perPage: query.perPage, reports: rows.slice(from, from + query.perPage).map(reportRow) };
}

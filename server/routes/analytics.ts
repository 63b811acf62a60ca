// Thin analytics routes, one per entry of the endpoint table (core/api/endpoints.ts): parse the
// query and the term on this thread (the segmenter lives here), hand the computation to the
// analytics pool as a task (server/pool/tasks.ts: the subcorpus, then a pure analytic), cache the
// answer in the one result cache. Validation and JSON/CSV sending are route()'s (./endpoint.ts).
import { Router } from "express";
import { isWord, type Segmenter } from "../../core/text/segment.ts";
import type * as S from "../../core/api/schema.ts";
import type { EndpointName, QueryOf } from "../../core/api/endpoints.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import { explainQuery, explainTerm, parseQuery, parseTerm, type Synonyms } from "../../core/query.ts";
import type { ThemeDef } from "../analytics/themes-file.ts";
import { jsonSize } from "../cache.ts";
import type { RunContext } from "../pool/pool.ts";
import type { AnalysisTask, Selection } from "../pool/tasks.ts";
import { route } from "./endpoint.ts";

export interface AnalyticsDeps {
  corpus: CorpusHolder;
  segmenter: Segmenter;
  synonyms: Synonyms;
  themes: ThemeDef[];
}

export function analyticsRoutes(deps: AnalyticsDeps): Router {
  /** The subcorpus a filter set defines: the one selection search uses too (core/corpus/select.ts). */
  const selection = (f: S.Filters): Selection => ({ filters: f, parsed: parseQuery(f.q, deps.segmenter, deps.synonyms, { synonyms: f.synonyms }) });

  const r = Router();
  const words = (s: string) => deps.segmenter.cut(s).filter(isWord);
  /** A `term` parameter: the term and, unless synonyms=false, its synonyms (core/query.ts). */
  const termOf = (q: { term: string; synonyms?: boolean }) =>
    parseTerm(q.term, deps.segmenter, deps.synonyms, { synonyms: q.synonyms })?.alternatives ?? [];
  /** What the `q` filter and the `term` matched, for the response (the UI shows "also matched"). */
  const matched = (q: { q?: string; term?: string; synonyms?: boolean }) => [
    ...explainQuery(parseQuery(q.q, deps.segmenter, deps.synonyms, { synonyms: q.synonyms })),
    ...(q.term ? explainTerm(parseTerm(q.term, deps.segmenter, deps.synonyms, { synonyms: q.synonyms }), "term") : []),
  ];
  const termTask = <Q extends S.Filters & { term: string; synonyms?: boolean }>(q: Q) => ({ q, selection: selection(q), alternatives: termOf(q), matched: matched(q) });

  /**
   * Results per (corpus generation, endpoint, query). n-grams, formulas and sorted concordances of
   * frequent words take 0.2–3 s at 20k reports; analysts page, sort and export the same subcorpus
   * repeatedly. `format` does not change the computation; everything else does. The task is built
   * only on a miss.
   */
  const cached = <N extends EndpointName & AnalysisTask["name"]>(name: N, q: QueryOf<N>, ctx: RunContext, task: () => AnalysisTask & { name: N }) => {
    const key = JSON.stringify(Object.entries(q as Record<string, unknown>).filter(([k]) => k !== "format").sort(([a], [b]) => (a < b ? -1 : 1)));
    deps.corpus.get(); // a 503 naming the damaged file before any parsing
    return deps.corpus.cached(name, key, task, ctx, jsonSize);
  };

  route(r, "kwic", ({ query: q, ctx }) => cached("kwic", q, ctx, () => ({ name: "kwic", ...termTask(q) })));
  route(r, "frequency", ({ query: q, ctx }) => cached("frequency", q, ctx, () => ({ name: "frequency", q, selection: selection(q) })));
  route(r, "breakdown", ({ query: q, ctx }) => cached("breakdown", q, ctx, () => ({ name: "breakdown", ...termTask(q) })));

  route(r, "keyness", ({ query: q, ctx }) =>
    cached("keyness", q, ctx, () => {
      const side = (p: "a" | "b"): S.Filters => Object.fromEntries(Object.entries(q).filter(([k]) => k.startsWith(`${p}.`)).map(([k, v]) => [k.slice(2), v])) as S.Filters;
      const bFilters = side("b");
      const hasB = Object.values(bFilters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
      return { name: "keyness", q, selection: selection(side("a")), b: hasB ? selection(bFilters) : null };
    }),
  );

  route(r, "collocates", ({ query: q, ctx }) => cached("collocates", q, ctx, () => ({ name: "collocates", ...termTask(q) })));
  route(r, "ngrams", ({ query: q, ctx }) => cached("ngrams", q, ctx, () => ({ name: "ngrams", q, selection: selection(q) })));
  route(r, "themes", ({ query: q, ctx }) => cached("themes", q, ctx, () => ({ name: "themes", q, selection: selection(q), themes: deps.themes })));
  route(r, "phrasing", ({ query: q, ctx }) => cached("phrasing", q, ctx, () => ({ name: "phrasing", ...termTask(q) })));
  route(r, "formulas", ({ query: q, ctx }) => cached("formulas", q, ctx, () => ({ name: "formulas", q, selection: selection(q) })));
  // Cached too: a draft is sent again when the writer pages, switches views or comes back.
  route(r, "similar", ({ query: q, ctx }) => cached("similar", q, ctx, () => ({ name: "similar", q, selection: selection({ ...q, q: undefined }), tokens: words(q.text) })));

  return r;
}

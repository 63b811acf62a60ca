// Thin analytics routes, one per entry of the endpoint table (core/api/endpoints.ts): select the
// subcorpus, call a pure analytic with the corpus's indexes, cache the answer in the one result
// cache (server/cache.ts). Validation and JSON/CSV sending are route()'s (./endpoint.ts).
import { Router } from "express";
import { isWord, type Segmenter } from "../../core/text/segment.ts";
import type * as S from "../../core/api/schema.ts";
import type { EndpointName, QueryOf, ResponseOf } from "../../core/api/endpoints.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { explainQuery, explainTerm, parseQuery, parseTerm, type Synonyms } from "../../core/query.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import type { ThemeDef } from "../analytics/themes-file.ts";
import { jsonSize } from "../cache.ts";
import { route } from "./endpoint.ts";
import { kwic } from "../analytics/kwic.ts";
import { frequency } from "../analytics/frequency.ts";
import { breakdown } from "../analytics/breakdown.ts";
import { keyness } from "../analytics/keyness.ts";
import { collocates } from "../analytics/collocates.ts";
import { ngrams } from "../analytics/ngrams.ts";
import { themes } from "../analytics/themes.ts";
import { phrasing } from "../analytics/phrasing.ts";
import { formulas } from "../analytics/formulas.ts";
import { similar } from "../analytics/similar.ts";

export interface AnalyticsDeps {
  corpus: CorpusHolder;
  segmenter: Segmenter;
  synonyms: Synonyms;
  themes: ThemeDef[];
}

export function analyticsRoutes(deps: AnalyticsDeps): Router {
  /** The subcorpus a filter set defines: the one selection search uses too (core/corpus/select.ts). */
  function subcorpus(corpus: Corpus, f: S.Filters): CorpusDoc[] {
    return selectReports(corpus, f, parseQuery(f.q, deps.segmenter, deps.synonyms, { synonyms: f.synonyms }));
  }

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

  /**
   * Results per (corpus generation, endpoint, query). n-grams, formulas and sorted concordances of
   * frequent words take 0.2–3 s at 20k reports; analysts page, sort and export the same subcorpus
   * repeatedly. `format` does not change the computation; everything else does.
   */
  const cached = <N extends EndpointName>(name: N, q: QueryOf<N>, compute: () => ResponseOf<N>): ResponseOf<N> => {
    const key = JSON.stringify(Object.entries(q as Record<string, unknown>).filter(([k]) => k !== "format").sort(([a], [b]) => (a < b ? -1 : 1)));
    return deps.corpus.cache.get(deps.corpus.generation, name, key, compute, jsonSize);
  };
  const loaded = () => ({ corpus: deps.corpus.get(), ix: deps.corpus.indexes() });

  route(r, "kwic", ({ query: q }) =>
    cached("kwic", q, () => {
      const { corpus, ix } = loaded();
      const out = kwic(corpus, subcorpus(corpus, q), { term: q.term, alternatives: termOf(q), match: q.match, width: q.width, sort: q.sort, page: q.page, perPage: q.perPage }, ix);
      return { ...out, page: q.page, perPage: q.perPage, matched: matched(q) };
    }),
  );

  route(r, "frequency", ({ query: q }) =>
    cached("frequency", q, () => {
      const { corpus } = loaded();
      return frequency(corpus, subcorpus(corpus, q), { limit: q.limit, minLength: q.minLength, stopwords: q.stopwords });
    }),
  );

  route(r, "breakdown", ({ query: q }) =>
    cached("breakdown", q, () => {
      const { corpus, ix } = loaded();
      return { term: q.term, by: q.by, ...breakdown(corpus, subcorpus(corpus, q), { alternatives: termOf(q), by: q.by }, ix), matched: matched(q) };
    }),
  );

  route(r, "keyness", ({ query: q }) =>
    cached("keyness", q, () => {
      const { corpus } = loaded();
      const side = (p: "a" | "b"): S.Filters => Object.fromEntries(Object.entries(q).filter(([k]) => k.startsWith(`${p}.`)).map(([k, v]) => [k.slice(2), v])) as S.Filters;
      const a = subcorpus(corpus, side("a"));
      const bFilters = side("b");
      const hasB = Object.values(bFilters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
      // No b.* given: the reference corpus is the rest of the corpus.
      const inA = new Set(a);
      const b = hasB ? subcorpus(corpus, bFilters) : selectReports(corpus, {}, null).filter((d) => !inA.has(d));
      return keyness(corpus, a, b, { min: q.min, limit: q.limit });
    }),
  );

  route(r, "collocates", ({ query: q }) =>
    cached("collocates", q, () => {
      const { corpus, ix } = loaded();
      return { ...collocates(corpus, subcorpus(corpus, q), { alternatives: termOf(q), window: q.window, min: q.min, measure: q.measure, limit: q.limit }, ix), matched: matched(q) };
    }),
  );

  route(r, "ngrams", ({ query: q }) =>
    cached("ngrams", q, () => {
      const { corpus, ix } = loaded();
      return ngrams(corpus, subcorpus(corpus, q), { n: q.n, min: q.min, limit: q.limit }, ix);
    }),
  );

  route(r, "themes", ({ query: q }) =>
    cached("themes", q, () => {
      const { corpus } = loaded();
      return themes(corpus, subcorpus(corpus, q), deps.themes, { by: q.by });
    }),
  );

  route(r, "phrasing", ({ query: q }) =>
    cached("phrasing", q, () => {
      const { corpus, ix } = loaded();
      return { ...phrasing(corpus, subcorpus(corpus, q), { alternatives: termOf(q), term: q.term, limit: q.limit }, ix), matched: matched(q) };
    }),
  );

  route(r, "formulas", ({ query: q }) =>
    cached("formulas", q, () => {
      const { corpus, ix } = loaded();
      return formulas(corpus, subcorpus(corpus, q), { min: q.min, limit: q.limit }, ix);
    }),
  );

  // Not cached: a pasted text rarely repeats, and the sentence index answers in milliseconds.
  route(r, "similar", ({ query: q }) => {
    const { corpus, ix } = loaded();
    return similar(corpus, subcorpus(corpus, { ...q, q: undefined }), { tokens: words(q.text), limit: q.limit }, ix);
  });

  return r;
}

// What a worker of the analytics pool computes: every analytic, substring search and `similar`,
// each from a task the main thread built after validating the request and parsing its query (the
// segmenter stays on the main thread; a task carries parsed queries and term alternatives, plain
// data). Each case is the computation the route used to run inline, unchanged, so a response is
// byte-identical whichever thread computed it.
import type * as S from "../../core/api/schema.ts";
import type { QueryOf, ResponseOf } from "../../core/api/endpoints.ts";
import { selectReports } from "../../core/corpus/select.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import type { ParsedQuery, QueryPart } from "../../core/query.ts";
import type { Pattern } from "../../core/cql/ast.ts";
import type { ThemeDef } from "../analytics/themes-file.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { ResultCache } from "../cache.ts";
import { kwic } from "../analytics/kwic.ts";
import { frequency } from "../analytics/frequency.ts";
import { breakdown } from "../analytics/breakdown.ts";
import { trends } from "../analytics/trends.ts";
import { keyness } from "../analytics/keyness.ts";
import { collocates } from "../analytics/collocates.ts";
import { ngrams } from "../analytics/ngrams.ts";
import { themes } from "../analytics/themes.ts";
import { phrasing } from "../analytics/phrasing.ts";
import { formulas } from "../analytics/formulas.ts";
import { frames } from "../analytics/frames.ts";
import { sketchDiff } from "../analytics/sketchdiff.ts";
import { similar } from "../analytics/similar.ts";
import { substringSearch } from "../search/substring.ts";
import { cqlSearch, regexSearch } from "../analytics/cqlSearch.ts";
import { wordsInCorpus } from "../search/wordsInCorpus.ts";
import { draftCheck, type DraftCheckInput } from "../analytics/draftCheck.ts";
import type { Exclusion } from "../corpus/codings.ts";

/** A selection: filters plus the parsed `q` (core/corpus/select.ts). */
export interface Selection {
  filters: S.Filters;
  parsed: ParsedQuery | null;
}

interface Common<N extends string, Q> {
  name: N;
  q: Q;
  selection: Selection;
}

export type AnalysisTask =
  | (Common<"kwic", QueryOf<"kwic">> & { alternatives: string[][]; matched: QueryPart[]; pattern?: Pattern; collocate?: string[][] })
  | Common<"frequency", QueryOf<"frequency">>
  | (Common<"breakdown", QueryOf<"breakdown">> & { alternatives: string[][]; matched: QueryPart[]; pattern?: Pattern; excluded?: Exclusion })
  | (Common<"batch", QueryOf<"batch">> & { terms: { line: number; label: string; alternatives: string[][]; matches: string[] }[] })
  | (Common<"trends", QueryOf<"trends">> & { terms: { label: string; alternatives: string[][]; matches: string[] }[] | null; excluded?: Exclusion })
  | (Common<"keyness", QueryOf<"keyness">> & { b: Selection | null })
  | (Common<"collocates", QueryOf<"collocates">> & { alternatives: string[][]; matched: QueryPart[] })
  | Common<"ngrams", QueryOf<"ngrams">>
  | (Common<"themes", QueryOf<"themes">> & { themes: ThemeDef[] })
  | (Common<"phrasing", QueryOf<"phrasing">> & { alternatives: string[][]; matched: QueryPart[] })
  | Common<"formulas", QueryOf<"formulas">>
  | (Common<"frames", QueryOf<"frames">> & { alternatives: string[][]; matched: QueryPart[] })
  | { name: "sketchdiff"; q: QueryOf<"sketchdiff">; contrast: "subcorpus" | "term" | "both"; sides: Record<"a" | "b", { selection: Selection; term: string; alternatives: string[][]; matched: QueryPart[] }> }
  | (Common<"similar", QueryOf<"similar">> & { tokens: string[] })
  | { name: "substring"; query: S.SearchQuery }
  | { name: "cqlSearch"; query: S.SearchQuery; pattern: Pattern }
  | { name: "regexSearch"; query: S.SearchQuery }
  | { name: "wordSearch"; query: S.SearchQuery; parsed: ParsedQuery }
  | { name: "draftCheck"; input: DraftCheckInput };

type SearchTask = "substring" | "cqlSearch" | "regexSearch" | "wordSearch";
export type TaskResult<T extends AnalysisTask> = T extends { name: SearchTask } ? { total: number; hits: S.Hit[]; facets: S.SearchResponse["facets"] } : ResponseOf<Exclude<T["name"], SearchTask>>;

export interface TaskScope {
  corpus: Corpus;
  ix: CorpusIndexes;
  /** the worker's cache of intermediate substring matches (pages of one string reuse them) */
  cache: ResultCache;
  generation: number;
}

const select = (corpus: Corpus, s: Selection): CorpusDoc[] => selectReports(corpus, s.filters, s.parsed);

export function runTask(scope: TaskScope, t: AnalysisTask): unknown {
  const { corpus, ix } = scope;
  if (t.name === "substring") return substringSearch(corpus, ix, scope.cache, scope.generation, t.query);
  if (t.name === "cqlSearch") return cqlSearch(corpus, ix, t.query, t.pattern);
  if (t.name === "regexSearch") return regexSearch(corpus, ix, t.query);
  if (t.name === "wordSearch") return wordsInCorpus(corpus, ix, t.query, t.parsed);
  // its own selections (the draft's sector and type, widened when few): no `selection` of its own
  if (t.name === "draftCheck") return draftCheck(corpus, t.input, ix);
  if (t.name === "sketchdiff") {
    // the frames analytic once per side, each on its own selection, every row (the diff needs a
    // collocate's row on both sides, not only each side's top N)
    const side = (s: (typeof t.sides)["a"]) => frames(corpus, select(corpus, s.selection), { alternatives: s.alternatives, term: s.term, rankMin: t.q.rankMin, limit: Number.MAX_SAFE_INTEGER }, ix);
    const a = side(t.sides.a);
    const b = side(t.sides.b);
    const about = (f: typeof a, s: (typeof t.sides)["a"]) => ({ term: f.term, occurrences: f.occurrences, reports: f.reports, matched: s.matched });
    return { a: about(a, t.sides.a), b: about(b, t.sides.b), contrast: t.contrast, ...sketchDiff(a, b, { limit: t.q.limit, min: t.q.min, rankMin: t.q.rankMin }) };
  }
  const docs = select(corpus, t.selection);
  switch (t.name) {
    case "kwic": {
      const k = t.q;
      const out = kwic(corpus, docs, { term: k.term, alternatives: t.alternatives, match: k.match, pattern: t.pattern, collocate: t.collocate, window: k.window, width: k.width, sort: k.sort, page: k.page, perPage: k.perPage, count: k.count }, ix);
      return { ...out, page: k.page, perPage: k.perPage, matched: t.matched };
    }
    case "frequency":
      return frequency(corpus, docs, { limit: t.q.limit, minLength: t.q.minLength, stopwords: t.q.stopwords });
    case "breakdown":
      return {
        term: t.q.term,
        by: t.q.by,
        ...breakdown(corpus, docs, { alternatives: t.alternatives, pattern: t.pattern, by: t.q.by, excluded: t.excluded?.perReport }, ix),
        matched: t.matched,
        ...(t.excluded ? { excluded: t.excluded.info } : {}),
      };
    case "batch":
      // the breakdown analytic once per term, over the one selection
      return {
        by: t.q.by,
        then: t.q.then ?? null,
        terms: t.terms.map(({ line, label, matches }) => ({ line, label, matches })),
        rows: t.terms.flatMap((x) => breakdown(corpus, docs, { alternatives: x.alternatives, by: t.q.by, then: t.q.then }, ix).rows.map((r) => ({ label: x.label, ...r, key2: r.key2 ?? null }))),
      };
    case "trends": {
      const k = t.q;
      const out = trends(corpus, docs, { minReports: k.minReports, minYears: k.minYears, minWordYears: k.minWordYears, minCount: k.minCount, minLength: k.minLength, stopwords: k.stopwords, limit: k.limit, terms: t.terms ?? undefined, excluded: t.excluded?.perReport }, ix);
      return t.excluded ? { ...out, excluded: t.excluded.info } : out;
    }
    case "keyness": {
      // No b.* given: the reference corpus is the rest of the corpus.
      const inA = new Set(docs);
      const b = t.b ? select(corpus, t.b) : selectReports(corpus, {}, null).filter((d) => !inA.has(d));
      return keyness(corpus, docs, b, { min: t.q.min, limit: t.q.limit });
    }
    case "collocates":
      return { ...collocates(corpus, docs, { alternatives: t.alternatives, window: t.q.window, min: t.q.min, measure: t.q.measure, limit: t.q.limit }, ix), matched: t.matched };
    case "ngrams":
      return ngrams(corpus, docs, { n: t.q.n, min: t.q.min, limit: t.q.limit }, ix);
    case "themes":
      return themes(corpus, docs, t.themes, { by: t.q.by });
    case "phrasing":
      return { ...phrasing(corpus, docs, { alternatives: t.alternatives, term: t.q.term, limit: t.q.limit }, ix), matched: t.matched };
    case "frames":
      return { ...frames(corpus, docs, { alternatives: t.alternatives, term: t.q.term, min: t.q.min, rankMin: t.q.rankMin, sort: t.q.sort, limit: t.q.limit, pick: t.q.pick, page: t.q.page, perPage: t.q.perPage }, ix), matched: t.matched };
    case "formulas":
      return formulas(corpus, docs, { min: t.q.min, limit: t.q.limit }, ix);
    case "similar":
      return similar(corpus, docs, { tokens: t.tokens, limit: t.q.limit }, ix);
  }
  throw new Error(`unknown analysis task`);
}

// Thin analytics routes, one per entry of the endpoint table (core/api/endpoints.ts): parse the
// query and the term on this thread (the segmenter lives here), hand the computation to the
// analytics pool as a task (server/pool/tasks.ts: the subcorpus, then a pure analytic), cache the
// answer in the one result cache. Validation and JSON/CSV sending are route()'s (./endpoint.ts).
import { Router } from "express";
import { isWord, type Segmenter } from "../../core/text/segment.ts";
import type * as S from "../../core/api/schema.ts";
import type { EndpointName, QueryOf, ResponseOf } from "../../core/api/endpoints.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import { explainQuery, explainTerm, parseQuery, parseTerm, type Synonyms } from "../../core/query.ts";
import type { ThemeDef } from "../analytics/themes-file.ts";
import { jsonSize } from "../cache.ts";
import type { AnalysisTask, Selection } from "../pool/tasks.ts";
import { route } from "./endpoint.ts";
import { explainPattern, patternOf } from "../analytics/cqlTerm.ts";
import { regexSource, withRegexBudget } from "../analytics/regex.ts";
import type { RunContext } from "../pool/pool.ts";
import { fold } from "../../core/fold.ts";
import { BadRequestError } from "../../core/errors.ts";
import { resolveExclusion } from "../corpus/codings.ts";

export interface AnalyticsDeps {
  corpus: CorpusHolder;
  segmenter: Segmenter;
  synonyms: Synonyms;
  themes: ThemeDef[];
  /** WENYUAN_REGEX_BUDGET_MS (core/config.ts); default REGEX_BUDGET_MS */
  regexBudgetMs?: number;
  /** the data folder, for the codings breakdown and trends leave lines out of (coding=…&exclude=…); absent: none */
  dataDir?: string;
}

// draftCheck is a POST of its own (./draft.ts): a draft is never a cache key
type AnalyticName = Exclude<EndpointName & AnalysisTask["name"], "draftCheck">;
export type TaskBuilders = { [N in AnalyticName]: (q: QueryOf<N>) => AnalysisTask & { name: N } };

/** Per analytic: the pool task a validated query becomes (exported so a test can run the same task on another corpus). */
export function analyticsTasks(deps: Omit<AnalyticsDeps, "corpus">): TaskBuilders {
  /** The subcorpus a filter set defines: the one selection search uses too (core/corpus/select.ts). */
  const selection = (f: S.Filters, field = "q"): Selection => ({ filters: f, parsed: parseQuery(f.q, deps.segmenter, deps.synonyms, { synonyms: f.synonyms, field }) });
  const words = (s: string) => deps.segmenter.cut(s).filter(isWord);
  /** A `term` parameter: the term and, unless synonyms=false, its synonyms (core/query.ts); as words, it must hold one (`%` is a 400, as in `q`). */
  const termOf = (q: { term: string; synonyms?: boolean; match?: string; theme?: string }) => {
    const term = parseTerm(q.term, deps.segmenter, deps.synonyms, { synonyms: q.synonyms });
    if (!term && (q.match ?? "word") === "word" && !q.theme) throw new BadRequestError(`term: ${JSON.stringify(q.term.trim())} has no word (only punctuation)`, "term");
    return term?.alternatives ?? [];
  };
  /** What the `q` filter and the `term` matched, for the response (the UI shows "also matched"). */
  const matched = (q: { q?: string; term?: string; synonyms?: boolean }) => [
    ...explainQuery(parseQuery(q.q, deps.segmenter, deps.synonyms, { synonyms: q.synonyms })),
    ...(q.term ? explainTerm(parseTerm(q.term, deps.segmenter, deps.synonyms, { synonyms: q.synonyms }), "term") : []),
  ];
  /** A batch list's terms (core/api/schema.ts parseBatchList) as alternatives: each line's variants and their synonyms; a line with no word is a 400 naming it. */
  const batchTerms = (terms: S.BatchTerm[], synonyms?: boolean) =>
    terms.map(({ line, label, variants }) => {
      const seqs = new Map<string, string[]>();
      for (const v of variants) {
        const term = parseTerm(v, deps.segmenter, deps.synonyms, { synonyms });
        if (!term) throw new BadRequestError(`terms: line ${line}: ${JSON.stringify(v)} has no word (only punctuation)`, "terms");
        for (const a of term.alternatives) seqs.set(a.join("\u0001"), a);
      }
      const alternatives = [...seqs.values()];
      return { line, label, alternatives, matches: alternatives.map((a) => a.join("")) };
    });
  const termTask = <Q extends S.Filters & { term: string; synonyms?: boolean }>(q: Q) => ({ q, selection: selection(q), alternatives: termOf(q), matched: matched(q) });
  /**
   * match=cql: the term is a corpus query, compiled here (a syntax error is a 400 naming its column);
   * match=substring: the string is folded to simplified characters as words are (core/fold.ts).
   */
  const termMatch = <Q extends S.Filters & { term: string; match?: string }>(q: Q) => {
    if (q.match === "cql") {
      const pattern = patternOf(q.term, deps.segmenter, "term");
      return { pattern, matched: [...explainQuery(parseQuery(q.q, deps.segmenter, deps.synonyms, { synonyms: q.synonyms })), explainPattern(q.term, pattern, "term")] };
    }
    if (q.match === "regex") {
      const source = regexSource(q.term, "term");
      return { q: { ...q, term: source }, matched: [...matched(q).filter((p) => p.role !== "term"), { text: q.term, role: "term" as const, negated: false, matches: source !== q.term ? [q.term, source] : [q.term] }] };
    }
    const folded = fold(q.term);
    if (q.match === "substring" && folded !== q.term) return { q: { ...q, term: folded }, matched: [...matched(q).filter((p) => p.role !== "term"), { text: q.term, role: "term" as const, negated: false, matches: [q.term, folded] }] };
    return {};
  };
  /** theme=…: the theme's terms are the alternatives, exactly as /api/themes counts them (no synonyms) */
  const themeMatch = (q: S.Filters & { term: string; match?: string; theme?: string }) => {
    if (!q.theme) return {};
    const def = deps.themes.find((t) => t.id === q.theme);
    if (!def) throw new BadRequestError(`theme: no theme "${q.theme}" in the theme list`, "theme");
    if (q.match !== "word") throw new BadRequestError("theme: only with match=word", "theme");
    const alternatives = [...new Map(def.termTokens.filter((t) => t.length).map((t) => [t.join("\u0001"), t])).values()];
    return { alternatives, matched: [...explainQuery(parseQuery(q.q, deps.segmenter, deps.synonyms, { synonyms: q.synonyms })), { text: q.term, role: "term" as const, negated: false, matches: [q.term, ...def.terms] }] };
  };
  return {
    kwic: (q) => ({
      name: "kwic",
      ...termTask(q),
      ...termMatch(q),
      ...themeMatch(q),
      ...(q.collocate ? { collocate: parseTerm(q.collocate, deps.segmenter, deps.synonyms, { synonyms: q.synonyms })?.alternatives ?? [] } : {}),
    }),
    frequency: (q) => ({ name: "frequency", q, selection: selection(q) }),
    breakdown: (q) => ({ name: "breakdown", ...termTask(q), ...termMatch(q), ...themeMatch(q) }),
    batch: (q) => ({ name: "batch", q, selection: selection(q), terms: batchTerms(q.terms, q.synonyms) }),
    trends: (q) => ({ name: "trends", q, selection: selection(q), terms: q.terms ? batchTerms(q.terms, q.synonyms) : null }),
    keyness: (q) => {
      const side = (p: "a" | "b"): S.Filters => Object.fromEntries(Object.entries(q).filter(([k]) => k.startsWith(`${p}.`)).map(([k, v]) => [k.slice(2), v])) as S.Filters;
      const bFilters = side("b");
      const hasB = Object.values(bFilters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
      // No b.* given: the reference corpus is the rest of the corpus (tasks.ts).
      return { name: "keyness", q, selection: selection(side("a"), "a.q"), b: hasB ? selection(bFilters, "b.q") : null };
    },
    collocates: (q) => ({ name: "collocates", ...termTask(q) }),
    ngrams: (q) => ({ name: "ngrams", q, selection: selection(q) }),
    themes: (q) => ({ name: "themes", q, selection: selection(q), themes: deps.themes }),
    phrasing: (q) => ({ name: "phrasing", ...termTask(q) }),
    formulas: (q) => ({ name: "formulas", q, selection: selection(q) }),
    frames: (q) => ({ name: "frames", ...termTask(q) }),
    sketchdiff: (q) => {
      const side = (p: "a" | "b"): S.Filters => Object.fromEntries(Object.entries(q).filter(([k]) => k.startsWith(`${p}.`)).map(([k, v]) => [k.slice(2), v])) as S.Filters;
      const given = (f: S.Filters) => Object.values(f).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
      const fa = side("a");
      // no b.* given: B is A's subcorpus (two terms in one selection)
      const fb = given(side("b")) ? side("b") : fa;
      const termB = q.termB ?? q.term;
      const sameFilters = JSON.stringify(Object.entries(fa).filter(([, v]) => v !== undefined).sort()) === JSON.stringify(Object.entries(fb).filter(([, v]) => v !== undefined).sort());
      if (sameFilters && termB === q.term) throw new BadRequestError("a sketch difference needs two sides that differ: give side B's filters (b.sector=…, b.yearFrom=…) or a second term (termB)", q.termB ? "termB" : "b.sector");
      const one = (f: S.Filters, term: string, field: "term" | "termB", p: "a" | "b") => {
        const parsed = parseTerm(term, deps.segmenter, deps.synonyms, { synonyms: f.synonyms });
        if (!parsed) throw new BadRequestError(`${field}: ${JSON.stringify(term)} has no word (only punctuation)`, field);
        return { selection: selection(f, `${p}.q`), term, alternatives: parsed.alternatives, matched: matched({ q: f.q, term, synonyms: f.synonyms }) };
      };
      const contrast = sameFilters ? "term" : termB === q.term ? "subcorpus" : "both";
      return { name: "sketchdiff", q, contrast, sides: { a: one(fa, q.term, "term", "a"), b: one(fb, termB, q.termB ? "termB" : "term", "b") } };
    },
    similar: (q) => ({ name: "similar", q, selection: selection({ ...q, q: undefined }), tokens: words(q.text) }),
  };
}

/** breakdown and trends with coding=…&exclude=…: what to leave out (a 400 when the coding does not fit); otherwise null. */
export function exclusionOf(deps: AnalyticsDeps, tasks: TaskBuilders, name: string, q: unknown, ctx: RunContext) {
  if (name !== "breakdown" && name !== "trends") return Promise.resolve(null);
  return resolveExclusion({ dataDir: deps.dataDir, corpus: deps.corpus, tasks }, name, q as Parameters<typeof resolveExclusion>[2], ctx);
}

export function analyticsRoutes(deps: AnalyticsDeps): Router {
  const tasks = analyticsTasks(deps);
  const r = Router();

  /**
   * Results per (corpus generation, endpoint, query). n-grams, formulas and sorted concordances of
   * frequent words take 0.2–3 s at 20k reports; analysts page, sort and export the same subcorpus
   * repeatedly; a writer sends the same draft to `similar` again when paging or coming back.
   * `format` does not change the computation; everything else does. The task is built on a miss.
   */
  const analytic = <N extends AnalyticName>(name: N) =>
    route(r, name, async ({ query: q, ctx }) => {
      deps.corpus.get(); // a 503 naming the damaged file before any parsing
      // coding=…&exclude=…: the coded lines to leave out, keyed on the coding's last change (server/corpus/codings.ts)
      const ex = await exclusionOf(deps, tasks, name, q, ctx);
      const key = JSON.stringify(Object.entries(q as Record<string, unknown>).filter(([k]) => k !== "format").sort(([a], [b]) => (a < b ? -1 : 1))) + (ex ? `@${ex.key}` : "");
      const run = (c: RunContext) => deps.corpus.cached(name, key, () => ({ ...tasks[name](q), ...(ex ? { excluded: ex.exclusion } : {}) }), c, jsonSize) as Promise<ResponseOf<N>>;
      // a regular expression runs under its own budget (server/analytics/regex.ts)
      return (q as { match?: string }).match === "regex" ? withRegexBudget(ctx, run, deps.regexBudgetMs) : run(ctx);
    });
  for (const name of Object.keys(tasks) as AnalyticName[]) analytic(name);
  return r;
}

// Thin analytics routes: validate, select the subcorpus, call a pure analytic,
// send JSON or CSV (with a BOM, so Excel opens Chinese correctly).
import { Router, type Response } from "express";
import { isWord, type Segmenter } from "../../core/text/segment.ts";
import * as S from "../../core/api/schema.ts";
import type { CorpusHolder } from "../corpus/holder.ts";
import { matchQuery, selectDocs } from "../../core/corpus/build.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import type { ThemeDef } from "../analytics/themes-file.ts";
import { toCsv } from "../analytics/csv.ts";
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
  themes: ThemeDef[];
}

type Columns = { key: string; header: string }[];

/**
 * Results per (corpus generation, path, query string). n-grams, formulas and
 * sorted concordances of frequent words take 0.2–3 s at 20k reports; analysts
 * page, sort and export the same subcorpus repeatedly. Reloading the corpus
 * bumps the generation, so nothing stale is served.
 */
class ResultCache {
  private readonly entries = new Map<string, unknown>();
  constructor(private readonly size = 256) {}
  get<T>(key: string, compute: () => T): T {
    if (this.entries.has(key)) {
      const hit = this.entries.get(key) as T;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
const cols = (...keys: string[]): Columns => keys.map((k) => ({ key: k, header: k }));

function send(res: Response, format: "json" | "csv", body: object, rows: Record<string, unknown>[], columns: Columns, name: string): void {
  if (format === "csv") {
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="wenyuan-${name}.csv"`);
    res.send(toCsv(rows, columns));
    return;
  }
  res.json(body);
}

export function analyticsRoutes(deps: AnalyticsDeps): Router {
  const r = Router();
  const words = (s: string) => deps.segmenter.cut(s).filter(isWord);
  const cache = new ResultCache();
  /** format and paging don't change the computation; everything else does. */
  const keyOf = (path: string, q: Record<string, unknown>, omit: string[] = []) =>
    `${deps.corpus.generation}|${path}|${JSON.stringify(Object.entries(q).filter(([k]) => k !== "format" && !omit.includes(k)).sort(([a], [b]) => (a < b ? -1 : 1)))}`;

  /** The subcorpus a filter set defines: facets, then `q` as words every report must contain. */
  function subcorpus(corpus: Corpus, f: S.Filters): CorpusDoc[] {
    const docs = selectDocs(corpus, f);
    const q = f.q?.trim();
    return q ? matchQuery(corpus, docs, words(q), "word", q) : docs;
  }

  r.get("/kwic", (req, res) => {
    const q = S.KwicQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = cache.get(keyOf("kwic", q), () => kwic(corpus, subcorpus(corpus, q), { term: q.term, tokens: words(q.term), match: q.match, width: q.width, sort: q.sort, page: q.page, perPage: q.perPage }));
    send(res, q.format, { ...out, page: q.page, perPage: q.perPage }, out.lines, cols("reportId", "title", "sector", "year", "left", "match", "right", "offset"), "kwic");
  });

  r.get("/frequency", (req, res) => {
    const q = S.FrequencyQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = cache.get(keyOf("frequency", q), () => frequency(corpus, subcorpus(corpus, q), { limit: q.limit, minLength: q.minLength, stopwords: q.stopwords }));
    send(res, q.format, out, out.rows, cols("term", "count", "docs", "perMillion"), "frequency");
  });

  r.get("/breakdown", (req, res) => {
    const q = S.BreakdownQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = cache.get(keyOf("breakdown", q), () => breakdown(corpus, subcorpus(corpus, q), { tokens: words(q.term), by: q.by }));
    send(res, q.format, { term: q.term, by: q.by, ...out }, out.rows, cols("key", "count", "docs", "totalDocs", "tokens", "perMillion"), "breakdown");
  });

  r.get("/keyness", (req, res) => {
    const q = S.KeynessQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const side = (p: "a" | "b"): S.Filters => Object.fromEntries(Object.entries(q).filter(([k]) => k.startsWith(`${p}.`)).map(([k, v]) => [k.slice(2), v])) as S.Filters;
    const out = cache.get(keyOf("keyness", q), () => {
      const a = subcorpus(corpus, side("a"));
      const bFilters = side("b");
      const hasB = Object.values(bFilters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
      // No b.* given: the reference corpus is the rest of the corpus.
      const inA = new Set(a);
      const b = hasB ? subcorpus(corpus, bFilters) : selectDocs(corpus, {}).filter((d) => !inA.has(d));
      return keyness(corpus, a, b, { min: q.min, limit: q.limit });
    });
    const flat = out.rows.map((x) => ({ term: x.term, aCount: x.a.count, aPerMillion: x.a.perMillion, bCount: x.b.count, bPerMillion: x.b.perMillion, g2: x.g2, logRatio: x.logRatio }));
    send(res, q.format, out, flat, cols("term", "aCount", "aPerMillion", "bCount", "bPerMillion", "g2", "logRatio"), "keyness");
  });

  r.get("/collocates", (req, res) => {
    const q = S.CollocatesQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = cache.get(keyOf("collocates", q), () => collocates(corpus, subcorpus(corpus, q), { tokens: words(q.term), window: q.window, min: q.min, measure: q.measure, limit: q.limit }));
    send(res, q.format, out, out.rows, cols("term", "count", "mi", "llr", "t", "logdice"), "collocates");
  });

  r.get("/ngrams", (req, res) => {
    const q = S.NgramsQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = cache.get(keyOf("ngrams", q), () => ngrams(corpus, subcorpus(corpus, q), { n: q.n, min: q.min, limit: q.limit }));
    send(res, q.format, out, out.rows.map((x) => ({ ...x, tokens: x.tokens.join(" ") })), cols("text", "tokens", "count", "docs"), "ngrams");
  });

  r.get("/themes", (req, res) => {
    const q = S.ThemesQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = cache.get(keyOf("themes", q), () => themes(corpus, subcorpus(corpus, q), deps.themes, { by: q.by }));
    send(res, q.format, out, out.cells, cols("theme", "group", "docs", "count", "per10k"), "themes");
  });

  r.get("/phrasing", (req, res) => {
    const q = S.PhrasingQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = cache.get(keyOf("phrasing", q), () => phrasing(corpus, subcorpus(corpus, q), { tokens: words(q.term), term: q.term, limit: q.limit }));
    const flat = out.clusters.flatMap((c, i) => c.examples.map((e) => ({ cluster: i + 1, pattern: c.pattern, reports: c.reports, sector: e.sector, title: e.title, text: e.text })));
    send(res, q.format, out, flat, cols("cluster", "pattern", "reports", "sector", "title", "text"), "phrasing");
  });

  r.get("/formulas", (req, res) => {
    const q = S.FormulasQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = cache.get(keyOf("formulas", q), () => formulas(corpus, subcorpus(corpus, q), { min: q.min, limit: q.limit }));
    const flat = out.rows.map((x) => ({ pattern: x.pattern, count: x.count, reports: x.reports, sectors: JSON.stringify(x.sectors), fillers: x.fillers.map((g) => g.map((f) => f.text).join("/")).join(" | ") }));
    send(res, q.format, out, flat, cols("pattern", "count", "reports", "sectors", "fillers"), "formulas");
  });

  r.get("/similar", (req, res) => {
    const q = S.SimilarQuerySchema.parse(req.query);
    const corpus = deps.corpus.get();
    const out = similar(corpus, subcorpus(corpus, { ...q, q: undefined }), { tokens: words(q.text), limit: q.limit });
    send(res, q.format, out, out.rows, cols("reportId", "title", "sector", "year", "text", "start", "score"), "similar");
  });

  return r;
}


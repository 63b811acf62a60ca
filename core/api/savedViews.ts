// The views a query can be saved from (POST /api/queries) and what their URLs may hold. Each view's
// URL parameters are checked with a schema built from the API schemas of the endpoints the view
// calls (the same field validators, so a saved URL re-runs without a 400), strict: a key the view's
// route codec (web/src/state/) does not write is refused too. Browser-safe: no Node imports.
import { z } from "zod";
import * as S from "./schema.ts";

export const SAVED_VIEWS = S.SAVED_VIEWS;
export type SavedView = S.SavedView;

/** Where each view lives in the web app. */
export const VIEW_PATHS: Record<SavedView, string> = { search: "/", kwic: "/kwic", analytics: "/analytics", compare: "/compare" };

/** The search box's modes: the API's matches plus phrase (the query quoted). */
export const SEARCH_MATCH_MODES = ["word", "phrase", "substring", "cql", "regex"] as const;
/** The analytics view's tabs. */
export const ANALYTICS_TABS = ["words", "term", "themes", "ngrams", "batch", "trends"] as const;

/** A scalar URL parameter written once. */
const once = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) && v.length === 1 ? v[0] : v), schema);

/** The filters a view's URL holds (core/api/schema.ts `filterShape`, without q, year and kind, which no view writes). */
const { sector, yearFrom, yearTo, docType, level, includeDuplicates, synonyms, subcorpus } = S.filterShape;
const filters = { sector, yearFrom, yearTo, docType, level, includeDuplicates, synonyms, subcorpus };
const sideFilters = (p: "a" | "b") => Object.fromEntries(Object.entries(filters).map(([k, v]) => [`${p}.${k}`, v]));

const A = S.KeynessQuerySchema.shape;

export const VIEW_PARAMS: Record<SavedView, z.ZodObject> = {
  search: z
    .object({
      ...filters,
      q: S.SearchQuerySchema.shape.q,
      match: once(z.enum(SEARCH_MATCH_MODES)).optional(),
      mode: S.SearchQuerySchema.shape.mode.optional(),
      sort: S.SearchQuerySchema.shape.sort.optional(),
      page: S.SearchQuerySchema.shape.page.optional(),
    })
    .strict(),
  kwic: z
    .object({
      ...filters,
      term: S.KwicQuerySchema.shape.term,
      theme: S.KwicQuerySchema.shape.theme,
      match: S.KwicQuerySchema.shape.match.optional(),
      sort: S.KwicQuerySchema.shape.sort.optional(),
      width: S.KwicQuerySchema.shape.width.optional(),
      collocate: S.KwicQuerySchema.shape.collocate,
      window: S.KwicQuerySchema.shape.window.optional(),
      page: S.KwicQuerySchema.shape.page.optional(),
    })
    .strict(),
  analytics: z
    .object({
      ...filters,
      tab: once(z.enum(ANALYTICS_TABS)).optional(),
      term: S.filterShape.q,
      by: S.BreakdownQuerySchema.shape.by.optional(),
      then: S.BatchQuerySchema.shape.then,
      measure: S.CollocatesQuerySchema.shape.measure.optional(),
      window: S.CollocatesQuerySchema.shape.window.optional(),
      minLength: S.FrequencyQuerySchema.shape.minLength.optional(),
      stopwords: S.FrequencyQuerySchema.shape.stopwords.optional(),
      n: S.NgramsQuerySchema.shape.n.optional(),
    })
    .strict()
    .refine((p) => p.tab !== "term" || (typeof p.term === "string" && p.term.trim() !== ""), { message: "the term tab needs a term", path: ["term"] }),
  compare: z
    .object({
      ...sideFilters("a"),
      ...sideFilters("b"),
      "a.q": A["a.q"],
      "b.q": A["b.q"],
      min: A.min.optional(),
      lr: once(z.coerce.number().min(0).max(10)).optional(),
      top: once(z.coerce.number().int().min(1).max(100)).optional(),
      sort: once(z.enum(["g2", "lr", "a", "b", "term"])).optional(),
      term: S.filterShape.q,
    })
    .strict(),
};

/** URL parameters as Express hands them to a schema: a repeated key as an array. */
export function paramsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** The first problem with a view's URL parameters ("match: Invalid option …"), or null when they parse. */
export function viewParamsProblem(view: SavedView, params: URLSearchParams): string | null {
  const r = VIEW_PARAMS[view].safeParse(paramsRecord(params));
  if (r.success) return null;
  const issue = r.error.issues[0];
  const where = issue.path.length ? issue.path.join(".") : "";
  if (issue.code === "unrecognized_keys") return `${VIEW_PATHS[view]} takes no parameter ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
  return `${where ? `${where}: ` : ""}${issue.message}`;
}

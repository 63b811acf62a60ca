// What each view a query can be kept from counts and how it says so: its headline count (the
// views record it in the history and with a saved query, and the history page re-counts it "now"
// through the same endpoint and parameters the view uses) and a one-line summary of its URL.
import type { BreakdownResponseSchema, FrequencyResponseSchema, KeynessResponseSchema, KwicResponse, NgramsResponseSchema, SavedView, SearchResponseSchema, ThemesResponseSchema } from "../../../core/api/schema.ts";
import type { z } from "zod";
import { breakdown, frequency, keyness, kwic, ngrams, search, themes } from "../api/endpoints.ts";
import type { MessageKey } from "../app/i18n.ts";
import type { LabelKind } from "../app/i18n.ts";
import * as analyticsUrl from "../state/analytics.ts";
import * as compareUrl from "../state/compare.ts";
import { filtersToApi, type FacetFilters } from "../state/filters.ts";
import * as kwicUrl from "../state/kwic.ts";
import * as searchUrl from "../state/search.ts";

type Out<S extends z.ZodType> = z.output<S>;

/** The headline counts: what each view (or analytics tab) shows as its total. */
export const headline = {
  search: (d: Out<typeof SearchResponseSchema>) => d.total,
  kwic: (d: KwicResponse) => d.total,
  words: (d: Out<typeof FrequencyResponseSchema>) => d.totalTokens,
  term: (d: Out<typeof BreakdownResponseSchema>) => d.rows.reduce((n, r) => n + r.count, 0),
  themes: (d: Out<typeof ThemesResponseSchema>) => d.groups.reduce((n, g) => n + g.docs, 0),
  ngrams: (d: Out<typeof NgramsResponseSchema>) => d.rows.length,
  compare: (d: Out<typeof KeynessResponseSchema>) => d.rows.length,
};

/** The analytics tabs whose URL holds all they ask (batch and trends keep their term lists in the page). */
export const RECORDED_TABS = ["words", "term", "themes", "ngrams"] as const;

/** The unit of a view's headline count (a message taking {n}). */
export function countUnit(view: SavedView, params: URLSearchParams): MessageKey {
  if (view === "analytics") return `countUnit_${analyticsUrl.routeToState(params).tab}` as MessageKey;
  return `countUnit_${view}` as MessageKey;
}

/** The view's headline count now: the view's own request, its own parameters (null: the view's URL asks nothing countable). */
export async function countNow(view: SavedView, params: URLSearchParams, signal?: AbortSignal): Promise<number | null> {
  if (view === "search") return headline.search(await search({ ...searchUrl.toSearchParams({ ...searchUrl.routeToState(params), page: 1 }), perPage: 1 }, signal));
  if (view === "kwic") {
    const s = kwicUrl.routeToState(params);
    return s.term.trim() ? headline.kwic(await kwic({ ...kwicUrl.toKwicParams({ ...s, page: 1 }), perPage: 1 }, signal)) : null;
  }
  if (view === "compare") {
    const s = compareUrl.routeToState(params);
    return compareUrl.isReady(s) ? headline.compare(await keyness(compareUrl.toKeynessParams(s), signal)) : null;
  }
  const s = analyticsUrl.routeToState(params);
  const f = filtersToApi(s.filters);
  const p = analyticsUrl.tabParams(s);
  if (s.tab === "words") return headline.words(await frequency({ ...f, ...p.words }, signal));
  if (s.tab === "term") return s.term.trim() ? headline.term(await breakdown({ ...f, ...p.term }, signal)) : null;
  if (s.tab === "themes") return headline.themes(await themes({ ...f, ...p.themes }, signal));
  if (s.tab === "ngrams") return headline.ngrams(await ngrams({ ...f, ...p.ngrams }, signal));
  return null;
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Label = (kind: LabelKind, value: string) => string;

function filterWords(f: FacetFilters, t: T, label: Label): string[] {
  const out = [...f.sector.map((v) => label("sector", v)), ...f.docType.map((v) => label("docType", v)), ...f.level.map((v) => label("level", v))];
  if (f.yearFrom !== null || f.yearTo !== null) out.push(`${f.yearFrom ?? "…"}–${f.yearTo ?? "…"}`);
  if (f.includeDuplicates) out.push(t("summaryDuplicates"));
  if (!f.synonyms) out.push(t("summaryNoSynonyms"));
  return out;
}

/** One line saying what a view's URL asks: its query text, then its filters. */
export function summarize(view: SavedView, params: URLSearchParams, t: T, label: Label): string {
  const parts: string[] = [];
  if (view === "search") {
    const s = searchUrl.routeToState(params);
    parts.push(s.q.trim() ? `“${s.q.trim()}”` : t("summaryAllReports"), ...(s.match !== "word" ? [t(`match_${s.match}` as MessageKey)] : []), ...filterWords(s.filters, t, label));
  } else if (view === "kwic") {
    const s = kwicUrl.routeToState(params);
    parts.push(s.theme ? t("themeFilter", { name: s.term }) : `“${s.term.trim()}”`, ...(s.match !== "word" ? [t(`match_${s.match}` as MessageKey)] : []), ...(s.collocate ? [`+ ${s.collocate}`] : []), ...filterWords(s.filters, t, label));
  } else if (view === "compare") {
    const s = compareUrl.routeToState(params);
    const side = (f: FacetFilters, q: string) => [q.trim() ? `“${q.trim()}”` : "", ...filterWords(f, t, label)].filter(Boolean).join(" ") || t("summaryAllReports");
    parts.push(`A: ${side(s.a, s.aq)}`, `B: ${side(s.b, s.bq)}`);
  } else {
    const s = analyticsUrl.routeToState(params);
    parts.push(t(`tab_${s.tab}` as MessageKey), ...(s.tab === "term" && s.term.trim() ? [`“${s.term.trim()}”`] : []), ...(s.tab === "ngrams" ? [`n = ${s.n}`] : []), ...filterWords(s.filters, t, label));
  }
  return parts.join(" · ");
}

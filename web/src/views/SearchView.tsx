// `/` — search-as-you-type over reports or passages, with facets and paging.
import { Link, useLocation } from "react-router";
import { search } from "../api/endpoints.ts";
import type { Hit } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";
import { Chips } from "../components/Chips.tsx";
import { Empty, ErrorBox } from "../components/ErrorBox.tsx";
import { AlsoMatched } from "../components/AlsoMatched.tsx";
import { FacetPanel } from "../components/FacetPanel.tsx";
import { Highlight } from "../components/Highlight.tsx";
import { InlineSelect } from "../components/InlineSelect.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { CqlHelp, isSyntaxError, QuerySyntaxError } from "../components/PatternHelp.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { Segmented } from "../components/Segmented.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import { useRecordQuery } from "../hooks/useHistory.ts";
import { headline } from "../lib/savedViews.ts";
import { SaveQuery } from "../components/SaveQuery.tsx";
import { DownloadLinks } from "../components/DownloadLinks.tsx";
import { SaveSubcorpus } from "../components/SaveSubcorpus.tsx";
import { definitionFilters } from "../lib/subcorpus.ts";
import { Explain } from "../components/Explain.tsx";
import { emptyFilters, filtersToApi, isEmptyFilters } from "../state/filters.ts";
import { reportHref } from "../state/report.ts";
import * as searchUrl from "../state/search.ts";
import { MATCH_MODES, PER_PAGE, RESULT_MODES, SORTS, apiQuery, toSearchParams, type SearchState } from "../state/search.ts";

function Result({ hit, state }: { hit: Hit; state: SearchState }) {
  const here = useLocation();
  const [first] = hit.snippet.marks;
  // a pattern or an expression: the report marks the text the first match covers
  const exact = (state.match === "cql" || state.match === "regex") && first;
  const q = exact ? hit.snippet.text.slice(first[0], first[1]) : state.q.trim();
  const href = reportHref(hit.reportId, { q, match: state.match === "substring" || exact ? "substring" : "word", at: hit.offset + (first?.[0] ?? 0), from: here.pathname + here.search });
  return (
    <article className="hit" data-sector={hit.sector} data-report-id={hit.reportId}>
      <h3 className="hit-title">
        <Link to={href}>{hit.title}</Link>
      </h3>
      <div className="hit-meta">
        <Chips sector={hit.sector} year={hit.year} docType={hit.docType} level={hit.level} kind={hit.kind} extra={hit.section} />
        <span className="hit-source" title={hit.source}>
          {hit.source}
        </span>
      </div>
      <p className="snippet">
        <Highlight text={hit.snippet.text} marks={hit.snippet.marks} />
      </p>
    </article>
  );
}

/** Pattern syntax typed in word mode (开展*活动, 以…为抓手, [word="x"]): word search reads it as characters. */
const PATTERN_SYNTAX = /[*…?？[\]]|\.\.\./;

/** On an empty word-mode result whose query looks like a pattern: the CQL mode, with what it finds. */
function PatternSuggestion({ state, onTry }: { state: SearchState; onTry: () => void }) {
  const { t } = useLang();
  const probe = useApi("search", { ...toSearchParams({ ...state, match: "cql", page: 1 }), perPage: 1 }, search);
  if (probe.error) return null;
  const n = probe.data && !probe.isPlaceholderData ? probe.data.total : null;
  return (
    <p className="pattern-suggestion">
      {t("patternHint")}{" "}
      <button type="button" data-suggest="cql" onClick={onTry}>
        {t("patternTry")}
        {n !== null && t("patternFinds", { n })}
      </button>
    </p>
  );
}

export function SearchView() {
  const { t } = useLang();
  const [state, setState] = useRouteState<SearchState>(searchUrl);
  const params = toSearchParams(state);
  const res = useApi("search", params, search);
  const data = res.data;
  const set = (patch: Partial<SearchState>) => setState({ page: 1, ...patch });
  const asked = state.q.trim() !== "" || !isEmptyFilters(state.filters);
  const count = data && !res.isPlaceholderData && !res.error ? headline.search(data) : undefined;
  useRecordQuery("search", asked ? count : undefined);

  return (
    <div className="view view-search">
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchBox label={t("searchLabel")} value={state.q} placeholder={t("searchPlaceholder")} onCommit={(q, o) => setState({ q, page: 1 }, o)} autoFocus />
        <div className="search-options">
          <Segmented legend={t("matchMode")} name="match" options={MATCH_MODES} value={state.match} format={(m) => t(`match_${m}`)} onChange={(match) => set({ match })} />
          <Explain id="match" />
          <Segmented legend={t("resultMode")} name="mode" options={RESULT_MODES} value={state.mode} format={(m) => t(`mode_${m}`)} onChange={(mode) => set({ mode })} />
          <InlineSelect label={t("sortLabel")} value={state.sort} options={SORTS} format={(s) => t(`sort_${s}`)} onChange={(sort) => set({ sort })} />
        </div>
        {(state.match === "cql" || state.match === "regex") && <p className="muted kwic-syntax">{t(state.match === "cql" ? "cqlHint" : "regexHint")}</p>}
        {isSyntaxError(res.error) && !res.isFetching && <QuerySyntaxError error={res.error} query={state.q} />}
        {state.match === "cql" && <CqlHelp />}
      </form>

      <div className="with-facets">
        <FacetPanel filters={state.filters} counts={data?.facets} onChange={(filters) => set({ filters })} countsNote={state.mode === "passage" ? t("facetCountsPassages") : undefined} />
        <section className="results" aria-busy={res.isFetching} aria-label={t("navSearch")}>
          <p className="results-summary" aria-live="polite">
            {data ? (state.q.trim() ? t("resultsSummary", { total: data.total, ms: Math.round(data.tookMs) }) : t("resultsSummaryAll", { total: data.total })) : res.isLoading ? t("loading") : "\u00a0"}
            {asked && (
              <>
                {" "}
                <SaveQuery view="search" count={count} />
              </>
            )}
          </p>
          {data && data.total > 0 && (
            <p className="exports">
              <DownloadLinks endpoint="search" params={params} label={t("exportResults")} />
              {state.match !== "substring" && state.match !== "regex" && <DownloadLinks endpoint="reports" params={{ ...filtersToApi(state.filters), q: params.q, match: params.match }} label={t("exportReports")} />}
            </p>
          )}
          {data && data.total > 0 && (
            <SaveSubcorpus
              label={t("saveSubcorpus")}
              definition={{ kind: "filters", ...(apiQuery(state.q, state.match) ? { q: apiQuery(state.q, state.match) } : {}), filters: definitionFilters(state.filters) }}
              disabledReason={state.filters.subcorpus ? t("subcorpusNested") : state.match === "word" || state.match === "phrase" ? undefined : t("subcorpusWordsOnly")}
              onUse={(subcorpus) => setState({ q: "", match: "word", page: 1, filters: { ...emptyFilters(), synonyms: state.filters.synonyms, subcorpus } })}
            />
          )}
          {data?.truncatedQuery && <p className="notice">{t("truncatedQuery")}</p>}
          {data && <AlsoMatched matched={data.matched} synonyms={state.filters.synonyms} onSynonyms={(synonyms) => set({ filters: { ...state.filters, synonyms } })} />}
          {res.error && !res.isFetching && !isSyntaxError(res.error) && <ErrorBox error={res.error} onRetry={() => void res.refetch()} />}
          {data && data.total === 0 && !res.error && (
            <Empty>
              <p>{t("noResults")}</p>
              {state.match === "word" && PATTERN_SYNTAX.test(state.q) ? <PatternSuggestion state={state} onTry={() => set({ match: "cql" })} /> : <p className="muted">{t("noResultsHint")}</p>}
              {!isEmptyFilters(state.filters) && (
                <button type="button" onClick={() => set({ filters: emptyFilters() })}>
                  {t("clearFilters")}
                </button>
              )}
            </Empty>
          )}
          <div className={`hits${res.isPlaceholderData ? " is-stale" : ""}`}>
            {!res.error && data?.hits.map((hit) => <Result key={hit.id} hit={hit} state={state} />)}
          </div>
          {data && !res.error && <Pagination page={state.page} total={data.total} perPage={PER_PAGE} onPage={(page) => setState({ page })} />}
        </section>
      </div>
    </div>
  );
}

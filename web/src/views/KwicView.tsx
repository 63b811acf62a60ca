// `/kwic` — keyword in context: aligned columns, sortable by L1/L2/R1/R2 with the sort words
// coloured; a word, a substring, a corpus query (CQL or simple mode) or a regular expression;
// lines narrowed by a collocate or any facet, expanded in place, selected and exported.
import { Fragment, useEffect, useMemo, useState } from "react";
import { useLocation } from "react-router";
import { kwic } from "../api/endpoints.ts";
import { PATTERN_MATCHES, UNCODED, type KwicResponse } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";
import { DownloadLinks } from "../components/DownloadLinks.tsx";
import { SaveSubcorpus } from "../components/SaveSubcorpus.tsx";
import { definitionFilters } from "../lib/subcorpus.ts";
import { Empty, ErrorBox } from "../components/ErrorBox.tsx";
import { AlsoMatched } from "../components/AlsoMatched.tsx";
import { FacetPanel } from "../components/FacetPanel.tsx";
import { InlineSelect } from "../components/InlineSelect.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { Segmented } from "../components/Segmented.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useFacetCounts, useThemeFacetCounts } from "../hooks/useFacetCounts.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import { useRecordQuery } from "../hooks/useHistory.ts";
import { headline } from "../lib/savedViews.ts";
import { SaveQuery } from "../components/SaveQuery.tsx";
import * as kwicUrl from "../state/kwic.ts";
import { KWIC_PER_PAGE, KWIC_SORTS, KWIC_WIDTHS, KWIC_WINDOWS, toKwicParams, type KwicState } from "../state/kwic.ts";
import { reportHref } from "../state/report.ts";
import { kwicLinesCsv, lineKey } from "../lib/kwicExport.ts";
import { Expanded, KwicRow } from "./kwic/KwicRow.tsx";
import { CategoryCell, CodingBar, CodingDistribution, keyOf } from "./kwic/Coding.tsx";
import { useCoding } from "./kwic/useCoding.ts";
import { termLink } from "../state/drill.ts";
import "./kwic/kwic.css";

type Line = KwicResponse["lines"][number];

/** Lines a category filter reads (one page of the API's largest). */
const FILTER_LINES = 500;

function download(name: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function KwicView() {
  const { t } = useLang();
  const here = useLocation();
  const [state, setState] = useRouteState<KwicState>(kwicUrl);
  const term = state.term.trim();
  // a coded concordance filtered to one category reads its lines from one long page (FILTER_LINES)
  const [filter, setFilter] = useState("");
  const base = toKwicParams(state);
  const params = filter ? { ...base, page: 1, perPage: FILTER_LINES } : base;
  const res = useApi("kwic", params, kwic, term !== "");
  const coding = useCoding(base, term !== "");
  const coded = coding.coding;
  // A corpus query in report order first asks for its page alone (count=false: the server stops
  // reading reports once the page is full), shown while the exact totals are counted.
  const early = state.match === "cql" && state.sort === "doc" && !state.collocate.trim();
  const first = useApi("kwic-first", { ...params, count: false }, kwic, term !== "" && early);
  const fresh = res.data && !res.isPlaceholderData ? res.data : early && first.data && !first.isPlaceholderData ? first.data : res.data;
  // A theme's counts are of its terms (breakdown theme=…), not of its label's words.
  const termCounts = useFacetCounts(state.filters, state.theme ? "" : term, state.match, true);
  const themeCounts = useThemeFacetCounts(state.filters, term, state.theme);
  const counts = state.theme ? themeCounts : termCounts;
  const set = (patch: Partial<KwicState>) => setState({ page: 1, ...patch });
  const data = term ? fresh : undefined;
  const count = term && res.data && !res.isPlaceholderData && !res.error ? headline.kwic(res.data) : undefined;
  useRecordQuery("kwic", count);
  // lines kept for export (across pages) and lines expanded in place, for this query only
  const [selected, setSelected] = useState<Map<string, Line>>(() => new Map());
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const queryKey = `${state.match}\u0001${term}\u0001${state.theme}`;
  useEffect(() => {
    setSelected(new Map());
    setExpanded(new Set());
    setFilter("");
  }, [queryKey]);
  const visible = useMemo(() => {
    const lines = data?.lines ?? [];
    if (!coded || !filter) return lines;
    return lines.filter((l) => (filter === UNCODED ? !coding.assignments[lineKey(l)] : coding.assignments[lineKey(l)] === filter));
    // the filter keeps the lines it had until the next change of page or filter: a line coded away stays in view
  }, [data, coded?.id, filter]);
  // the line the coding keys act on
  const [focus, setFocus] = useState(0);
  useEffect(() => setFocus(0), [data, filter]);
  useEffect(() => {
    if (!coded || !visible.length) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey || el?.closest?.("input, textarea, select, [contenteditable]")) return;
      if (e.key === "ArrowDown" || e.key === "j") {
        e.preventDefault();
        setFocus((f) => Math.min(visible.length - 1, f + 1));
      } else if (e.key === "ArrowUp" || e.key === "k") {
        e.preventDefault();
        setFocus((f) => Math.max(0, f - 1));
      } else if (/^[0-9]$/.test(e.key)) {
        const line = visible[Math.min(focus, visible.length - 1)];
        const category = e.key === "0" ? null : coded.categories.find((c, i) => keyOf(c, i) === e.key)?.name;
        if (!line || category === undefined) return;
        e.preventDefault();
        coding.assign(lineKey(line), category);
        setFocus((f) => Math.min(visible.length - 1, f + 1));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [coded, visible, focus, coding]);
  useEffect(() => {
    if (coded) document.querySelector(".kwic tbody tr[data-focused]")?.scrollIntoView({ block: "nearest" });
  }, [focus, coded]);
  const select = (lines: Line[], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const l of lines) if (on) next.set(lineKey(l), l);
      else next.delete(lineKey(l));
      return next;
    });
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const pageSelected = Boolean(data?.lines.length) && data!.lines.every((l) => selected.has(lineKey(l)));

  return (
    <div className="view view-kwic">
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        {/* a theme (a drill-down from themes × sector) is a filter named by its label, not query text: the box stays free for a term of one's own */}
        <SearchBox
          label={t("kwicTerm")}
          name="term"
          value={state.theme ? "" : state.term}
          placeholder={t("searchPlaceholder")}
          onCommit={(v, o) => (state.theme && !v.trim() ? undefined : setState({ term: v, page: 1, theme: "" }, o))}
          autoFocus
        />
        {state.theme && (
          <p className="theme-filter" data-theme={state.theme}>
            <span className="chip">{t("themeFilter", { name: state.term })}</span>{" "}
            <button type="button" className="link-button" aria-label={t("themeFilterClear", { name: state.term })} onClick={() => set({ theme: "", term: "" })}>
              ×
            </button>
          </p>
        )}
        <div className="search-options">
          <Segmented legend={t("matchMode")} name="match" options={PATTERN_MATCHES} value={state.match} format={(m) => t(`match_${m}`)} onChange={(match) => set({ match, theme: "" })} />
          <div className="segmented" role="group" aria-label={t("kwicSortBy")}>
            <span className="legend">{t("kwicSortBy")}</span>
            {KWIC_SORTS.map((s) => (
              <button key={s} type="button" className="seg-btn" aria-pressed={state.sort === s} data-sort={s} onClick={() => set({ sort: s })}>
                {s === "doc" ? t("kwic_doc") : s === "best" ? t("kwic_best") : s}
              </button>
            ))}
          </div>
          <InlineSelect label={t("kwicWidth")} value={state.width} options={KWIC_WIDTHS} onChange={(width) => set({ width })} />
          <label className="inline-field kwic-collocate">
            {t("kwicCollocate")}
            <input
              type="search"
              name="collocate"
              defaultValue={state.collocate}
              key={state.collocate}
              maxLength={50}
              onKeyDown={(e) => e.key === "Enter" && !e.nativeEvent.isComposing && set({ collocate: e.currentTarget.value })}
              onBlur={(e) => e.currentTarget.value !== state.collocate && set({ collocate: e.currentTarget.value })}
            />
          </label>
          {state.collocate && <InlineSelect label={t("kwicWindow")} value={state.window} options={KWIC_WINDOWS} onChange={(window) => set({ window })} />}
        </div>
        {(state.match === "cql" || state.match === "regex") && <p className="muted kwic-syntax">{t(state.match === "cql" ? "cqlHint" : "regexHint")}</p>}
      </form>
      <div className="with-facets">
        <FacetPanel filters={state.filters} counts={counts} onChange={(filters) => set({ filters })} />
        <section className="results" aria-busy={res.isFetching} data-partial={data?.partial ? "true" : undefined}>
          {!term && <Empty>{t("kwicEnterTerm")}</Empty>}
          {term && (
            <div className="table-head">
              <p className="results-summary" aria-live="polite">
                {data ? t(data.partial ? "kwicTotalsPartial" : "kwicTotals", { total: data.total, reports: data.reports }) : res.isLoading ? t("loading") : "\u00a0"}
              </p>
              <SaveQuery view="kwic" count={count} />
              <DownloadLinks endpoint="kwic" params={toKwicParams(state, true)} />
            </div>
          )}
          {data && data.total > 0 && (
            <SaveSubcorpus
              label={t("saveHitsSubcorpus")}
              definition={{ kind: "hits", term, match: "word", filters: definitionFilters(state.filters) }}
              disabledReason={state.filters.subcorpus ? t("subcorpusNested") : state.match !== "word" || state.theme || state.collocate.trim() ? t("subcorpusHitsWordsOnly") : undefined}
              onUse={(subcorpus) => set({ filters: { ...state.filters, sector: [], docType: [], level: [], yearFrom: null, yearTo: null, includeDuplicates: false, subcorpus } })}
            />
          )}
          {selected.size > 0 && (
            <p className="kwic-selection">
              <button type="button" className="kwic-export-selected" onClick={() => download("wenyuan-kwic-selected.csv", kwicLinesCsv([...selected.values()]))}>
                {t("kwicExportSelected", { n: selected.size })}
              </button>{" "}
              <button type="button" className="link-button" onClick={() => setSelected(new Map())}>
                {t("kwicClearSelection")}
              </button>
            </p>
          )}
          {selected.size > 0 && (
            <SaveSubcorpus
              label={t("saveSelectedSubcorpus", { n: new Set([...selected.values()].map((l) => l.reportId)).size })}
              definition={{ kind: "reports", ids: [...new Set([...selected.values()].map((l) => l.reportId))] }}
            />
          )}
          {term && data && (
            <CodingBar
              coding={coding}
              filter={filter}
              onFilter={setFilter}
              excludeHref={state.match === "word" && !state.theme && coded ? (name) => termLink(term, state.filters, { coding: coded.id, exclude: [name] }) : null}
            />
          )}
          {coded && <CodingDistribution id={coded.id} />}
          {coded && filter && data && data.total > FILTER_LINES && <p className="muted coding-filter-note">{t("codingFilterNote", { n: FILTER_LINES, total: data.total })}</p>}
          {data && <AlsoMatched matched={data.matched} synonyms={state.filters.synonyms} onSynonyms={state.theme ? undefined : (synonyms) => set({ filters: { ...state.filters, synonyms } })} />}
          {res.error && term && <ErrorBox error={res.error} onRetry={() => void res.refetch()} />}
          {data && data.total === 0 && <Empty>{t("noResults")}</Empty>}
          {data && data.lines.length > 0 && !res.error && (
            <div className={`table-scroll${res.isPlaceholderData ? " is-stale" : ""}`}>
              <table className={`kwic kwic-sort-${state.sort}`}>
                <colgroup>
                  <col className="kwic-col-tools" />
                  {coded && <col className="kwic-col-cat" />}
                  <col className="kwic-col-side" />
                  <col className="kwic-col-match" />
                  <col className="kwic-col-side" />
                  <col className="kwic-col-src" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col" className="kwic-tools">
                      <input type="checkbox" checked={pageSelected} aria-label={t("kwicSelectPage")} onChange={(e) => select(data.lines, e.target.checked)} />
                    </th>
                    {coded && (
                      <th scope="col" className="kwic-cat">
                        {t("codingColumn")}
                      </th>
                    )}
                    <th scope="col" className="kwic-left">
                      {t("kwicLeft")}
                    </th>
                    <th scope="col" className="kwic-match">
                      {t("kwicMatch")}
                    </th>
                    <th scope="col" className="kwic-right">
                      {t("kwicRight")}
                    </th>
                    <th scope="col">{t("kwicSource")}</th>
                  </tr>
                </thead>
                <tbody>
                  {visible.map((line, i) => {
                    // a pattern or an expression: the report marks the text this line matched
                    const exact = state.match === "cql" || state.match === "regex";
                    const href = reportHref(line.reportId, { q: exact ? line.match : term, match: state.match === "word" ? "word" : "substring", at: line.offset, from: here.pathname + here.search });
                    const key = lineKey(line);
                    return (
                      <Fragment key={key}>
                        <KwicRow
                          line={line}
                          href={href}
                          sort={state.sort}
                          selected={selected.has(key)}
                          onSelect={(on) => select([line], on)}
                          expanded={expanded.has(key)}
                          onExpand={() => toggle(key)}
                          dispersion={data.dispersion?.[line.reportId]}
                          category={coded ? <CategoryCell n={i + 1} categories={coded.categories} value={coding.assignments[key]} onChange={(c) => coding.assign(key, c)} /> : undefined}
                          focused={coded ? i === focus : undefined}
                        />
                        {expanded.has(key) && <Expanded line={line} colSpan={coded ? 6 : 5} />}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {data && !filter && <Pagination page={state.page} total={data.total} perPage={KWIC_PER_PAGE} onPage={(page) => setState({ page })} />}
        </section>
      </div>
    </div>
  );
}

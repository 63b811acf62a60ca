// `/kwic` — keyword in context: aligned columns, sortable by L1/L2/R1/R2.
import { useLocation, useNavigate } from "react-router";
import { kwic } from "../api/endpoints.ts";
import { MATCHES } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";
import { Chips } from "../components/Chips.tsx";
import { DownloadLinks } from "../components/DownloadLinks.tsx";
import { Empty, ErrorBox } from "../components/ErrorBox.tsx";
import { AlsoMatched } from "../components/AlsoMatched.tsx";
import { FacetPanel } from "../components/FacetPanel.tsx";
import { InlineSelect } from "../components/InlineSelect.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { Segmented } from "../components/Segmented.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useFacetCounts } from "../hooks/useFacetCounts.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import * as kwicUrl from "../state/kwic.ts";
import { KWIC_PER_PAGE, KWIC_SORTS, KWIC_WIDTHS, toKwicParams, type KwicState } from "../state/kwic.ts";
import { reportHref } from "../state/report.ts";
import { shortTitle } from "../lib/title.ts";

export default function KwicView() {
  const { t } = useLang();
  const navigate = useNavigate();
  const here = useLocation();
  const [state, setState] = useRouteState<KwicState>(kwicUrl);
  const term = state.term.trim();
  const res = useApi("kwic", toKwicParams(state), kwic, term !== "");
  const counts = useFacetCounts(state.filters, term, state.match, true);
  const set = (patch: Partial<KwicState>) => setState({ page: 1, ...patch });
  const data = term ? res.data : undefined;

  return (
    <div className="view view-kwic">
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchBox label={t("kwicTerm")} name="term" value={state.term} placeholder={t("searchPlaceholder")} onCommit={(v, o) => setState({ term: v, page: 1 }, o)} autoFocus />
        <div className="search-options">
          <Segmented legend={t("matchMode")} name="match" options={MATCHES} value={state.match} format={(m) => t(`match_${m}`)} onChange={(match) => set({ match })} />
          <div className="segmented" role="group" aria-label={t("kwicSortBy")}>
            <span className="legend">{t("kwicSortBy")}</span>
            {KWIC_SORTS.map((s) => (
              <button key={s} type="button" className="seg-btn" aria-pressed={state.sort === s} data-sort={s} onClick={() => set({ sort: s })}>
                {s === "doc" ? t("kwic_doc") : s}
              </button>
            ))}
          </div>
          <InlineSelect label={t("kwicWidth")} value={state.width} options={KWIC_WIDTHS} onChange={(width) => set({ width })} />
        </div>
      </form>
      <div className="with-facets">
        <FacetPanel filters={state.filters} counts={counts} onChange={(filters) => set({ filters })} />
        <section className="results" aria-busy={res.isFetching}>
          {!term && <Empty>{t("kwicEnterTerm")}</Empty>}
          {term && (
            <div className="table-head">
              <p className="results-summary" aria-live="polite">
                {data ? t("kwicTotals", { total: data.total, reports: data.reports }) : res.isLoading ? t("loading") : "\u00a0"}
              </p>
              <DownloadLinks endpoint="kwic" params={toKwicParams(state, true)} />
            </div>
          )}
          {data && <AlsoMatched matched={data.matched} synonyms={state.filters.synonyms} onSynonyms={(synonyms) => set({ filters: { ...state.filters, synonyms } })} />}
          {res.error && term && <ErrorBox error={res.error} onRetry={() => void res.refetch()} />}
          {data && data.total === 0 && <Empty>{t("noResults")}</Empty>}
          {data && data.lines.length > 0 && !res.error && (
            <div className={`table-scroll${res.isPlaceholderData ? " is-stale" : ""}`}>
              <table className="kwic">
                <colgroup>
                  <col className="kwic-col-side" />
                  <col className="kwic-col-match" />
                  <col className="kwic-col-side" />
                  <col className="kwic-col-src" />
                </colgroup>
                <thead>
                  <tr>
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
                  {data.lines.map((line, i) => {
                    const href = reportHref(line.reportId, { q: term, match: state.match, at: line.offset, from: here.pathname + here.search });
                    return (
                      <tr key={`${line.reportId}:${line.offset}:${i}`} onClick={(e) => !(e.target as HTMLElement).closest("a") && navigate(href)} data-sector={line.sector} data-report-id={line.reportId}>
                        <td className="kwic-left">
                          <div>
                            <span>{line.left}</span>
                          </div>
                        </td>
                        <td className="kwic-match">
                          <a href={href} onClick={(e) => (e.preventDefault(), navigate(href))}>
                            {line.match}
                          </a>
                        </td>
                        <td className="kwic-right">
                          <div>{line.right}</div>
                        </td>
                        <td className="kwic-src" title={line.title}>
                          <Chips sector={line.sector} year={line.year} docType={line.docType} />
                          <div className="kwic-title">{shortTitle(line.title)}</div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {data && <Pagination page={state.page} total={data.total} perPage={KWIC_PER_PAGE} onPage={(page) => setState({ page })} />}
        </section>
      </div>
    </div>
  );
}

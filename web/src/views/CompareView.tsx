// `/compare` — two subcorpora: the keywords of A and the keywords of B as two ranked lists (and
// both in one diverging chart), cut by frequency and effect size; a keyword opens A's and B's
// concordances side by side, and its phrasing by sector.
import { useMemo } from "react";
import { Link } from "react-router";
import { keyness, kwic } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { Chart } from "../components/Chart.tsx";
import { SectorChip } from "../components/Chips.tsx";
import { DownloadLinks } from "../components/DownloadLinks.tsx";
import { DataTable, type Column } from "../components/DataTable.tsx";
import { Empty, QueryError } from "../components/ErrorBox.tsx";
import { Explain } from "../components/Explain.tsx";
import { FacetPanel } from "../components/FacetPanel.tsx";
import { InlineSelect } from "../components/InlineSelect.tsx";
import { Panel } from "../components/Panel.tsx";
import { PhrasingPanel } from "../components/Phrasing.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { SketchDiff } from "../components/SketchDiff.tsx";
import { formatNumber } from "../lib/numbers.ts";
import { useApi } from "../hooks/useApi.ts";
import { useRecordQuery } from "../hooks/useHistory.ts";
import { headline } from "../lib/savedViews.ts";
import { SaveQuery } from "../components/SaveQuery.tsx";
import { useFacetCounts } from "../hooks/useFacetCounts.ts";
import { useSubcorpora } from "../hooks/useSubcorpora.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import { divergingBars } from "../lib/chartOptions.ts";
import { keynessSides, type KeynessSort } from "../lib/keynessSides.ts";
import * as compareUrl from "../state/compare.ts";
import { MIN_LOG_RATIOS, TOP_NS, defaultCompareState, isReady, stateToRoute, toKeynessParams, type CompareState } from "../state/compare.ts";
import { kwicLink } from "../state/drill.ts";
import { filtersToApi, type FacetFilters } from "../state/filters.ts";
import { reportHref } from "../state/report.ts";

type Row = Awaited<ReturnType<typeof keyness>>["rows"][number];
type SetState = (p: Partial<CompareState>, o?: { replace: boolean }) => void;

function sideLabel(f: FacetFilters, q: string, fallback: string, label: (k: "sector", v: string) => string, names: ReadonlyMap<string, string>): string {
  const parts = [...(f.subcorpus !== null ? [`「${names.get(f.subcorpus) ?? f.subcorpus}」`] : []), ...f.sector.map((s) => label("sector", s)), ...(f.yearFrom || f.yearTo ? [`${f.yearFrom ?? ""}–${f.yearTo ?? ""}`] : []), ...(q ? [`“${q}”`] : [])];
  return parts.length ? `${fallback}: ${parts.join(" ")}` : fallback;
}

function Side({ which, state, set }: { which: "a" | "b"; state: CompareState; set: SetState }) {
  const { t } = useLang();
  const filters = state[which];
  const q = which === "a" ? state.aq : state.bq;
  const counts = useFacetCounts(filters, q);
  return (
    <FacetPanel filters={filters} counts={counts} onChange={(f) => set({ [which]: f })} title={which === "a" ? t("subcorpusA") : t("subcorpusB")}>
      <SearchBox label={t("subcorpusQuery")} name={`${which}.q`} value={q} onCommit={(v, o) => set(which === "a" ? { aq: v } : { bq: v }, o)} />
    </FacetPanel>
  );
}

/** The measure a sort charts: log ratio when ranking by it, else G². */
const charted = (sort: KeynessSort) => (sort === "lr" ? "logRatio" : "g2");

function KeywordTable({ which, rows, state, set, loading }: { which: "a" | "b"; rows: Row[] | undefined; state: CompareState; set: SetState; loading: boolean }) {
  const { t } = useLang();
  const columns: Column<Row>[] = [
    { key: "rank", header: "#", num: true, className: "muted", cell: (_, i) => i + 1 },
    {
      key: "term",
      header: t("term"),
      sortKey: "term",
      sortDir: "ascending",
      cell: (r) => (
        <button type="button" className="linklike" data-term={r.term} aria-pressed={state.term === r.term} onClick={() => set({ term: r.term })}>
          {r.term}
        </button>
      ),
    },
    { key: "a-count", header: `A ${t("count")}`, num: true, cell: (r) => formatNumber(r.a.count) },
    { key: "a-p10k", header: `A ${t("per10k")}`, num: true, sortKey: "a", explain: "rates", cell: (r) => formatNumber(r.a.per10k, "per10k") },
    { key: "b-count", header: `B ${t("count")}`, num: true, cell: (r) => formatNumber(r.b.count) },
    { key: "b-p10k", header: `B ${t("per10k")}`, num: true, sortKey: "b", cell: (r) => formatNumber(r.b.per10k, "per10k") },
    { key: "g2", header: t("g2"), num: true, sortKey: "g2", explain: "g2", cell: (r) => formatNumber(r.g2, "g2") },
    { key: "lr", header: t("logRatio"), num: true, sortKey: "lr", explain: "logratio", cell: (r) => formatNumber(r.logRatio, "statistic") },
  ];
  const title = which === "a" ? t("keywordsOfA") : t("keywordsOfB");
  return (
    <section className={`keyness-side key-side-${which}`} data-side={which}>
      <h3>
        {title} <span className="muted">{rows ? `(${rows.length})` : ""}</span>
      </h3>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.term}
        loading={loading}
        tall
        className="keyness"
        label={title}
        rowClassName={() => `key-${which}`}
        sort={state.sort}
        onSort={(key) => set({ sort: key as KeynessSort })}
      />
    </section>
  );
}

/** One side's concordance of the chosen keyword: the first lines, the totals, and a link to all of it. */
function SideKwic({ which, term, filters, q, label }: { which: "a" | "b"; term: string; filters: FacetFilters; q: string; label: string }) {
  const { t } = useLang();
  const params = { term, width: 12, perPage: 20, ...filtersToApi(filters) };
  const res = useApi("kwic", params, kwic);
  const d = res.data;
  return (
    <section className="kwic-side" data-side={which} aria-busy={res.isFetching}>
      <h3>{label}</h3>
      <p className="muted kwic-side-totals" data-total={d?.total} data-reports={d?.reports}>
        {d ? t("kwicTotals", { total: d.total, reports: d.reports }) : t("loading")} · <Link to={kwicLink(term, filters)}>{t("kwicOpenAll")} ›</Link>
      </p>
      {q.trim() && <p className="muted">{t("kwicSideQueryNote", { q })}</p>}
      <QueryError q={res} />
      {d && d.lines.length > 0 && (
        <table className="kwic kwic-compact">
          <tbody>
            {d.lines.map((line, i) => (
              <tr key={`${line.reportId}:${line.offset}:${i}`} data-sector={line.sector}>
                <td className="kwic-left">
                  <div>
                    <span>{line.left}</span>
                  </div>
                </td>
                <td className="kwic-match">
                  <Link to={reportHref(line.reportId, { q: term, at: line.offset })} title={line.title}>
                    {line.match}
                  </Link>
                </td>
                <td className="kwic-right">
                  <div>{line.right}</div>
                </td>
                <td className="kwic-src">
                  <SectorChip sector={line.sector} /> {line.year ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function CompareView() {
  const { t, label } = useLang();
  const [state, setState] = useRouteState<CompareState>(compareUrl);
  const ready = isReady(state);
  const params = toKeynessParams(state);
  const k = useApi("keyness", params, keyness, ready);
  const data = ready ? k.data : undefined;
  const subcorpora = useSubcorpora();
  const names = new Map((subcorpora.data?.subcorpora ?? []).map((s) => [s.id, s.name]));
  const count = ready && k.data && !k.isPlaceholderData && !k.error ? headline.compare(k.data) : undefined;
  useRecordQuery("compare", count);
  const labelA = sideLabel(state.a, state.aq, "A", label, names);
  const labelB = sideLabel(state.b, state.bq, "B", label, names);
  const sides = useMemo(() => (data ? keynessSides(data.rows, state.sort, state.lr) : undefined), [data, state.sort, state.lr]);
  const measure = charted(state.sort);
  const chartRows = useMemo(() => {
    if (!sides) return [];
    // each side's top N by the chosen ranking, drawn from A's strongest down to B's strongest
    const byMeasure = (x: Row, y: Row) => y[measure] - x[measure];
    return [...sides.a.slice(0, state.top), ...sides.b.slice(0, state.top)].sort(byMeasure);
  }, [sides, state.top, measure]);
  const option = useMemo(
    () => divergingBars(chartRows.map((r) => r.term), chartRows.map((r) => Number(r[measure].toFixed(2))), labelA, labelB, measure === "g2" ? "G²" : "log₂ ratio"),
    [chartRows, measure, labelA, labelB],
  );
  const example = stateToRoute({ ...defaultCompareState(), a: { ...state.a, sector: ["hospital"] }, b: { ...state.b, sector: ["school"] } }).toString();
  const tools = (
    <>
      <InlineSelect label={t("minCount")} value={state.min} options={[1, 2, 3, 5, 10, 20, 50]} onChange={(min) => setState({ min })} />
      <Explain id="minfreq" />
      <InlineSelect label={t("minLogRatio")} value={state.lr} options={MIN_LOG_RATIOS} onChange={(lr) => setState({ lr })} />
      <Explain id="logratio" />
      <InlineSelect label={t("topPerSide")} value={state.top} options={TOP_NS} onChange={(top) => setState({ top })} />
      {ready && <DownloadLinks endpoint="keyness" params={params} />}
      {ready && <SaveQuery view="compare" count={count} />}
    </>
  );
  const summary = `A: ${chartRows.filter((r) => r.g2 > 0).map((r) => r.term).join(" ")} | B: ${chartRows.filter((r) => r.g2 < 0).map((r) => r.term).join(" ")}`;

  return (
    <div className="view view-compare">
      <div className="compare-sides">
        <Side which="a" state={state} set={setState} />
        <Side which="b" state={state} set={setState} />
      </div>
      <Panel id="key-h" title={t("keyness")} tools={tools}>
        {ready ? (
          <>
            <QueryError q={k} />
            <p className="muted keyness-totals">{data ? t("keynessTotals", { a: data.totals.a, b: data.totals.b }) : "\u00a0"}</p>
            <p className="muted">{t("keynessNote", { top: state.top, min: state.min, lr: state.lr })}</p>
            {!(k.error && !data) && <Chart option={option} height={Math.max(360, chartRows.length * 18 + 80)} label={`${t("keyness")}: ${labelA} / ${labelB}`} fileName="wenyuan-keyness" summary={data ? summary : undefined} onItemClick={(i) => {
                // bars are drawn bottom-up (chartOptions.divergingBars reverses them)
                const row = chartRows[chartRows.length - 1 - i];
                if (row) setState({ term: row.term });
              }} />}
            <div className="keyness-sides">
              <KeywordTable which="a" rows={sides?.a} state={state} set={setState} loading={k.isLoading} />
              <KeywordTable which="b" rows={sides?.b} state={state} set={setState} loading={k.isLoading} />
            </div>
          </>
        ) : (
          <Empty>
            {t("compareHint")} <Link to={`/compare?${example}`}>{t("compareExample")}</Link>
          </Empty>
        )}
      </Panel>
      {ready && state.term && (
        <Panel id="kwic-pair-h" title={t("kwicPair", { term: state.term })}>
          <div className="kwic-pair">
            <SideKwic which="a" term={state.term} filters={state.a} q={state.aq} label={labelA} />
            <SideKwic which="b" term={state.term} filters={state.b} q={state.bq} label={labelB} />
          </div>
        </Panel>
      )}
      {ready && state.term && (
        // one term in the two subcorpora: its sketch difference
        <Panel id="sd-h" title={`${t("sketchDiff")}: ${state.term}`}>
          <SketchDiff
            params={{ ...filtersToApi(state.a, "a."), "a.q": state.aq.trim() || undefined, ...filtersToApi(state.b, "b."), "b.q": state.bq.trim() || undefined, term: state.term }}
            labelA={labelA}
            labelB={labelB}
          />
        </Panel>
      )}
      <PhrasingPanel
        id="phr-h"
        term={state.term}
        onTerm={(v, o) => setState({ term: v }, o)}
        sides={[
          { label: labelA, filters: { ...filtersToApi(state.a), q: state.aq || undefined } },
          { label: labelB, filters: { ...filtersToApi(state.b), q: state.bq || undefined } },
        ]}
      />
    </div>
  );
}

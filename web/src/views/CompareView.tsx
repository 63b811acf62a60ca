// `/compare` — two subcorpora, their keyness table and diverging chart, and a
// term's phrasing by sector.
import { useMemo } from "react";
import { Link } from "react-router";
import { keyness } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { Chart } from "../components/Chart.tsx";
import { DownloadLinks } from "../components/DownloadLinks.tsx";
import { DataTable, type Column } from "../components/DataTable.tsx";
import { Empty, QueryError } from "../components/ErrorBox.tsx";
import { FacetPanel } from "../components/FacetPanel.tsx";
import { InlineSelect } from "../components/InlineSelect.tsx";
import { Panel } from "../components/Panel.tsx";
import { PhrasingPanel } from "../components/Phrasing.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useFacetCounts } from "../hooks/useFacetCounts.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import { divergingBars } from "../lib/chartOptions.ts";
import * as compareUrl from "../state/compare.ts";
import { defaultCompareState, isReady, stateToRoute, toKeynessParams, type CompareState } from "../state/compare.ts";
import type { FacetFilters } from "../state/filters.ts";

type Row = Awaited<ReturnType<typeof keyness>>["rows"][number];

function sideLabel(f: FacetFilters, q: string, fallback: string, label: (k: "sector", v: string) => string): string {
  const parts = [...f.sector.map((s) => label("sector", s)), ...(f.yearFrom || f.yearTo ? [`${f.yearFrom ?? ""}–${f.yearTo ?? ""}`] : []), ...(q ? [`“${q}”`] : [])];
  return parts.length ? `${fallback}: ${parts.join(" ")}` : fallback;
}

function Side({ which, state, set }: { which: "a" | "b"; state: CompareState; set: (p: Partial<CompareState>, o?: { replace: boolean }) => void }) {
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

export default function CompareView() {
  const { t, label } = useLang();
  const [state, setState] = useRouteState<CompareState>(compareUrl);
  const ready = isReady(state);
  const params = toKeynessParams(state);
  const k = useApi("keyness", params, keyness, ready);
  const data = ready ? k.data : undefined;
  const labelA = sideLabel(state.a, state.aq, "A", label);
  const labelB = sideLabel(state.b, state.bq, "B", label);
  const option = useMemo(() => {
    const rows = data?.rows ?? [];
    const pos = rows.filter((r) => r.logRatio > 0).slice(0, 15);
    const neg = rows.filter((r) => r.logRatio < 0).slice(0, 15);
    const all = [...pos, ...neg].sort((x, y) => y.logRatio - x.logRatio);
    return divergingBars(all.map((r) => r.term), all.map((r) => Number(r.logRatio.toFixed(2))), labelA, labelB);
  }, [data, labelA, labelB]);
  const example = stateToRoute({ ...defaultCompareState(), a: { ...state.a, sector: ["hospital"] }, b: { ...state.b, sector: ["school"] } }).toString();

  const columns: Column<Row>[] = [
    {
      key: "term",
      header: t("term"),
      cell: (r) => (
        <button type="button" className="linklike" onClick={() => setState({ term: r.term })}>
          {r.term}
        </button>
      ),
    },
    { key: "a-count", header: `A ${t("count")}`, num: true, cell: (r) => r.a.count },
    { key: "a-p10k", header: `A ${t("per10k")}`, num: true, cell: (r) => r.a.per10k.toFixed(2) },
    { key: "a-pm", header: `A ${t("perMillionWords")}`, num: true, className: "muted", cell: (r) => r.a.perMillion.toFixed(1) },
    { key: "b-count", header: `B ${t("count")}`, num: true, cell: (r) => r.b.count },
    { key: "b-p10k", header: `B ${t("per10k")}`, num: true, cell: (r) => r.b.per10k.toFixed(2) },
    { key: "b-pm", header: `B ${t("perMillionWords")}`, num: true, className: "muted", cell: (r) => r.b.perMillion.toFixed(1) },
    { key: "g2", header: t("g2"), num: true, cell: (r) => r.g2.toFixed(1) },
    { key: "lr", header: t("logRatio"), num: true, cell: (r) => r.logRatio.toFixed(2) },
  ];
  const tools = (
    <>
      <InlineSelect label={t("minCount")} value={state.min} options={[1, 2, 3, 5, 10, 20, 50]} onChange={(min) => setState({ min })} />
      {ready && <DownloadLinks endpoint="keyness" params={params} />}
    </>
  );

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
            {!(k.error && !data) && <Chart option={option} height={560} label={`${t("keyness")}: ${labelA} / ${labelB}`} fileName="wenyuan-keyness" />}
            <DataTable columns={columns} rows={data?.rows} rowKey={(r) => r.term} loading={k.isLoading} tall className="keyness" rowClassName={(r) => (r.logRatio >= 0 ? "key-a" : "key-b")} />
          </>
        ) : (
          <Empty>
            {t("compareHint")} <Link to={`/compare?${example}`}>{t("compareExample")}</Link>
          </Empty>
        )}
      </Panel>
      <PhrasingPanel id="phr-h" term={state.term} onTerm={(v, o) => setState({ term: v }, o)} />
    </div>
  );
}

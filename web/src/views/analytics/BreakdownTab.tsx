// A term's breakdown: by sector / year / document type / level (per 10k chars, per million words beside), its
// trend over the years, and its collocates.
import { useMemo } from "react";
import { Link } from "react-router";
import { breakdown } from "../../api/endpoints.ts";
import { BREAKDOWN_BY } from "../../../../core/api/schema.ts";
import { useLang } from "../../app/lang.tsx";
import type { LabelKind } from "../../app/i18n.ts";
import { Chart } from "../../components/Chart.tsx";
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { Empty, QueryError } from "../../components/ErrorBox.tsx";
import { InlineSelect } from "../../components/InlineSelect.tsx";
import { Panel } from "../../components/Panel.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { trendLine, verticalBars } from "../../lib/chartOptions.ts";
import { CollocatesPanel } from "./CollocatesPanel.tsx";
import { fmt, kwicHref, type RowOf, type TabProps } from "./shared.ts";

type Row = RowOf<typeof breakdown>;

export function BreakdownTab({ state, filters, set }: TabProps) {
  const { t } = useLang();
  const term = state.term.trim();
  return (
    <>
      <div className="panel-head">
        <SearchBox label={t("term")} name="term" value={state.term} placeholder={t("searchPlaceholder")} onCommit={(v, o) => set({ term: v }, o)} />
        <InlineSelect label={t("breakdownBy")} value={state.by} options={BREAKDOWN_BY} format={(k) => t(`by_${k}`)} onChange={(by) => set({ by })} />
        {term && <Link to={kwicHref(term)}>{t("navKwic")} ›</Link>}
      </div>
      {term ? (
        <>
          <Breakdown term={term} by={state.by} filters={filters} />
          <Trend term={term} filters={filters} />
          <CollocatesPanel term={term} state={state} filters={filters} set={set} />
        </>
      ) : (
        <Empty>{t("enterTerm")}</Empty>
      )}
    </>
  );
}

function Breakdown({ term, by, filters }: { term: string; by: TabProps["state"]["by"]; filters: TabProps["filters"] }) {
  const { t, label } = useLang();
  const params = { ...filters, term, by };
  const q = useApi("breakdown", params, breakdown);
  const rows = q.data?.rows;
  const keyLabel = (k: string) => (by === "year" ? k : label(by as LabelKind, k));
  const option = useMemo(() => {
    const groupLabel = (k: string) => (by === "year" ? k : label(by as LabelKind, k));
    return verticalBars((rows ?? []).map((r) => groupLabel(r.key)), (rows ?? []).map((r) => Number(r.per10k.toFixed(2))), t("per10k"));
  }, [rows, by, t, label]);
  const title = t("breakdownTitlePer10k", { term, by: t(`by_${by}`) });
  const columns: Column<Row>[] = [
    { key: "group", header: t("group"), cell: (r) => keyLabel(r.key) },
    { key: "count", header: t("count"), num: true, cell: (r) => fmt(r.count) },
    { key: "docs", header: t("docs"), num: true, cell: (r) => `${fmt(r.docs)} / ${fmt(r.totalDocs)}` },
    { key: "p10k", header: t("per10k"), num: true, cell: (r) => fmt(r.per10k, 2) },
    { key: "pm", header: t("perMillionWords"), num: true, className: "muted", cell: (r) => fmt(r.perMillion) },
  ];
  return (
    <Panel id="bd-h" title={title} tools={<DownloadLinks endpoint="breakdown" params={params} />}>
      <QueryError q={q} />
      <Chart option={option} height={300} label={title} fileName={`wenyuan-breakdown-${by}`} />
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.key} loading={q.isLoading} />
      <p className="muted">{t("rateNote")}</p>
    </Panel>
  );
}

function Trend({ term, filters }: { term: string; filters: TabProps["filters"] }) {
  const { t } = useLang();
  const params = { ...filters, term, by: "year" };
  const q = useApi("breakdown", params, breakdown);
  const option = useMemo(() => {
    const years = (q.data?.rows ?? []).filter((r) => /^\d{4}$/.test(r.key)).sort((a, b) => Number(a.key) - Number(b.key));
    return trendLine(years.map((r) => r.key), years.map((r) => Number(r.per10k.toFixed(2))), t("per10k"));
  }, [q.data, t]);
  return (
    <Panel id="trend-h" title={t("trendPer10k")} tools={<DownloadLinks endpoint="breakdown" params={params} />}>
      <QueryError q={q} />
      <Chart option={option} height={260} label={t("trendPer10k")} fileName="wenyuan-trend" />
    </Panel>
  );
}

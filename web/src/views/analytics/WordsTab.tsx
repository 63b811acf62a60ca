// Word list: the most frequent words under the filters, per 10k chars (per million words beside),
// as bars and a table.
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { frequency } from "../../api/endpoints.ts";
import { useLang } from "../../app/lang.tsx";
import { Chart } from "../../components/Chart.tsx";
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { QueryError } from "../../components/ErrorBox.tsx";
import { InlineSelect } from "../../components/InlineSelect.tsx";
import { Panel } from "../../components/Panel.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { useRecordQuery } from "../../hooks/useHistory.ts";
import { headline } from "../../lib/savedViews.ts";
import { tabParams } from "../../state/analytics.ts";
import { horizontalBars } from "../../lib/chartOptions.ts";
import { kwicLink, termLink } from "../../state/drill.ts";
import { fmt, type RowOf, type TabProps } from "./shared.ts";

type Row = RowOf<typeof frequency>;

export function WordsTab({ state, filters, set }: TabProps) {
  const { t } = useLang();
  const params = { ...filters, ...tabParams(state).words };
  const q = useApi("frequency", params, frequency);
  useRecordQuery("analytics", q.data && !q.isPlaceholderData ? headline.words(q.data) : undefined);
  const navigate = useNavigate();
  const option = useMemo(() => {
    const top = q.data?.rows.slice(0, 30) ?? [];
    return horizontalBars(top.map((r) => r.term), top.map((r) => Number(r.per10k.toFixed(2))), t("per10k"));
  }, [q.data, t]);
  const columns: Column<Row>[] = [
    { key: "rank", header: "#", num: true, className: "muted", cell: (_, i) => i + 1 },
    { key: "term", header: t("term"), cell: (r) => <Link to={termLink(r.term, state.filters)}>{r.term}</Link> },
    { key: "count", header: t("count"), num: true, cell: (r) => <Link to={kwicLink(r.term, state.filters)}>{fmt(r.count)}</Link> },
    { key: "docs", header: t("docs"), num: true, cell: (r) => fmt(r.docs) },
    { key: "dp", header: t("dp"), num: true, explain: "dp", cell: (r) => fmt(r.dp, "dp") },
    { key: "p10k", header: t("per10k"), num: true, explain: "rates", cell: (r) => fmt(r.per10k, "per10k") },
    { key: "pm", header: t("perMillionWords"), num: true, className: "muted", cell: (r) => fmt(r.perMillion, "perMillion") },
  ];
  const tools = (
    <>
      <InlineSelect label={t("minLength")} value={state.minLength} options={[1, 2, 3, 4]} onChange={(minLength) => set({ minLength })} />
      <label className="inline-field">
        <input type="checkbox" checked={state.stopwords} onChange={(e) => set({ stopwords: e.target.checked })} />
        <span>{t("stopwords")}</span>
      </label>
      <DownloadLinks endpoint="frequency" params={params} />
    </>
  );
  return (
    <Panel id="words-h" title={t("tab_words")} tools={tools}>
      <QueryError q={q} />
      <Chart
        option={option}
        height={560}
        label={`${t("tab_words")} (${t("per10k")})`}
        fileName="wenyuan-frequency"
        onItemClick={(i) => {
          // the bars are drawn bottom-up (chartOptions.horizontalBars reverses them)
          const top = q.data?.rows.slice(0, 30) ?? [];
          const row = top[top.length - 1 - i];
          if (row) navigate(kwicLink(row.term, state.filters));
        }}
      />
      <p className="muted">{t("rateNote")}</p>
      <DataTable columns={columns} rows={q.data?.rows} rowKey={(r) => r.term} loading={q.isLoading} tall />
    </Panel>
  );
}

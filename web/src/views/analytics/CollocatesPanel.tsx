// A term's collocates within a window, ranked by the chosen association measure
// (all four shown). Part of the term tab: it shares the term and the filters.
import { collocates } from "../../api/endpoints.ts";
import { useLang } from "../../app/lang.tsx";
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { QueryError } from "../../components/ErrorBox.tsx";
import { InlineSelect } from "../../components/InlineSelect.tsx";
import { Panel } from "../../components/Panel.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { MEASURES } from "../../state/analytics.ts";
import { fmt, type RowOf, type TabProps } from "./shared.ts";

type Row = RowOf<typeof collocates>;

export function CollocatesPanel({ term, state, filters, set }: TabProps & { term: string }) {
  const { t } = useLang();
  const params = { ...filters, term, measure: state.measure, window: state.window, limit: 50 };
  const q = useApi("collocates", params, collocates);
  const columns: Column<Row>[] = [
    { key: "term", header: t("term"), cell: (r) => r.term },
    { key: "count", header: t("count"), num: true, cell: (r) => fmt(r.count) },
    { key: "expected", header: t("collocExpected"), num: true, className: "muted", explain: "collocates", cell: (r) => fmt(r.expected, "expected") },
    { key: "freq", header: t("collocFreq"), num: true, className: "muted", cell: (r) => fmt(r.freq) },
    ...MEASURES.map((m): Column<Row> => ({ key: m, header: m, num: true, sorted: m === state.measure, explain: m === "logdice" ? "logdice" : m, cell: (r) => fmt(r[m], "statistic") })),
  ];
  const tools = (
    <>
      <InlineSelect label={t("measure")} value={state.measure} options={MEASURES} onChange={(measure) => set({ measure })} />
      <InlineSelect label={t("window")} value={state.window} options={[2, 3, 5, 8, 10]} onChange={(window) => set({ window })} />
      <DownloadLinks endpoint="collocates" params={params} />
    </>
  );
  return (
    <Panel id="coll-h" title={t("collocates")} tools={tools}>
      <QueryError q={q} />
      {q.data && <p className="muted">{t("collocWindows", { node: q.data.node, window: q.data.windowTokens })}</p>}
      <DataTable columns={columns} rows={q.data?.rows} rowKey={(r) => r.term} loading={q.isLoading} tall />
    </Panel>
  );
}

// Recurring word n-grams, and formulas: fixed frames with slots (“以…为…”) and
// what fills them, with the sectors that use them.
import { Link } from "react-router";
import { formulas, ngrams } from "../../api/endpoints.ts";
import { useLang } from "../../app/lang.tsx";
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { QueryError } from "../../components/ErrorBox.tsx";
import { Explain } from "../../components/Explain.tsx";
import { InlineSelect } from "../../components/InlineSelect.tsx";
import { Panel } from "../../components/Panel.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { useRecordQuery } from "../../hooks/useHistory.ts";
import { headline } from "../../lib/savedViews.ts";
import { defaultAnalyticsState, tabParams } from "../../state/analytics.ts";
import { kwicLink } from "../../state/drill.ts";
import type { FacetFilters } from "../../state/filters.ts";
import { fmt, type RowOf, type TabProps } from "./shared.ts";

export function NgramsTab({ state, filters, set }: TabProps) {
  return (
    <>
      <Ngrams n={state.n} filters={filters} facets={state.filters} onN={(n) => set({ n })} />
      <Formulas filters={filters} />
    </>
  );
}

function Ngrams({ n, filters, facets, onN }: { n: number; filters: TabProps["filters"]; facets: FacetFilters; onN: (n: number) => void }) {
  const { t } = useLang();
  const params = { ...filters, ...tabParams({ ...defaultAnalyticsState(), n }).ngrams };
  const q = useApi("ngrams", params, ngrams);
  useRecordQuery("analytics", q.data && !q.isPlaceholderData ? headline.ngrams(q.data) : undefined);
  const columns: Column<RowOf<typeof ngrams>>[] = [
    { key: "ngram", header: t("ngram"), cell: (r) => <Link to={kwicLink(r.text, facets)}>{r.tokens.join(" ")}</Link> },
    { key: "count", header: t("count"), num: true, cell: (r) => fmt(r.count) },
    { key: "docs", header: t("docs"), num: true, cell: (r) => fmt(r.docs) },
  ];
  const tools = (
    <>
      <InlineSelect label={t("ngramN")} value={n} options={[2, 3, 4, 5, 6]} onChange={onN} />
      <DownloadLinks endpoint="ngrams" params={params} />
    </>
  );
  return (
    <Panel id="ngram-h" title={t("ngram")} tools={tools}>
      <QueryError q={q} />
      <DataTable columns={columns} rows={q.data?.rows} rowKey={(r) => r.text} loading={q.isLoading} tall />
    </Panel>
  );
}

function Formulas({ filters }: { filters: TabProps["filters"] }) {
  const { t, label } = useLang();
  const params = { ...filters, limit: 50 };
  const q = useApi("formulas", params, formulas);
  const columns: Column<RowOf<typeof formulas>>[] = [
    { key: "pattern", header: t("pattern"), className: "pattern", cell: (r) => r.pattern },
    { key: "count", header: t("count"), num: true, cell: (r) => fmt(r.count) },
    { key: "reports", header: t("reports"), num: true, cell: (r) => fmt(r.reports) },
    {
      key: "sectors",
      header: t("sectors"),
      cell: (r) =>
        Object.entries(r.sectors)
          .map(([s, k]) => `${label("sector", s)} ${k}`)
          .join(" · "),
    },
    {
      key: "fillers",
      header: t("fillers"),
      className: "fillers",
      cell: (r) => r.fillers.map((slot) => slot.slice(0, 4).map((x) => `${x.text}(${x.count})`).join("、")).join(" | "),
    },
  ];
  return (
    <Panel
      id="formula-h"
      title={
        <>
          {t("formulas")} <Explain id="formulas" />
        </>
      }
      tools={<DownloadLinks endpoint="formulas" params={params} />}>
      <QueryError q={q} />
      <DataTable columns={columns} rows={q.data?.rows} rowKey={(r) => r.pattern} loading={q.isLoading} tall className="formulas" />
    </Panel>
  );
}

// A term's breakdown: by sector / year / document type / level (per 10k chars, per million words beside), its
// trend over the years (each point with the reports it rests on), and its collocates. Every count
// opens the concordance, every report count the report list, of exactly its group.
import { useMemo, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { breakdown } from "../../api/endpoints.ts";
import { BREAKDOWN_BY } from "../../../../core/api/schema.ts";
import { useLang } from "../../app/lang.tsx";
import type { LabelKind } from "../../app/i18n.ts";
import { Chart } from "../../components/Chart.tsx";
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { Empty, QueryError } from "../../components/ErrorBox.tsx";
import { Explain } from "../../components/Explain.tsx";
import { InlineSelect } from "../../components/InlineSelect.tsx";
import { Panel } from "../../components/Panel.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { useRecordQuery } from "../../hooks/useHistory.ts";
import { headline } from "../../lib/savedViews.ts";
import { trendPoints, verticalBars } from "../../lib/chartOptions.ts";
import { kwicLink, narrow, searchLink } from "../../state/drill.ts";
import { reportHref } from "../../state/report.ts";
import type { FacetFilters } from "../../state/filters.ts";
import { CollocatesPanel } from "./CollocatesPanel.tsx";
import { fmt, type RowOf, type TabProps } from "./shared.ts";

type Row = RowOf<typeof breakdown>;

/** Years resting on fewer reports than this are drawn hollow, off the line. */
export const MIN_REPORTS_PER_YEAR = 3;

export function BreakdownTab({ state, filters, set }: TabProps) {
  const { t } = useLang();
  const term = state.term.trim();
  // a coded concordance's categories left out of every count of the term (server/corpus/codings.ts)
  const withExclusion = state.coding && state.exclude.length ? { ...filters, coding: state.coding, exclude: state.exclude } : filters;
  return (
    <>
      <div className="panel-head">
        <SearchBox label={t("term")} name="term" value={state.term} placeholder={t("searchPlaceholder")} onCommit={(v, o) => set({ term: v }, o)} />
        <InlineSelect label={t("breakdownBy")} value={state.by} options={BREAKDOWN_BY} format={(k) => t(`by_${k}`)} onChange={(by) => set({ by })} />
        {term && <Link to={kwicLink(term, state.filters)}>{t("navKwic")} ›</Link>}
      </div>
      {term ? (
        <>
          {withExclusion !== filters && <Exclusion term={term} filters={withExclusion} onClear={() => set({ coding: "", exclude: [] })} />}
          <Breakdown term={term} by={state.by} filters={withExclusion} facets={state.filters} />
          <Trend term={term} filters={withExclusion} facets={state.filters} />
          <Documents term={term} filters={withExclusion} />
          <CollocatesPanel term={term} state={state} filters={filters} set={set} />
        </>
      ) : (
        <Empty>{t("enterTerm")}</Empty>
      )}
    </>
  );
}

/** What the counts below leave out: "不含标为「无关」的 N 行", and the way back to every line. */
function Exclusion({ term, filters, onClear }: { term: string; filters: TabProps["filters"]; onClear: () => void }) {
  const { t, lang } = useLang();
  const q = useApi("breakdown", { ...filters, term, by: "sector" }, breakdown);
  const ex = q.data?.excluded;
  return (
    <div className="notice excluded-note" data-excluded={ex?.lines} data-stale={ex?.stale}>
      <QueryError q={q} />
      {ex && (
        <p>
          {t("excludedNote", { n: ex.lines, categories: ex.categories.join(lang === "zh" ? "」「" : "”, “") })}
          {ex.stale > 0 && t("excludedStale", { n: ex.stale })} <Explain id="coding" />{" "}
          <button type="button" className="link-button" onClick={onClear}>
            {t("excludedClear")}
          </button>
        </p>
      )}
    </div>
  );
}

type Lang = ReturnType<typeof useLang>;

/** A group's label: a sector, document type or level in the UI's language, a year, or "year unknown". */
const groupLabel = (by: TabProps["state"]["by"], k: string, { t, label }: Pick<Lang, "t" | "label">) =>
  by !== "year" ? label(by as LabelKind, k) : /^\d{4}$/.test(k) ? k : t("yearUnknown");

/** A count that opens the concordance of its group, and a report count that opens its report list. */
function drillCells(term: string, by: TabProps["state"]["by"], facets: FacetFilters): Column<Row>[] {
  const within = (r: Row) => narrow(facets, by, r.key);
  return [
    {
      key: "count",
      header: "",
      num: true,
      cell: (r) => {
        const f = within(r);
        return f && r.count ? <Link to={kwicLink(term, f)}>{fmt(r.count)}</Link> : fmt(r.count);
      },
    },
    {
      key: "docs",
      header: "",
      num: true,
      cell: (r) => {
        const f = within(r);
        return (
          <>
            {f && r.docs ? <Link to={searchLink(term, f)}>{fmt(r.docs)}</Link> : fmt(r.docs)} / {fmt(r.totalDocs)}
          </>
        );
      },
    },
  ];
}

function Breakdown({ term, by, filters, facets }: { term: string; by: TabProps["state"]["by"]; filters: TabProps["filters"]; facets: FacetFilters }) {
  const { t, label } = useLang();
  const params = { ...filters, term, by };
  const q = useApi("breakdown", params, breakdown);
  useRecordQuery("analytics", q.data && !q.isPlaceholderData ? headline.term(q.data) : undefined);
  const rows = q.data?.rows;
  const keyLabel = (k: string) => groupLabel(by, k, { t, label });
  const navigate = useNavigate();
  const option = useMemo(
    () => verticalBars((rows ?? []).map((r) => groupLabel(by, r.key, { t, label })), (rows ?? []).map((r) => Number(r.per10k.toFixed(2))), t("per10k")),
    [rows, by, t, label],
  );
  const [countCell, docsCell] = drillCells(term, by, facets);
  const title = t("breakdownTitlePer10k", { term, by: t(`by_${by}`) });
  const columns: Column<Row>[] = [
    { key: "group", header: t("group"), cell: (r) => keyLabel(r.key) },
    { ...countCell, header: t("count") },
    { ...docsCell, header: t("docsOfGroup") },
    { key: "p10k", header: t("per10k"), num: true, explain: "rates", cell: (r) => fmt(r.per10k, "per10k") },
    { key: "pm", header: t("perMillionWords"), num: true, className: "muted", cell: (r) => fmt(r.perMillion, "perMillion") },
  ];
  return (
    <Panel id="bd-h" title={title} tools={<DownloadLinks endpoint="breakdown" params={params} />}>
      <QueryError q={q} />
      <Chart
        option={option}
        height={300}
        label={title}
        fileName={`wenyuan-breakdown-${by}`}
        onItemClick={(i) => {
          const f = rows?.[i] && narrow(facets, by, rows[i].key);
          if (f) navigate(kwicLink(term, f));
        }}
      />
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.key} loading={q.isLoading} />
      <p className="muted">{t("rateNote")}</p>
    </Panel>
  );
}

/** Every report of the selection with the term's count and rate in it: where the total comes from. */
function Documents({ term, filters }: { term: string; filters: TabProps["filters"] }) {
  const { t } = useLang();
  const here = useLocation();
  const [sort, setSort] = useState<"count" | "p10k">("count");
  const params = { ...filters, term, by: "report" };
  const q = useApi("breakdown", params, breakdown);
  const rows = useMemo(() => {
    const all = [...(q.data?.rows ?? [])];
    const by = sort === "count" ? (r: Row) => r.count : (r: Row) => r.per10k;
    return all.sort((a, b) => by(b) - by(a) || b.per10k - a.per10k || (a.key < b.key ? -1 : 1));
  }, [q.data, sort]);
  const withTerm = rows.filter((r) => r.count > 0).length;
  const columns: Column<Row>[] = [
    { key: "rank", header: "#", num: true, className: "muted", cell: (_, i) => i + 1 },
    {
      key: "title",
      header: t("report"),
      cell: (r) => (
        <Link to={reportHref(r.key, { q: term, from: here.pathname + here.search })} data-report-id={r.key}>
          {r.label ?? r.key}
        </Link>
      ),
    },
    { key: "count", header: t("count"), num: true, sortKey: "count", cell: (r) => fmt(r.count) },
    { key: "p10k", header: t("per10k"), num: true, sortKey: "p10k", explain: "rates", cell: (r) => fmt(r.per10k, "per10k") },
    { key: "pm", header: t("perMillionWords"), num: true, className: "muted", cell: (r) => fmt(r.perMillion, "perMillion") },
    { key: "chars", header: t("chars"), num: true, className: "muted", cell: (r) => fmt(r.chars) },
  ];
  return (
    <Panel
      id="docs-h"
      title={
        <>
          {t("documentsOfTerm", { term })} <Explain id="dp" />
        </>
      }
      tools={<DownloadLinks endpoint="breakdown" params={params} />}
    >
      <QueryError q={q} />
      {q.data && (
        <p className="muted documents-note" data-with={withTerm} data-total={rows.length}>
          {t("documentsNote", { with: withTerm, total: rows.length })}
        </p>
      )}
      <DataTable columns={columns} rows={q.data ? rows : undefined} rowKey={(r) => r.key} loading={q.isLoading} tall className="documents-table" sort={sort} onSort={(k) => setSort(k as "count" | "p10k")} />
    </Panel>
  );
}

function Trend({ term, filters, facets }: { term: string; filters: TabProps["filters"]; facets: FacetFilters }) {
  const { t, label } = useLang();
  const params = { ...filters, term, by: "year" };
  const q = useApi("breakdown", params, breakdown);
  const rows = q.data?.rows;
  const dated = useMemo(() => (rows ?? []).filter((r) => /^\d{4}$/.test(r.key)), [rows]);
  const undated = rows?.find((r) => !/^\d{4}$/.test(r.key));
  const totalReports = (rows ?? []).reduce((n, r) => n + r.totalDocs, 0);
  const sparse = dated.filter((r) => r.totalDocs < MIN_REPORTS_PER_YEAR).length;
  const option = useMemo(
    () => trendPoints(dated.map((r) => ({ year: Number(r.key), value: Number(r.per10k.toFixed(2)), n: r.totalDocs })), MIN_REPORTS_PER_YEAR, t("per10k"), t("trendSparse", { min: MIN_REPORTS_PER_YEAR })),
    [dated, t],
  );
  const keyLabel = (k: string) => groupLabel("year", k, { t, label });
  const [countCell, docsCell] = drillCells(term, "year", facets);
  const columns: Column<Row>[] = [
    { key: "year", header: t("by_year"), cell: (r) => keyLabel(r.key) },
    { key: "n", header: t("trendN"), num: true, cell: (r) => (r.totalDocs < MIN_REPORTS_PER_YEAR && /^\d{4}$/.test(r.key) ? <span className="sparse">{fmt(r.totalDocs)} ○</span> : fmt(r.totalDocs)) },
    { ...countCell, header: t("count") },
    { ...docsCell, header: t("docsOfGroup"), explain: "dp" },
    { key: "p10k", header: t("per10k"), num: true, cell: (r) => fmt(r.per10k, "per10k") },
  ];
  return (
    <Panel
      id="trend-h"
      title={
        <>
          {t("trendPer10k")} <Explain id="trend" />
        </>
      }
      tools={<DownloadLinks endpoint="breakdown" params={params} />}>
      <QueryError q={q} />
      {rows && (
        <p className="muted trend-note" data-dated={totalReports - (undated?.totalDocs ?? 0)} data-undated={undated?.totalDocs ?? 0}>
          {t("trendNote", { dated: totalReports - (undated?.totalDocs ?? 0), total: totalReports, min: MIN_REPORTS_PER_YEAR, sparse })}
        </p>
      )}
      {dated.length > 0 ? <Chart option={option} height={260} label={t("trendPer10k")} fileName="wenyuan-trend" /> : rows && <Empty>{t("trendNoYears")}</Empty>}
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.key} loading={q.isLoading} className="trend-table" />
    </Panel>
  );
}

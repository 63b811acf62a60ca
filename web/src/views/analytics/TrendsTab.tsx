// Words rising and falling over the reports' years (/api/trends): the years and what each rests on
// first, then the rising and falling lists (slope of the per-10k rate per year with its 95%
// interval, the adjusted q, a small line of the fitted years), each word opening its trend chart
// (the term tab by year) and its concordance. A pasted list instead answers every term with its
// verdict and why; nothing the data cannot carry is listed.
import { useState } from "react";
import { Link } from "react-router";
import { trends } from "../../api/endpoints.ts";
import { useLang } from "../../app/lang.tsx";
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { Empty, QueryError } from "../../components/ErrorBox.tsx";
import { Explain } from "../../components/Explain.tsx";
import { InlineSelect } from "../../components/InlineSelect.tsx";
import { Panel } from "../../components/Panel.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { kwicLink, termLink } from "../../state/drill.ts";
import type { FacetFilters } from "../../state/filters.ts";
import { fmt, type TabProps } from "./shared.ts";

type Answer = Awaited<ReturnType<typeof trends>>;
type Trend = Answer["rising"][number];
type Year = Answer["years"][number];

const MIN_REPORTS = [1, 3, 5, 10, 20, 50] as const;
const MIN_YEARS = [3, 5, 8, 10] as const;

export function TrendsTab({ state, filters }: TabProps) {
  const { t } = useLang();
  const [minReports, setMinReports] = useState<number>(5);
  const [minYears, setMinYears] = useState<number>(5);
  const [text, setText] = useState("");
  const [terms, setTerms] = useState("");
  const params = { ...filters, minReports, minYears, minLength: state.minLength, stopwords: state.stopwords, ...(terms.trim() ? { terms } : {}) };
  const q = useApi("trends", params, trends);
  const d = q.data;
  return (
    <>
      <form
        className="batch-form"
        onSubmit={(e) => {
          e.preventDefault();
          setTerms(text);
        }}
      >
        <label htmlFor="trend-terms">{t("trendsTerms")}</label>
        <p className="muted" id="trend-help">
          {t("trendsTermsHint")}
        </p>
        <textarea id="trend-terms" name="terms" rows={3} cols={48} value={text} aria-describedby="trend-help" onChange={(e) => setText(e.target.value)} />
        <div className="panel-head">
          <InlineSelect label={t("trendsMinReports")} value={minReports} options={MIN_REPORTS} onChange={setMinReports} />
          <InlineSelect label={t("trendsMinYears")} value={minYears} options={MIN_YEARS} onChange={setMinYears} />
          <button type="submit">{t("batchRun")}</button>
          {terms.trim() && (
            <button
              type="button"
              onClick={() => {
                setText("");
                setTerms("");
              }}
            >
              {t("trendsAllWords")}
            </button>
          )}
        </div>
      </form>
      <QueryError q={q} />
      {d && (
        <>
          <Years d={d} minReports={minReports} />
          {!d.enough ? (
            <Empty>{t("trendsNotEnough", { used: d.usedYears, years: d.years.length, minReports, minYears })}</Empty>
          ) : d.terms ? (
            <Panel id="trends-terms-h" title={t("trendsListTitle")} tools={<DownloadLinks endpoint="trends" params={params} />}>
              <TrendTable rows={d.terms} facets={state.filters} d={d} verdict />
            </Panel>
          ) : (
            <>
              <Panel id="trends-rising-h" title={t("trendsRising", { n: d.rising.length })} tools={<DownloadLinks endpoint="trends" params={params} />}>
                <TrendTable rows={d.rising} facets={state.filters} d={d} />
              </Panel>
              <Panel id="trends-falling-h" title={t("trendsFalling", { n: d.falling.length })}>
                <TrendTable rows={d.falling} facets={state.filters} d={d} />
              </Panel>
            </>
          )}
        </>
      )}
    </>
  );
}

/** What the figures rest on: each year's reports, words and characters, and which years are fitted. */
function Years({ d, minReports }: { d: Answer; minReports: number }) {
  const { t } = useLang();
  const used = d.years.filter((y) => y.used);
  const columns: Column<Year>[] = [
    { key: "year", header: t("by_year"), cell: (y) => y.year },
    { key: "reports", header: t("trendN"), num: true, cell: (y) => fmt(y.reports) },
    { key: "tokens", header: t("trendsTokens"), num: true, cell: (y) => fmt(y.tokens) },
    { key: "chars", header: t("trendsChars"), num: true, cell: (y) => fmt(y.chars) },
    { key: "used", header: t("trendsFitted"), cell: (y) => (y.used ? "✓" : <span className="sparse">{t("trendsSmallYear", { min: minReports })}</span>) },
  ];
  const n = d.notListed;
  return (
    <Panel
      id="trends-years-h"
      title={
        <>
          {t("trendsYearsTitle")} <Explain id="trends" />
        </>
      }
    >
      <p className="muted trends-summary" data-tested={d.tested} data-used={d.usedYears} data-unknown={d.unknownYear}>
        {d.enough
          ? t("trendsSummary", { used: used.length, from: String(used[0]?.year ?? ""), to: String(used.at(-1)?.year ?? ""), min: minReports, tested: fmt(d.tested), listed: fmt(d.tested - n.flat - n.notSignificant), flat: fmt(n.flat), fdr: fmt(n.notSignificant), rare: fmt(n.tooRare), few: fmt(n.tooFewYears) })
          : t("trendsNone")}{" "}
        {d.unknownYear > 0 && t("trendsUndated", { n: fmt(d.unknownYear) })}
      </p>
      <DataTable columns={columns} rows={d.years} rowKey={(y) => y.year} className="trends-years" rowClassName={(y) => (y.used ? undefined : "muted")} />
    </Panel>
  );
}

/** A word's per-10k rate over the fitted years as a small line (no axes: the trend chart has them). */
function Spark({ s, d }: { s: Trend["series"]; d: Answer }) {
  const pts = s.filter((_, k) => d.years[k].used);
  if (pts.length < 2) return null;
  const max = Math.max(...pts.map((p) => p.per10k)) || 1;
  const path = pts.map((p, i) => `${((i / (pts.length - 1)) * 78 + 1).toFixed(1)},${(19 - (p.per10k / max) * 18).toFixed(1)}`).join(" ");
  return (
    <svg className="spark" width="80" height="20" viewBox="0 0 80 20" aria-hidden="true">
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function TrendTable({ rows, facets, d, verdict = false }: { rows: Trend[]; facets: FacetFilters; d: Answer; verdict?: boolean }) {
  const { t } = useLang();
  const why = (r: Trend) => {
    switch (r.status) {
      case "rising":
      case "falling":
        return t(`trends_${r.status}`);
      case "flat":
        return t("trendsWhyFlat");
      case "notSignificant":
        return t("trendsWhyFdr", { q: fmt(r.q ?? 1, "statistic") });
      case "tooRare":
        return t("trendsWhyRare", { count: fmt(r.count) });
      case "tooFewYears":
        return t("trendsWhyFew", { n: r.yearsPresent, of: d.usedYears });
      default:
        return t("trendsNone");
    }
  };
  // words are counted as themselves (no synonyms), a list's terms as breakdown counts them
  const linked = (r: Trend) => ({ term: r.matches?.[0] ?? r.term, filters: verdict ? facets : { ...facets, synonyms: false } });
  const columns: Column<Trend>[] = [
    {
      key: "term",
      header: t("term"),
      rowHeader: true,
      cell: (r) => {
        const l = linked(r);
        return (
          <Link to={termLink(l.term, l.filters, { by: "year" })} title={t("trendsOpenChart")}>
            {r.term}
          </Link>
        );
      },
    },
    ...(verdict ? [{ key: "why", header: t("trendsVerdict"), cell: (r: Trend) => <span data-status={r.status}>{why(r)}</span> }] : []),
    { key: "spark", header: "", cell: (r) => <Spark s={r.series} d={d} /> },
    { key: "slope", header: t("trendsSlope"), num: true, explain: "trends", cell: (r) => (r.slope === null ? "—" : `${r.slope > 0 ? "+" : ""}${fmt(r.slope, "per10k")}`) },
    { key: "ci", header: t("trendsCi"), num: true, className: "muted", cell: (r) => (r.low === null ? "—" : `${fmt(r.low, "per10k")} ~ ${fmt(r.high!, "per10k")}`) },
    { key: "q", header: "q", num: true, className: "muted", cell: (r) => (r.q === null ? "—" : r.q < 0.001 ? "<0.001" : fmt(r.q, "statistic")) },
    { key: "count", header: t("trendsCount"), num: true, cell: (r) => fmt(r.count) },
    {
      key: "kwic",
      header: "",
      cell: (r) => {
        const l = linked(r);
        return r.count ? <Link to={kwicLink(l.term, l.filters)}>{t("navKwic")} ›</Link> : null;
      },
    },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(r) => r.term} className="trends-list" rowClassName={(r) => `trend-${r.status}`} />;
}

// `/analytics` — word list, a term's breakdown and trend, collocates, themes × sector,
// n-grams and formulas. Every chart has its table underneath and PNG/CSV export.
import { useMemo } from "react";
import { Link } from "react-router";
import { breakdown, collocates, formulas, frequency, ngrams, themes } from "../api/endpoints.ts";
import type { Params } from "../api/client.ts";
import { useLang } from "../app/lang.tsx";
import { Chart } from "../components/Chart.tsx";
import { DownloadLinks } from "../components/DownloadLinks.tsx";
import { Empty, ErrorBox } from "../components/ErrorBox.tsx";
import { FacetPanel } from "../components/FacetPanel.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useFacetCounts } from "../hooks/useFacetCounts.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import { heatmap, horizontalBars, trendLine, verticalBars } from "../lib/chartOptions.ts";
import * as analyticsUrl from "../state/analytics.ts";
import { MEASURES, TABS, type AnalyticsState } from "../state/analytics.ts";
import { filtersToApi } from "../state/filters.ts";
import { BREAKDOWN_BY } from "../../../server/schema.ts";
import type { LabelKind } from "../app/i18n.ts";

const fmt = (n: number, digits = 1) => (Number.isInteger(n) ? n.toLocaleString() : n.toFixed(digits));

function Status({ q }: { q: { error: unknown; isLoading: boolean; refetch: () => unknown } }) {
  const { t } = useLang();
  if (q.error) return <ErrorBox error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isLoading) return <p className="muted">{t("loading")}</p>;
  return null;
}

function kwicLink(term: string) {
  return `/kwic?term=${encodeURIComponent(term)}`;
}

function Words({ state, filters, set }: { state: AnalyticsState; filters: Params; set: (p: Partial<AnalyticsState>) => void }) {
  const { t } = useLang();
  const params = { ...filters, limit: 200, minLength: state.minLength, stopwords: state.stopwords ? undefined : "false" };
  const q = useApi("frequency", params, frequency);
  const top = q.data?.rows.slice(0, 30) ?? [];
  const option = useMemo(() => horizontalBars(top.map((r) => r.term), top.map((r) => r.perMillion), t("perMillion")), [q.data, t]);
  return (
    <section className="panel" aria-labelledby="words-h">
      <div className="panel-head">
        <h2 id="words-h">{t("tab_words")}</h2>
        <label className="inline-field">
          <span>{t("minLength")}</span>
          <select value={state.minLength} onChange={(e) => set({ minLength: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <input type="checkbox" checked={state.stopwords} onChange={(e) => set({ stopwords: e.target.checked })} />
          <span>{t("stopwords")}</span>
        </label>
        <DownloadLinks endpoint="frequency" params={params} />
      </div>
      <Status q={q} />
      <Chart option={option} height={560} label={`${t("tab_words")} (${t("perMillion")})`} fileName="wenyuan-frequency" />
      {q.data && (
        <div className="table-scroll tall">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("term")}</th>
                <th scope="col" className="num">{t("count")}</th>
                <th scope="col" className="num">{t("docs")}</th>
                <th scope="col" className="num">{t("perMillion")}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.rows.map((r, i) => (
                <tr key={r.term}>
                  <td className="num muted">{i + 1}</td>
                  <td>
                    <Link to={`/analytics?tab=term&term=${encodeURIComponent(r.term)}`}>{r.term}</Link>
                  </td>
                  <td className="num">{fmt(r.count)}</td>
                  <td className="num">{fmt(r.docs)}</td>
                  <td className="num">{fmt(r.perMillion)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Term({ state, filters, set }: { state: AnalyticsState; filters: Params; set: (p: Partial<AnalyticsState>, o?: { replace: boolean }) => void }) {
  const { t, label } = useLang();
  const term = state.term.trim();
  const bParams = { ...filters, term, by: state.by };
  const yParams = { ...filters, term, by: "year" };
  const cParams = { ...filters, term, measure: state.measure, window: state.window, limit: 50 };
  const b = useApi("breakdown", bParams, breakdown, term !== "");
  const y = useApi("breakdown", yParams, breakdown, term !== "");
  const c = useApi("collocates", cParams, collocates, term !== "");
  const keyLabel = (k: string) => (state.by === "year" ? k : label(state.by as LabelKind, k));
  const bOption = useMemo(() => verticalBars((b.data?.rows ?? []).map((r) => keyLabel(r.key)), (b.data?.rows ?? []).map((r) => r.perMillion), t("perMillion")), [b.data, t]);
  const years = (y.data?.rows ?? []).filter((r) => /^\d{4}$/.test(r.key)).sort((p, q) => Number(p.key) - Number(q.key));
  const yOption = useMemo(() => trendLine(years.map((r) => r.key), years.map((r) => r.perMillion), t("perMillion")), [y.data, t]);
  return (
    <>
      <div className="panel-head">
        <SearchBox label={t("term")} name="term" value={state.term} placeholder={t("searchPlaceholder")} onCommit={(v, o) => set({ term: v }, o)} />
        <label className="inline-field">
          <span>{t("breakdownBy")}</span>
          <select value={state.by} onChange={(e) => set({ by: e.target.value as AnalyticsState["by"] })}>
            {BREAKDOWN_BY.map((k) => (
              <option key={k} value={k}>
                {t(`by_${k}`)}
              </option>
            ))}
          </select>
        </label>
        {term && <Link to={kwicLink(term)}>{t("navKwic")} ›</Link>}
      </div>
      {!term && <Empty>{t("enterTerm")}</Empty>}
      {term && (
        <>
          <section className="panel" aria-labelledby="bd-h">
            <div className="panel-head">
              <h2 id="bd-h">{t("breakdownTitle", { term, by: t(`by_${state.by}`) })}</h2>
              <DownloadLinks endpoint="breakdown" params={bParams} />
            </div>
            <Status q={b} />
            <Chart option={bOption} height={300} label={t("breakdownTitle", { term, by: t(`by_${state.by}`) })} fileName={`wenyuan-breakdown-${state.by}`} />
            {b.data && (
              <div className="table-scroll">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t("group")}</th>
                      <th scope="col" className="num">{t("count")}</th>
                      <th scope="col" className="num">{t("docs")}</th>
                      <th scope="col" className="num">{t("perMillion")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.data.rows.map((r) => (
                      <tr key={r.key}>
                        <td>{keyLabel(r.key)}</td>
                        <td className="num">{fmt(r.count)}</td>
                        <td className="num">
                          {fmt(r.docs)} / {fmt(r.totalDocs)}
                        </td>
                        <td className="num">{fmt(r.perMillion)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="panel" aria-labelledby="trend-h">
            <div className="panel-head">
              <h2 id="trend-h">{t("trendOverYears")}</h2>
              <DownloadLinks endpoint="breakdown" params={yParams} />
            </div>
            <Status q={y} />
            <Chart option={yOption} height={260} label={t("trendOverYears")} fileName="wenyuan-trend" />
          </section>
          <section className="panel" aria-labelledby="coll-h">
            <div className="panel-head">
              <h2 id="coll-h">{t("collocates")}</h2>
              <label className="inline-field">
                <span>{t("measure")}</span>
                <select value={state.measure} onChange={(e) => set({ measure: e.target.value as AnalyticsState["measure"] })}>
                  {MEASURES.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </label>
              <label className="inline-field">
                <span>{t("window")}</span>
                <select value={state.window} onChange={(e) => set({ window: Number(e.target.value) })}>
                  {[2, 3, 5, 8, 10].map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </select>
              </label>
              <DownloadLinks endpoint="collocates" params={cParams} />
            </div>
            <Status q={c} />
            {c.data && (
              <div className="table-scroll tall">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t("term")}</th>
                      <th scope="col" className="num">{t("count")}</th>
                      {MEASURES.map((m) => (
                        <th scope="col" className={`num${m === state.measure ? " is-sorted" : ""}`} key={m}>
                          {m}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {c.data.rows.map((r) => (
                      <tr key={r.term}>
                        <td>{r.term}</td>
                        <td className="num">{fmt(r.count)}</td>
                        {MEASURES.map((m) => (
                          <td className="num" key={m}>
                            {r[m].toFixed(2)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

function Themes({ filters }: { filters: Params }) {
  const { t, label, lang } = useLang();
  const params = { ...filters, by: "sector" };
  const q = useApi("themes", params, themes);
  const option = useMemo(() => {
    const d = q.data;
    if (!d) return heatmap([], [], [], t("per10k"));
    const groups = d.groups.map((g) => g.key);
    const names = d.themes.map((th) => (lang === "zh" ? th.name : th.nameEn));
    const cells = d.cells.map((c) => [groups.indexOf(c.group), d.themes.findIndex((th) => th.id === c.theme), Number(c.per10k.toFixed(2))] as [number, number, number]);
    return heatmap(
      groups.map((g) => label("sector", g)),
      names,
      cells.filter((c) => c[0] >= 0 && c[1] >= 0),
      t("per10k"),
    );
  }, [q.data, lang, t, label]);
  const d = q.data;
  return (
    <section className="panel" aria-labelledby="themes-h">
      <div className="panel-head">
        <h2 id="themes-h">
          {t("tab_themes")} <span className="muted">({t("per10k")})</span>
        </h2>
        <DownloadLinks endpoint="themes" params={params} />
      </div>
      <Status q={q} />
      <Chart option={option} height={Math.max(320, (d?.themes.length ?? 8) * 34 + 90)} label={t("tab_themes")} fileName="wenyuan-themes" />
      {d && (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("theme")}</th>
                {d.groups.map((g) => (
                  <th scope="col" className="num" key={g.key}>
                    {label("sector", g.key)} <span className="muted">({g.docs})</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.themes.map((th) => (
                <tr key={th.id}>
                  <th scope="row" title={th.terms.join("、")}>
                    {lang === "zh" ? th.name : th.nameEn}
                  </th>
                  {d.groups.map((g) => {
                    const cell = d.cells.find((c) => c.theme === th.id && c.group === g.key);
                    return (
                      <td className="num" key={g.key}>
                        {cell ? cell.per10k.toFixed(2) : "—"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Ngrams({ state, filters, set }: { state: AnalyticsState; filters: Params; set: (p: Partial<AnalyticsState>) => void }) {
  const { t, label } = useLang();
  const nParams = { ...filters, n: state.n, limit: 100 };
  const fParams = { ...filters, limit: 50 };
  const n = useApi("ngrams", nParams, ngrams);
  const f = useApi("formulas", fParams, formulas);
  return (
    <>
      <section className="panel" aria-labelledby="ngram-h">
        <div className="panel-head">
          <h2 id="ngram-h">{t("ngram")}</h2>
          <label className="inline-field">
            <span>{t("ngramN")}</span>
            <select value={state.n} onChange={(e) => set({ n: Number(e.target.value) })}>
              {[2, 3, 4, 5, 6].map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <DownloadLinks endpoint="ngrams" params={nParams} />
        </div>
        <Status q={n} />
        {n.data && (
          <div className="table-scroll tall">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("ngram")}</th>
                  <th scope="col" className="num">{t("count")}</th>
                  <th scope="col" className="num">{t("docs")}</th>
                </tr>
              </thead>
              <tbody>
                {n.data.rows.map((r) => (
                  <tr key={r.text}>
                    <td>
                      <Link to={kwicLink(r.text)}>{r.tokens.join(" ")}</Link>
                    </td>
                    <td className="num">{fmt(r.count)}</td>
                    <td className="num">{fmt(r.docs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="formula-h">
        <div className="panel-head">
          <h2 id="formula-h">{t("formulas")}</h2>
          <DownloadLinks endpoint="formulas" params={fParams} />
        </div>
        <Status q={f} />
        {f.data && (
          <div className="table-scroll tall">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("pattern")}</th>
                  <th scope="col" className="num">{t("count")}</th>
                  <th scope="col" className="num">{t("reports")}</th>
                  <th scope="col">{t("sectors")}</th>
                  <th scope="col">{t("fillers")}</th>
                </tr>
              </thead>
              <tbody>
                {f.data.rows.map((r) => (
                  <tr key={r.pattern}>
                    <td className="pattern">{r.pattern}</td>
                    <td className="num">{fmt(r.count)}</td>
                    <td className="num">{fmt(r.reports)}</td>
                    <td>
                      {Object.entries(r.sectors)
                        .map(([s, k]) => `${label("sector", s)} ${k}`)
                        .join(" · ")}
                    </td>
                    <td className="fillers">
                      {r.fillers
                        .map((slot) =>
                          slot
                            .slice(0, 4)
                            .map((x) => `${x.text}(${x.count})`)
                            .join("、"),
                        )
                        .join(" | ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export default function AnalyticsView() {
  const { t } = useLang();
  const [state, setState] = useRouteState<AnalyticsState>(analyticsUrl);
  const counts = useFacetCounts(state.filters);
  const filters = filtersToApi(state.filters);
  return (
    <div className="view view-analytics">
      <div className="tabs" role="tablist" aria-label={t("navAnalytics")}>
        {TABS.map((tab) => (
          <button key={tab} type="button" role="tab" id={`tab-${tab}`} aria-selected={state.tab === tab} aria-controls="tabpanel" onClick={() => setState({ tab })}>
            {t(`tab_${tab}`)}
          </button>
        ))}
      </div>
      <div className="with-facets">
        <FacetPanel filters={state.filters} counts={counts} onChange={(f) => setState({ filters: f })} />
        <div className="results" role="tabpanel" id="tabpanel" aria-labelledby={`tab-${state.tab}`}>
          {state.tab === "words" && <Words state={state} filters={filters} set={setState} />}
          {state.tab === "term" && <Term state={state} filters={filters} set={setState} />}
          {state.tab === "themes" && <Themes filters={filters} />}
          {state.tab === "ngrams" && <Ngrams state={state} filters={filters} set={setState} />}
        </div>
      </div>
    </div>
  );
}

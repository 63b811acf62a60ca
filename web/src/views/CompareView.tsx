// `/compare` — two subcorpora, their keyness table and diverging chart, and a
// term's phrasing by sector.
import { useMemo } from "react";
import { Link } from "react-router";
import { keyness } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { Chart } from "../components/Chart.tsx";
import { DownloadLinks } from "../components/DownloadLinks.tsx";
import { Empty, ErrorBox } from "../components/ErrorBox.tsx";
import { FacetPanel } from "../components/FacetPanel.tsx";
import { Phrasing } from "../components/Phrasing.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useFacetCounts } from "../hooks/useFacetCounts.ts";
import { useRouteState } from "../hooks/useRouteState.ts";
import { divergingBars } from "../lib/chartOptions.ts";
import * as compareUrl from "../state/compare.ts";
import { defaultCompareState, isReady, stateToRoute, toKeynessParams, type CompareState } from "../state/compare.ts";
import type { FacetFilters } from "../state/filters.ts";

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

  return (
    <div className="view view-compare">
      <div className="compare-sides">
        <Side which="a" state={state} set={setState} />
        <Side which="b" state={state} set={setState} />
      </div>
      <section className="panel" aria-labelledby="key-h">
        <div className="panel-head">
          <h2 id="key-h">{t("keyness")}</h2>
          <label className="inline-field">
            <span>{t("minCount")}</span>
            <select value={state.min} onChange={(e) => setState({ min: Number(e.target.value) })}>
              {[...new Set([1, 2, 3, 5, 10, 20, 50, state.min])].sort((a, b) => a - b).map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          {ready && <DownloadLinks endpoint="keyness" params={params} />}
        </div>
        {!ready && (
          <Empty>
            {t("compareHint")} <Link to={`/compare?${example}`}>{t("compareExample")}</Link>
          </Empty>
        )}
        {ready && k.error && <ErrorBox error={k.error} onRetry={() => void k.refetch()} />}
        {ready && !data && !k.error && <p className="muted">{t("loading")}</p>}
        {data && (
          <>
            <p className="muted">{t("keynessTotals", { a: data.totals.a, b: data.totals.b })}</p>
            <Chart option={option} height={560} label={`${t("keyness")}: ${labelA} / ${labelB}`} fileName="wenyuan-keyness" />
            <div className="table-scroll tall">
              <table className="data keyness">
                <thead>
                  <tr>
                    <th scope="col">{t("term")}</th>
                    <th scope="col" className="num">A {t("count")}</th>
                    <th scope="col" className="num">A {t("perMillion")}</th>
                    <th scope="col" className="num">B {t("count")}</th>
                    <th scope="col" className="num">B {t("perMillion")}</th>
                    <th scope="col" className="num">{t("g2")}</th>
                    <th scope="col" className="num">{t("logRatio")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.term} className={r.logRatio >= 0 ? "key-a" : "key-b"}>
                      <td>
                        <button type="button" className="linklike" onClick={() => setState({ term: r.term })}>
                          {r.term}
                        </button>
                      </td>
                      <td className="num">{r.a.count}</td>
                      <td className="num">{r.a.perMillion.toFixed(1)}</td>
                      <td className="num">{r.b.count}</td>
                      <td className="num">{r.b.perMillion.toFixed(1)}</td>
                      <td className="num">{r.g2.toFixed(1)}</td>
                      <td className="num">{r.logRatio.toFixed(2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="phr-h">
        <div className="panel-head">
          <h2 id="phr-h">{t("phrasing")}</h2>
          <SearchBox label={t("term")} name="term" value={state.term} onCommit={(v, o) => setState({ term: v }, o)} />
        </div>
        <Phrasing term={state.term} />
      </section>
    </div>
  );
}

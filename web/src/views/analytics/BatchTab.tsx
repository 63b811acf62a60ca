// Batch queries (/api/batch): a pasted list of terms, one a line (`职代会`, `职代会|职工代表大会`,
// `民主管理: 职代会|职工代表大会`), counted by sector / year / document type / level over the view's
// filters, optionally a second grouping inside the first (then=: term × sector × year). A term × group table whose cells are shaded by their rate per 10k characters (a simple
// heatmap), each cell giving the occurrences and the reports holding the term; CSV of every row.
import { useState } from "react";
import { batch } from "../../api/endpoints.ts";
import { BREAKDOWN_BY } from "../../../../core/api/schema.ts";
import { useLang } from "../../app/lang.tsx";
import type { LabelKind } from "../../app/i18n.ts";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { Empty, QueryError } from "../../components/ErrorBox.tsx";
import { InlineSelect } from "../../components/InlineSelect.tsx";
import { Panel } from "../../components/Panel.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { fmt, type RowOf, type TabProps } from "./shared.ts";

type Row = RowOf<typeof batch>;

export const BATCH_EXAMPLE = "职代会\n民主管理: 职工代表大会|厂务公开\n劳动竞赛\n送温暖|困难职工";

export function BatchTab({ state, filters, set }: TabProps) {
  const { t, label } = useLang();
  const [text, setText] = useState(BATCH_EXAMPLE);
  const [terms, setTerms] = useState("");
  const by = state.by;
  // a second grouping equal to the first is no grouping (the API refuses it)
  const then = state.then && state.then !== by ? state.then : undefined;
  const params = { ...filters, terms, by, ...(then ? { then } : {}) };
  const q = useApi("batch", params, batch, terms.trim() !== "");
  const rows = q.data?.rows ?? [];
  const cellKey = (r: Pick<Row, "key" | "key2">) => (r.key2 === null ? r.key : `${r.key}\u0002${r.key2}`);
  const groups = [...new Map(rows.map((r) => [cellKey(r), r])).values()].map((r) => ({ id: cellKey(r), key: r.key, key2: r.key2 }));
  const cells = new Map(rows.map((r) => [`${r.label}\u0001${cellKey(r)}`, r]));
  const max = Math.max(0, ...rows.map((r) => r.per10k));
  const dimLabel = (d: (typeof BREAKDOWN_BY)[number], k: string) => (d !== "year" ? label(d as LabelKind, k) : /^\d{4}$/.test(k) ? k : t("yearUnknown"));
  const groupLabel = (g: { key: string; key2: string | null }) => dimLabel(by, g.key) + (g.key2 !== null && then ? ` · ${dimLabel(then, g.key2)}` : "");
  const title = then ? t("batchTitle2", { by: t(`by_${by}`), then: t(`by_${then}`) }) : t("batchTitle", { by: t(`by_${by}`) });
  const shade = (r: Row) => (max > 0 && r.per10k > 0 ? `rgba(47, 93, 138, ${(0.08 + 0.72 * (r.per10k / max)).toFixed(3)})` : undefined);
  return (
    <>
      <form
        className="batch-form"
        onSubmit={(e) => {
          e.preventDefault();
          setTerms(text);
        }}
      >
        <label htmlFor="batch-terms">{t("batchTerms")}</label>
        <p className="muted" id="batch-help">
          {t("batchHelp")}
        </p>
        <textarea id="batch-terms" name="terms" rows={8} cols={48} value={text} aria-describedby="batch-help" onChange={(e) => setText(e.target.value)} />
        <div className="panel-head">
          <InlineSelect label={t("breakdownBy")} value={by} options={BREAKDOWN_BY} format={(k) => t(`by_${k}`)} onChange={(b) => set({ by: b, ...(b === state.then ? { then: "" } : {}) })} />
          <InlineSelect label={t("batchThen")} value={then ?? ""} options={["", ...BREAKDOWN_BY.filter((d) => d !== by)] as const} format={(k) => (k ? t(`by_${k}`) : t("batchThenNone"))} onChange={(v) => set({ then: v })} />
          <button type="submit">{t("batchRun")}</button>
        </div>
      </form>
      {!terms.trim() ? (
        <Empty>{t("batchEmpty")}</Empty>
      ) : (
        <Panel id="batch-h" title={title} tools={<DownloadLinks endpoint="batch" params={params} />}>
          <QueryError q={q} />
          {q.data && (
            <div className="table-box">
              <table className="data batch-matrix" aria-label={title}>
                <thead>
                  <tr>
                    <th scope="col">{t("term")}</th>
                    {groups.map((g) => (
                      <th scope="col" className="num" key={g.id}>
                        {groupLabel(g)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {q.data.terms.map((term) => (
                    <tr key={term.label} data-term={term.label}>
                      <th scope="row" title={term.matches.join(" | ")}>
                        {term.label}
                      </th>
                      {groups.map((g) => {
                        const r = cells.get(`${term.label}\u0001${g.id}`);
                        if (!r) return <td key={g.id} />;
                        return (
                          <td key={g.id} className="num" data-group={g.key} data-group2={g.key2 ?? undefined} data-count={r.count} data-docs={r.docs} style={{ background: shade(r), color: max > 0 && r.per10k / max > 0.6 ? "#fff" : undefined }} title={t("batchCell", { count: fmt(r.count), docs: fmt(r.docs), total: fmt(r.totalDocs) })}>
                            {fmt(r.per10k, "per10k")}
                            <br />
                            <small>
                              {fmt(r.count)} · {fmt(r.docs)}/{fmt(r.totalDocs)}
                            </small>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">{t("batchLegend")}</p>
            </div>
          )}
        </Panel>
      )}
    </>
  );
}

// A coded concordance's tools (issue 26 item 3): the categories the researcher types (实指 / 套话 /
// 无关), the save indicator, a filter to one category or the uncoded lines, links to the counts
// without a category, the category cell of each line, and the distribution of the categories by
// sector or year (GET /api/coding-distribution, with its CSV export).
import { useState } from "react";
import { Link } from "react-router";
import { CODING_BY, CODING_MAX_CATEGORIES, UNCODED } from "../../../../core/api/schema.ts";
import { codingDistribution } from "../../api/endpoints.ts";
import { useLang } from "../../app/lang.tsx";
import type { LabelKind } from "../../app/i18n.ts";
import { DownloadLinks } from "../../components/DownloadLinks.tsx";
import { ErrorBox } from "../../components/ErrorBox.tsx";
import { Explain } from "../../components/Explain.tsx";
import { Segmented } from "../../components/Segmented.tsx";
import { useApi } from "../../hooks/useApi.ts";
import { formatNumber } from "../../lib/numbers.ts";
import type { useCoding } from "./useCoding.ts";

type CodingHook = ReturnType<typeof useCoding>;
type Category = { name: string; key?: string };
/** "" = every line; UNCODED = lines without a category; else a category's name */
export type CodingFilter = string;

/** Names typed as "实指 / 套话 / 无关" (slashes, commas, 、 or spaces between). */
export const parseCategories = (text: string): Category[] => [...new Set(text.split(/[/／,，、\s]+/).map((s) => s.trim()).filter(Boolean))].map((name) => ({ name }));

/** The key that assigns each category: its own, else its place (1–9). */
export const keyOf = (c: Category, i: number) => c.key ?? String(i + 1);

export function CodingBar({ coding, filter, onFilter, excludeHref }: { coding: CodingHook; filter: CodingFilter; onFilter: (f: CodingFilter) => void; excludeHref: ((name: string) => string) | null }) {
  const { t } = useLang();
  const c = coding.coding;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const answer = coding.answer.data;
  const stale = new Set(answer?.stale.map((s) => s.line));
  const open = !c || editing;
  const submit = async () => {
    const categories = parseCategories(text).slice(0, CODING_MAX_CATEGORIES);
    if (!categories.length) return;
    try {
      await coding.define(categories);
      setEditing(false);
    } catch {
      // shown by the error box below
    }
  };
  return (
    <section className="coding-bar" aria-labelledby="coding-h" data-coding={c?.id}>
      <h2 id="coding-h" className="coding-title">
        {t("codingTitle")} <Explain id="coding" />
      </h2>
      {open ? (
        <form
          className="coding-define"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="inline-field">
            <span>{t("codingDefineLabel")}</span>
            <input name="categories" value={text} placeholder={t("codingDefinePlaceholder")} onChange={(e) => setText(e.target.value)} maxLength={200} />
          </label>
          <button type="submit" disabled={!parseCategories(text).length}>
            {t("codingDefine")}
          </button>
          {editing && (
            <button type="button" className="link-button" onClick={() => setEditing(false)}>
              {t("codingCancel")}
            </button>
          )}
        </form>
      ) : (
        <>
          <ol className="coding-categories">
            {c.categories.map((x, i) => (
              <li key={x.name} data-category={x.name}>
                <kbd>{keyOf(x, i)}</kbd> {x.name}
              </li>
            ))}
            <li className="muted">
              <kbd>0</kbd> {t("codingUncoded")}
            </li>
          </ol>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setText(c.categories.map((x) => x.name).join(" / "));
              setEditing(true);
            }}
          >
            {t("codingEdit")}
          </button>
          <span className={`coding-status coding-${coding.state}`} data-save={coding.state} role="status">
            {t(coding.state === "saved" ? "codingSaved" : coding.state === "unsaved" ? "codingUnsaved" : coding.state === "saving" ? "codingSaving" : "codingFailed")}
          </span>
          {answer && answer.lines !== null && (
            <span className="muted coding-counts" data-lines={answer.lines}>
              {t("codingCounts", { coded: Object.keys(coding.assignments).filter((k) => !stale.has(k)).length, lines: answer.lines })}
            </span>
          )}
          <label className="inline-field coding-filter">
            <span>{t("codingFilter")}</span>
            <select name="coding-filter" value={filter} onChange={(e) => onFilter(e.target.value)}>
              <option value="">{t("codingFilterAll")}</option>
              {c.categories.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
              <option value={UNCODED}>{t("codingUncoded")}</option>
            </select>
          </label>
          {excludeHref && (
            <span className="coding-exclude">
              {c.categories.map((x) => (
                <Link key={x.name} to={excludeHref(x.name)} data-exclude={x.name}>
                  {t("codingExcludeLink", { name: x.name })} ›
                </Link>
              ))}
            </span>
          )}
          <p className="muted coding-hint">{t("codingHint")}</p>
        </>
      )}
      {answer && answer.stale.length > 0 && (
        <p className="muted coding-stale" data-stale={answer.stale.length}>
          {t("codingStale", { n: answer.stale.length })}
        </p>
      )}
      {coding.error !== null && <ErrorBox error={coding.error} />}
    </section>
  );
}

/** A line's category: a select (for the mouse), the keys doing the same. */
export function CategoryCell({ n, categories, value, onChange }: { n: number; categories: Category[]; value: string | undefined; onChange: (c: string | null) => void }) {
  const { t } = useLang();
  return (
    <select className="kwic-category" value={value ?? ""} data-category={value ?? ""} aria-label={t("codingLineCategory", { n })} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">–</option>
      {categories.map((x, i) => (
        <option key={x.name} value={x.name}>
          {keyOf(x, i)} {x.name}
        </option>
      ))}
    </select>
  );
}

/** Category × group: every line of the concordance (not only the page's), with its CSV export. */
export function CodingDistribution({ id }: { id: string }) {
  const { t, label } = useLang();
  const [by, setBy] = useState<(typeof CODING_BY)[number]>("sector");
  const params = { coding: id, by };
  const q = useApi("coding-distribution", params, codingDistribution);
  const d = q.data;
  const groupName = (k: string) => (by === "sector" ? label("sector" as LabelKind, k) : k === "unknown" ? t("yearUnknown") : k);
  const cats = d ? [...new Set(d.rows.map((r) => r.category))] : [];
  const cell = new Map(d?.rows.map((r) => [`${r.category}\u0001${r.key}`, r]) ?? []);
  return (
    <section className="panel coding-distribution" aria-labelledby="coding-dist-h" data-by={by}>
      <div className="panel-head">
        <h2 id="coding-dist-h">{t("codingDistribution")}</h2>
        <Segmented legend={t("breakdownBy")} name="coding-by" options={CODING_BY} value={by} format={(k) => t(`by_${k}`)} onChange={setBy} />
        <DownloadLinks endpoint="codingDistribution" params={params} />
      </div>
      {q.error && <ErrorBox error={q.error} />}
      {d && (
        <div className="table-scroll">
          <table className="data-table coding-table">
            <thead>
              <tr>
                <th scope="col">{t("codingColumn")}</th>
                {d.groups.map((g) => (
                  <th scope="col" key={g.key} data-group={g.key} className="num">
                    {groupName(g.key)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("codingTotal")}
                </th>
              </tr>
            </thead>
            <tbody>
              {cats.map((c) => {
                const total = d.groups.reduce((n, g) => n + (cell.get(`${c}\u0001${g.key}`)?.lines ?? 0), 0);
                return (
                  <tr key={c} data-category={c}>
                    <th scope="row">{c === UNCODED ? t("codingUncoded") : c}</th>
                    {d.groups.map((g) => {
                      const r = cell.get(`${c}\u0001${g.key}`);
                      return (
                        <td key={g.key} className="num" data-group={g.key} data-lines={r?.lines ?? 0} title={r ? formatNumber(r.share * 100, "per10k") + "%" : undefined}>
                          {formatNumber(r?.lines ?? 0, "count")}
                        </td>
                      );
                    })}
                    <td className="num" data-total={total}>
                      {formatNumber(total, "count")}
                    </td>
                  </tr>
                );
              })}
              <tr className="coding-total-row">
                <th scope="row">{t("codingTotal")}</th>
                {d.groups.map((g) => (
                  <td key={g.key} className="num">
                    {formatNumber(g.lines, "count")}
                  </td>
                ))}
                <td className="num">{formatNumber(d.lines, "count")}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

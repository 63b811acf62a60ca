// How reports phrase a term: its frames (/api/frames) — the verbs before it, the nouns and verbs
// after it, its modifiers, and the variants they make (开展送温暖活动 / 实施送温暖工程) — every
// sector a column, one example each, opened in its report at the sentence; every row lists all
// its sentences, paged. In Compare, one block per subcorpus.
import { useState } from "react";
import { Link } from "react-router";
import { frames } from "../api/endpoints.ts";
import type { Params } from "../api/client.ts";
import { FRAME_SORTS, type FramesResponse } from "../../../core/api/schema.ts";
import type { Sector } from "../../../core/model.ts";
import { useLang } from "../app/lang.tsx";
import { useApi } from "../hooks/useApi.ts";
import { reportHref } from "../state/report.ts";
import { DownloadLinks } from "./DownloadLinks.tsx";
import { DataTable, type Column } from "./DataTable.tsx";
import { Empty, ErrorBox } from "./ErrorBox.tsx";
import { Pagination } from "./Pagination.tsx";
import { Panel } from "./Panel.tsx";
import { SearchBox } from "./SearchBox.tsx";
import { Segmented } from "./Segmented.tsx";

export type FrameSort = (typeof FRAME_SORTS)[number];

type Example = FramesResponse["variants"][number]["example"];
/** the API's default rankMin (core/api/schema.ts FramesQuerySchema) */
const RANK_MIN = 3;
interface Row {
  key: string;
  /** what `pick` selects: `verb:开展`, `variant:开展|活动` */
  pick: string;
  label: string;
  count: number;
  reports: number;
  logDice?: number;
  /** false: fewer occurrences than rankMin, so listed after the logDice-ranked rows */
  ranked?: boolean;
  /** a head verb's prefixed forms counted under it (深入开展 under 开展) */
  forms?: { term: string; count: number }[];
  bySector: Record<string, number>;
  example: Example;
}

/** The sentence with the term in bold and the varying words (collocates) marked. */
export function FrameSentence({ ex }: { ex: Example }) {
  const cuts = new Set([0, ex.text.length, ...ex.termAt, ...ex.marks.flat()]);
  const points = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const text = ex.text.slice(s, e);
    if (s >= ex.termAt[0] && e <= ex.termAt[1]) parts.push(<strong key={i}>{text}</strong>);
    else if (ex.marks.some(([ms, me]) => s >= ms && e <= me)) parts.push(<mark key={i}>{text}</mark>);
    else parts.push(text);
  }
  return <span className="frame-text">{parts}</span>;
}

function ExampleLink({ ex, term }: { ex: Example; term: string }) {
  const { t } = useLang();
  return (
    <Link className="muted frame-src" to={reportHref(ex.reportId, { at: ex.start, end: ex.start + ex.text.length, q: term })} title={t("openAtPlace")} data-at={ex.start}>
      {ex.title}
    </Link>
  );
}

function Lines({ term, params, pick }: { term: string; params: Params; pick: string }) {
  const { t } = useLang();
  const [page, setPage] = useState(1);
  const q = useApi("frames", { ...params, pick, page, perPage: 10 }, frames);
  const lines = q.data?.lines;
  if (q.error) return <ErrorBox error={q.error} onRetry={() => void q.refetch()} />;
  if (!lines) return <p className="muted">{t("loading")}</p>;
  return (
    <div className="frame-lines" data-pick={pick} data-total={lines.total}>
      <ol className="plain" start={(page - 1) * lines.perPage + 1}>
        {lines.rows.map((ex) => (
          <li key={`${ex.reportId}:${ex.start}:${ex.termAt[0]}`}>
            <FrameSentence ex={ex} /> <ExampleLink ex={ex} term={term} />
          </li>
        ))}
      </ol>
      <Pagination page={page} total={lines.total} perPage={lines.perPage} onPage={setPage} />
    </div>
  );
}

function FrameTable({ title, rows, sectors, term, params, kind }: { title: string; rows: Row[]; sectors: string[]; term: string; params: Params; kind: string }) {
  const { t, label } = useLang();
  const [open, setOpen] = useState<string | null>(null);
  const columns: Column<Row>[] = [
    {
      key: "label",
      header: kind === "variant" ? t("variants") : t("collocate"),
      rowHeader: true,
      cell: (r) => (
        <>
          <button type="button" className="linklike" aria-expanded={open === r.pick} data-pick={r.pick} onClick={() => setOpen(open === r.pick ? null : r.pick)}>
            {r.label}
          </button>
          {!!r.forms?.length && (
            <small className="muted frame-forms" title={t("verbFormsTitle")}>
              {r.forms.map((f, i) => (
                <span key={f.term} className="frame-form" data-term={f.term} data-count={f.count}>
                  {i === 0 && t("verbForms")}
                  {f.term} {f.count}
                </span>
              ))}
            </small>
          )}
        </>
      ),
    },
    { key: "count", header: t("count"), num: true, cell: (r) => r.count },
    { key: "reports", header: t("reports"), num: true, cell: (r) => r.reports },
    ...(kind === "variant" ? [] : [{ key: "logDice", header: "logDice", num: true, cell: (r: Row) => (r.ranked === false ? <span className="muted" title={t("unranked", { n: RANK_MIN })}>{r.logDice?.toFixed(1)}</span> : r.logDice?.toFixed(1)) } satisfies Column<Row>]),
    ...sectors.map(
      (s): Column<Row> => ({
        key: s,
        header: label("sector", s as Sector),
        num: true,
        className: "frame-sector",
        cell: (r) => (r.bySector[s] ? r.bySector[s] : <span className="muted" aria-label="0">·</span>),
      }),
    ),
    {
      key: "example",
      header: t("example"),
      className: "frame-example",
      cell: (r) => (
        <>
          <FrameSentence ex={r.example} /> <ExampleLink ex={r.example} term={term} />
        </>
      ),
    },
  ];
  return (
    <section className="frame-table" data-relation={kind}>
      <h3>{title}</h3>
      <DataTable columns={columns} rows={rows} rowKey={(r) => r.key} />
      {open && (
        <div className="frame-open">
          <p>
            <strong>{rows.find((r) => r.pick === open)?.label}</strong> · {t("allSentences", { n: rows.find((r) => r.pick === open)?.count ?? 0 })}{" "}
            <button type="button" className="linklike" onClick={() => setOpen(null)}>
              {t("hideSentences")}
            </button>
          </p>
          <Lines term={term} params={params} pick={open} />
        </div>
      )}
    </section>
  );
}

/** The frames of `term` in the subcorpus `filters`; `scope` says in words which selection that is.
 *  `sort`: the rows' order (count on the writing page, logDice elsewhere); `onSort` shows the switch. */
export function Phrasing({ term, filters = {}, title, scope, sort, onSort }: { term: string; filters?: Params; title?: string; scope?: string; sort?: FrameSort; onSort?: (s: FrameSort) => void }) {
  const { t } = useLang();
  const params = { ...filters, term: term.trim(), limit: 15, sort };
  const q = useApi("frames", params, frames, term.trim() !== "");
  if (!term.trim()) return <Empty>{t("phrasingHint")}</Empty>;
  if (q.error) return <ErrorBox error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <p className="muted">{t("loading")}</p>;
  const d = q.data;
  const relRows = (name: string): Row[] =>
    (d.relations.find((r) => r.name === name)?.rows ?? []).map((r) => ({ key: r.word, pick: `${name}:${r.word}`, label: r.word, count: r.count, reports: r.reports, logDice: r.logDice, ranked: r.ranked, forms: r.variants, bySector: r.bySector, example: r.example }));
  const variants: Row[] = d.variants.map((v) => ({ key: v.pattern, pick: `variant:${v.verb ?? ""}|${v.after ?? ""}`, label: v.pattern, count: v.count, reports: v.reports, bySector: v.bySector, example: v.example }));
  return (
    <div className="phrasing frames" data-term={d.term} data-occurrences={d.occurrences}>
      <div className="panel-head">
        {title && <h3>{title}</h3>}
        <p className="muted">{t("framesTotal", { term: d.term, occurrences: d.occurrences, reports: d.reports })}</p>
        {scope && <p className="muted frames-scope">{t("framesScope", { selection: scope })}</p>}
        {sort && onSort && <Segmented legend={t("framesSort")} name="frames-sort" options={FRAME_SORTS} value={sort} onChange={onSort} format={(v) => t(`framesSort_${v}`)} />}
        <DownloadLinks endpoint="frames" params={params} />
      </div>
      <p className="muted frame-legend">
        <mark>{t("collocate")}</mark> <strong>{d.term}</strong> — {t("framesLegend")}
      </p>
      <FrameTable title={t("variants")} rows={variants} sectors={d.sectors} term={d.term} params={params} kind="variant" />
      <FrameTable title={t("rel_verb")} rows={relRows("verb")} sectors={d.sectors} term={d.term} params={params} kind="verb" />
      <FrameTable title={t("rel_after")} rows={relRows("after")} sectors={d.sectors} term={d.term} params={params} kind="after" />
      <FrameTable title={t("rel_modifier")} rows={relRows("modifier")} sectors={d.sectors} term={d.term} params={params} kind="modifier" />
    </div>
  );
}

/** A section with a term box and that term's frames (write), one block per side (compare: A and B). */
export function PhrasingPanel({
  id,
  term,
  onTerm,
  sides,
  filters,
  scope,
  sort,
  onSort,
}: {
  id: string;
  term: string;
  onTerm: (term: string, options: { replace: boolean }) => void;
  sides?: { label: string; filters: Params }[];
  /** one block: the page's selection (write), and its description */
  filters?: Params;
  scope?: string;
  sort?: FrameSort;
  onSort?: (s: FrameSort) => void;
}) {
  const { t } = useLang();
  return (
    <Panel id={id} title={t("phrasing")} tools={<SearchBox label={t("term")} name="term" value={term} onCommit={onTerm} />}>
      {sides && term.trim() ? (
        <div className="frames-sides">
          {sides.map((s) => (
            <Phrasing key={s.label} term={term} filters={s.filters} title={s.label} />
          ))}
        </div>
      ) : (
        <Phrasing term={term} filters={filters} scope={scope} sort={sort} onSort={onSort} />
      )}
    </Panel>
  );
}

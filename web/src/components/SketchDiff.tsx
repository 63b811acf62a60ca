// Sketch difference (/api/sketchdiff): a term's frames in two subcorpora (Compare) or two terms'
// frames in one (Write: 职代会 vs 教代会), one table per relation — each collocate's count and
// logDice on side A and side B, their difference, and each side's best example — rows coloured by
// the side that prefers them (A green, B purple, shaded by how much; white: both), listed from
// A-preferred to B-preferred.
import { sketchdiff } from "../api/endpoints.ts";
import type { Params } from "../api/client.ts";
import type { SketchDiffResponse } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";
import { useApi } from "../hooks/useApi.ts";
import { DataTable, type Column } from "./DataTable.tsx";
import { DownloadLinks } from "./DownloadLinks.tsx";
import { ErrorBox } from "./ErrorBox.tsx";
import { FrameSentence } from "./Phrasing.tsx";
import { Link } from "react-router";
import { reportHref } from "../state/report.ts";

type Row = SketchDiffResponse["relations"][number]["rows"][number];
type Example = NonNullable<Row["exampleA"]>;
/** the API's default rankMin (core/api/schema.ts SketchDiffQuerySchema) */
const RANK_MIN = 3;

/** shade: 1 for a difference of 1–3 logDice points, 2 for 3–6, 3 beyond; an unranked row (rare on both
 *  sides, its logDice high by chance) never deeper than 1 */
const shade = (r: Row) => (r.side === "both" ? "sd-both" : `sd-${r.side} sd-${r.side}-${!r.ranked ? 1 : Math.abs(r.diff) >= 6 ? 3 : Math.abs(r.diff) >= 3 ? 2 : 1}`);

function Ex({ ex, side }: { ex: Example | null; side: "a" | "b" }) {
  const { t } = useLang();
  if (!ex) return <span className="muted" aria-label={t("sketchNone")}>—</span>;
  return (
    <span className="sd-example" data-side={side} data-report={ex.reportId}>
      <FrameSentence ex={ex} />{" "}
      <Link className="muted frame-src" to={reportHref(ex.reportId, { at: ex.start, end: ex.start + ex.text.length, q: ex.text.slice(...ex.termAt) })} title={t("openAtPlace")} data-at={ex.start}>
        {ex.title}
      </Link>
    </span>
  );
}

const forms = (fs: Row["formsA"]) => fs.map((f) => `${f.term} ${f.count}`).join("、");

export function SketchDiff({ params, labelA, labelB }: { params: Params; labelA: string; labelB: string }) {
  const { t } = useLang();
  const q = useApi("sketchdiff", params, sketchdiff);
  if (q.error) return <ErrorBox error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <p className="muted">{t("loading")}</p>;
  const d = q.data;
  const fig = (x: number | null) => (x === null ? <span className="muted">—</span> : x.toFixed(1));
  const columns: Column<Row>[] = [
    {
      key: "word",
      header: t("collocate"),
      rowHeader: true,
      cell: (r) => (
        <>
          <span className="sd-word">{r.word}</span>
          {(r.formsA.length > 0 || r.formsB.length > 0) && (
            <small className="muted frame-forms" title={t("verbFormsTitle")}>
              {r.formsA.length > 0 && <span className="frame-form">A {t("verbForms")}{forms(r.formsA)}</span>}
              {r.formsB.length > 0 && <span className="frame-form">B {t("verbForms")}{forms(r.formsB)}</span>}
            </small>
          )}
        </>
      ),
    },
    { key: "countA", header: `A ${t("count")}`, num: true, className: "sd-count-a", cell: (r) => r.countA },
    { key: "countB", header: `B ${t("count")}`, num: true, className: "sd-count-b", cell: (r) => r.countB },
    { key: "logDiceA", header: "A logDice", num: true, cell: (r) => fig(r.logDiceA) },
    { key: "logDiceB", header: "B logDice", num: true, cell: (r) => fig(r.logDiceB) },
    {
      key: "diff",
      header: t("sketchDiffCol"),
      num: true,
      sorted: true,
      explain: "sketchdiff",
      cell: (r) => <span title={r.ranked ? undefined : t("sketchRare", { n: RANK_MIN })} className={r.ranked ? undefined : "muted"}>{(r.diff > 0 ? "+" : "") + r.diff.toFixed(1)}</span>,
    },
    { key: "exA", header: t("sketchExampleA"), className: "frame-example", cell: (r) => <Ex ex={r.exampleA} side="a" /> },
    { key: "exB", header: t("sketchExampleB"), className: "frame-example", cell: (r) => <Ex ex={r.exampleB} side="b" /> },
  ];
  return (
    <div className="sketch-diff" data-contrast={d.contrast} data-a-occurrences={d.a.occurrences} data-b-occurrences={d.b.occurrences}>
      <div className="panel-head">
        <p className="muted sd-totals">
          <span className="sd-key sd-a sd-a-2">A</span> {labelA !== d.a.term && <>{labelA} · </>}{t("framesTotal", { term: d.a.term, occurrences: d.a.occurrences, reports: d.a.reports })}
          <br />
          <span className="sd-key sd-b sd-b-2">B</span> {labelB !== d.b.term && <>{labelB} · </>}{t("framesTotal", { term: d.b.term, occurrences: d.b.occurrences, reports: d.b.reports })}
        </p>
        <DownloadLinks endpoint="sketchdiff" params={params} />
      </div>
      <p className="muted sd-legend">
        <span className="sd-key sd-a sd-a-2">{t("sketchPrefA")}</span> <span className="sd-key sd-both">{t("sketchPrefBoth")}</span> <span className="sd-key sd-b sd-b-2">{t("sketchPrefB")}</span> — {t("sketchLegend")}
      </p>
      {d.relations.map((rel) => (
        <section key={rel.name} className="frame-table sd-table" data-relation={rel.name}>
          <h3>
            {t(`rel_${rel.name}`)} <span className="muted">(A {rel.totalA} · B {rel.totalB})</span>
          </h3>
          <DataTable columns={columns} rows={rel.rows} rowKey={(r) => r.word} rowClassName={shade} label={`${t("sketchDiff")}: ${t(`rel_${rel.name}`)}`} />
        </section>
      ))}
    </div>
  );
}

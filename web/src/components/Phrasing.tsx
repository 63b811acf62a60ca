// Phrasing variants of a term: clusters of sentences sharing a pattern, shown
// side by side by sector; the parts that differ between variants are marked.
import { Link } from "react-router";
import { phrasing } from "../api/endpoints.ts";
import { SECTORS } from "../../../core/api/schema.ts";
import type { PhrasingResponse } from "../../../core/api/schema.ts";
import { useLang } from "../app/lang.tsx";
import { useApi } from "../hooks/useApi.ts";
import { reportHref } from "../state/report.ts";
import { DataTable, type Column } from "./DataTable.tsx";
import { DownloadLinks } from "./DownloadLinks.tsx";
import { Empty, ErrorBox } from "./ErrorBox.tsx";
import { Highlight } from "./Highlight.tsx";
import { Panel } from "./Panel.tsx";
import { SearchBox } from "./SearchBox.tsx";
import type { Params } from "../api/client.ts";

type Cluster = PhrasingResponse["clusters"][number];
type Example = Cluster["examples"][number];

function ExampleText({ ex, term }: { ex: Example; term: string }) {
  return (
    <li>
      <span className="phr-text">
        <Highlight text={ex.text} marks={ex.marks} />
      </span>{" "}
      <Link className="muted phr-src" to={reportHref(ex.reportId, { q: term })}>
        {ex.title}
      </Link>
    </li>
  );
}

export function Phrasing({ term, filters = {} }: { term: string; filters?: Params }) {
  const { t, label } = useLang();
  const params = { ...filters, term: term.trim(), limit: 20 };
  const q = useApi("phrasing", params, phrasing, term.trim() !== "");
  if (!term.trim()) return <Empty>{t("phrasingHint")}</Empty>;
  if (q.error) return <ErrorBox error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <p className="muted">{t("loading")}</p>;
  const d = q.data;
  const sectors = SECTORS.filter((s) => d.clusters.some((c) => (c.sectors[s] ?? 0) > 0));
  const columns: Column<Cluster>[] = [
    {
      key: "pattern",
      header: t("pattern"),
      rowHeader: true,
      className: "pattern",
      cell: (c) => (
        <>
          {c.pattern}
          <div className="muted">
            {t("reports")} {c.reports}
          </div>
        </>
      ),
    },
    ...sectors.map(
      (s): Column<Cluster> => ({
        key: s,
        header: label("sector", s),
        cell: (c) => (
          <>
            {(c.sectors[s] ?? 0) > 0 && <span className="facet-count">{c.sectors[s]}</span>}
            <ul className="plain phr-examples">
              {c.examples
                .filter((e) => e.sector === s)
                .slice(0, 3)
                .map((ex, i) => (
                  <ExampleText key={i} ex={ex} term={d.term} />
                ))}
            </ul>
          </>
        ),
      }),
    ),
  ];
  return (
    <div className="phrasing">
      <div className="panel-head">
        <p className="muted">{t("phrasingTotal", { total: d.total })}</p>
        <DownloadLinks endpoint="phrasing" params={params} />
      </div>
      <DataTable columns={columns} rows={d.clusters} rowKey={(c) => c.pattern} className="phrasing-table" />
    </div>
  );
}

/** A section with a term box and that term's phrasing variants (compare, write). */
export function PhrasingPanel({ id, term, onTerm }: { id: string; term: string; onTerm: (term: string, options: { replace: boolean }) => void }) {
  const { t } = useLang();
  return (
    <Panel id={id} title={t("phrasing")} tools={<SearchBox label={t("term")} name="term" value={term} onCommit={onTerm} />}>
      <Phrasing term={term} />
    </Panel>
  );
}

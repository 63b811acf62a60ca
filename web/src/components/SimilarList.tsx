// Corpus sentences close to a given text, each with its sector, report and year, the words it
// shares with that text marked.
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { similar } from "../api/endpoints.ts";
import { reportHref } from "../state/report.ts";
import { SectorChip } from "./Chips.tsx";
import { Highlight } from "./Highlight.tsx";

type Row = Awaited<ReturnType<typeof similar>>["rows"][number];

export function SimilarList({ rows, extra }: { rows: readonly Row[]; extra?: (row: Row) => ReactNode }) {
  return (
    <ol className="similar-list">
      {rows.map((row) => (
        <li key={`${row.reportId}:${row.start}`}>
          <p className="similar-text">
            <Highlight text={row.text} marks={row.marks} />
          </p>
          <p className="muted">
            <SectorChip sector={row.sector} /> <Link to={reportHref(row.reportId, { at: row.start, end: row.start + row.text.length })}>{row.title}</Link> {row.year ?? ""}
            {extra?.(row)}
          </p>
        </li>
      ))}
    </ol>
  );
}

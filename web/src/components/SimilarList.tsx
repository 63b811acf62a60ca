// Corpus sentences close to a given text, each with its sector, report and year.
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { similar } from "../api/endpoints.ts";
import { reportHref } from "../state/report.ts";
import { SectorChip } from "./Chips.tsx";

type Row = Awaited<ReturnType<typeof similar>>["rows"][number];

export function SimilarList({ rows, extra }: { rows: readonly Row[]; extra?: (row: Row) => ReactNode }) {
  return (
    <ol className="similar-list">
      {rows.map((row) => (
        <li key={`${row.reportId}:${row.start}`}>
          <p>{row.text}</p>
          <p className="muted">
            <SectorChip sector={row.sector} /> <Link to={reportHref(row.reportId, { at: row.start, end: row.start + row.text.length })}>{row.title}</Link> {row.year ?? ""}
            {extra?.(row)}
          </p>
        </li>
      ))}
    </ol>
  );
}

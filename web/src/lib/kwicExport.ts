// The concordance lines a researcher selected, as CSV (UTF-8 with a BOM so Excel reads Chinese;
// cells that a spreadsheet would run as formulas are prefixed with ').
import { KWIC_CSV_COLUMNS } from "../../../core/api/kwicColumns.ts";
import type { KwicResponse } from "../../../core/api/schema.ts";

type Line = KwicResponse["lines"][number];

/** A cell as the server's export writes it (server/analytics/csv.ts): numbers as they are, text neutralised and quoted. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The lines with the full export's columns (core/api/kwicColumns.ts), in its order. */
export function kwicLinesCsv(lines: readonly Line[]): string {
  const rows = [KWIC_CSV_COLUMNS.map((c) => cell(c.header)).join(","), ...lines.map((l) => KWIC_CSV_COLUMNS.map((c) => cell(l[c.key])).join(","))];
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}

/** A stable key for a line: the report and where its match starts. */
export const lineKey = (l: Pick<Line, "reportId" | "offset">) => `${l.reportId}:${l.offset}`;

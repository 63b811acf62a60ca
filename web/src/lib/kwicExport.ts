// The concordance lines a researcher selected, as CSV (UTF-8 with a BOM so Excel reads Chinese;
// cells that a spreadsheet would run as formulas are prefixed with ').
import type { KwicResponse } from "../../../core/api/schema.ts";

type Line = KwicResponse["lines"][number];

const COLUMNS: [keyof Line, string][] = [
  ["reportId", "reportId"],
  ["title", "title"],
  ["sector", "sector"],
  ["year", "year"],
  ["docType", "docType"],
  ["left", "left"],
  ["match", "match"],
  ["right", "right"],
  ["offset", "offset"],
];

function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function kwicLinesCsv(lines: readonly Line[]): string {
  const rows = [COLUMNS.map(([, h]) => h).join(","), ...lines.map((l) => COLUMNS.map(([k]) => cell(l[k])).join(","))];
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}

/** A stable key for a line: the report and where its match starts. */
export const lineKey = (l: Pick<Line, "reportId" | "offset">) => `${l.reportId}:${l.offset}`;

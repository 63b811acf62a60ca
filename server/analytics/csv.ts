// CSV for exports: RFC 4180 quoting, CRLF line ends, and a UTF-8 BOM so Excel on a Chinese
// Windows opens it as UTF-8 instead of GBK. O(output size).
//
// A text cell that begins with = + - @ (or a tab or carriage return) is one a spreadsheet runs as a
// formula (CSV injection, OWASP): it is written with a leading apostrophe. Numbers stay numbers, so
// a negative G² or log ratio is still -3.2.
//
// An export (GET /api/export/{name}) begins and ends with comment lines ("# …") that carry its
// provenance; readers skip them with one option (pandas comment='#', R comment.char='#', DuckDB
// comment='#'). pandas and R also cut a data line at an unquoted #, so every cell holding a # is
// quoted: inside quotes all three keep it.

export function toCsv(rows: readonly object[], columns: { key: string; header: string }[]): string {
  let out = "\uFEFF" + csvHeader(columns);
  for (const row of rows) out += csvLine(row, columns);
  return out;
}

export function csvHeader(columns: readonly { header: string }[]): string {
  return columns.map((c) => field(c.header)).join(",") + "\r\n";
}

export function csvLine(row: object, columns: readonly { key: string }[]): string {
  return columns.map((c) => field((row as Record<string, unknown>)[c.key])).join(",") + "\r\n";
}

/** Comment lines ("# text"), one per entry; a line break inside an entry becomes a space so it cannot start a data line. */
export function csvComments(lines: readonly string[]): string {
  return lines.map((l) => `# ${l.replace(/[\r\n]+/g, " ")}\r\n`).join("");
}

function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let s = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

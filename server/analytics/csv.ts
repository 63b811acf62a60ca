// CSV for exports: RFC 4180 quoting, CRLF line ends, and a UTF-8 BOM so Excel on a Chinese
// Windows opens it as UTF-8 instead of GBK. O(output size).

export function toCsv(rows: readonly object[], columns: { key: string; header: string }[]): string {
  const lines = [columns.map((c) => field(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => field((row as Record<string, unknown>)[c.key])).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Minimal RFC 4180 reader for tests that read the product's CSV exports.

/** The records of a CSV text. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      out.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return out;
}

/**
 * An export's CSV (GET /api/export/{name}): the BOM dropped, the "# " comment lines (a line that
 * begins with # outside a quoted cell) set apart from the records, as pandas comment="#" reads it.
 */
export function parseExportCsv(text: string): { comments: string[]; records: string[][] } {
  const body = text.replace(/^\uFEFF/, "");
  const comments: string[] = [];
  let data = "";
  let quoted = false;
  let i = 0;
  while (i < body.length) {
    if (!quoted && body[i] === "#") {
      const end = body.indexOf("\r\n", i);
      comments.push(body.slice(i, end < 0 ? body.length : end).replace(/^# ?/, ""));
      i = end < 0 ? body.length : end + 2;
      continue;
    }
    // one physical line; a quote flips whether the next line continues a cell
    const end = body.indexOf("\r\n", i);
    const line = body.slice(i, end < 0 ? body.length : end + 2);
    for (const c of line) if (c === '"') quoted = !quoted;
    data += line;
    i = end < 0 ? body.length : end + 2;
  }
  return { comments, records: parseCsv(data) };
}

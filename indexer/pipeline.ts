// The pure part of the indexer: page texts → finished reports.
//   clean → split → dedupe → classify → outline
// No I/O: reading happens before (read.ts), segmentation and loading after (segment.ts, load.ts).
import { classify } from "./classify.ts";
import { clean } from "./clean.ts";
import { dedupe } from "./dedupe.ts";
import { outline } from "./outline.ts";
import { split } from "./split.ts";
import type { ParagraphSpan, Piece, Report } from "../core/model.ts";

export interface PageInput {
  source: string;
  /** content hash of the file's bytes (the caller computes it) */
  parentId: string;
  text: string;
}

export function buildReports(inputs: PageInput[]): { reports: Report[]; warnings: string[] } {
  const warnings: string[] = [];
  const pieces: (Piece & { text: string })[] = [];
  for (const input of inputs) {
    const paragraphs = clean(input.text);
    const found = split(paragraphs, { source: input.source, parentId: input.parentId });
    if (!found.some((p) => p.kind === "report")) warnings.push(`${input.source}: no report found`);
    for (const piece of found) pieces.push({ ...piece, text: piece.paragraphs.map((p) => p.text).join("\n") });
  }

  const links = dedupe(pieces);
  const reports = pieces.map((piece): Report => {
    const { text } = piece;
    // A report without a title line of its own is classified on its text alone (its year is a
    // year its text names). The page's title, which for a compilation carries the compilation's
    // year ("2023关于工会工作报告"), only tells the document type when the report says nothing.
    const meta = classify(piece.genericTitle ? "" : piece.title, text, { pageTitle: piece.pageTitle });
    const truncated = piece.paragraphs.filter((p) => p.truncated).length;
    if (truncated) warnings.push(`${piece.source}#${piece.piece}: ${truncated} truncated paragraph(s)`);
    return {
      ...meta,
      id: piece.id,
      parentId: piece.parentId,
      source: piece.source,
      piece: piece.piece,
      kind: piece.kind,
      title: piece.title,
      pageTitle: piece.pageTitle,
      text,
      paragraphs: spans(piece),
      sections: piece.kind === "report" ? outline(text) : [],
      duplicateOf: links.duplicateOf.get(piece.id) ?? null,
      duplicates: links.duplicates.get(piece.id) ?? [],
      // JS string length (UTF-16 code units), the same unit as every offset in `paragraphs` and `sections`.
      chars: text.length,
    };
  });
  return { reports, warnings };
}

function spans(piece: Piece): ParagraphSpan[] {
  const out: ParagraphSpan[] = [];
  let start = 0;
  for (const p of piece.paragraphs) {
    out.push({ start, end: start + p.text.length, truncated: p.truncated });
    start += p.text.length + 1;
  }
  return out;
}

// The table a person reads at the end of `npm run index`.
import { printable } from "../core/text/printable.ts";
import type { IndexSummary } from "./run.ts";

function row(label: string, value: string | number): string {
  return `  ${label.padEnd(18)} ${value}`;
}

function dist(d: Record<string, number>): string {
  return Object.entries(d)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${v}`)
    .join(" · ");
}

export function formatSummary(s: IndexSummary): string {
  const lines = [
    `Indexing summary (${s.mode === "unchanged" ? "nothing changed" : s.mode === "incremental" ? "only what changed" : "everything rebuilt"}; generation ${s.generation})`,
    row("files read", s.filesRead),
    ...(s.added.length ? [row("added/updated", s.added.length), ...s.added.slice(0, 50).map((p) => `      ${printable(p)}`)] : []),
    ...(s.removed.length ? [row("removed", s.removed.length), ...s.removed.map((p) => `      ${printable(p)}`)] : []),
    ...(s.copies.length ? [row("identical copies", s.copies.length), ...s.copies.map((c) => `      ${printable(c.source)} = ${printable(c.copyOf)}`)] : []),
    row("files skipped", s.filesSkipped.length),
    ...s.filesSkipped.map((f) => `      ${printable(f.source)} — ${printable(f.reason)}`),
    row("reports", s.reports),
    row("excerpts", s.excerpts),
    row("duplicate groups", `${s.duplicateGroups} (${s.duplicates} copies linked to a canonical report)`),
    row("passages", s.passages),
    row("characters", s.chars),
    row("by sector", dist(s.bySector)),
    row("by docType", dist(s.byDocType)),
    row("by year", dist(s.byYear)),
    row("warnings", s.warnings.length),
    ...s.warnings.slice(0, 20).map((w) => `      ${printable(w)}`),
    row("time", `${s.seconds.toFixed(2)} s`),
  ];
  return lines.join("\n");
}

// Corrections a researcher made to a report's metadata (sector, year, document type, level,
// title). Kept in their own file, data/corrections.json, apart from the store: they survive every
// reindex, can be exported and edited, and the classifier's own answer (with its evidence) stays
// in the store to compare. Applied wherever a report's metadata is read: the Meilisearch documents
// the indexer writes, and the corpus the server loads.
//
// A correction belongs to a report in the corpus: when its report leaves (its source removed, or
// reindexed so the id is gone) the indexer retires it — moved to `retired` in the same file, and a
// "retire" entry in the history — so it is neither listed as active nor re-applied when the same
// bytes (the same id) come back; undoing that history entry restores it. Every write appends one
// entry per field changed to data/corrections-history.jsonl (who, old → new), the record undo reads.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CORRECTABLE_FIELDS, CorrectionHistoryEntrySchema, CorrectionSchema, RetiredCorrectionSchema, type Correction, type CorrectionHistoryEntry } from "./api/schema.ts";
import type { Report } from "./model.ts";
import { writeAtomic } from "./atomicWrite.ts";

export type { Correction, CorrectionHistoryEntry };
export const CORRECTABLE = CORRECTABLE_FIELDS;
export type CorrectableField = (typeof CORRECTABLE)[number];

const FileSchema = z.object({
  version: z.literal(1),
  reports: z.record(z.string(), CorrectionSchema.extend({ at: z.string() })),
  retired: z.array(RetiredCorrectionSchema).optional(),
});
export type Corrections = z.infer<typeof FileSchema>["reports"];
export type RetiredCorrection = z.infer<typeof RetiredCorrectionSchema>;

export const correctionsPath = (dataDir: string) => join(dataDir, "corrections.json");

export class CorrectionsError extends Error {
  override name = "CorrectionsError";
}

function readFile(dataDir: string): z.infer<typeof FileSchema> {
  const path = correctionsPath(dataDir);
  if (!existsSync(path)) return { version: 1, reports: {} };
  const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new CorrectionsError(`data/corrections.json is not a corrections file: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** The active corrections: those applied. */
export function readCorrections(dataDir: string): Corrections {
  return readFile(dataDir).reports;
}

/** Corrections of reports that left the corpus, oldest retirement first. */
export function readRetired(dataDir: string): RetiredCorrection[] {
  return readFile(dataDir).retired ?? [];
}

/** Written to a temporary file and renamed: a crash leaves the old file or the new, never half. `retired` default: kept as it is. */
export function writeCorrections(dataDir: string, reports: Corrections, retired: RetiredCorrection[] = readRetired(dataDir)): void {
  const path = correctionsPath(dataDir);
  writeAtomic(path, JSON.stringify({ version: 1, reports, retired }, null, 2) + "\n");
}

export const historyPath = (dataDir: string) => join(dataDir, "corrections-history.jsonl");

/** Every history entry, oldest first (a damaged line is a CorrectionsError naming it, never skipped). */
export function readHistory(dataDir: string): CorrectionHistoryEntry[] {
  const path = historyPath(dataDir);
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = CorrectionHistoryEntrySchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new CorrectionsError(`data/corrections-history.jsonl line ${i + 1} is not a history entry: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      return parsed.data;
    });
}

/** Appends entries, numbering them after the last; returns them numbered. Call under the data folder's write lock. */
export function appendHistory(dataDir: string, entries: Omit<CorrectionHistoryEntry, "seq">[]): CorrectionHistoryEntry[] {
  if (!entries.length) return [];
  const last = readHistory(dataDir).at(-1)?.seq ?? 0;
  const numbered = entries.map((e, i) => ({ seq: last + 1 + i, ...e }));
  appendFileSync(historyPath(dataDir), numbered.map((e) => JSON.stringify(e) + "\n").join(""), { mode: 0o600 });
  return numbered;
}

/**
 * Retires the corrections of reports not in `present` (the ids of the store just committed): moved
 * to `retired`, one "retire" history entry per field. `reasonOf` says why for an id (its source
 * removed, …). Call under the write lock. Returns the ids retired.
 */
export function retireCorrections(dataDir: string, present: ReadonlySet<string>, who: string, reasonOf: (id: string) => string): string[] {
  const file = readFile(dataDir);
  const gone = Object.keys(file.reports).filter((id) => !present.has(id));
  if (!gone.length) return [];
  const at = new Date().toISOString();
  const write = `retire-${at}`;
  const retired = [...(file.retired ?? [])];
  const kept = { ...file.reports };
  const entries: Omit<CorrectionHistoryEntry, "seq">[] = [];
  for (const id of gone) {
    const c = kept[id];
    delete kept[id];
    const reason = reasonOf(id);
    retired.push({ id, correction: c, retiredAt: at, reason });
    for (const field of CORRECTABLE) {
      if (c[field] === undefined) continue;
      entries.push({ at, who, action: "retire", write, report: id, field, from: c[field], to: null, fromCorrected: true, toCorrected: false, reason });
    }
  }
  // the history first: a crash between the two leaves a retire entry for a correction still active, never a correction silently gone
  appendHistory(dataDir, entries);
  writeCorrections(dataDir, kept, retired);
  return gone;
}

/** The report with its corrections applied (a copy; the classifier's fields stay in `original`). */
export function corrected(report: Report, corrections: Corrections): Report {
  const c = corrections[report.id];
  if (!c) return report;
  const out = { ...report };
  for (const field of CORRECTABLE) if (c[field] !== undefined) (out as Record<string, unknown>)[field] = c[field];
  return out;
}

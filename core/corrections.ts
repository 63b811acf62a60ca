// Corrections a researcher made to a report's metadata (sector, year, document type, level,
// title). Kept in their own file, data/corrections.json, apart from the store: they survive every
// reindex, can be exported and edited, and the classifier's own answer (with its evidence) stays
// in the store to compare. Applied wherever a report's metadata is read: the Meilisearch documents
// the indexer writes, and the corpus the server loads.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CorrectionSchema, type Correction } from "./api/schema.ts";
import type { Report } from "./model.ts";

export type { Correction };
export const CORRECTABLE = ["sector", "year", "docType", "level", "title"] as const;

const FileSchema = z.object({
  version: z.literal(1),
  reports: z.record(z.string(), CorrectionSchema.extend({ at: z.string() })),
});
export type Corrections = z.infer<typeof FileSchema>["reports"];

export const correctionsPath = (dataDir: string) => join(dataDir, "corrections.json");

export class CorrectionsError extends Error {
  override name = "CorrectionsError";
}

export function readCorrections(dataDir: string): Corrections {
  const path = correctionsPath(dataDir);
  if (!existsSync(path)) return {};
  const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new CorrectionsError(`data/corrections.json is not a corrections file: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data.reports;
}

/** Written to a temporary file and renamed: a crash leaves the old file or the new, never half. */
export function writeCorrections(dataDir: string, reports: Corrections): void {
  const path = correctionsPath(dataDir);
  writeFileSync(`${path}.tmp`, JSON.stringify({ version: 1, reports }, null, 2) + "\n", { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/** The report with its corrections applied (a copy; the classifier's fields stay in `original`). */
export function corrected(report: Report, corrections: Corrections): Report {
  const c = corrections[report.id];
  if (!c) return report;
  const out = { ...report };
  for (const field of CORRECTABLE) if (c[field] !== undefined) (out as Record<string, unknown>)[field] = c[field];
  return out;
}

// Saved queries: a name, the view and its URL parameters, the count when saved, who and when. Kept in
// data/queries.json beside the corrections, apart from the store, so they survive restarts and
// every reindex. Written whole to a temporary file and renamed (a crash leaves the old file or the
// new), mode 0600 like everything in the data folder.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SavedQuerySchema, type SavedQuery } from "./api/schema.ts";
import { writeAtomic } from "./atomicWrite.ts";

export type { SavedQuery };

const FileSchema = z.object({ version: z.literal(1), queries: z.array(SavedQuerySchema) });

export const queriesPath = (dataDir: string) => join(dataDir, "queries.json");

export class QueriesError extends Error {
  override name = "QueriesError";
}

/** Every saved query, oldest first (a damaged file is a QueriesError naming it, never read as empty). */
export function readQueries(dataDir: string): SavedQuery[] {
  const path = queriesPath(dataDir);
  if (!existsSync(path)) return [];
  const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new QueriesError(`data/queries.json is not a saved-queries file: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data.queries;
}

export function writeQueries(dataDir: string, queries: SavedQuery[]): void {
  const path = queriesPath(dataDir);
  writeAtomic(path, JSON.stringify({ version: 1, queries }, null, 2) + "\n");
}

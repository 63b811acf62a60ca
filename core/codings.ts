// Categorised concordances (CQPweb's "categorise query"): a researcher's categories for the lines of
// one concordance, kept in data/codings.json apart from the store, like the corrections
// (core/corrections.ts): they survive restarts and every reindex. A coding belongs to the query that
// selects the lines (term, match, q and filters, collocate/window, theme — never paging, sort or
// width), kept in one canonical form so the same concordance finds the same coding. A line is its
// report's id and the match's offset in the report's text ("<reportId>:<offset>"); an assignment
// whose line is gone after a reindex is kept and reported as stale, never dropped.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CodingSchema, type Coding, type CodingQuery } from "./api/schema.ts";
import { writeAtomic } from "./atomicWrite.ts";

export type { Coding };
export type CanonicalQuery = Coding["query"];

const FileSchema = z.object({ version: z.literal(1), codings: z.array(CodingSchema) });

export const codingsPath = (dataDir: string) => join(dataDir, "codings.json");

export class CodingsError extends Error {
  override name = "CodingsError";
}

export function readCodings(dataDir: string): Coding[] {
  const path = codingsPath(dataDir);
  if (!existsSync(path)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new CodingsError(`data/codings.json is not JSON: ${(e as Error).message}`);
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) throw new CodingsError(`data/codings.json is not a codings file: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data.codings;
}

/** Written to a temporary file and renamed (mode 0600): a crash leaves the old file or the new, never half. */
export function writeCodings(dataDir: string, codings: Coding[]): void {
  const path = codingsPath(dataDir);
  writeAtomic(path, JSON.stringify({ version: 1, codings }, null, 2) + "\n");
}

/** The filter parameters: with term, match and theme, what a breakdown or trend must share with a coding to leave its lines out. */
export const FILTER_KEYS = ["q", "sector", "year", "yearFrom", "yearTo", "docType", "level", "includeDuplicates", "synonyms", "kind"] as const;

/**
 * A parsed concordance query in canonical form, as /api/kwic parameters: defaults left out
 * (match=word, synonyms=true, includeDuplicates=false, kind=report), lists sorted, `window` only
 * with a collocate. Two queries select the same lines exactly when their forms are equal.
 */
export function canonicalQuery(q: Partial<CodingQuery>): CanonicalQuery {
  const out: CanonicalQuery = {};
  const put = (k: string, v: unknown) => {
    if (v === undefined || v === null || v === "") return;
    if (Array.isArray(v)) {
      if (v.length) out[k] = [...new Set(v.map(String))].sort();
      return;
    }
    out[k] = String(v);
  };
  put("term", q.term?.trim());
  if (q.match && q.match !== "word") put("match", q.match);
  put("q", q.q?.trim());
  for (const k of ["sector", "docType", "level"] as const) put(k, q[k]);
  for (const k of ["year", "yearFrom", "yearTo"] as const) put(k, q[k]);
  if (q.includeDuplicates) put("includeDuplicates", "true");
  if (q.synonyms === false) put("synonyms", "false");
  if (q.kind && q.kind !== "report") put("kind", q.kind);
  const collocate = q.collocate?.trim();
  if (collocate) {
    put("collocate", collocate);
    put("window", q.window ?? 5);
  }
  put("theme", q.theme);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const sameQuery = (a: CanonicalQuery, b: CanonicalQuery) => JSON.stringify(a) === JSON.stringify(b);

/** The part of a canonical query a count shares with it: the filters, term, match and theme (not the collocate: its lines are still the term's hits). */
export function countedPart(q: CanonicalQuery): CanonicalQuery {
  const keep = new Set<string>([...FILTER_KEYS, "term", "match", "theme"]);
  return Object.fromEntries(Object.entries(q).filter(([k]) => keep.has(k)));
}

/** The key each category is assigned with: its own, else its place in the list (1–9). */
export function categoryKeys(c: Pick<Coding, "categories">): Map<string, string> {
  return new Map(c.categories.map((cat, i) => [cat.key ?? String(i + 1), cat.name]));
}

// The corpus remembers its sources: every file it was built from, where it came from, its hash,
// when it was added and what became of it. Stored with the store (store/sources.json) and
// committed with it, so the two never disagree; the /corpus page lists it.
//
// Where sources live:
// - origin "corpus": a file of the corpus folder (WENYUAN_CORPUS_DIR), path relative to it. The
//   folder is watched by `npm start`: a new or changed file is indexed, a deleted one removed.
// - origin "upload" / "cli": a file added in the browser or with `npm run index -- file`. Its
//   bytes are kept in the data folder (data/sources/<name>; path "sources/<name>"), so it survives
//   restarts and the original being moved; it stays until removed on purpose.

export const ORIGINS = ["corpus", "upload", "cli"] as const;
export type Origin = (typeof ORIGINS)[number];

export const SOURCE_STATUSES = ["indexed", "copy", "skipped", "removed"] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export interface SourceRecord {
  /** "seed-000.txt" (corpus folder) or "sources/报告.docx" (kept in the data folder) */
  path: string;
  origin: Origin;
  /** sha256 of the bytes; null when the file could not be read */
  sha256: string | null;
  bytes: number;
  mtimeMs: number;
  addedAt: string;
  updatedAt: string;
  /**
   * indexed: its reports are in the corpus; copy: byte-identical to `copyOf`, which holds the
   * reports; skipped: not indexed, `reason` says why; removed: a corpus-folder file removed in the
   * browser — kept out until it changes or is added again
   */
  status: SourceStatus;
  copyOf?: string;
  reason?: string;
  /** ids of the reports (and excerpts) made from it */
  reports: string[];
  /** the store generation that indexed its current content */
  gen: number;
}

/** The largest source file read (indexer/read.ts) and the largest upload accepted: 64 MB. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** Where a managed (non-corpus-folder) source's bytes are kept, relative to the data folder. */
export const MANAGED_DIR = "sources";

/** The registry path of a managed source named `name`. */
export function managedPath(name: string): string {
  return `${MANAGED_DIR}/${safeName(name)}`;
}

/**
 * A file name a user gave us, made safe to keep: no folders, no leading dots, no control
 * characters, at most 200 characters. Chinese names and spaces stay as they are.
 */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, "_").replace(/^\.+/, "_").slice(-200);
  return clean || "unnamed";
}

// Free space in the data folder. A full disk is said at once, in one line, with the space left:
// waiting on a Meilisearch that cannot write only hangs (its tasks never finish).
import { statfsSync } from "node:fs";

/** Below this much free space a start or an indexing run refuses to begin. */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

export class DiskFullError extends Error {
  override name = "DiskFullError";

  constructor(
    message: string,
    /** what ran out of space, as given to diskFull */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/** "disk full: 5.6 MB free in /srv/wenyuan/data" */
export function diskFull(dir: string, detail?: string): DiskFullError {
  const mb = (freeBytes(dir) / 1024 / 1024).toFixed(1);
  return new DiskFullError(`disk full: ${mb} MB free in ${dir}${detail ? ` (${detail})` : ""}`, detail);
}

/** A full disk, ours (DiskFullError) or the system's or Meilisearch's. */
export const isDiskFull = (e: unknown): boolean => e instanceof DiskFullError || isNoSpace(e);

/**
 * The one line an indexing run that failed on a full disk ends with: the cause, what is kept, and
 * the space the clean-up gave back (`freed` bytes of the run's queued documents).
 */
export function runFailedOnFullDisk(dir: string, e: unknown, freed: number): DiskFullError {
  const cause = e instanceof DiskFullError ? e.detail : e instanceof Error ? e.message.split("\n")[0] : String(e);
  const removed = freed ? `the failed run's ${(freed / 1024 / 1024).toFixed(1)} MB of queued documents were removed` : "";
  return diskFull(dir, [cause, "the previous index and store are kept", removed].filter(Boolean).join("; "));
}

/** Throws DiskFullError when `dir` has less than MIN_FREE_BYTES free. */
export function checkFreeSpace(dir: string): void {
  if (freeBytes(dir) < MIN_FREE_BYTES) throw diskFull(dir, `at least ${MIN_FREE_BYTES / 1024 / 1024} MB are needed; free some space and start again`);
}

/** An error that comes from a full disk: ours (ENOSPC) or Meilisearch's (a failed task or a refused payload). */
export function isNoSpace(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if ((e as NodeJS.ErrnoException).code === "ENOSPC" || (e as { code?: string }).code === "no_space_left_on_device") return true;
  return /No space left on device|os error 28|no_space_left_on_device/i.test(e.message) || (e.cause !== undefined && isNoSpace(e.cause));
}

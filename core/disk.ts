// Free space in the data folder. A full disk is said at once, in one line, with the space left:
// waiting on a Meilisearch that cannot write only hangs (its tasks never finish).
import { statfsSync } from "node:fs";

/** Below this much free space a start or an indexing run refuses to begin. */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

export class DiskFullError extends Error {
  override name = "DiskFullError";
}

export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/** "disk full: 5.6 MB free in /srv/wenyuan/data" */
export function diskFull(dir: string, detail?: string): DiskFullError {
  const mb = (freeBytes(dir) / 1024 / 1024).toFixed(1);
  return new DiskFullError(`disk full: ${mb} MB free in ${dir}${detail ? ` (${detail})` : ""}`);
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

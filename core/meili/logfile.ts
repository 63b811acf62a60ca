// Meilisearch's own log: a file under the data folder, readable by its owner only (0600), kept
// small by rotation (meili.log → meili.log.1 → … → meili.log.3). Meilisearch appends through an
// inherited descriptor, so a running log is rotated by copy-then-truncate.
import { chmodSync, copyFileSync, existsSync, openSync, renameSync, statSync, truncateSync } from "node:fs";

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP = 3;

function shift(path: string, keep: number): void {
  for (let i = keep - 1; i >= 1; i--) if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
}

/** Rotates `path` when it is over `maxBytes`; returns whether it did. */
export function rotateLog(path: string, maxBytes = LOG_MAX_BYTES, keep = LOG_KEEP): boolean {
  if (!existsSync(path) || statSync(path).size <= maxBytes) return false;
  shift(path, keep);
  copyFileSync(path, `${path}.1`);
  chmodSync(`${path}.1`, 0o600);
  truncateSync(path, 0);
  return true;
}

/** Opens the log for appending (rotated first if too big), mode 0600 even if it existed before. */
export function openLog(path: string): number {
  rotateLog(path);
  const fd = openSync(path, "a", 0o600);
  chmodSync(path, 0o600);
  return fd;
}

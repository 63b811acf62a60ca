// A data-folder file written whole: to a temporary file beside it, then renamed, so a crash leaves
// the old file or the new, never half of one. Mode 0600 like everything in the data folder.
import { renameSync, writeFileSync } from "node:fs";

export function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

// The data folder holds the store, the Meilisearch database, its master key and the corpus's
// discovered words: only its owner may read it (0700, everything inside 0600/0700). Processes
// writing there run with umask 077; a folder made by an older version, or by hand, is tightened.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** What every process that writes into the data folder sets first (the CLIs; Meilisearch's watchdog). */
export const PRIVATE_UMASK = 0o077;

/**
 * Creates the data folder 0700, or removes group and other access from it and from everything
 * in it. Returns a line for the log when it had to tighten something, else null.
 */
export function privateDataDir(dataDir: string): string | null {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const before = lstatSync(dataDir).mode & 0o777;
  // A folder only its owner may enter keeps everything inside private whatever their modes, and
  // what is written there is 0600 (umask 077): only an open folder needs the walk — a walk at every
  // start would lstat each of a 100k corpus's kept sources.
  if (!(before & 0o077)) return null;
  let loosened = 0;
  const walk = (path: string): void => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) {
      chmodSync(path, st.mode & 0o700);
      loosened++;
    }
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dataDir);
  if (!loosened) return null;
  return `Data folder ${dataDir} was readable by other users (mode ${before.toString(8).padStart(4, "0")}, ${loosened} entr${loosened === 1 ? "y" : "ies"} open): made private (folders 0700, files 0600)`;
}

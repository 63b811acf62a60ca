// One writer at a time per data folder (Lucene's write.lock): every run that changes the corpus —
// `npm run index`, `npm start`'s catch-up, an upload, a removal, a correction — holds
// data/write.lock while it works. The file says who holds it; a lock whose process is gone is
// taken over (a crashed run must not block the corpus forever).
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export interface LockHolder {
  pid: number;
  host: string;
  what: string;
  since: string;
}

export class LockedError extends Error {
  override name = "LockedError";
  constructor(readonly holder: LockHolder) {
    super(`the corpus is being changed by another run (${holder.what}, pid ${holder.pid} on ${holder.host}, since ${holder.since}); try again when it has finished`);
  }
}

export const lockPath = (dataDir: string) => join(dataDir, "write.lock");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM";
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

export interface WriteLock {
  readonly holder: LockHolder;
  release(): void;
}

/** Takes the lock now, or throws LockedError naming who holds it. */
export function tryLock(dataDir: string, what: string): WriteLock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  const holder: LockHolder = { pid: process.pid, host: hostname(), what, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx", 0o600);
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw e;
      const other = readHolder(path);
      // Another host's pid cannot be checked: only a lock of this host whose process is gone is stale.
      if (other && (other.host !== holder.host || alive(other.pid))) throw new LockedError(other);
      rmSync(path, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    let released = false;
    return {
      holder,
      release() {
        if (released) return;
        released = true;
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      },
    };
  }
  throw new LockedError(readHolder(path) ?? holder);
}

/** Waits up to `timeoutMs` for the lock, polling; then throws LockedError. */
export async function lock(dataDir: string, what: string, timeoutMs = 0): Promise<WriteLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return tryLock(dataDir, what);
    } catch (e) {
      if (!(e instanceof LockedError) || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

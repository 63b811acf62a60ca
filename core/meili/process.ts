// Starts and stops the project's own Meilisearch. Guarantees no orphan: the
// server runs under a tiny sh watchdog that kills it when our stdin pipe closes,
// which happens however this Node process ends (exit, signal, crash, SIGKILL).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { meiliClient } from "./client.ts";
import { openLog, rotateLog } from "./logfile.ts";

export interface RunningMeili {
  url: string;
  masterKey: string;
  /** the watchdog's pid; a new one after each restart */
  readonly pid: number;
  /** why it is down for good (it exited and every restart failed), else null */
  readonly failure: string | null;
  stop(): Promise<void>;
}

export function readOrCreateMasterKey(dataDir: string): string {
  const path = join(dataDir, "meili.key");
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(path)) {
    chmodSync(path, 0o600);
    const key = readFileSync(path, "utf8").trim();
    if (key.length >= 16) return key;
  }
  const key = randomBytes(24).toString("base64url");
  writeFileSync(path, key + "\n", { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}

/** Whether a process exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const WATCHDOG = [
  'bin="$1"; shift',
  // Its database, dumps and snapshots are the owner's alone (core/datadir.ts).
  "umask 077",
  // Background jobs get /dev/null as stdin unless told otherwise: keep ours on fd 3.
  "exec 3<&0",
  '"$bin" "$@" <&- 3<&- & child=$!',
  // Forward our own termination to the server.
  'trap \'kill -TERM "$child" 2>/dev/null\' TERM INT HUP',
  // Parent gone (pipe closed) → stop the server.
  '( cat <&3 >/dev/null; kill -TERM "$child" 2>/dev/null; sleep 10; kill -KILL "$child" 2>/dev/null ) & guard=$!',
  'wait "$child"; status=$?',
  'wait "$child" 2>/dev/null',
  'kill "$guard" 2>/dev/null',
  'exit $status',
].join("\n");

export interface StartOptions {
  binary: string;
  dataDir: string;
  port?: number;
  masterKey?: string;
  /** extra environment (tests) */
  logFile?: string;
  healthTimeoutMs?: number;
  /**
   * An unexpected exit is followed by restarts on the same data, port and key, 0.5 s, 1, 2, 4 … 30 s
   * apart, at most this many in a row (a server that stays up a minute starts the count afresh);
   * then `failure` says why. 0 (the default) = never restarted.
   */
  restarts?: number;
  /** the exit, each restart and the recovery or the giving up */
  log?: (msg: string) => void;
  /** after a restart that worked (the watchdog's new pid) */
  onRestart?: (pid: number) => void;
  /** after the last restart failed */
  onFailure?: (reason: string) => void;
}

/** The delay before restart `n` (1-based): 0.5 s, doubling, at most 30 s. */
export function restartDelayMs(n: number): number {
  return Math.min(500 * 2 ** (n - 1), 30_000);
}

/** A server stays up this long before its next exit counts as a first one again. */
const STABLE_MS = 60_000;

interface Spawned {
  child: ChildProcess;
  /** how it ended ("code 1", "SIGKILL"), null while running */
  ended: () => string | null;
  exited: Promise<string>;
}

function spawnWatched(args: string[], masterKey: string, logFile: string): Spawned {
  const logFd = openLog(logFile);
  const child: ChildProcess = spawn("sh", ["-c", WATCHDOG, "meili-watchdog", ...args], {
    stdio: ["pipe", logFd, logFd],
    // The key goes in the environment, not argv: argv is readable by every local user (ps).
    env: { ...process.env, MEILI_MASTER_KEY: masterKey },
  });
  closeSync(logFd);
  let ended: string | null = null;
  // sh reports its server's death by a signal as 128 + the signal's number
  const exited = new Promise<string>((r) => child.once("exit", (code, signal) => r((ended = signal ?? (code !== null && code > 128 ? `signal ${code - 128}` : `code ${code ?? -1}`)))));
  return { child, ended: () => ended, exited };
}

async function waitHealthy(proc: Spawned, url: string, masterKey: string, logFile: string, timeoutMs: number): Promise<void> {
  const client = meiliClient(url, masterKey, "master");
  const deadline = Date.now() + timeoutMs;
  while (!(await client.isHealthy())) {
    const ended = proc.ended();
    if (ended !== null) {
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
      throw new Error(`Meilisearch exited during startup (${ended}). Last log lines from ${logFile}:\n${tail}`);
    }
    if (Date.now() > deadline) {
      proc.child.kill("SIGTERM");
      throw new Error(`Meilisearch did not become healthy at ${url} within ${timeoutMs} ms (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Deletes the payloads of tasks still queued in the Meilisearch database under `dataDir`
 * (`data.ms/update_files`), returning the bytes freed. For a run that failed on a full disk: its
 * document batches wait there, and Meilisearch, unable to write, can neither index nor cancel them
 * — they keep the disk full, so the next start could not even begin. Call it only while this
 * Meilisearch is stopped and the write lock is held: every queued task is then the failed run's.
 * On its next start Meilisearch runs the run's queued cancellation and index deletions (freeing the
 * per-run indexes) and logs that the payloads were already gone.
 */
export function dropQueuedPayloads(dataDir: string): number {
  const dir = join(dataDir, "meili", "data.ms", "update_files");
  if (!existsSync(dir)) return 0;
  let freed = 0;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    freed += statSync(file).size;
    rmSync(file, { force: true });
  }
  return freed;
}

export async function startMeili(opts: StartOptions): Promise<RunningMeili> {
  const masterKey = opts.masterKey ?? readOrCreateMasterKey(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const dbPath = join(opts.dataDir, "meili");
  mkdirSync(dbPath, { recursive: true });
  const logFile = opts.logFile ?? join(opts.dataDir, "meili.log");
  const args = [
    opts.binary,
    "--db-path", join(dbPath, "data.ms"),
    "--dump-dir", join(dbPath, "dumps"),
    "--snapshot-dir", join(dbPath, "snapshots"),
    "--http-addr", `127.0.0.1:${port}`,
    "--env", "production",
    "--no-analytics",
    "--http-payload-size-limit", "500MB",
    // INFO logs every request; warnings and errors are what an operator needs.
    "--log-level", "WARN",
  ];
  const url = `http://127.0.0.1:${port}`;
  const healthTimeoutMs = opts.healthTimeoutMs ?? 60_000;
  const log = opts.log ?? (() => {});
  let current = spawnWatched(args, masterKey, logFile);
  const killOnExit = () => current.child.kill("SIGTERM");
  process.once("exit", killOnExit);
  const rotation = setInterval(() => rotateLog(logFile), 60_000);
  rotation.unref();
  try {
    await waitHealthy(current, url, masterKey, logFile, healthTimeoutMs);
  } catch (e) {
    process.removeListener("exit", killOnExit);
    clearInterval(rotation);
    throw e;
  }

  let stopping = false;
  let failure: string | null = null;
  let streak = 0;
  let upSince = Date.now();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

  const restart = async (dead: Spawned, how: string) => {
    log(`Meilisearch (pid ${dead.child.pid}) exited unexpectedly (${how}); restarting it on ${url} with the same data`);
    // Only the watchdog killed? Closing its pipe makes its guard stop the server it left behind.
    dead.child.stdin?.destroy();
    if (Date.now() - upSince >= STABLE_MS) streak = 0;
    const tries = opts.restarts ?? 0;
    let last = how;
    while (streak < tries && !stopping) {
      streak++;
      const delay = restartDelayMs(streak);
      log(`Meilisearch restart ${streak} of ${tries} in ${delay / 1000} s …`);
      await sleep(delay);
      if (stopping) return;
      const next = spawnWatched(args, masterKey, logFile);
      current = next;
      try {
        await waitHealthy(next, url, masterKey, logFile, healthTimeoutMs);
      } catch (e) {
        last = (e instanceof Error ? e.message : String(e)).split("\n")[0];
        log(`Meilisearch restart ${streak} failed: ${last}`);
        next.child.kill("SIGTERM");
        next.child.stdin?.destroy();
        continue;
      }
      if (stopping) return;
      upSince = Date.now();
      log(`Meilisearch is back at ${url} (pid ${next.child.pid}) after ${streak} restart${streak === 1 ? "" : "s"}`);
      watch(next);
      opts.onRestart?.(next.child.pid ?? -1);
      return;
    }
    if (stopping) return;
    failure = tries
      ? `Meilisearch exited (${how}) and ${tries} restart${tries === 1 ? "" : "s"} failed (last: ${last}); see ${logFile}`
      : `Meilisearch exited (${how}); see ${logFile}`;
    log(failure);
    opts.onFailure?.(failure);
  };
  const watch = (proc: Spawned) =>
    void proc.exited.then((how) => {
      if (!stopping && proc === current) void restart(proc, how);
    });
  watch(current);

  return {
    url,
    masterKey,
    get pid() {
      return current.child.pid ?? -1;
    },
    get failure() {
      return failure;
    },
    async stop() {
      stopping = true;
      process.removeListener("exit", killOnExit);
      clearInterval(rotation);
      const proc = current;
      if (proc.ended() === null) {
        proc.child.kill("SIGTERM");
        const timer = setTimeout(() => proc.child.kill("SIGKILL"), 10_000);
        await proc.exited;
        clearTimeout(timer);
      }
      proc.child.stdin?.destroy();
    },
  };
}

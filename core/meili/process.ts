// Starts and stops the project's own Meilisearch. Guarantees no orphan: the
// server runs under a tiny sh watchdog that kills it when our stdin pipe closes,
// which happens however this Node process ends (exit, signal, crash, SIGKILL).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { meiliClient } from "./client.ts";
import { openLog, rotateLog } from "./logfile.ts";

export interface RunningMeili {
  url: string;
  masterKey: string;
  pid: number;
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
}

export async function startMeili(opts: StartOptions): Promise<RunningMeili> {
  const masterKey = opts.masterKey ?? readOrCreateMasterKey(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const dbPath = join(opts.dataDir, "meili");
  mkdirSync(dbPath, { recursive: true });
  const logFile = opts.logFile ?? join(opts.dataDir, "meili.log");
  const logFd = openLog(logFile);
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
  const child: ChildProcess = spawn("sh", ["-c", WATCHDOG, "meili-watchdog", ...args], {
    stdio: ["pipe", logFd, logFd],
    // The key goes in the environment, not argv: argv is readable by every local user (ps).
    env: { ...process.env, MEILI_MASTER_KEY: masterKey },
  });
  closeSync(logFd);
  const url = `http://127.0.0.1:${port}`;
  let exited: number | null = null;
  const exitPromise = new Promise<void>((r) => child.once("exit", (code) => ((exited = code ?? -1), r())));
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  const rotation = setInterval(() => rotateLog(logFile), 60_000);
  rotation.unref();

  const client = meiliClient(url, masterKey, "master");
  const deadline = Date.now() + (opts.healthTimeoutMs ?? 60_000);
  while (!(await client.isHealthy())) {
    if (exited !== null) {
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
      throw new Error(`Meilisearch exited during startup (code ${exited}). Last log lines from ${logFile}:\n${tail}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`Meilisearch did not become healthy at ${url} within ${opts.healthTimeoutMs ?? 60_000} ms (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    masterKey,
    pid: child.pid ?? -1,
    async stop() {
      process.removeListener("exit", killOnExit);
      clearInterval(rotation);
      if (exited !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exitPromise;
      clearTimeout(timer);
      child.stdin?.destroy();
    },
  };
}

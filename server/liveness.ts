// Liveness on a port of its own (WENYUAN_LIVENESS_PORT), answered by a worker thread
// (server/liveness-worker.mjs). `/api/health/live` on the main port shares the event loop with
// every search: at c=32 a probe waited 58–137 ms behind them. Here the main loop only beats — a
// timestamp in shared memory once a second — and the thread answers from it: live while the loop
// beats, 503 when it has stalled for `staleMs` (a hung process) or the server has failed for good
// (Lifecycle.dead), the two things a supervisor restarts a process for.
import { Worker } from "node:worker_threads";
import type { Lifecycle } from "./lifecycle.ts";
import { ListenError } from "./listen.ts";

export interface LivenessListener {
  port: number;
  close(): Promise<void>;
}

export interface LivenessOptions {
  host: string;
  port: number;
  /** the probe's path: `${basePath}/api/health/live`, as on the main port */
  path: string;
  /** silence of the main loop after which the probe fails (default 10 s) */
  staleMs?: number;
}

const BEAT_MS = 1000;

export async function startLiveness(opts: LivenessOptions, lifecycle: Pick<Lifecycle, "dead">): Promise<LivenessListener> {
  const beat = new SharedArrayBuffer(8);
  const beats = new Int32Array(beat);
  const store = () => {
    const now = Date.now();
    Atomics.store(beats, 0, Math.floor(now / 1000));
    Atomics.store(beats, 1, now % 1000);
  };
  store();
  const worker = new Worker(new URL("./liveness-worker.mjs", import.meta.url), { workerData: { host: opts.host, port: opts.port, path: opts.path, beat, staleMs: opts.staleMs ?? 10_000 } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", (m: { listening?: number; error?: string }) => (m.listening !== undefined ? resolve(m.listening) : reject(new ListenError(m.error))));
    worker.once("error", reject);
  }).catch(async (e: unknown) => {
    await worker.terminate();
    throw e;
  });
  let told = false;
  const timer = setInterval(() => {
    store();
    const dead = lifecycle.dead;
    if (dead && !told) {
      told = true;
      worker.postMessage({ failed: dead });
    }
  }, BEAT_MS);
  timer.unref();
  worker.unref();
  return {
    port,
    async close() {
      clearInterval(timer);
      await worker.terminate();
    },
  };
}

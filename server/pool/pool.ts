// The analytics pool: worker threads (piscina) that attach to the one corpus image in shared
// memory and run every analytic and substring search, so a heavy analysis never blocks the event
// loop that answers search and health. Each run has a deadline (504 past it, the worker stopped),
// the queue is bounded (429 + Retry-After when full), a client that goes away cancels its run,
// and one client may run only so many at once — loopback included (one analyst's six tabs must
// not starve everyone else). A worker that Node stops for running out of heap takes only its own
// analysis down (503 analytics_memory); piscina starts a fresh one. No heap limit is set per
// worker: Node's resourceLimits stop a worker only on a best effort, and an allocation that cannot
// be interrupted (a large message being read, one large array) aborts the whole process instead
// (nodejs/node#47224) — seen here, in a test that set 64 MB.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { AnalyticsBusyError, AnalyticsMemoryError, AnalyticsTimeoutError, ClientClosedError } from "../../core/errors.ts";
import type { AnalysisTask } from "./tasks.ts";
import type { Envelope } from "./worker.ts";

/** How much lower the workers' scheduling priority is than the server's (nice, 0–19). */
export const WORKER_NICE = 10;

export interface PoolOptions {
  /** worker threads; default: the cores, at least 2 */
  threads?: number;
  timeoutMs: number;
  maxQueue: number;
  perClient: number;
  /** a worker that fails between tasks (piscina's 'error' event, which would otherwise throw) */
  onWorkerError?: (e: Error) => void;
}

/** Who asks and whether they are still there: from the HTTP request (routes/endpoint.ts). */
/** Who asks, and when they went away: what every route hands an analysis. */
export type RequestContext = Required<Pick<RunContext, "client" | "signal">>;

export interface RunContext {
  /** the client's address (req.ip) */
  client?: string;
  /** aborted when the client goes away */
  signal?: AbortSignal;
  /** called once when a worker picks the task up (not while it waits in the queue): where a budget of the task's own run starts */
  onStart?: () => void;
}

/** Atomics.waitAsync (Node 16+), not yet in the ES2022 lib this project compiles against. */
interface AtomicsWaitAsync {
  waitAsync(a: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}

export class AnalyticsPool {
  private readonly piscina: Piscina;
  private readonly running = new Map<string, number>();
  readonly threads: number;

  constructor(
    private readonly options: PoolOptions,
    stopwords: readonly string[],
  ) {
    this.threads = options.threads ?? Math.max(2, availableParallelism());
    this.piscina = new Piscina({
      filename: new URL("./worker.cjs", import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: Infinity,
      // On 2 cores, workers at full speed took as much CPU as the event loop and Meilisearch:
      // health and search waited behind analyses (p99 168 ms at 20k). At nice 10 the kernel gives
      // analyses the time the loop and Meilisearch leave (Linux nices each thread; @napi-rs/nice).
      niceIncrement: WORKER_NICE,
      maxQueue: Math.max(1, options.maxQueue),
      workerData: { stopwords: [...stopwords] },
    });
    // An 'error' with no task to fail (a worker dying while idle) is emitted on the pool; unheard,
    // EventEmitter would throw it and end the server.
    this.piscina.on("error", options.onWorkerError ?? ((e: Error) => console.error(`analytics worker failed: ${e.message}`)));
  }

  /** Runs `envelope` in a worker within the deadline; the typed errors say why not. */
  async run(envelope: Envelope, ctx: RunContext = {}): Promise<unknown> {
    const { timeoutMs, maxQueue, perClient } = this.options;
    if (this.piscina.queueSize >= maxQueue) {
      throw new AnalyticsBusyError("analytics_queue_full", `${this.piscina.queueSize} analyses are waiting for a worker (the limit, WENYUAN_ANALYTICS_QUEUE, is ${maxQueue}); try again shortly`, this.retryAfter());
    }
    const client = ctx.client ?? "";
    const mine = this.running.get(client) ?? 0;
    if (mine >= perClient) {
      throw new AnalyticsBusyError("analytics_client_limit", `you already run ${mine} analyses (the limit per client, WENYUAN_ANALYTICS_PER_CLIENT, is ${perClient}); wait for one to finish`, this.retryAfter());
    }
    this.running.set(client, mine + 1);
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = ctx.signal ? AbortSignal.any([deadline, ctx.signal]) : deadline;
    // The worker sets the flag to 1 when it starts the task; 2 here once the task is over, so the waiter always ends.
    const started = ctx.onStart ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    if (started) {
      const onStart = ctx.onStart!;
      const wait = (Atomics as unknown as AtomicsWaitAsync).waitAsync(started, 0, 0);
      const fire = () => Atomics.load(started, 0) === 1 && onStart();
      if (wait.async) void wait.value.then(fire);
      else fire();
    }
    try {
      // Aborting a running task terminates its worker (piscina starts a fresh one): real cancellation.
      return await this.piscina.run(started ? { ...envelope, started } : envelope, { signal });
    } catch (e) {
      if (deadline.aborted) throw new AnalyticsTimeoutError(timeoutMs);
      if (ctx.signal?.aborted) throw new ClientClosedError();
      if ((e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") throw new AnalyticsMemoryError();
      throw e;
    } finally {
      if (started && Atomics.compareExchange(started, 0, 0, 2) === 0) Atomics.notify(started, 0);
      const n = (this.running.get(client) ?? 1) - 1;
      if (n) this.running.set(client, n);
      else this.running.delete(client);
    }
  }

  /** Attaches every worker to a newly loaded image before the first request needs it. */
  async warm(envelope: Omit<Envelope, "task">): Promise<void> {
    await Promise.all(Array.from({ length: this.threads }, () => this.piscina.run({ ...envelope, task: { name: "warm" } }).catch(() => {})));
  }

  /** Seconds a refused client should wait: about one deadline's share of the queue. */
  private retryAfter(): number {
    return Math.max(1, Math.ceil(this.options.timeoutMs / 1000 / this.threads));
  }

  get queued(): number {
    return this.piscina.queueSize;
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

export type { AnalysisTask };

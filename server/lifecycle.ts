// What the process is doing, for readiness and shutdown: starting, indexing (any number of runs
// at once), serving, draining. Requests in flight are counted so a shutdown can wait for them
// while new ones are turned away with a 503 instead of a reset connection.
export class Lifecycle {
  private started = false;
  private indexing = 0;
  private drainingSince: number | null = null;
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private failure: string | null = null;

  /** Something the process cannot recover from by itself (its Meilisearch would not restart): liveness fails with this. */
  fail(reason: string): void {
    this.failure ??= reason;
  }

  /** Why a supervisor should restart the whole process, or null while it is live. */
  get dead(): string | null {
    return this.failure;
  }

  /** the app is attached and serving */
  markStarted(): void {
    this.started = true;
  }

  /** Runs `work` as an indexing run: readiness is 503 until it settles. */
  async indexingRun<T>(work: () => Promise<T>): Promise<T> {
    this.indexing++;
    try {
      return await work();
    } finally {
      this.indexing--;
    }
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** Why the process is not ready, or null when it is (Meilisearch and the store are checked by the route). */
  notReady(): "starting" | "indexing" | "draining" | null {
    if (this.draining) return "draining";
    if (!this.started) return "starting";
    if (this.indexing > 0) return "indexing";
    return null;
  }

  /** requests being answered now (a drain waits for these) */
  get requestsInFlight(): number {
    return this.inFlight;
  }

  requestStarted(): void {
    this.inFlight++;
  }

  requestFinished(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const f of this.idle.splice(0)) f();
  }

  /** Starts draining; resolves when no request is in flight or after `ms`. */
  drain(ms: number): Promise<void> {
    this.drainingSince ??= Date.now();
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

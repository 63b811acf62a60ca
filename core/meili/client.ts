// A small Meilisearch client: the project needs a dozen endpoints, hard timeouts
// (a dead Meilisearch must become a 503 within 2 s) and errors raised in one place.
import { MeiliApiError, MeiliUnavailableError } from "./errors/index.ts";

export interface MeiliTask {
  taskUid?: number;
  uid?: number;
  status: "enqueued" | "processing" | "succeeded" | "failed" | "canceled";
  type: string;
  error?: { message: string; code: string } | null;
}

/** A request body already serialised as newline-delimited JSON (document batches). */
export class NdjsonBody {
  constructor(readonly text: string) {}
}

export class MeiliClient {
  constructor(
    readonly url: string,
    private readonly key: string,
    private readonly timeoutMs = 1500,
  ) {}

  withKey(key: string): MeiliClient {
    return new MeiliClient(this.url, key, this.timeoutMs);
  }

  async request<T>(method: string, path: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.url + path, {
        method,
        headers: {
          Authorization: `Bearer ${this.key}`,
          // fetch() asks for gzip/br by default; Meilisearch then streams a compressed response
          // that often waits ~40 ms on TCP delayed ACK (measured: p50 44 ms vs 1–3 ms, bench/README.md).
          // Responses are small (ids and metadata), so plain bytes are also cheaper on both ends.
          "Accept-Encoding": "identity",
          ...(body === undefined ? {} : { "Content-Type": body instanceof NdjsonBody ? "application/x-ndjson" : "application/json" }),
        },
        body: body === undefined ? undefined : body instanceof NdjsonBody ? body.text : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new MeiliUnavailableError("Meilisearch could not be reached", { cause });
    }
    const text = await res.text().catch((cause: unknown) => {
      throw new MeiliUnavailableError("Meilisearch could not be reached", { cause });
    });
    if (!res.ok) {
      let code = "meilisearch_error";
      let message = text;
      try {
        const parsed = JSON.parse(text) as { code?: string; message?: string };
        code = parsed.code ?? code;
        message = parsed.message ?? message;
      } catch {
        // not JSON: keep the raw body as the message
      }
      throw new MeiliApiError(res.status, code, message);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async health(timeoutMs = this.timeoutMs): Promise<boolean> {
    try {
      const r = await this.request<{ status: string }>("GET", "/health", undefined, timeoutMs);
      return r.status === "available";
    } catch {
      return false;
    }
  }

  /** Waits on the task queue (never on sleeps of a guessed length). */
  async waitForTask(taskUid: number, timeoutMs = 600_000): Promise<MeiliTask> {
    const deadline = Date.now() + timeoutMs;
    let delay = 20;
    for (;;) {
      const task = await this.request<MeiliTask>("GET", `/tasks/${taskUid}`, undefined, 10_000);
      if (task.status === "succeeded") return task;
      if (task.status === "failed" || task.status === "canceled") {
        throw new MeiliApiError(500, task.error?.code ?? "task_failed", `Meilisearch task ${taskUid} (${task.type}) ${task.status}: ${task.error?.message ?? ""}`);
      }
      if (Date.now() > deadline) throw new MeiliApiError(504, "task_timeout", `Meilisearch task ${taskUid} did not finish in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 1.5, 500);
    }
  }

  async enqueue(method: string, path: string, body?: unknown, timeoutMs = 120_000): Promise<number> {
    const t = await this.request<MeiliTask>(method, path, body, timeoutMs);
    const uid = t.taskUid ?? t.uid;
    if (uid === undefined) throw new MeiliApiError(500, "no_task", `Meilisearch returned no task for ${method} ${path}`);
    return uid;
  }

  async run(method: string, path: string, body?: unknown): Promise<MeiliTask> {
    return this.waitForTask(await this.enqueue(method, path, body));
  }
}

// Meilisearch tasks (index changes, settings, documents, swaps): waited on through the client's
// task API, never with sleeps of a guessed length. A task that did not succeed is an error.
import type { EnqueuedTask, Meilisearch, Task, WaitOptions } from "meilisearch";
import { call } from "./call.ts";
import { MeiliTaskError } from "./errors/task.ts";

/** Index creation and deletion, settings of an empty index, a swap: quick, polled often. */
const QUICK: WaitOptions = { timeout: 600_000, interval: 25 };

/** Document batches: minutes each at 100k reports; a coarser poll keeps Meilisearch's log short. */
export const DOCUMENTS: WaitOptions = { timeout: 3_600_000, interval: 200 };

/**
 * Checks run on every poll of a client's tasks while it is registered here (an indexing run: a full
 * disk makes Meilisearch's tasks never finish, and the run must say so at once). Keyed by client
 * because every helper that waits on a task takes the client, not the run.
 */
const guards = new WeakMap<Meilisearch, () => void>();

/** Registers `guard` for this client's task waits; returns the function that removes it. */
export function guardTasks(client: Meilisearch, guard: () => void): () => void {
  guards.set(client, guard);
  return () => {
    if (guards.get(client) === guard) guards.delete(client);
  };
}

/**
 * Polls the task until it has finished. Not the client's `tasks.waitForTask`: it passes one abort
 * signal to every poll and each poll leaves a listener on it (meilisearch-js #1930) — a 100k
 * ingest's document tasks piled 1,500 listeners onto one signal (MaxListenersExceededWarning).
 */
export async function waitTask(client: Meilisearch, task: EnqueuedTask | number, wait: WaitOptions = QUICK): Promise<Task> {
  const uid = typeof task === "number" ? task : task.taskUid;
  const timeout = wait.timeout ?? QUICK.timeout!;
  const interval = wait.interval ?? QUICK.interval!;
  const deadline = Date.now() + timeout;
  let done = await call(() => client.tasks.getTask(uid));
  while (done.status === "enqueued" || done.status === "processing") {
    if (Date.now() >= deadline) throw new MeiliTaskError(uid, "task_timeout", `Meilisearch task ${uid} did not finish in ${timeout} ms`);
    // a task that cannot finish (a full disk) is said while it waits, not after the timeout
    guards.get(client)?.();
    await new Promise((resolve) => setTimeout(resolve, interval));
    done = await call(() => client.tasks.getTask(uid));
  }
  if (done.status !== "succeeded") {
    throw new MeiliTaskError(done.uid, done.error?.code ?? `task_${done.status}`, `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? ""}`, {
      cause: done.error ?? undefined,
    });
  }
  return done;
}

/** Sends a request that enqueues a task and waits until the task has succeeded. */
export async function runTask(client: Meilisearch, send: () => Promise<EnqueuedTask>): Promise<Task> {
  return waitTask(client, await call(send));
}

/** Cancels whichever of these tasks have not finished (their payloads are deleted), waiting at most 60 s. */
export async function cancelTasks(client: Meilisearch, uids: number[]): Promise<void> {
  await waitTask(client, await call(() => client.tasks.cancelTasks({ uids, statuses: ["enqueued", "processing"] })), { timeout: 60_000, interval: 25 });
}

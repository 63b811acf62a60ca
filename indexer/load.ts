// `load`: fills fresh per-run Meilisearch indexes and swaps them in, so search never goes dark
// during a rebuild — or, for an incremental run, adds and deletes documents in the live indexes.
// The indexer uses an admin key; nothing here runs in the request path.
import type { EnqueuedTask, Meilisearch } from "meilisearch";
import type { PassageDocument, ReportDocument } from "../core/documents.ts";
import {
  addNdjson,
  createIndex,
  deleteDocuments,
  deleteIndex,
  indexExists,
  indexUids,
  swapIndexes,
  updateSettings,
  type IndexNames,
} from "../core/meili/indexes.ts";
import { indexSettings, passagesOfReports } from "../core/meili/requests.ts";
import { call } from "../core/meili/call.ts";
import { cancelTasks, DOCUMENTS, waitTask } from "../core/meili/tasks.ts";
import { MeiliTaskError } from "../core/meili/errors/task.ts";

export interface LoadProgress {
  (done: number, total: number, phase: string): void;
}

const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Groups NDJSON lines into ~8 MB batches: `add` hands back a batch once the lines held pass the
 * size, `flush` whatever is left. Shared by IndexLoader and the benchmark's baseline, so both send
 * Meilisearch the same batches.
 */
export interface NdjsonBatch {
  ndjson: string;
  documents: number;
}

export class NdjsonBatcher {
  private lines: string[] = [];
  private bytes = 0;

  add(line: string): NdjsonBatch | null {
    this.lines.push(line);
    // UTF-8 bytes are at most 3 per UTF-16 unit: an upper bound, no encoding pass.
    this.bytes += line.length * 3;
    return this.bytes > BATCH_BYTES ? this.flush() : null;
  }

  /** the lines held as one batch (null when none) */
  flush(): NdjsonBatch | null {
    if (!this.lines.length) return null;
    const batch = { ndjson: this.lines.join("\n"), documents: this.lines.length };
    this.lines = [];
    this.bytes = 0;
    return batch;
  }
}

const KINDS = ["reports", "passages"] as const;
export type IndexKind = (typeof KINDS)[number];

async function recreate(client: Meilisearch, uid: string): Promise<void> {
  if (await indexExists(client, uid)) await deleteIndex(client, uid);
  await createIndex(client, uid);
}

/**
 * "rebuild": fills fresh per-run indexes `<name>_r<run>` (two runs can never collide on a name; the
 * write lock keeps them one at a time anyway), then swaps them with the live ones in one atomic
 * Meilisearch task and drops the old data — search never goes dark.
 * "live": adds and deletes documents in the live indexes (an incremental run).
 *
 * Documents go out in ~8 MB NDJSON batches as soon as a batch is full, so Meilisearch indexes
 * while the indexer is still segmenting (Meilisearch batches the queued tasks of an index
 * itself), and no more than one batch per index is held in memory.
 */
export class IndexLoader {
  private readonly pending: Record<IndexKind, NdjsonBatcher> = { reports: new NdjsonBatcher(), passages: new NdjsonBatcher() };
  private readonly tasks: { kind: IndexKind; task: EnqueuedTask }[] = [];
  readonly added: Record<IndexKind, number> = { reports: 0, passages: 0 };

  private constructor(
    private readonly client: Meilisearch,
    private readonly names: IndexNames,
    /** where documents go: the per-run indexes, or the live ones */
    private readonly target: IndexNames,
    readonly mode: "rebuild" | "live",
  ) {}

  static async open(client: Meilisearch, names: IndexNames, mode: "rebuild" | "live" = "rebuild", run = `${Date.now().toString(36)}${process.pid.toString(36)}`): Promise<IndexLoader> {
    const target = mode === "live" ? names : { reports: `${names.reports}_r${run}`, passages: `${names.passages}_r${run}` };
    for (const kind of KINDS) {
      if (mode === "rebuild") await recreate(client, target[kind]);
      else if (!(await indexExists(client, target[kind]))) await createIndex(client, target[kind]);
      // Settings first: changing them after the documents would index everything twice.
      await updateSettings(client, target[kind], indexSettings(kind));
    }
    return new IndexLoader(client, names, target, mode);
  }

  /** Deletes these reports and all their passages (live mode). */
  async remove(reportIds: readonly string[]): Promise<void> {
    if (!reportIds.length) return;
    for (let i = 0; i < reportIds.length; i += 1000) {
      const ids = reportIds.slice(i, i + 1000);
      this.tasks.push({ kind: "reports", task: await deleteDocuments(this.client, this.target.reports, ids) });
      this.tasks.push({ kind: "passages", task: await deleteDocuments(this.client, this.target.passages, passagesOfReports(ids)) });
    }
  }

  async add(kind: IndexKind, doc: ReportDocument | PassageDocument): Promise<void> {
    await this.send(kind, this.pending[kind].add(JSON.stringify(doc)));
  }

  /**
   * Queues a ready NDJSON batch as it is (after anything pending of that kind). The benchmark uses it
   * to load the exact bytes the pipeline produced, with no JSON work of ours on the clock.
   */
  async addBatch(kind: IndexKind, batch: NdjsonBatch): Promise<void> {
    await this.send(kind, this.pending[kind].flush());
    await this.send(kind, batch);
  }

  /** Sends what is left, waits for every task; in rebuild mode swaps the new indexes in. */
  async finish(progress?: LoadProgress): Promise<void> {
    for (const kind of KINDS) await this.send(kind, this.pending[kind].flush());
    let done = 0;
    for (const t of this.tasks) {
      await waitTask(this.client, t.task, DOCUMENTS);
      progress?.(++done, this.tasks.length, t.kind);
    }
    if (this.mode === "live") return;
    for (const kind of KINDS) {
      if (!(await indexExists(this.client, this.names[kind]))) await createIndex(this.client, this.names[kind]);
    }
    await swapIndexes(this.client, this.names, this.target);
    for (const kind of KINDS) await deleteIndex(this.client, this.target[kind]);
  }

  /**
   * Cancels the run's unfinished document tasks (Meilisearch then drops their payloads, which on a
   * full disk are what fills it) and drops a rebuild's per-run indexes; in live mode it deletes the
   * documents of `generation` (the run's own, never shown: no committed store has it) that batches
   * finished before the failure had added, which would otherwise stay in the live index for good. On a full disk these deletions wait
   * in Meilisearch's queue until space is freed (core/meili/process.ts dropQueuedPayloads).
   */
  async abort(generation?: number): Promise<void> {
    const uids = this.tasks.map((t) => t.task.taskUid);
    if (uids.length) await cancelTasks(this.client, uids).catch(() => {});
    const quick = { timeout: 30_000, interval: 25 };
    if (this.mode === "live" && generation !== undefined)
      for (const kind of KINDS)
        await call(() => this.client.index(this.target[kind]).deleteDocuments({ filter: `gen = ${generation}` }))
          .then((task) => waitTask(this.client, task, quick))
          .catch(() => {});
    if (this.mode === "rebuild")
      for (const kind of KINDS)
        await call(() => this.client.deleteIndex(this.target[kind]))
          .then((task) => waitTask(this.client, task, quick))
          .catch(() => {});
  }

  private async send(kind: IndexKind, batch: NdjsonBatch | null): Promise<void> {
    if (batch === null) return;
    this.tasks.push({ kind, task: await addNdjson(this.client, this.target[kind], batch.ndjson) });
    this.added[kind] += batch.documents;
  }
}

/**
 * Deletes per-run indexes that crashed runs left behind (`<name>_r…`, and the `_next` indexes of
 * older versions). Only the holder of the write lock may call it.
 */
export async function sweepRunIndexes(client: Meilisearch, names: IndexNames): Promise<string[]> {
  const stale = (await indexUids(client)).filter((uid) => KINDS.some((k) => uid.startsWith(`${names[k]}_r`) || uid === `${names[k]}_next`));
  // a run that failed on a full disk queued these deletions itself; Meilisearch may have run them by now
  for (const uid of stale) await deleteIndex(client, uid).catch((e: unknown) => {
    if (!(e instanceof MeiliTaskError && e.code === "index_not_found")) throw e;
  });
  return stale;
}

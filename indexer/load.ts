// `load`: fills fresh Meilisearch indexes and swaps them in, so search never
// goes dark during a reindex. The indexer uses an admin key; nothing here runs
// in the request path.
import { NdjsonBody, type MeiliClient } from "../core/meili/client.ts";
import { MeiliApiError } from "../core/errors.ts";
import type { PassageDocument, ReportDocument } from "../core/documents.ts";
import { indexSettings, type IndexNames } from "../core/meili/indexes.ts";

export interface LoadInput {
  reports: Iterable<ReportDocument>;
  passages: Iterable<PassageDocument>;
}

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

async function indexExists(client: MeiliClient, uid: string): Promise<boolean> {
  try {
    await client.request("GET", `/indexes/${uid}`, undefined, 10_000);
    return true;
  } catch (e) {
    if (e instanceof MeiliApiError && e.status === 404) return false;
    throw e;
  }
}

async function recreate(client: MeiliClient, uid: string): Promise<void> {
  if (await indexExists(client, uid)) await client.run("DELETE", `/indexes/${uid}`);
  await client.run("POST", "/indexes", { uid, primaryKey: "id" });
}

/**
 * Fills fresh `<name>_next` indexes document by document, then swaps them with the live ones in
 * one atomic Meilisearch task and drops the old data — search never goes dark during a reindex.
 *
 * Documents go out in ~8 MB NDJSON batches as soon as a batch is full, so Meilisearch indexes
 * while the indexer is still segmenting (Meilisearch batches the queued tasks of an index
 * itself), and no more than one batch per index is held in memory.
 */
export class IndexLoader {
  private readonly pending: Record<IndexKind, NdjsonBatcher> = { reports: new NdjsonBatcher(), passages: new NdjsonBatcher() };
  private readonly tasks: { kind: IndexKind; uid: number }[] = [];
  readonly added: Record<IndexKind, number> = { reports: 0, passages: 0 };

  private constructor(
    private readonly client: MeiliClient,
    private readonly names: IndexNames,
  ) {}

  static async open(client: MeiliClient, names: IndexNames): Promise<IndexLoader> {
    for (const kind of KINDS) {
      const next = `${names[kind]}_next`;
      await recreate(client, next);
      // Settings first: changing them after the documents would index everything twice.
      await client.run("PATCH", `/indexes/${next}/settings`, indexSettings(kind));
    }
    return new IndexLoader(client, names);
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

  /** Sends what is left, waits for every task, swaps the indexes in. */
  async finish(progress?: LoadProgress): Promise<void> {
    for (const kind of KINDS) await this.send(kind, this.pending[kind].flush());
    let done = 0;
    for (const t of this.tasks) {
      await this.client.waitForTask(t.uid, 3_600_000);
      progress?.(++done, this.tasks.length, t.kind);
    }
    for (const kind of KINDS) {
      if (!(await indexExists(this.client, this.names[kind]))) await this.client.run("POST", "/indexes", { uid: this.names[kind], primaryKey: "id" });
    }
    await this.client.run(
      "POST",
      "/swap-indexes",
      KINDS.map((kind) => ({ indexes: [this.names[kind], `${this.names[kind]}_next`] })),
    );
    for (const kind of KINDS) await this.client.run("DELETE", `/indexes/${this.names[kind]}_next`);
  }

  private async send(kind: IndexKind, batch: NdjsonBatch | null): Promise<void> {
    if (batch === null) return;
    const uid = await this.client.enqueue("POST", `/indexes/${this.names[kind]}_next/documents?primaryKey=id`, new NdjsonBody(batch.ndjson), 300_000);
    this.tasks.push({ kind, uid });
    this.added[kind] += batch.documents;
  }
}

/** Loads ready-made documents (all reports, then all passages) through an IndexLoader. */
export async function loadIndexes(client: MeiliClient, names: IndexNames, input: LoadInput, progress?: LoadProgress): Promise<void> {
  const loader = await IndexLoader.open(client, names);
  for (const doc of input.reports) await loader.add("reports", doc);
  for (const doc of input.passages) await loader.add("passages", doc);
  await loader.finish(progress);
}

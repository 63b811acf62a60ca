// Holds the corpus the server serves: the corpus image (derived from the store, loaded into
// SharedArrayBuffers), the corpus and indexes this thread reads over it (search snippets, the
// report view), the analytics pool whose workers attach to the same buffers, and the one result
// cache. load() is the one entry point that (re)loads everything: it replaces image, corpus and
// indexes together and empties the cache, so nothing derived from an old store stays reachable.
// When the store or the image is missing or damaged it says which file and why, and analytics
// refuse to serve numbers (search keeps working: it lives in Meilisearch).
import { basename } from "node:path";
import { readSources, StoreError } from "../../core/store.ts";
import { CorpusUnavailableError } from "../../core/errors.ts";
import { ImageError } from "../../core/image/layout.ts";
import { loadImage, type LoadedImage } from "../../core/image/reader.ts";
import type { Corpus } from "../../core/corpus/types.ts";
import { ResultCache, type Sizer } from "../cache.ts";
import { AnalyticsPool, type PoolOptions, type RunContext } from "../pool/pool.ts";
import type { AnalysisTask, TaskResult } from "../pool/tasks.ts";
import type { ReportPatch } from "../pool/worker.ts";
import { attachCorpus, ensureImage } from "./image.ts";
import type { CorpusIndexes } from "./indexes.ts";

export interface CorpusStats {
  reports: number;
  excerpts: number;
  duplicates: number;
  chars: number;
  tokens: number;
  sectors: Record<string, number>;
}

const DEFAULT_POOL: PoolOptions = { timeoutMs: 30_000, maxQueue: 64, perClient: 8 };

export class CorpusHolder {
  private image: (LoadedImage & { generation: number }) | null = null;
  private corpus: Corpus | null = null;
  private derived: CorpusIndexes | null = null;
  private problem: string | null = "corpus store not loaded yet";
  private stats: CorpusStats | null = null;
  private termCounts: { term: string; count: number }[] = [];
  private patches: { version: number; list: ReportPatch[] } = { version: 0, list: [] };
  private pool: AnalyticsPool | null = null;
  private added: { generation: number; map: Map<string, string> } | null = null;
  /** bumped on every reload and every metadata correction; result cache keys start with it */
  generation = 0;
  /** what the last load did, for the log: whether it built the image and how long it took */
  lastLoad: { builtImage: boolean; ms: number } | null = null;
  /** analytics results and search pages; keyed on the generation, emptied on reload */
  readonly cache: ResultCache;

  constructor(
    private readonly dataDir: string,
    private readonly stopwords: string[],
    cacheBytes?: number,
    private readonly poolOptions: PoolOptions = DEFAULT_POOL,
  ) {
    this.cache = new ResultCache(cacheBytes);
  }

  /**
   * (Re)loads the corpus: builds the image from the store when it is missing or stale, loads it,
   * and lets the pool's workers attach to it. Corrections set before are dropped: whoever applies
   * them applies them again after a load (`correct`).
   */
  load(): void {
    const t0 = performance.now();
    this.image = null;
    this.corpus = null;
    this.derived = null;
    this.cache.clear();
    this.patches = { version: this.patches.version + 1, list: [] };
    let built = false;
    try {
      const ensured = ensureImage(this.dataDir, this.stopwords);
      built = ensured.built;
      const image = { ...loadImage(ensured.path), generation: this.generation + 1 };
      const { corpus, ix } = attachCorpus(image, this.stopwords);
      this.image = image;
      this.corpus = corpus;
      this.derived = ix;
      this.problem = null;
      this.computeStats(corpus);
      this.pool ??= new AnalyticsPool(this.poolOptions, this.stopwords);
      void this.pool.warm({ image, patches: this.patches });
    } catch (e) {
      this.image = null;
      this.corpus = null;
      this.derived = null;
      this.stats = null;
      this.termCounts = [];
      // Named relative to the data dir: responses carry no absolute paths of this machine.
      this.problem =
        e instanceof StoreError
          ? `corpus store file store/${basename(e.file)}: ${e.detail}`
          : e instanceof ImageError
            ? `corpus image store/${basename(e.file)}: ${e.detail}`
            : `corpus store unreadable: ${String((e as Error).message).split(this.dataDir).join("<data dir>")}`;
    }
    this.generation++;
    this.lastLoad = { builtImage: built, ms: performance.now() - t0 };
  }

  get status(): { ok: boolean; message: string | null } {
    return { ok: this.corpus !== null, message: this.problem };
  }

  /** The corpus, or a 503 that names the damaged file. */
  get(): Corpus {
    if (!this.corpus) throw new CorpusUnavailableError(this.problem ?? "corpus store unavailable");
    return this.corpus;
  }

  peek(): Corpus | null {
    return this.corpus;
  }

  /** The current corpus's derived indexes, or the same 503 as get(). */
  indexes(): CorpusIndexes {
    if (!this.derived) throw new CorpusUnavailableError(this.problem ?? "corpus store unavailable");
    return this.derived;
  }

  /**
   * Sets metadata of one loaded report (a researcher's correction): here, and in every worker
   * before its next task. Cached results are dropped (a new generation). False for an unknown id.
   */
  correct(id: string, fields: ReportPatch["fields"]): boolean {
    const doc = this.corpus?.byId.get(id);
    if (!doc) return false;
    Object.assign(doc.report, fields);
    this.patches = { version: this.patches.version + 1, list: [...this.patches.list, { id, fields }] };
    this.generation++;
    this.computeStats(this.corpus!);
    return true;
  }

  /** Runs a task in the analytics pool over the loaded image (deadline, queue and per-client limits: pool.ts). */
  async run<T extends AnalysisTask>(task: T, ctx: RunContext = {}): Promise<TaskResult<T>> {
    const image = this.image;
    if (!image || !this.pool) throw new CorpusUnavailableError(this.problem ?? "corpus store unavailable");
    return (await this.pool.run({ image, patches: this.patches, task }, ctx)) as TaskResult<T>;
  }

  /** A pool task's answer through the result cache: computed in a worker on a miss. */
  cached<T extends AnalysisTask>(kind: string, key: string, task: () => T, ctx: RunContext, size: Sizer<TaskResult<T>>): Promise<TaskResult<T>> {
    return this.cache.getAsync(this.generation, kind, key, () => this.run(task(), ctx), size);
  }

  getStats(): CorpusStats {
    if (!this.stats) throw new CorpusUnavailableError(this.problem ?? "corpus store unavailable");
    return this.stats;
  }

  /** When each source of the loaded store was first added (store/sources.json `addedAt`), for the document table's "added" order. */
  sourcesAdded(): Map<string, string> {
    if (!this.added || this.added.generation !== this.generation) {
      let sources: { path: string; addedAt: string }[] = [];
      try {
        sources = readSources(this.dataDir);
      } catch {
        // a damaged registry: every report equally old, ordered by title
      }
      this.added = { generation: this.generation, map: new Map(sources.map((s) => [s.path, s.addedAt])) };
    }
    return this.added.map;
  }

  /** Corpus words by frequency, for completion. */
  vocabulary(): { term: string; count: number }[] {
    return this.termCounts;
  }

  /** Stops the pool's workers. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }

  private computeStats(c: Corpus): void {
    const s: CorpusStats = { reports: 0, excerpts: 0, duplicates: 0, chars: 0, tokens: 0, sectors: {} };
    const counts = new Uint32Array(c.vocab.length);
    for (const d of c.docs) {
      const r = d.report;
      if (r.kind === "excerpt") {
        s.excerpts++;
        continue;
      }
      if (r.duplicateOf) {
        s.duplicates++;
        continue;
      }
      s.reports++;
      s.chars += r.chars;
      s.tokens += d.wordCount;
      s.sectors[r.sector] = (s.sectors[r.sector] ?? 0) + 1;
      for (const id of d.tokenIds) counts[id]++;
    }
    this.stats = s;
    const terms: { term: string; count: number }[] = [];
    for (let id = 0; id < counts.length; id++) if (counts[id] > 0 && c.isWord[id]) terms.push({ term: c.vocab[id], count: counts[id] });
    this.termCounts = terms.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
  }
}

// Corpus management in the running server: uploads, removals and metadata corrections. Every
// change goes through the indexer's one writer (runIndexer, under the data folder's write lock),
// one job at a time, with progress the browser can poll. After a job the server loads the new
// store before answering "done"; search shows a new document only once the store holding it is
// loaded (documents carry their generation), so search and the report pages never disagree.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, unwatchFile, watchFile, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CORRECTABLE, readCorrections, writeCorrections, type Correction } from "../../core/corrections.ts";
import { BadRequestError, NotFoundError } from "../../core/errors.ts";
import { lock } from "../../core/lock.ts";
import type { Meilisearch } from "meilisearch";
import { updateDocuments, type IndexNames } from "../../core/meili/indexes.ts";
import { correctionUpdates } from "../../core/meili/requests.ts";
import { waitTask } from "../../core/meili/tasks.ts";
import { passageSpans } from "../../core/documents.ts";
import { safeName, type SourceRecord } from "../../core/sources.ts";
import { readManifest, readSources } from "../../core/store.ts";
import type { AddedFile, IndexSummary, Progress, RunOptions } from "../../indexer/run.ts";
import type { CorpusHolder } from "./holder.ts";

export interface Job {
  id: string;
  kind: "upload" | "remove";
  state: "running" | "done" | "failed";
  /** read → segment → load; `done` of `total` within the phase */
  phase: string;
  done: number;
  total: number;
  sources: string[];
  summary: IndexSummary | null;
  error: string | null;
}

export interface ManagerDeps {
  dataDir: string;
  corpus: CorpusHolder;
  admin: Meilisearch;
  names: IndexNames;
  /** runIndexer with this server's settings (start.ts) */
  index: (run: Pick<RunOptions, "add" | "remove" | "what" | "progress">) => Promise<IndexSummary>;
  /** (re)loads the store and applies the corrections file (start.ts) */
  reload: () => void;
}

/** The uploaded formats (read.ts SUPPORTED). */
const UPLOADABLE = /\.(txt|md|text|html?|docx|pdf)$/i;

export class CorpusManager {
  private readonly jobs = new Map<string, Job>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ManagerDeps) {}

  /** Every source the store was built from, newest first. */
  sources(): SourceRecord[] {
    return readSources(this.deps.dataDir).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.path < b.path ? -1 : 1));
  }

  job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new NotFoundError(`no job ${JSON.stringify(id)}`);
    return job;
  }

  /**
   * Keeps an uploaded file until a job adds it (data/incoming/<id>/<name>); returns its id. Files
   * are staged one request each (the browser shows each one's upload progress), then added together.
   */
  stage(name: string, bytes: Buffer): string {
    const clean = safeName(name);
    if (!UPLOADABLE.test(clean)) throw new BadRequestError(`${clean}: only .txt, .md, .html, .docx and .pdf files can be added`, "name", "unsupported_format");
    if (!bytes.length) throw new BadRequestError(`${clean}: the file is empty`, "body", "empty_file");
    const id = randomBytes(8).toString("hex");
    const dir = join(this.deps.dataDir, "incoming", id);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, clean), bytes, { mode: 0o600 });
    return id;
  }

  /** Adds staged files as one job; a file with the name of an earlier one replaces it. */
  add(staged: string[]): Job {
    if (!staged.length) throw new BadRequestError("nothing to add: upload files first", "add");
    const add: AddedFile[] = staged.map((id) => {
      if (!/^[0-9a-f]{16}$/.test(id)) throw new BadRequestError(`no upload ${JSON.stringify(id)}`, "add");
      const dir = join(this.deps.dataDir, "incoming", id);
      const [name] = existsSync(dir) ? readdirSync(dir) : [];
      if (!name) throw new BadRequestError(`no upload ${JSON.stringify(id)} (already added?)`, "add");
      return { path: join(dir, name), origin: "upload", name };
    });
    const dirs = staged.map((id) => join(this.deps.dataDir, "incoming", id));
    return this.start("upload", add.map((a) => `sources/${a.name}`), { add }, () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  }

  remove(path: string): Job {
    if (!readSources(this.deps.dataDir).some((s) => s.path === path)) throw new NotFoundError(`no source ${JSON.stringify(path)}`);
    return this.start("remove", [path], { remove: [path] });
  }

  /**
   * A researcher's correction of one report's metadata: kept in data/corrections.json (it
   * survives reindexing), written to Meilisearch's documents of the report and its passages, and
   * set in the loaded corpus, so every view follows at once.
   */
  async correct(id: string, correction: Correction): Promise<Correction & { at: string }> {
    const corpus = this.deps.corpus.get();
    const doc = corpus.byId.get(id);
    if (!doc) throw new NotFoundError(`no report with id ${JSON.stringify(id)}`);
    const held = await lock(this.deps.dataDir, "a metadata correction", 60_000);
    try {
      const all = readCorrections(this.deps.dataDir);
      const merged = { ...all[id], ...correction, at: new Date().toISOString() };
      const fields = Object.fromEntries(CORRECTABLE.filter((k) => merged[k] !== undefined).map((k) => [k, merged[k]]));
      // Meilisearch: the report's document and every passage of it (ids `${id}-${i}`), metadata only.
      const updates = correctionUpdates(id, passageSpans(doc.report).length, fields);
      const taskR = await updateDocuments(this.deps.admin, this.deps.names.reports, updates.reports);
      const taskP = updates.passages.length ? await updateDocuments(this.deps.admin, this.deps.names.passages, updates.passages) : null;
      await waitTask(this.deps.admin, taskR);
      if (taskP !== null) await waitTask(this.deps.admin, taskP);
      writeCorrections(this.deps.dataDir, { ...all, [id]: merged });
      this.deps.corpus.correct(id, fields);
      return merged;
    } finally {
      held.release();
    }
  }

  private start(kind: Job["kind"], sources: string[], run: Pick<RunOptions, "add" | "remove">, after?: () => void): Job {
    const job: Job = { id: randomBytes(6).toString("hex"), kind, state: "running", phase: "queued", done: 0, total: 0, sources, summary: null, error: null };
    this.jobs.set(job.id, job);
    const progress: Progress = {
      start(phase, total) {
        job.phase = phase;
        job.total = total;
        job.done = 0;
      },
      tick(n = 1) {
        job.done += n;
      },
      done() {},
    };
    // One job at a time in this server (the write lock also keeps out other processes).
    this.queue = this.queue.then(async () => {
      try {
        job.summary = await this.deps.index({ ...run, what: kind === "upload" ? "an upload in the browser" : "a removal in the browser", progress });
        job.phase = "reload";
        this.deps.reload();
        job.state = "done";
      } catch (e) {
        job.state = "failed";
        job.error = e instanceof Error ? e.message : String(e);
      } finally {
        after?.();
      }
    });
    return job;
  }
}

/**
 * Reloads the corpus when another process (`npm run index`) commits a new store: the manifest's
 * generation moves. Polled (1 s), since a rename-into-place is not reliably seen by fs.watch.
 */
export function watchStore(dataDir: string, loadedGeneration: () => number, reload: () => void): () => void {
  const file = join(dataDir, "store", "manifest.json");
  const check = () => {
    let generation: number | undefined;
    try {
      generation = readManifest(dataDir)?.generation;
    } catch {
      return; // mid-rename or damaged: the next poll sees the outcome
    }
    if (generation !== undefined && generation !== loadedGeneration()) reload();
  };
  watchFile(file, { interval: 1000 }, check);
  return () => unwatchFile(file, check);
}


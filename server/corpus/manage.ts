// Corpus management in the running server: uploads, removals and metadata corrections. Every
// change goes through the indexer's one writer (runIndexer, under the data folder's write lock),
// one job at a time, with progress the browser can poll. After a job the server loads the new
// store before answering "done"; search shows a new document only once the store holding it is
// loaded (documents carry their generation), so search and the report pages never disagree.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unwatchFile, watchFile, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Correction } from "../../core/corrections.ts";
import { BadRequestError, NotFoundError } from "../../core/errors.ts";
import type { Meilisearch } from "meilisearch";
import type { IndexNames } from "../../core/meili/indexes.ts";
import { safeName, type SourceRecord } from "../../core/sources.ts";
import { readManifest, readSources } from "../../core/store.ts";
import type { AddedFile, AddedResult, IndexSummary, Progress, RunOptions } from "../../indexer/run.ts";
import type { CorpusHolder } from "./holder.ts";
import { correctReports, undoCorrection } from "./corrections.ts";
import { writeAtomic } from "../../core/atomicWrite.ts";

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
  /** per added file: added, renamed (to `path`), replaced, duplicate (of `copyOf`), skipped (`reason`) */
  files: AddedResult[];
  /** when the server stopped in the middle of this job (killed, crashed) and its next start resumed it */
  resumedAt: string | null;
}

/**
 * A job as kept in data/jobs/<id>.json, written before its work starts and again when it ends, so
 * a server killed mid-job finishes it on its next start and can still answer for it.
 */
interface JobRecord {
  job: Job;
  /** what it was asked to do: uploads (data/incoming/<upload>/<name>) or a source to remove */
  add?: { upload: string; name: string }[];
  replace?: boolean;
  remove?: string[];
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

/** How long an ended job's record (data/jobs/<id>.json) is kept. */
const JOB_DAYS = 30;

/** The uploaded formats (read.ts SUPPORTED). */
const UPLOADABLE = /\.(txt|md|text|html?|docx|pdf)$/i;

export class CorpusManager {
  private readonly records = new Map<string, JobRecord>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ManagerDeps) {}

  /** Every source the store was built from, newest first. */
  sources(): SourceRecord[] {
    return readSources(this.deps.dataDir).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.path < b.path ? -1 : 1));
  }

  job(id: string): Job {
    const rec = this.records.get(id);
    if (!rec) throw new NotFoundError(`no job ${JSON.stringify(id)}`);
    return rec.job;
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

  /**
   * Adds staged files as one job. A name already taken by different bytes keeps both: the new file
   * is renamed "name (2).ext"; with `replace`, it replaces the source of that name instead.
   */
  add(staged: string[], replace = false): Job {
    if (!staged.length) throw new BadRequestError("nothing to add: upload files first", "add");
    if (new Set(staged).size !== staged.length) throw new BadRequestError("an upload id is listed twice", "add");
    const add = staged.map((upload) => {
      if (!/^[0-9a-f]{16}$/.test(upload)) throw new BadRequestError(`no upload ${JSON.stringify(upload)}`, "add");
      const dir = join(this.deps.dataDir, "incoming", upload);
      const [name] = existsSync(dir) ? readdirSync(dir) : [];
      if (!name) throw new BadRequestError(`no upload ${JSON.stringify(upload)} (already added?)`, "add");
      return { upload, name };
    });
    return this.start(this.record("upload", add.map((a) => `sources/${a.name}`), { add, replace }));
  }

  remove(path: string): Job {
    if (!readSources(this.deps.dataDir).some((s) => s.path === path)) throw new NotFoundError(`no source ${JSON.stringify(path)}`);
    return this.start(this.record("remove", [path], { remove: [path] }));
  }

  /**
   * On start: every job record is answered again, and a job the last server did not finish (it was
   * killed or crashed) is run again from its uploads, which stay in data/incoming until a job ends.
   * Running an upload twice keeps nothing twice: a file already kept with the same bytes is reused.
   */
  resume(): Job[] {
    const dir = join(this.deps.dataDir, "jobs");
    const resumed: Job[] = [];
    for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
      if (!/^[0-9a-f]{12}\.json$/.test(file)) {
        if (file.endsWith(".tmp")) rmSync(join(dir, file), { force: true }); // a write cut short
        continue;
      }
      let rec: JobRecord;
      try {
        rec = JSON.parse(readFileSync(join(dir, file), "utf8")) as JobRecord;
      } catch {
        continue; // written atomically: a damaged record is not ours to guess at
      }
      this.records.set(rec.job.id, rec);
      if (rec.job.state !== "running") {
        // ended, but killed before its uploads were cleared
        for (const a of rec.add ?? []) rmSync(join(this.deps.dataDir, "incoming", a.upload), { recursive: true, force: true });
        // an ended job is answered for 30 days, then its record goes
        if (Date.now() - statSync(join(dir, file)).mtimeMs > JOB_DAYS * 86_400_000) {
          this.records.delete(rec.job.id);
          rmSync(join(dir, file), { force: true });
        }
        continue;
      }
      rec.job.resumedAt = new Date().toISOString();
      rec.job.phase = "queued";
      const missing = (rec.add ?? []).filter((a) => !existsSync(join(this.deps.dataDir, "incoming", a.upload, a.name)));
      rec.job.files = missing.map((a) => ({ name: a.name, path: "", outcome: "skipped", reason: "the upload was gone when the server restarted" }));
      rec.add = rec.add?.filter((a) => !missing.includes(a));
      if (rec.job.kind === "upload" && !rec.add?.length) {
        rec.job.state = "failed";
        rec.job.error = "the server stopped during this job and its uploads were gone when it restarted";
        this.save(rec);
        continue;
      }
      resumed.push(this.start(rec));
    }
    return resumed;
  }

  /**
   * A researcher's correction of report metadata, one report or many in one write, and undo
   * (server/corpus/corrections.ts); `who` goes into the history.
   */
  correct(ids: string[], set: Correction, who: string): ReturnType<typeof correctReports> {
    return correctReports(this.deps, ids, set, who);
  }

  undo(req: { entry: number } | { report: string }, who: string): ReturnType<typeof undoCorrection> {
    return undoCorrection(this.deps, req, who);
  }

  /** A new job's record, on disk before anything is done for it. */
  private record(kind: Job["kind"], sources: string[], what: Omit<JobRecord, "job">): JobRecord {
    const job: Job = { id: randomBytes(6).toString("hex"), kind, state: "running", phase: "queued", done: 0, total: 0, sources, summary: null, error: null, files: [], resumedAt: null };
    const rec = { job, ...what };
    this.save(rec);
    this.records.set(job.id, rec);
    return rec;
  }

  /** Written whole and renamed into place: a kill leaves the old record or the new one. */
  private save(rec: JobRecord): void {
    const dir = join(this.deps.dataDir, "jobs");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `${rec.job.id}.json`);
    writeAtomic(file, JSON.stringify(rec));
  }

  private start(rec: JobRecord): Job {
    const { job } = rec;
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
    const incoming = (rec.add ?? []).map((a) => join(this.deps.dataDir, "incoming", a.upload));
    const add: AddedFile[] = (rec.add ?? []).map((a, i) => ({ path: join(incoming[i], a.name), origin: "upload", name: a.name, replace: rec.replace }));
    const run: Pick<RunOptions, "add" | "remove"> = job.kind === "upload" ? { add } : { remove: rec.remove };
    // One job at a time in this server (the write lock also keeps out other processes).
    this.queue = this.queue.then(async () => {
      try {
        job.summary = await this.deps.index({ ...run, what: job.kind === "upload" ? "an upload in the browser" : "a removal in the browser", progress });
        job.files = [...job.files, ...job.summary.files];
        // the names the files are kept under, now that they are known ("报告 (2).txt")
        if (job.kind === "upload") job.sources = [...new Set(job.files.map((f) => f.path).filter(Boolean))];
        job.phase = "reload";
        this.deps.reload();
        job.state = "done";
      } catch (e) {
        job.state = "failed";
        job.error = e instanceof Error ? e.message : String(e);
        // the indexer took back what it had kept of them (indexer/run.ts rollBack)
        job.files = [...job.files, ...add.map((a) => ({ name: a.name!, path: "", outcome: "skipped" as const, reason: `not added: the job failed (${job.error})` }))];
      }
      // The outcome is on disk before the uploads go: a kill in between resumes nothing twice.
      try {
        this.save(rec);
      } finally {
        for (const d of incoming) rmSync(d, { recursive: true, force: true });
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


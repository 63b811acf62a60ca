// Wires the stages together: sources → read → (clean → split → dedupe → classify) → segment →
// Meilisearch → corpus store. The only place that knows the order.
//
// One run at a time per data folder (core/lock.ts). A run compares the sources the store was built
// from (store/sources.json) with the sources wanted now — the corpus folder's files, the files kept
// in the data folder, what is being added or removed — and does only what changed:
// - "unchanged": nothing to do;
// - "incremental": new and changed sources are read and segmented, their documents added to the
//   live Meilisearch indexes, removed ones deleted; unchanged reports are copied into the new store
//   as stored (not re-segmented, not re-sent);
// - "rebuild" (--reset, --rediscover, a new pipeline, dictionary or synonyms, no usable store):
//   everything, into per-run indexes swapped in at the end. A rebuild first discovers the corpus's
//   own words (indexer/discover.ts) into the data folder's dictionary.discovered.txt and segments
//   with corpus/dict.txt plus them; an incremental run keeps that file as it is, so adding a file
//   never re-segments the corpus.
// Meilisearch first, the store last: the store is committed only once Meilisearch has every
// document, and documents carry the store generation that added them, so a server shows a new
// document only once it has loaded the store that holds it.
import { createHash } from "node:crypto";
import type { Meilisearch } from "meilisearch";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { corrected, CorrectionsError, readCorrections, retireCorrections } from "../core/corrections.ts";
import { documentContext, toPassageDocuments, toReportDocument, type DocumentContext } from "../core/documents.ts";
import { lock } from "../core/lock.ts";
import { guardTasks } from "../core/meili/tasks.ts";
import { diskFull, freeBytes } from "../core/disk.ts";
import type { IndexNames } from "../core/meili/indexes.ts";
import type { Report, Tokens } from "../core/model.ts";
import { synonymSequences } from "../core/query.ts";
import { MANAGED_DIR, managedPath, type Origin, type SourceRecord } from "../core/sources.ts";
import { iterateRawLines, iterateReports, readManifest, readSources, STORE_VERSION, storeDamage, StoreWriter, sweepLeftovers, type StoreManifest } from "../core/store.ts";
import { segmentationDictionary } from "../core/resources.ts";
import { createSegmenter, type Segmenter } from "../core/text/segment.ts";
import { dedupe } from "./dedupe.ts";
import { rediscover } from "./discover.ts";
import { IndexLoader, sweepRunIndexes } from "./load.ts";
import { buildReports, type PageInput } from "./pipeline.ts";
import { listFiles, readFile } from "./read.ts";

/** Bump when a stage changes its output, so the next run rebuilds an unchanged corpus. 7: reports titled by their own title line (or opening words), with `pageTitle`. */
export const PIPELINE_VERSION = 7;

export interface Progress {
  start(phase: string, total: number): void;
  tick(n?: number): void;
  done(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, done() {} };

export interface IndexSummary {
  mode: "unchanged" | "incremental" | "rebuild";
  filesRead: number;
  filesSkipped: { source: string; reason: string }[];
  /** sources whose reports were added or replaced, and sources taken out */
  added: string[];
  removed: string[];
  /** byte-identical sources: indexed once, under `copyOf` */
  copies: { source: string; copyOf: string }[];
  /** what became of each file of `add`, in the order given */
  files: AddedResult[];
  reports: number;
  excerpts: number;
  duplicateGroups: number;
  duplicates: number;
  bySector: Record<string, number>;
  byDocType: Record<string, number>;
  byYear: Record<string, number>;
  warnings: string[];
  chars: number;
  passages: number;
  generation: number;
  seconds: number;
}

export interface AddedFile {
  /** a file or folder to add; its bytes are copied into the data folder */
  path: string;
  origin: Exclude<Origin, "corpus">;
  /** the name to keep it under (an upload's original name); default its file name */
  name?: string;
  /**
   * replace the source already kept under that name (a new version on purpose); otherwise a file
   * whose name is taken by different bytes is kept under a free name: "报告 (2).txt"
   */
  replace?: boolean;
}

/**
 * What became of one added file. added: a new source at `path`; renamed: the same, under a free
 * name since its own was taken by different bytes; replaced: the new content of the source at
 * `path`; duplicate: byte-identical to `copyOf`, which holds its reports; skipped: not indexed.
 */
export interface AddedResult {
  /** the name it was added under */
  name: string;
  /** the registry path it is kept at ("" when it was never kept) */
  path: string;
  outcome: "added" | "renamed" | "replaced" | "duplicate" | "skipped";
  copyOf?: string;
  reason?: string;
}

export interface RunOptions {
  /** the corpus folder (WENYUAN_CORPUS_DIR): its files are sources of origin "corpus" */
  corpusDir: string;
  dataDir: string;
  add?: AddedFile[];
  /** registry paths (SourceRecord.path) to take out */
  remove?: string[];
  /** read every source again and rebuild Meilisearch from scratch */
  reset?: boolean;
  /** discover the corpus's words again (a rebuild) */
  rediscover?: boolean;
  client: Meilisearch;
  names: IndexNames;
  /** built with `dictionary` alone: discovery cuts with it */
  segmenter: Segmenter;
  /** corpus/dict.txt (the data folder's discovered words are added here), synonyms: a change means a rebuild */
  dictionary: string;
  synonyms: Record<string, string[]>;
  progress?: Progress;
  /** who is writing (shown to a second run that finds the lock taken) */
  what?: string;
  /** how long to wait for another run to finish; default 0: fail at once, naming it */
  lockWaitMs?: number;
  /** how the store is checked before it is built upon (core/store.ts storeDamage); default "checksums" */
  verifyStore?: "checksums" | "sizes";
}

const sha = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");

/** What the reports are built with: a change means every source is read again. */
export function pipelineHash(opts: { dictionary: string; synonyms: unknown; segmenter: string }): string {
  return sha(`v${PIPELINE_VERSION}\n${opts.segmenter}\n${sha(opts.dictionary)}\n${sha(JSON.stringify(opts.synonyms))}\n`);
}

export async function runIndexer(opts: RunOptions): Promise<IndexSummary> {
  const held = await lock(opts.dataDir, opts.what ?? "npm run index", opts.lockWaitMs ?? 0);
  const placed: string[] = [];
  // Meilisearch on a full disk never finishes its tasks: said at once, not after ten minutes
  const unguard = guardTasks(opts.client, () => {
    if (freeBytes(opts.dataDir) < 1024 * 1024) throw diskFull(opts.dataDir, "Meilisearch cannot write its index");
  });
  try {
    return await run(opts, placed);
  } catch (e) {
    rollBack(opts.dataDir, placed);
    throw e;
  } finally {
    unguard();
    held.release();
  }
}

/** A failed run takes back the added files it kept that no committed source holds. */
function rollBack(dataDir: string, placed: string[]): void {
  let kept: Set<string>;
  try {
    kept = new Set(readSources(dataDir).map((r) => r.path));
  } catch {
    return; // cannot tell what the store holds: keep every byte
  }
  for (const path of placed) if (!kept.has(path)) rmSync(join(dataDir, path), { force: true });
}

/** `name` with " (n)" before its extension: "报告.txt" → "报告 (2).txt". */
function numbered(name: string, n: number): string {
  if (n === 1) return name;
  const ext = extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

interface Wanted {
  path: string;
  abs: string;
  /** what readFile names sources relative to */
  root: string;
  origin: Origin;
  bytes: number;
  mtimeMs: number;
}

async function run(opts: RunOptions, placed: string[]): Promise<IndexSummary> {
  const t0 = performance.now();
  const progress = opts.progress ?? silentProgress;
  const { dataDir } = opts;
  // Holding the lock, anything a crashed run left is ours to remove.
  sweepLeftovers(dataDir);
  await sweepRunIndexes(opts.client, opts.names);

  // the dictionary the store is built with: a reviewer's edit of the discovered words is a change too
  let dictionary = segmentationDictionary(opts.dictionary, dataDir);
  const hashOf = () => pipelineHash({ dictionary, synonyms: opts.synonyms, segmenter: opts.segmenter.engine });
  let hash = hashOf();
  let manifest: StoreManifest | null = null;
  let registry: SourceRecord[] = [];
  // A damaged store is rebuilt from its sources, not built upon.
  let usable = storeDamage(dataDir, opts.verifyStore ?? "checksums") === null;
  try {
    manifest = readManifest(dataDir);
    registry = readSources(dataDir);
  } catch {
    usable = false;
  }
  const rebuild = Boolean(opts.reset) || Boolean(opts.rediscover) || !usable || !manifest || manifest.version !== STORE_VERSION || manifest.corpusHash !== hash;
  const generation = (manifest?.generation ?? 0) + 1;
  const now = new Date().toISOString();
  const previous = new Map(registry.map((r) => [r.path, r]));
  const removing = new Set(opts.remove ?? []);

  // 1. Added files are copied into the data folder first: from then on they are sources like any
  // other. A name taken by different bytes (an earlier source, or a file of this same batch) is
  // never overwritten unless asked to: the file is kept under the next free "name (n)".
  const addedNow = new Map<string, Origin>();
  const addSkipped: { source: string; reason: string }[] = [];
  const thisRun = new Map<string, string>(); // path → sha256 of what this run keeps there
  const placements: { name: string; path: string; renamed: boolean; replaced: boolean; existing: boolean }[] = [];
  const results: AddedResult[] = [];
  for (const a of opts.add ?? []) {
    const listed = await listFiles([a.path], dirname(resolve(a.path)));
    addSkipped.push(...listed.skipped);
    for (const s of listed.skipped) results.push({ name: a.name ?? basename(s.source), path: "", outcome: "skipped", reason: s.reason });
    const folder = existsSync(a.path) && statSync(a.path).isDirectory() ? resolve(a.path) : null;
    for (const file of listed.files) {
      const name = folder ? relative(folder, file).split(sep).join("__") : (a.name ?? basename(file));
      const hash = sha(readFileSync(file));
      let path = "";
      let existing = false;
      let replaced = false;
      for (let n = 1; ; n++) {
        path = managedPath(numbered(name, n));
        const abs = join(dataDir, path);
        const there = thisRun.get(path) ?? (existsSync(abs) ? sha(readFileSync(abs)) : undefined);
        if (there === undefined) break;
        // the same bytes again: nothing new to keep (a re-upload, or a run resumed after a crash)
        if (there === hash) {
          existing = thisRun.has(path) || previous.has(path);
          break;
        }
        if (n === 1 && a.replace && !thisRun.has(path) && previous.has(path)) {
          replaced = true;
          break;
        }
      }
      if (!existing) {
        mkdirSync(join(dataDir, MANAGED_DIR), { recursive: true });
        copyFileSync(file, join(dataDir, path));
      }
      if (!thisRun.has(path) && !previous.has(path)) placed.push(path);
      thisRun.set(path, hash);
      placements.push({ name, path, renamed: path !== managedPath(name), replaced, existing });
      addedNow.set(path, a.origin);
      removing.delete(path);
    }
  }

  // 2. The sources wanted now.
  const listed = await listFiles([opts.corpusDir], opts.corpusDir);
  const wanted: Wanted[] = [];
  const stamp = (abs: string) => {
    const st = statSync(abs);
    return { bytes: st.size, mtimeMs: Math.trunc(st.mtimeMs) };
  };
  for (const abs of listed.files) {
    const path = relative(opts.corpusDir, abs).split(sep).join("/");
    wanted.push({ path, abs, root: opts.corpusDir, origin: "corpus", ...stamp(abs) });
  }
  const managed = new Set([...registry.filter((r) => r.origin !== "corpus").map((r) => r.path), ...addedNow.keys()]);
  for (const path of [...managed].sort()) {
    const abs = join(dataDir, path);
    if (removing.has(path) || !existsSync(abs)) continue;
    wanted.push({ path, abs, root: dataDir, origin: addedNow.get(path) ?? previous.get(path)?.origin ?? "cli", ...stamp(abs) });
  }

  // 3. Which sources must be read: new, changed, re-added, removed-then-restored, or all on a rebuild.
  const wantedPaths = new Set(wanted.map((w) => w.path));
  const gone = new Set(registry.filter((r) => !wantedPaths.has(r.path) || removing.has(r.path)).map((r) => r.path));
  const unchanged = (w: Wanted) => {
    const old = previous.get(w.path);
    return !rebuild && old !== undefined && !addedNow.has(w.path) && old.bytes === w.bytes && old.mtimeMs === w.mtimeMs;
  };
  let toRead = wanted.filter((w) => !unchanged(w));
  // A kept copy whose original is going away or changing is read again: it may become the original.
  const changing = new Set([...gone, ...toRead.map((w) => w.path)]);
  toRead = wanted.filter((w) => !unchanged(w) || (previous.get(w.path)?.copyOf !== undefined && changing.has(previous.get(w.path)!.copyOf!)));
  const reading = new Set(toRead.map((w) => w.path));

  // 4. Read them.
  const skipped: { source: string; reason: string }[] = [...addSkipped, ...listed.skipped];
  const records = new Map<string, SourceRecord>();
  for (const w of wanted) if (!reading.has(w.path)) records.set(w.path, previous.get(w.path)!);
  const fresh: { w: Wanted; sha256: string; text: string; old: SourceRecord | undefined }[] = [];
  // Nothing to read (an unchanged corpus at start): no progress line at all.
  const reads = toRead.length ? progress : silentProgress;
  reads.start("read", toRead.length);
  for (const w of toRead) {
    const r = await readFile(w.abs, w.root);
    reads.tick();
    const old = previous.get(w.path);
    const base = { path: w.path, origin: w.origin, bytes: w.bytes, mtimeMs: w.mtimeMs, addedAt: old?.addedAt ?? now, updatedAt: now, reports: [] as string[], gen: generation };
    if (!r.ok) {
      skipped.push({ source: w.path, reason: r.reason });
      records.set(w.path, { ...base, sha256: null, status: "skipped", reason: r.reason });
      continue;
    }
    if (old?.status === "removed" && old.sha256 === r.sha256 && !addedNow.has(w.path) && !removing.has(w.path)) {
      records.set(w.path, { ...old, bytes: w.bytes, mtimeMs: w.mtimeMs });
      continue;
    }
    fresh.push({ w, sha256: r.sha256, text: r.text, old });
  }
  reads.done();
  // Corpus-folder files removed in the browser stay in the registry, kept out until they change.
  for (const path of removing) {
    const old = previous.get(path);
    const w = wanted.find((x) => x.path === path);
    if (old?.origin === "corpus" && w) records.set(path, { ...old, status: "removed", reports: [], copyOf: undefined, updatedAt: now });
  }

  // 5. Byte-identical sources are indexed once: the first (already indexed, else by path) holds the reports.
  const original = new Map<string, string>();
  for (const r of records.values()) if (r.status === "indexed" && r.sha256) original.set(r.sha256, r.path);
  const inputs: PageInput[] = [];
  const copies: { source: string; copyOf: string }[] = [];
  for (const f of fresh.sort((a, b) => (a.w.path < b.w.path ? -1 : 1))) {
    const unchangedContent = !rebuild && f.old?.sha256 === f.sha256 && f.old.status === "indexed" && !gone.has(f.w.path);
    const base = { path: f.w.path, origin: f.w.origin, sha256: f.sha256, bytes: f.w.bytes, mtimeMs: f.w.mtimeMs, addedAt: f.old?.addedAt ?? now, updatedAt: now };
    const first = original.get(f.sha256);
    if (first !== undefined && first !== f.w.path) {
      records.set(f.w.path, { ...base, status: "copy", copyOf: first, reports: [], gen: generation });
      copies.push({ source: f.w.path, copyOf: first });
      continue;
    }
    original.set(f.sha256, f.w.path);
    if (unchangedContent) {
      // touched, not changed: its reports stay as they are
      records.set(f.w.path, { ...f.old!, bytes: f.w.bytes, mtimeMs: f.w.mtimeMs });
      continue;
    }
    // Content seen before keeps the generation that first added it (a rebuild hides nothing it already showed).
    const gen = f.old?.sha256 === f.sha256 ? f.old.gen : generation;
    records.set(f.w.path, { ...base, status: "indexed", reports: [], gen });
    inputs.push({ source: f.w.path, parentId: f.sha256.slice(0, 16), text: f.text });
  }
  fresh.length = 0;
  for (const p of placements) {
    const r = records.get(p.path);
    const name = p.name;
    if (!r || r.status === "skipped") results.push({ name, path: p.path, outcome: "skipped", reason: r?.reason ?? "not read" });
    else if (r.status === "copy") results.push({ name, path: p.path, outcome: "duplicate", copyOf: r.copyOf });
    else if (p.existing) results.push({ name, path: p.path, outcome: "duplicate", copyOf: p.path });
    else results.push({ name, path: p.path, outcome: p.replaced ? "replaced" : p.renamed ? "renamed" : "added" });
  }

  // What leaves the corpus: every stored report no record keeps (a record being indexed afresh has
  // none yet; an unchanged or merely touched source keeps its own).
  const keptIds = new Set(rebuild ? [] : [...records.values()].flatMap((r) => r.reports));
  const dropped = new Set<string>();
  for (const r of registry) for (const id of r.reports) if (!keptIds.has(id)) dropped.add(id);

  if (!rebuild && !inputs.length && !dropped.size && sameRegistry(registry, records)) {
    // a damaged corrections file does not stop an unchanged start (the server says so and applies none)
    try {
      retireLeavers(opts, registry, registry, gone);
    } catch (e) {
      if (!(e instanceof CorrectionsError || e instanceof SyntaxError)) throw e;
    }
    const summary = summarize({ mode: "unchanged", reports: [], skipped, copies, files: results, added: [], removed: [], warnings: [], passages: 0, generation: manifest!.generation, filesRead: 0, t0 });
    return { ...summary, reports: manifest!.reports };
  }

  // 6. Reports: the kept ones from the store (texts only, for duplicate links), then the new ones.
  const built = buildReports(inputs);
  inputs.length = 0;
  if (rebuild) {
    // every report is being segmented anyway: the time to learn the corpus's words
    progress.start("discover", 1);
    await rediscover(dataDir, opts.dictionary, built.reports, opts.segmenter.engine);
    dictionary = segmentationDictionary(opts.dictionary, dataDir);
    hash = hashOf();
    progress.tick();
    progress.done();
  }
  const segmenter = dictionary === opts.dictionary ? opts.segmenter : createSegmenter(opts.segmenter.engine, dictionary);
  for (const r of built.reports) records.get(r.source)!.reports.push(r.id);
  const stored: (Report | null)[] = rebuild ? [] : [...iterateReports(dataDir)].map((r) => (r && !dropped.has(r.id) ? r : null));
  const kept = stored.filter((r): r is Report => r !== null);
  const all = [...kept, ...built.reports];
  const relinked = kept.length && (built.reports.length || dropped.size) ? relinkDuplicates(all) : new Set<string>();

  // 7. Meilisearch first, then the store.
  const corrections = readCorrections(dataDir);
  const documents = documentContext(synonymSequences(segmenter, opts.synonyms));
  const genOf = (r: Report) => records.get(r.source)?.gen ?? generation;
  const loader = await IndexLoader.open(opts.client, opts.names, rebuild ? "rebuild" : "live");
  const writer = new StoreWriter(dataDir);
  const send = async (r: Report, tokens: Tokens, syn: DocumentContext) => {
    const shown = corrected(r, corrections);
    await loader.add("reports", toReportDocument(shown, tokens, syn, genOf(r)));
    for (const doc of toPassageDocuments(shown, tokens, syn, genOf(r))) await loader.add("passages", doc);
  };
  progress.start("segment", stored.length + built.reports.length);
  try {
    if (!rebuild) {
      await loader.remove([...dropped, ...relinked]);
      let i = 0;
      for (const { reportLine, tokensLine } of iterateRawLines(dataDir)) {
        const r = stored[i++];
        progress.tick();
        if (!r) continue;
        if (!relinked.has(r.id)) {
          writer.addRaw(reportLine, tokensLine);
          continue;
        }
        const { tokens, tags } = JSON.parse(tokensLine) as { tokens: Tokens; tags?: string[] };
        writer.add(r, tokens, tags);
        await send(r, tokens, documents);
      }
    }
    for (const r of built.reports) {
      const { tokens, tags } = segmenter.tag(r.text);
      writer.add(r, tokens, tags);
      await send(r, tokens, documents);
      progress.tick();
    }
    progress.done();
    progress.start("load", 1);
    await loader.finish();
    progress.tick();
    progress.done();
  } catch (e) {
    writer.abort();
    await loader.abort(generation);
    throw e;
  }
  const sources = [...records.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  writer.commit({ corpusHash: hash, segmenter: opts.segmenter.engine, generation, sources });
  retireLeavers(opts, sources, registry, gone);
  // Only now, with the store committed, the kept bytes of removed sources go.
  for (const path of gone) if (!records.has(path) && previous.get(path)?.origin !== "corpus") rmSync(join(dataDir, path), { force: true });

  return summarize(
    {
      mode: rebuild ? "rebuild" : "incremental",
      reports: all,
      skipped,
      copies,
      files: results,
      added: [...new Set(built.reports.map((r) => r.source))].sort(),
      removed: [...gone].filter((p) => !records.has(p) || records.get(p)!.status === "removed").sort(),
      warnings: built.warnings,
      passages: loader.added.passages,
      generation,
      filesRead: toRead.length - skipped.filter((s) => reading.has(s.source)).length,
      t0,
    },
  );
}

/**
 * Corrections of reports the committed store no longer holds are retired (core/corrections.ts),
 * so the same id coming back later does not silently bring an old correction with it.
 */
function retireLeavers(opts: RunOptions, now: SourceRecord[], before: SourceRecord[], gone: Set<string>): void {
  const present = new Set(now.flatMap((s) => s.reports));
  const sourceOf = new Map(before.flatMap((s) => s.reports.map((id) => [id, s.path] as const)));
  retireCorrections(opts.dataDir, present, opts.what ?? "npm run index", (id) => {
    const source = sourceOf.get(id);
    return source !== undefined && gone.has(source) ? `source removed: ${source}` : source !== undefined ? `no longer in the corpus after reindexing ${source}` : "not in the corpus";
  });
}

/** Duplicate links recomputed over the whole corpus; returns the kept reports whose links changed. */
function relinkDuplicates(reports: Report[]): Set<string> {
  const links = dedupe(reports.map((r) => ({ id: r.id, kind: r.kind, text: r.text })));
  const changed = new Set<string>();
  for (const r of reports) {
    const duplicateOf = links.duplicateOf.get(r.id) ?? null;
    const duplicates = links.duplicates.get(r.id) ?? [];
    if (duplicateOf !== r.duplicateOf || duplicates.join() !== r.duplicates.join()) changed.add(r.id);
    r.duplicateOf = duplicateOf;
    r.duplicates = duplicates;
  }
  return changed;
}

function sameRegistry(before: SourceRecord[], after: Map<string, SourceRecord>): boolean {
  return before.length === after.size && before.every((r) => JSON.stringify(after.get(r.path)) === JSON.stringify(r));
}

function count<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return out;
}

interface Outcome {
  mode: IndexSummary["mode"];
  reports: Report[];
  skipped: { source: string; reason: string }[];
  copies: { source: string; copyOf: string }[];
  files: AddedResult[];
  added: string[];
  removed: string[];
  warnings: string[];
  passages: number;
  generation: number;
  filesRead: number;
  t0: number;
}

/** An unchanged run's counts other than `reports` are left empty: it read nothing. */
function summarize(o: Outcome): IndexSummary {
  const reports = o.reports;
  const mains = reports.filter((r) => r.kind === "report");
  return {
    mode: o.mode,
    filesRead: o.filesRead,
    filesSkipped: o.skipped,
    added: o.added,
    removed: o.removed,
    copies: o.copies,
    files: o.files,
    reports: mains.length,
    excerpts: reports.length - mains.length,
    duplicateGroups: mains.filter((r) => r.duplicates.length > 0).length,
    duplicates: mains.filter((r) => r.duplicateOf !== null).length,
    bySector: count(mains, (r) => r.sector),
    byDocType: count(mains, (r) => r.docType),
    byYear: count(mains, (r) => String(r.year ?? "unknown")),
    warnings: o.warnings,
    chars: reports.reduce((s, r) => s + r.chars, 0),
    passages: o.passages,
    generation: o.generation,
    seconds: (performance.now() - o.t0) / 1000,
  };
}

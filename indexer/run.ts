// Wires the stages together: list → read → (clean → split → dedupe → classify)
// → segment → corpus store → Meilisearch. The only place that knows the order.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { MeiliClient } from "../core/meili/client.ts";
import { toPassageDocuments, toReportDocument } from "../core/documents.ts";
import { synonymSequences } from "../core/query.ts";
import { dedupe } from "./dedupe.ts";
import { IndexLoader } from "./load.ts";
import type { IndexNames } from "../core/meili/indexes.ts";
import { buildReports } from "./pipeline.ts";
import { listFiles, readFile } from "./read.ts";
import type { Segmenter } from "../core/text/segment.ts";
import { readStore, StoreWriter } from "../core/store.ts";
import type { Report, Tokens } from "../core/model.ts";

/** Bump when a stage changes its output, so `npm start` reindexes an unchanged corpus. */
export const PIPELINE_VERSION = 3;

export interface Progress {
  start(phase: string, total: number): void;
  tick(n?: number): void;
  done(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, done() {} };

export interface IndexSummary {
  filesRead: number;
  filesSkipped: { source: string; reason: string }[];
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
  seconds: number;
}

export interface RunOptions {
  paths: string[];
  root: string;
  dataDir: string;
  reset: boolean;
  client: MeiliClient;
  names: IndexNames;
  segmenter: Segmenter;
  /** project dictionary, synonyms: part of the corpus hash */
  dictionary: string;
  synonyms: Record<string, string[]>;
  progress?: Progress;
}

const sha = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");

/**
 * Identity of what an index was built from: every listed file's bytes plus the
 * pipeline's resources. `npm start` compares it with the store's to decide
 * whether to reindex.
 */
export function corpusFingerprint(
  files: string[],
  root: string,
  opts: { dictionary: string; synonyms: unknown; segmenter: string },
  /** digests already computed while reading, by path; other files are read here */
  known: ReadonlyMap<string, string> = new Map(),
): string {
  const h = createHash("sha256");
  h.update(`v${PIPELINE_VERSION}\n${opts.segmenter}\n${sha(opts.dictionary)}\n${sha(JSON.stringify(opts.synonyms))}\n`);
  for (const file of [...files].sort()) {
    let digest = known.get(file);
    if (digest === undefined) {
      try {
        digest = sha(readFileSync(file));
      } catch {
        digest = "unreadable";
      }
    }
    h.update(`${relative(root, file)}\t${digest}\n`);
  }
  return h.digest("hex");
}

function count<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return out;
}

export async function runIndexer(opts: RunOptions): Promise<IndexSummary> {
  const t0 = performance.now();
  const progress = opts.progress ?? silentProgress;
  const listed = await listFiles(opts.paths, opts.root);
  const skipped = [...listed.skipped];
  const inputs: { source: string; parentId: string; text: string }[] = [];

  progress.start("read", listed.files.length);
  const digests = new Map<string, string>();
  for (const path of listed.files) {
    const result = await readFile(path, opts.root);
    progress.tick();
    if (!result.ok) {
      skipped.push({ source: result.source, reason: result.reason });
      continue;
    }
    digests.set(path, result.sha256);
    inputs.push({ source: result.source, parentId: result.sha256.slice(0, 16), text: result.text });
  }
  progress.done();

  const built = buildReports(inputs);
  const readSources = new Set(inputs.map((i) => i.source).concat(skipped.map((s) => s.source)));
  const filesRead = inputs.length;
  inputs.length = 0; // page texts are no longer needed; the reports hold what is kept

  // Without --reset, reports from files not read this time are kept (with their stored tokens:
  // an incremental run is small, so holding the kept ones is fine).
  const keptTokens = new Map<string, Tokens>();
  const keptReports: Report[] = [];
  if (!opts.reset) {
    let old: { report: Report; tokens: Tokens }[] = [];
    try {
      old = readStore(opts.dataDir).entries;
    } catch {
      old = []; // no store yet, or a damaged one: nothing to keep
    }
    for (const e of old) {
      if (readSources.has(e.report.source)) continue;
      keptReports.push(e.report);
      keptTokens.set(e.report.id, e.tokens);
    }
  }
  const reports = [...keptReports, ...built.reports];
  // buildReports already linked the fresh reports; only a mix with kept ones needs a new pass.
  if (keptReports.length) relinkDuplicates(reports);

  // A store that also keeps reports from earlier runs is not the image of these files alone.
  const hash = keptReports.length ? `mixed-${Date.now()}` : corpusFingerprint(listed.files, opts.root, { dictionary: opts.dictionary, synonyms: opts.synonyms, segmenter: opts.segmenter.engine }, digests);

  // One pass per report: segment, append to the store, hand its documents to Meilisearch.
  // Each report's tokens live only for its iteration (at 100k reports, all of them at once were
  // ~10 GB of strings), and Meilisearch starts indexing the first batches while we segment the rest.
  const synonyms = synonymSequences(opts.segmenter, opts.synonyms);
  const loader = await IndexLoader.open(opts.client, opts.names);
  const writer = new StoreWriter(opts.dataDir);
  progress.start("segment", reports.length);
  try {
    for (const report of reports) {
      const tokens = keptTokens.get(report.id) ?? opts.segmenter.cut(report.text);
      writer.add(report, tokens);
      await loader.add("reports", toReportDocument(report, tokens, synonyms));
      for (const doc of toPassageDocuments(report, tokens, synonyms)) await loader.add("passages", doc);
      progress.tick();
    }
  } catch (e) {
    writer.abort();
    throw e;
  }
  progress.done();
  writer.commit({ corpusHash: hash, segmenter: opts.segmenter.engine });

  progress.start("load", 1);
  await loader.finish();
  progress.tick();
  progress.done();

  const mains = reports.filter((r) => r.kind === "report");
  return {
    filesRead,
    filesSkipped: skipped,
    reports: mains.length,
    excerpts: reports.length - mains.length,
    duplicateGroups: mains.filter((r) => r.duplicates.length > 0).length,
    duplicates: mains.filter((r) => r.duplicateOf !== null).length,
    bySector: count(mains, (r) => r.sector),
    byDocType: count(mains, (r) => r.docType),
    byYear: count(mains, (r) => String(r.year ?? "unknown")),
    warnings: built.warnings,
    chars: reports.reduce((s, r) => s + r.chars, 0),
    passages: loader.added.passages,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Duplicate links are recomputed over the whole store, kept and fresh reports together. */
function relinkDuplicates(reports: Report[]): void {
  const links = dedupe(reports.map((r) => ({ id: r.id, kind: r.kind, text: r.text })));
  for (const r of reports) {
    r.duplicateOf = links.duplicateOf.get(r.id) ?? null;
    r.duplicates = links.duplicates.get(r.id) ?? [];
  }
}


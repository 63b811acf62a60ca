// The corpus store: what analytics need, as files an analyst can open too.
//   store/reports.jsonl  one Report per line (metadata, clean text, paragraphs, sections)
//   store/tokens.jsonl   {"id", "tokens", "tags"} per line; the tokens concatenate to the report's
//                        text exactly, so a token's offset is the sum of the lengths before it;
//                        tags[i] is token i's part of speech (jieba's tag set)
//   store/sources.json   every source the corpus was built from (sources.ts): path, hash, when and
//                        how it was added, what became of it
//   store/manifest.json  version, generation, counts and a sha256 per file
// It is written to a fresh folder and renamed into place, so a reader never sees half a store.
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Report, Tokens } from "./model.ts";
import type { SourceRecord } from "./sources.ts";

/** 3: tokens.jsonl lines carry part-of-speech `tags` */
export const STORE_VERSION = 3;

/** One stored report: its record, its tokens and (when the writer tagged them) their parts of speech. */
export interface StoreEntry {
  report: Report;
  tokens: Tokens;
  tags?: string[];
}

export interface StoreManifest {
  version: number;
  /** what the reports were built with (pipeline version, segmenter, dictionary, synonyms): a change means a full rebuild */
  corpusHash: string;
  /** bumped on every commit; Meilisearch documents carry the generation that added them (search shows only what the loaded store has) */
  generation: number;
  createdAt: string;
  segmenter: string;
  reports: number;
  files: Record<string, { sha256: string; lines: number; bytes: number }>;
}

export interface StoreMeta {
  corpusHash: string;
  segmenter: string;
  generation: number;
  sources: SourceRecord[];
}

export class StoreError extends Error {
  override name = "StoreError";
  constructor(
    readonly file: string,
    /** what is wrong with it, without the path */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export function storeDir(dataDir: string): string {
  return join(dataDir, "store");
}

/**
 * Writes a store one entry at a time: the indexer streams reports through it, so a 100k-report
 * corpus never has all its token arrays (or a multi-GB JSONL string) in memory at once.
 * Nothing is visible until `commit` renames the finished folder into place.
 */
export class StoreWriter {
  private readonly tmp: string;
  private readonly files: Record<"reports.jsonl" | "tokens.jsonl", JsonlFile>;
  private count = 0;

  constructor(private readonly dataDir: string) {
    this.tmp = `${storeDir(dataDir)}.tmp-${process.pid}`;
    rmSync(this.tmp, { recursive: true, force: true });
    mkdirSync(this.tmp, { recursive: true });
    this.files = { "reports.jsonl": new JsonlFile(join(this.tmp, "reports.jsonl")), "tokens.jsonl": new JsonlFile(join(this.tmp, "tokens.jsonl")) };
  }

  add(report: Report, tokens: Tokens, tags?: string[]): void {
    if (tags && tags.length !== tokens.length) throw new Error(`store: report ${report.id} has ${tokens.length} tokens but ${tags.length} tags`);
    this.addRaw(JSON.stringify(report), JSON.stringify(tags ? { id: report.id, tokens, tags } : { id: report.id, tokens }));
  }

  /** An entry copied as it was stored (an incremental run keeps unchanged reports without parsing their tokens). */
  addRaw(reportLine: string, tokensLine: string): void {
    this.files["reports.jsonl"].write(reportLine);
    this.files["tokens.jsonl"].write(tokensLine);
    this.count++;
  }

  commit(meta: StoreMeta): StoreManifest {
    const files: StoreManifest["files"] = {};
    for (const [name, f] of Object.entries(this.files)) files[name] = f.close();
    const sources = new JsonlFile(join(this.tmp, "sources.json"));
    sources.write(JSON.stringify(meta.sources, null, 1));
    files["sources.json"] = sources.close();
    const manifest: StoreManifest = {
      version: STORE_VERSION,
      corpusHash: meta.corpusHash,
      generation: meta.generation,
      createdAt: new Date().toISOString(),
      segmenter: meta.segmenter,
      reports: this.count,
      files,
    };
    writeFileSync(join(this.tmp, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    const dir = storeDir(this.dataDir);
    const old = `${dir}.old-${process.pid}`;
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(this.tmp, dir);
    rmSync(old, { recursive: true, force: true });
    return manifest;
  }

  /** Drops the half-written folder; the live store is untouched. */
  abort(): void {
    for (const f of Object.values(this.files)) f.discard();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** A JSONL file written through a buffer, hashed and counted as it goes. */
class JsonlFile {
  private fd: number;
  private chunks: string[] = [];
  private pendingChars = 0;
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private lines = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  write(line: string): void {
    this.chunks.push(line, "\n");
    this.pendingChars += line.length + 1;
    this.lines++;
    if (this.pendingChars >= 4 * 1024 * 1024) this.flush();
  }

  close(): { sha256: string; lines: number; bytes: number } {
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
    return { sha256: this.hash.digest("hex"), lines: this.lines, bytes: this.bytes };
  }

  discard(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private flush(): void {
    if (!this.chunks.length) return;
    const buf = Buffer.from(this.chunks.join(""), "utf8");
    this.chunks = [];
    this.pendingChars = 0;
    for (let off = 0; off < buf.length; ) off += writeSync(this.fd, buf, off);
    this.hash.update(buf);
    this.bytes += buf.length;
  }
}

export function writeStore(dataDir: string, entries: Iterable<StoreEntry>, meta: StoreMeta): StoreManifest {
  const writer = new StoreWriter(dataDir);
  try {
    for (const e of entries) writer.add(e.report, e.tokens, e.tags);
    return writer.commit(meta);
  } catch (e) {
    writer.abort();
    throw e;
  }
}

/**
 * Removes what crashed runs left behind (a half-written store.tmp-<pid>, a store.old-<pid> that was
 * about to be deleted). Only the holder of the write lock (lock.ts) may call it: then no other
 * writer can be using them.
 */
export function sweepLeftovers(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  const swept = readdirSync(dataDir).filter((name) => /^store\.(tmp|old)-\d+$/.test(name));
  for (const name of swept) rmSync(join(dataDir, name), { recursive: true, force: true });
  return swept;
}

/** The sources the committed store was built from; [] before the first run. */
export function readSources(dataDir: string): SourceRecord[] {
  const path = join(storeDir(dataDir), "sources.json");
  if (!existsSync(path)) return [];
  try {
    return JSON.parse(readFileSync(path, "utf8")) as SourceRecord[];
  } catch {
    throw new StoreError(path, "not valid JSON — run `npm run index -- --reset`");
  }
}

export function readManifest(dataDir: string): StoreManifest | null {
  const path = join(storeDir(dataDir), "manifest.json");
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as StoreManifest;
  } catch {
    throw new StoreError(path, "manifest is not valid JSON");
  }
}

/** Reads and verifies the whole store; a damaged file is a StoreError naming it, a bad record is skipped (onSkip). */
export function readStore(dataDir: string, onSkip?: (problem: string) => void): { manifest: StoreManifest; entries: StoreEntry[] } {
  const entries = [...iterateStore(dataDir, onSkip)];
  return { manifest: readManifest(dataDir)!, entries };
}

/**
 * Reads a JSONL file line by line without holding it whole, hashing as it goes:
 * at 100k reports tokens.jsonl parsed at once would be several GB of strings.
 */
class LineReader {
  private readonly fd: number;
  private readonly buf = Buffer.alloc(16 * 1024 * 1024);
  private pending: Buffer[] = [];
  private lines: Buffer[] = [];
  private eof = false;
  readonly hash = createHash("sha256");
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, "r");
  }

  next(): string | null {
    while (this.lines.length === 0 && !this.eof) this.fill();
    const line = this.lines.shift();
    if (line !== undefined) return line.toString("utf8");
    if (this.pending.length) {
      const rest = Buffer.concat(this.pending);
      this.pending = [];
      return rest.length ? rest.toString("utf8") : null;
    }
    return null;
  }

  private fill(): void {
    const n = readSync(this.fd, this.buf, 0, this.buf.length, null);
    if (n === 0) {
      this.eof = true;
      return;
    }
    const chunk = this.buf.subarray(0, n);
    this.hash.update(chunk);
    this.bytes += n;
    let start = 0;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, start)) {
      this.lines.push(Buffer.concat([...this.pending, chunk.subarray(start, i)]));
      this.pending = [];
      start = i + 1;
    }
    if (start < n) this.pending.push(Buffer.from(chunk.subarray(start)));
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * The store as a stream of entries, verified against the manifest: a damaged file throws a
 * StoreError naming it (after the last entry, when its checksum is known). A record that cannot be
 * used — not JSON, tokens of another report, tokens that do not cover its text, an id seen before —
 * is skipped and reported through `onSkip`; the rest of the corpus stays available.
 */
export function* iterateStore(dataDir: string, onSkip: (problem: string) => void = () => {}): Generator<StoreEntry> {
  const dir = storeDir(dataDir);
  const manifest = readManifest(dataDir);
  if (!manifest) throw new StoreError(join(dir, "manifest.json"), "missing — run `npm run index`");
  if (manifest.version !== STORE_VERSION) throw new StoreError(join(dir, "manifest.json"), `version ${manifest.version}, expected ${STORE_VERSION} — run \`npm run index\``);
  const open = (name: string) => {
    const path = join(dir, name);
    if (!manifest.files[name]) throw new StoreError(path, "not listed in the manifest");
    if (!existsSync(path)) throw new StoreError(path, "missing — run `npm run index`");
    return new LineReader(path);
  };
  const reports = open("reports.jsonl");
  const tokens = open("tokens.jsonl");
  const seen = new Set<string>();
  try {
    for (let i = 1; ; i++) {
      const rl = reports.next();
      const tl = tokens.next();
      if (rl === null || tl === null) {
        // the file that ended first is the damaged one (cut short)
        if (rl !== tl) throw new StoreError((rl === null ? reports : tokens).path, `ends after line ${i - 1} while its companion file goes on — run \`npm run index\``);
        break;
      }
      const entry = parseEntry(rl, tl);
      if (typeof entry === "string") {
        onSkip(`store record ${i} skipped: ${entry}`);
        continue;
      }
      if (seen.has(entry.report.id)) {
        onSkip(`store record ${i} skipped: report id ${entry.report.id} appears twice`);
        continue;
      }
      seen.add(entry.report.id);
      yield entry;
    }
    for (const [name, r] of [["reports.jsonl", reports], ["tokens.jsonl", tokens]] as const) {
      const expected = manifest.files[name];
      if (r.bytes !== expected.bytes || r.hash.digest("hex") !== expected.sha256) {
        throw new StoreError(r.path, `damaged (${r.bytes} bytes, checksum mismatch) — run \`npm run index\` to rebuild`);
      }
    }
  } finally {
    reports.close();
    tokens.close();
  }
}

/** One record from its two lines, or why it cannot be used. */
function parseEntry(reportLine: string, tokensLine: string): StoreEntry | string {
  let report: Report;
  let t: { id: string; tokens: Tokens; tags?: unknown };
  try {
    report = JSON.parse(reportLine) as Report;
    t = JSON.parse(tokensLine) as { id: string; tokens: Tokens; tags?: unknown };
  } catch {
    return "not valid JSON";
  }
  if (typeof report?.id !== "string" || typeof report.text !== "string" || !Array.isArray(t?.tokens)) return "not a report record";
  if (t.id !== report.id) return `tokens are for ${t.id}, not ${report.id}`;
  let covered = 0;
  for (const token of t.tokens) {
    if (typeof token !== "string" || !report.text.startsWith(token, covered)) return `tokens of ${report.id} do not cover its text`;
    covered += token.length;
  }
  if (covered !== report.text.length) return `tokens of ${report.id} do not cover its text`;
  if (t.tags === undefined) return { report, tokens: t.tokens };
  if (!Array.isArray(t.tags) || t.tags.length !== t.tokens.length || t.tags.some((g) => typeof g !== "string")) return `tags of ${report.id} do not match its tokens`;
  return { report, tokens: t.tokens, tags: t.tags as string[] };
}

/**
 * The stored reports alone (tokens.jsonl is not read), in store order; a line that is not a report
 * is yielded as null so positions still match `iterateRawLines`. No checksum check: the server's
 * load (iterateStore) verifies the store it serves.
 */
export function* iterateReports(dataDir: string): Generator<Report | null> {
  const reader = new LineReader(join(storeDir(dataDir), "reports.jsonl"));
  try {
    for (let line = reader.next(); line !== null; line = reader.next()) {
      try {
        const r = JSON.parse(line) as Report;
        yield typeof r?.id === "string" && typeof r.text === "string" ? r : null;
      } catch {
        yield null;
      }
    }
  } finally {
    reader.close();
  }
}

/** The stored entries as their two raw lines, in store order. */
export function* iterateRawLines(dataDir: string): Generator<{ reportLine: string; tokensLine: string }> {
  const reports = new LineReader(join(storeDir(dataDir), "reports.jsonl"));
  const tokens = new LineReader(join(storeDir(dataDir), "tokens.jsonl"));
  try {
    for (;;) {
      const reportLine = reports.next();
      const tokensLine = tokens.next();
      if (reportLine === null || tokensLine === null) return;
      yield { reportLine, tokensLine };
    }
  } finally {
    reports.close();
    tokens.close();
  }
}

/**
 * Why the committed store cannot be trusted, or null. "checksums" reads every file and compares its
 * sha256 with the manifest (O(bytes of the store): seconds at 20k reports); "sizes" only compares
 * sizes, for a start that must be quick — the server's load verifies the checksums it serves, and
 * names a damaged file for `npm run index` (which checks them all) to rebuild.
 */
export function storeDamage(dataDir: string, depth: "checksums" | "sizes" = "checksums"): string | null {
  let manifest: StoreManifest | null;
  try {
    manifest = readManifest(dataDir);
  } catch (e) {
    return (e as Error).message;
  }
  if (!manifest) return "no store";
  for (const [name, expected] of Object.entries(manifest.files)) {
    const path = join(storeDir(dataDir), name);
    if (!existsSync(path)) return `store/${name} is missing`;
    if (depth === "sizes") {
      if (statSync(path).size !== expected.bytes) return `store/${name} is damaged`;
      continue;
    }
    if (fileSha256(path) !== expected.sha256 || statSync(path).size !== expected.bytes) return `store/${name} is damaged`;
  }
  return null;
}

/** sha256 of a file, read in 16 MB chunks (no lines, no strings: ~1 GB/s). */
function fileSha256(path: string): string {
  const hash = createHash("sha256");
  const buf = Buffer.alloc(16 * 1024 * 1024);
  const fd = openSync(path, "r");
  try {
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

// `npm run bench` — Wenyuan against the raw engines, side by side, in one process tree (issue 7),
// and `npm run bench -- --load` — the load and soak figures of issue 8.
//
//   npm run bench                      sizes 1000,5000,20000
//   npm run bench -- --quick           sizes 200,1000, fewer runs, autocannon 5 s (< 5 min)
//   npm run bench -- --sizes 100000    any sizes
//   npm run bench -- --load [--sizes 20000] [--soak-seconds 600]
//   --profile                          run the server child under --cpu-prof and summarise it
//   --keep                             keep the temporary folder (/tmp/wenyuan-bench-*)
//   --pipeline-only                    skip the "Meilisearch alone" ingest (issue 7's ratio): halves a 100k run
//   --data DIR --corpus DIR            measure an instance indexed beforehand (`npm run index` with
//                                      WENYUAN_DATA_DIR / WENYUAN_CORPUS_DIR): the serving figures
//                                      without synthesis or ingest; nothing in DIR is removed
//
// Every Meilisearch and server process is started here, on temporary folders under /tmp, and
// stopped here. Timings are medians of several runs with min/max; ratios are what to compare.
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { cpus, totalmem } from "node:os";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { Jieba } from "@node-rs/jieba";
import { dict as defaultDict } from "@node-rs/jieba/dict.js";
import { buildReports } from "../indexer/pipeline.ts";
import { listFiles, readFile } from "../indexer/read.ts";
import { createSegmenter, parseDictionary, type Segmenter } from "../core/text/segment.ts";
import { loadResources } from "../core/resources.ts";
import { runIndexer, type Progress } from "../indexer/run.ts";
import { IndexLoader, NdjsonBatcher, type IndexKind, type NdjsonBatch } from "../indexer/load.ts";
import { indexNames, type IndexNames } from "../core/meili/indexes.ts";
import { documentContext, toPassageDocuments, toReportDocument } from "../core/documents.ts";
import { iterateStore } from "../core/store.ts";
import type { Meilisearch, MultiSearchQuery } from "meilisearch";
import { meiliClient } from "../core/meili/client.ts";
import { findMeiliBinary } from "../core/meili/binary.ts";
import { startMeili, type RunningMeili } from "../core/meili/process.ts";
import { adminClient, searchClient } from "../core/meili/keys.ts";
import { wordSearchQueries } from "../core/meili/requests.ts";
import { multiSearch } from "../core/meili/search.ts";
import { parseQuery, synonymSequences } from "../core/query.ts";
import { activeFacets } from "../core/meili/filters.ts";
import { SearchQuerySchema } from "../core/api/schema.ts";
import { synthesize } from "./synth.ts";
import { summarizeProfile } from "./profile.ts";
import { benchDuckdb, type DuckdbResult } from "./duckdb.ts";

const ROOT = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

// ------------------------------------------------------------------ autocannon (untyped package)

interface AcRequest {
  method?: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}
interface AcResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; p90?: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = ((opts: object, cb: (err: Error | null, result: AcResult) => void) => { stop?: () => void }) & object;
const autocannon = require("autocannon") as Autocannon;

function cannon(opts: { url: string; connections: number; duration: number; requests: AcRequest[] }): Promise<AcResult> {
  return new Promise((ok, fail) => {
    autocannon({ ...opts, timeout: 30 }, (err, result) => (err ? fail(err) : ok(result)));
  });
}

function cannonSummary(r: AcResult) {
  return {
    rps: round(r.requests.average, 1),
    requests: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    errors: r.errors + r.timeouts,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

// ------------------------------------------------------------------ small helpers

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}
function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  const median = n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median: round(median, 3), min: round(s[0], 3), max: round(s[n - 1], 3), n };
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))], 2);
}
const ratio = (a: number, b: number, d = 2) => (b > 0 && Number.isFinite(a) ? round(a / b, d) : null);

function log(msg: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

// ------------------------------------------------------------------ processes we own

const meilis = new Set<RunningMeili>();
const children = new Set<ChildProcess>();
let tmpRoot = "";
let keepTmp = false;

async function newMeili(dataDir: string): Promise<{ meili: RunningMeili; master: Meilisearch; admin: Meilisearch }> {
  const meili = await startMeili({ binary: findMeiliBinary(process.env.MEILI_BIN ?? null), dataDir });
  meilis.add(meili);
  const master = meiliClient(meili.url, meili.masterKey, "master");
  return { meili, master, admin: await adminClient(master) };
}
async function stopMeili(m: RunningMeili) {
  await m.stop();
  meilis.delete(m);
}

async function cleanup() {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  for (const m of meilis) await m.stop().catch(() => {});
  meilis.clear();
  if (tmpRoot && !keepTmp) rmSync(tmpRoot, { recursive: true, force: true });
}
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping children and removing ${tmpRoot}`);
    void cleanup().finally(() => process.exit(130));
  });
}

/**
 * RSS once the server has settled after its start: the pool's workers attach to the image after the
 * server listens (each builds its corpus objects), so a reading right after the first line misses them.
 * Sampled every 500 ms for 15 s: the peak (the workers attaching) and the last reading.
 */
async function settledRss(pid: number): Promise<{ peakMB: number | null; settledMB: number | null }> {
  let peak: number | null = null;
  let last: number | null = null;
  for (let i = 0; i < 30; i++) {
    await sleep(500);
    last = rssMB(pid);
    if (last !== null && (peak === null || last > peak)) peak = last;
  }
  return { peakMB: peak, settledMB: last };
}

/**
 * CPU time a process, its threads and its descendants have used so far, user and system, in ms
 * (/proc/PID/stat, 100 ticks/s): Meilisearch runs under a watchdog shell (core/meili/process.ts).
 */
function cpuMs(root: number): { user: number; sys: number } {
  const stats = new Map<number, { ppid: number; user: number; sys: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ");
      stats.set(Number(name), { ppid: Number(fields[1]), user: Number(fields[11]) * 10, sys: Number(fields[12]) * 10 });
    } catch {
      // gone meanwhile
    }
  }
  const total = { user: 0, sys: 0 };
  const add = (pid: number) => {
    const st = stats.get(pid);
    if (!st) return;
    total.user += st.user;
    total.sys += st.sys;
    for (const [child, c] of stats) if (c.ppid === pid) add(child);
  };
  add(root);
  return total;
}

type Slice = ReturnType<typeof cannonSummary> & { cpuMs: Record<string, { user: number; sys: number }> };

/** One autocannon run and the CPU each process spent meanwhile (ms; autocannon runs in this process). */
async function cannonWithCpu(opts: Parameters<typeof cannon>[0], pids: Record<string, number>): Promise<Slice> {
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]));
  const self0 = process.cpuUsage();
  const result = cannonSummary(await cannon(opts));
  const self = process.cpuUsage(self0);
  const used: Slice["cpuMs"] = { autocannon: { user: self.user / 1000, sys: self.system / 1000 } };
  for (const [k, pid] of Object.entries(pids)) {
    const after = cpuMs(pid);
    used[k] = { user: after.user - before[k]!.user, sys: after.sys - before[k]!.sys };
  }
  return { ...result, cpuMs: used };
}

/**
 * Throughput of several sides measured in turns: `slices` runs of each, the order rotating, so
 * a machine that is slower for a minute (a shared VM's neighbours, frequency) slows every side
 * alike — back-to-back 20 s runs differed by up to 15 % for the same side. Per side: rps = the
 * mean of its slices (equal lengths), p50/p99 = the median of its slices', errors summed, and the
 * CPU each process spent per request (µs, user and system): the server's own share is what two
 * cores shared with Meilisearch and autocannon cannot give to Meilisearch (issue 13).
 */
async function interleaved<K extends string>(sides: Record<K, { opts: Omit<Parameters<typeof cannon>[0], "duration">; pids: Record<string, number> }>, seconds: number, slices: number) {
  const names = Object.keys(sides) as K[];
  const runs = Object.fromEntries(names.map((k) => [k, [] as Slice[]])) as Record<K, Slice[]>;
  for (let i = 0; i < slices; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length]!;
      runs[k].push(await cannonWithCpu({ ...sides[k].opts, duration: seconds / slices }, sides[k].pids));
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const out = {} as Record<K, Omit<ReturnType<typeof cannonSummary>, "maxMs"> & { slices: number[]; cpuUsPerRequest: Record<string, { user: number; sys: number }> }>;
  for (const k of names) {
    const r = runs[k];
    const requests = r.reduce((n, x) => n + x.requests, 0);
    const cpuUsPerRequest: Record<string, { user: number; sys: number }> = {};
    for (const proc of Object.keys(r[0]!.cpuMs)) {
      const sum = (f: "user" | "sys") => r.reduce((n, x) => n + x.cpuMs[proc]![f], 0);
      cpuUsPerRequest[proc] = { user: round((sum("user") * 1000) / Math.max(1, requests), 0), sys: round((sum("sys") * 1000) / Math.max(1, requests), 0) };
    }
    out[k] = {
      rps: round(r.reduce((n, x) => n + x.rps, 0) / r.length, 1),
      slices: r.map((x) => x.rps),
      requests,
      p50Ms: median(r.map((x) => x.p50Ms)),
      p99Ms: median(r.map((x) => x.p99Ms)),
      errors: r.reduce((n, x) => n + x.errors, 0),
      timeouts: r.reduce((n, x) => n + x.timeouts, 0),
      non2xx: r.reduce((n, x) => n + x.non2xx, 0),
      cpuUsPerRequest,
    };
  }
  return out;
}

function rssMB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? round(Number(m[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}

interface Server {
  url: string;
  pid: number;
  child: ChildProcess;
  startS: number;
  stop(): Promise<void>;
}

/** The app in a child process (bench/serve.ts) against an already running Meilisearch. */
async function startServer(env: Record<string, string>, profileDir: string | null, heap: "default" | "inherit" = "default"): Promise<Server> {
  const t0 = performance.now();
  const args = [...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), "--import", "tsx", join(ROOT, "bench", "serve.ts")];
  // The measured server runs with the default heap limit (issue 13's RSS targets), whatever
  // NODE_OPTIONS the bench itself needed to build a 100k corpus; the first start, which derives the
  // image from the store (an indexing job), may inherit it.
  const { NODE_OPTIONS: benchHeap, ...inherited } = process.env;
  if (heap === "inherit" && benchHeap) inherited.NODE_OPTIONS = benchHeap;
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...inherited, ...env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let errTail = "";
  child.stderr!.on("data", (d: Buffer) => (errTail = (errTail + d.toString()).slice(-4000)));
  const line = await new Promise<string>((ok, fail) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", ok);
    child.once("exit", (code) => fail(new Error(`server exited (${code}) before listening:\n${errTail}`)));
  });
  // a server that dies later says why in the bench's log
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) log(`the server child exited (code ${code}, signal ${signal}); its last stderr:\n${errTail}`);
  });
  const info = JSON.parse(line) as { url: string; pid: number; indexed: boolean };
  if (info.indexed) log("warning: the server reindexed on start (its sources changed since the bench indexed them)");
  return {
    url: info.url.replace("localhost", "127.0.0.1"),
    pid: child.pid!,
    child,
    startS: round((performance.now() - t0) / 1000, 2),
    async stop() {
      stopping = true;
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(t);
      children.delete(child);
    },
  };
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * A request through node:http with a keep-alive agent. The direct Meilisearch figures use this,
 * not fetch(): measured here, Node 20's fetch (undici) waits ~40 ms on many Meilisearch responses
 * over ~1 KB (a TCP delayed-ACK stall) where node:http answers in ~1 ms — the raw engine must not
 * be charged for a client artefact. (The server's client, meilisearch-js, uses fetch with
 * `Accept-Encoding: identity`, which avoids the stall: core/meili/client.ts, bench/README.md.)
 */
function timedHttp(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  return new Promise((ok, fail) => {
    const req = http.request(url, { method: init.method ?? "GET", agent: keepAlive, headers: { ...init.headers, ...(init.body ? { "Content-Length": String(Buffer.byteLength(init.body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ ms: performance.now() - t0, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end(init.body);
  });
}

/** The same multi-search through the server's own client (meilisearch-js, core/meili). */
async function timedClient(client: Meilisearch, queries: MultiSearchQuery[]): Promise<number> {
  const t0 = performance.now();
  await multiSearch(client, queries);
  return performance.now() - t0;
}

// ------------------------------------------------------------------ machine

function machine() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  let free = "";
  try {
    free = execFileSync("free", ["-h"], { encoding: "utf8" }).trim();
  } catch {
    free = "";
  }
  return {
    nproc: cpus().length,
    cpu: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown",
    memTotalGB: round(totalmem() / 1024 ** 3, 1),
    free,
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    date: new Date().toISOString(),
  };
}

/** The main thread's profile: tsx's loader thread writes one too, nearly all idle. */
function busiestProfile(dir: string) {
  const all = readdirSync(dir)
    .filter((x) => x.endsWith(".cpuprofile"))
    .map((f) => ({ file: f, ...summarizeProfile(join(dir, f), 20) }));
  return all.sort((a, b) => b.totalMs - b.idleMs - (a.totalMs - a.idleMs))[0] ?? null;
}

// ------------------------------------------------------------------ 1. segmentation

async function seedTexts(): Promise<string[]> {
  const dir = join(ROOT, "corpus", "raw");
  const listed = await listFiles([dir], dir);
  const inputs = [];
  for (const f of listed.files) {
    const r = await readFile(f, dir);
    if (r.ok) inputs.push({ source: r.source, parentId: r.source, text: r.text });
  }
  return buildReports(inputs).reports.map((r) => r.text);
}

async function benchSegmentation(dictionary: string, quick: boolean) {
  const seeds = await seedTexts();
  const target = (quick ? 2 : 6) * 1024 * 1024;
  const texts: string[] = [];
  let bytes = 0;
  while (bytes < target) {
    for (const t of seeds) {
      texts.push(t);
      bytes += Buffer.byteLength(t);
    }
  }
  // nodejieba: the project's loader (it takes the user dictionary as a file), then its raw cut.
  const projectNodejieba = createSegmenter("nodejieba", dictionary);
  const nodejieba = require("nodejieba") as { cut(text: string, hmm?: boolean): string[] };
  const nodeRs = Jieba.withDict(defaultDict);
  nodeRs.loadDict(Buffer.from(parseDictionary(dictionary).map((e) => `${e.word} ${e.freq} ${e.tag}`).join("\n") + "\n"));
  const project = createSegmenter("node-rs", dictionary);
  const engines: [string, (t: string) => string[]][] = [
    ["nodejieba", (t) => nodejieba.cut(t, false)],
    ["nodeRs", (t) => nodeRs.cut(t, false)],
    ["project", (t) => project.cut(t)],
    ["projectNodejieba", (t) => projectNodejieba.cut(t)],
  ];
  const runs = quick ? 3 : 5;
  const mbs: Record<string, number[]> = {};
  const tokens: Record<string, number> = {};
  for (const [, cut] of engines) cut(seeds[0]); // warm-up
  for (let r = 0; r < runs; r++) {
    for (const [name, cut] of engines) {
      const t0 = performance.now();
      let n = 0;
      for (const t of texts) n += cut(t).length;
      const s = (performance.now() - t0) / 1000;
      (mbs[name] ??= []).push(bytes / 1048576 / s);
      tokens[name] = n;
    }
  }
  const s = Object.fromEntries(Object.entries(mbs).map(([k, v]) => [k, stat(v)]));
  return {
    textMB: round(bytes / 1048576, 2),
    runs,
    nodejiebaMBs: round(s.nodejieba.median, 2),
    nodeRsMBs: round(s.nodeRs.median, 2),
    projectMBs: round(s.project.median, 2),
    projectNodejiebaMBs: round(s.projectNodejieba.median, 2),
    ratioVsNodejieba: ratio(s.project.median, s.nodejieba.median),
    detail: s,
    tokens,
    note: "project = createSegmenter('node-rs') (the default engine; no worker threads in the product). Token counts differ slightly between engines (dictionary ties).",
  };
}

// ------------------------------------------------------------------ 2. ingest

/**
 * The pipeline's final Meilisearch documents, serialised once into NDJSON batch files the way the
 * indexer batches them: the baseline loads these bytes, so no JSON work of ours is on its clock,
 * and at 100k reports the ~4 GB payload stays on disk instead of in the heap.
 */
interface Built {
  batches: { kind: IndexKind; path: string; documents: number }[];
  reports: number;
  passages: number;
  bytes: number;
}

function documentsFromStore(dataDir: string, outDir: string, segmenter: Segmenter, synonyms: Record<string, string[]>): Built {
  mkdirSync(outDir, { recursive: true });
  const built: Built = { batches: [], reports: 0, passages: 0, bytes: 0 };
  const syn = documentContext(synonymSequences(segmenter, synonyms));
  const batchers: Record<IndexKind, NdjsonBatcher> = { reports: new NdjsonBatcher(), passages: new NdjsonBatcher() };
  const save = (kind: IndexKind, batch: NdjsonBatch | null) => {
    if (batch === null) return;
    const path = join(outDir, `${kind}-${built.batches.length}.ndjson`);
    writeFileSync(path, batch.ndjson);
    built.batches.push({ kind, path, documents: batch.documents });
    built.bytes += Buffer.byteLength(batch.ndjson);
  };
  const add = (kind: IndexKind, doc: object) => {
    built[kind]++;
    save(kind, batchers[kind].add(JSON.stringify(doc)));
  };
  for (const e of iterateStore(dataDir)) {
    add("reports", toReportDocument(e.report, e.tokens, syn));
    for (const d of toPassageDocuments(e.report, e.tokens, syn)) add("passages", d);
  }
  for (const kind of ["reports", "passages"] as const) save(kind, batchers[kind].flush());
  // Meilisearch alone gets all reports, then all passages, as the indexer's IndexLoader sends them.
  built.batches.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "reports" ? -1 : 1));
  return built;
}

/** Records when each indexer phase starts, so the pipeline's time can be split by stage. */
function phaseRecorder(): { progress: Progress; marks: { phase: string; at: number; done?: number }[] } {
  const marks: { phase: string; at: number; done?: number }[] = [];
  return {
    marks,
    progress: {
      start: (phase) => marks.push({ phase, at: performance.now() }),
      tick() {},
      done() {
        const m = marks[marks.length - 1];
        if (m) m.done = performance.now();
      },
    },
  };
}

interface IngestContext {
  corpusDir: string;
  names: IndexNames;
  segmenter: Segmenter;
  dictionary: string;
  synonyms: Record<string, string[]>;
}

async function ingestPipeline(ctx: IngestContext, dataDir: string) {
  const m = await newMeili(dataDir);
  const rec = phaseRecorder();
  const t0 = performance.now();
  const summary = await runIndexer({
    corpusDir: ctx.corpusDir,
    dataDir,
    reset: true,
    client: m.admin,
    names: ctx.names,
    segmenter: ctx.segmenter,
    dictionary: ctx.dictionary,
    synonyms: ctx.synonyms,
    progress: rec.progress,
  });
  const t1 = performance.now();
  const at = (p: string) => rec.marks.find((x) => x.phase === p);
  const read = at("read")!;
  const seg = at("segment")!;
  const load = at("load")!;
  const phases = {
    readS: round((read.done! - t0) / 1000, 2),
    cleanSplitDedupeClassifyS: round((seg.at - read.done!) / 1000, 2),
    // One streamed pass: segment, append to the store, queue Meilisearch batches (which
    // Meilisearch starts indexing meanwhile); then the wait for the rest of its tasks.
    segmentStoreQueueS: round((seg.done! - seg.at) / 1000, 2),
    meiliWaitS: round((t1 - load.at) / 1000, 2),
  };
  return { seconds: (t1 - t0) / 1000, summary, phases, meili: m };
}

async function ingestDirect(built: Built, names: IndexNames, dataDir: string) {
  const m = await newMeili(dataDir);
  const t0 = performance.now();
  const loader = await IndexLoader.open(m.admin, names);
  for (const b of built.batches) await loader.addBatch(b.kind, { ndjson: readFileSync(b.path, "utf8"), documents: b.documents });
  await loader.finish();
  const s = (performance.now() - t0) / 1000;
  await stopMeili(m.meili);
  rmSync(dataDir, { recursive: true, force: true });
  return s;
}

// ------------------------------------------------------------------ 3. search

/** 30 fixed queries: words, phrases, substrings; with and without facet filters. */
export const SEARCH_QUERIES: Record<string, string>[] = [
  { q: "职代会" },
  { q: "送温暖" },
  { q: "工会" },
  { q: "职工之家" },
  { q: "安全生产" },
  { q: "困难职工" },
  { q: "教代会" },
  { q: "院务公开" },
  { q: "厂务公开 劳动竞赛" },
  { q: "金秋助学 帮扶" },
  { q: "职工 文体活动" },
  { q: "民主管理 -教代会" },
  { q: '"职工代表大会"' },
  { q: '"工会经费"' },
  { q: '"送温暖活动"' },
  { q: '"女职工 权益"' },
  { q: "送温暖", sector: "hospital" },
  { q: "职代会", sector: "school,enterprise" },
  { q: "安全生产", sector: "enterprise", yearFrom: "2015" },
  { q: "工会", docType: "plan" },
  { q: "帮扶", year: "2018" },
  { q: "职工之家", level: "county,city" },
  { q: '"工会经费"', sector: "agency", docType: "summary" },
  { q: "困难职工", mode: "passage" },
  { q: "教职工", mode: "passage", sector: "school" },
  { q: "工会", sort: "year:desc" },
  { q: "工程", match: "substring" },
  { q: "帮扶中心", match: "substring" },
  { q: "代表", match: "substring", sector: "hospital" },
  { q: "职工", match: "substring", mode: "passage", yearTo: "2016" },
];

/** The multi-search server/search/search.ts sends for this query (a substring query becomes its word query: Meilisearch has no substring search). */
function meiliQueries(params: Record<string, string>, segmenter: Segmenter, synonyms: Record<string, string[]>, names: IndexNames): MultiSearchQuery[] {
  const query = SearchQuerySchema.parse(params);
  const parsed = parseQuery(query.q, segmenter, synonyms, { synonyms: query.synonyms });
  return wordSearchQueries({
    indexUid: query.mode === "passage" ? names.passages : names.reports,
    q: parsed.meiliQ,
    filters: query,
    sort: query.sort,
    page: query.page,
    hitsPerPage: query.perPage,
    disjunctive: activeFacets(query),
  });
}

interface SearchTarget {
  server: Server;
  meiliUrl: string;
  meiliPid: number;
  /** the server's own search-only key */
  search: Meilisearch;
  segmenter: Segmenter;
  synonyms: Record<string, string[]>;
  names: IndexNames;
}

function searchRequests(t: SearchTarget, subset: Record<string, string>[]) {
  return subset.map((params) => {
    const queries = meiliQueries(params, t.segmenter, t.synonyms, t.names);
    return { params, path: `/api/search?${new URLSearchParams(params).toString()}`, queries, body: JSON.stringify({ queries }) };
  });
}

/**
 * A floor in front of Meilisearch on these requests: bench/passthrough.ts (a bare Node hop, the floor
 * of any server's rate) or bench/expressFloor.ts (Express and the official client, the floor of a
 * server built from this project's required parts).
 */
async function startFloor(script: "passthrough" | "expressFloor", t: SearchTarget, reqs: { path: string; body: string }[]): Promise<{ url: string; pid: number; stop: () => void }> {
  const file = join(tmpRoot, `${script}.json`);
  writeFileSync(file, JSON.stringify({ meiliUrl: t.meiliUrl, apiKey: t.search.config.apiKey, routes: Object.fromEntries(reqs.map((q) => [q.path, q.body])) }));
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench", `${script}.ts`), file], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  const line = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).once("line", ok);
    child.once("exit", (code) => fail(new Error(`${script} exited (${code}) before listening`)));
  });
  return {
    url: (JSON.parse(line) as { url: string }).url,
    pid: child.pid!,
    stop: () => {
      child.kill();
      children.delete(child);
    },
  };
}

async function benchSearch(t: SearchTarget, rounds: number, cannonSeconds: number) {
  const reqs = searchRequests(t, SEARCH_QUERIES);
  const headers = { Authorization: `Bearer ${t.search.config.apiKey}`, "Content-Type": "application/json" };
  const server: number[] = [];
  const meili: number[] = [];
  const serverWord: number[] = [];
  const meiliWord: number[] = [];
  const perQuery: { query: Record<string, string>; serverP50Ms: number; meiliP50Ms: number; total: number }[] = [];
  const byQ = reqs.map(() => ({ s: [] as number[], m: [] as number[], total: 0 }));
  const viaClient: number[] = [];
  let errors = 0;
  for (let r = -1; r < rounds; r++) {
    for (const [i, q] of reqs.entries()) {
      const a = await timedHttp(t.server.url + q.path);
      const b = await timedHttp(t.meiliUrl + "/multi-search", { method: "POST", headers, body: q.body });
      if (r >= 0) viaClient.push(await timedClient(t.search, q.queries));
      if (a.status !== 200 || b.status !== 200) {
        errors++;
        if (errors < 4) log(`search error ${a.status}/${b.status} for ${q.path}: ${a.status !== 200 ? a.body.slice(0, 200) : b.body.slice(0, 200)}`);
      }
      if (r < 0) {
        byQ[i].total = (JSON.parse(a.body) as { total?: number }).total ?? 0;
        continue; // warm-up round
      }
      server.push(a.ms);
      meili.push(b.ms);
      byQ[i].s.push(a.ms);
      byQ[i].m.push(b.ms);
      if (q.params.match !== "substring") {
        serverWord.push(a.ms);
        meiliWord.push(b.ms);
      }
    }
  }
  reqs.forEach((q, i) => perQuery.push({ query: q.params, serverP50Ms: pct(byQ[i].s, 50), meiliP50Ms: pct(byQ[i].m, 50), total: byQ[i].total }));

  const words = reqs.filter((q) => q.params.match !== "substring");
  const slices = cannonSeconds >= 20 ? 4 : 1;
  log(`  autocannon c=16, ${cannonSeconds} s each in ${slices} turns: /api/search, Meilisearch /multi-search, a bare pass-through (bench/passthrough.ts) and Express with the official client (bench/expressFloor.ts), the 30 queries and the word queries …`);
  const pass = await startFloor("passthrough", t, reqs);
  const floor = await startFloor("expressFloor", t, reqs);
  let ac: Awaited<ReturnType<typeof interleaved<"server" | "meili" | "passthrough" | "expressFloor" | "serverWordOnly" | "meiliWordOnly" | "passthroughWordOnly" | "expressFloorWordOnly">>>;
  try {
    const get = (url: string, list: typeof reqs) => ({ url, connections: 16, requests: list.map((q) => ({ method: "GET", path: q.path })) });
    const post = (list: typeof reqs) => ({ url: t.meiliUrl, connections: 16, requests: list.map((q) => ({ method: "POST", path: "/multi-search", body: q.body, headers })) });
    const viaServer = { server: t.server.pid, meili: t.meiliPid };
    const viaPass = { passthrough: pass.pid, meili: t.meiliPid };
    const viaFloor = { expressFloor: floor.pid, meili: t.meiliPid };
    ac = await interleaved(
      {
        server: { opts: get(t.server.url, reqs), pids: viaServer },
        meili: { opts: post(reqs), pids: { meili: t.meiliPid } },
        passthrough: { opts: get(pass.url, reqs), pids: viaPass },
        expressFloor: { opts: get(floor.url, reqs), pids: viaFloor },
        serverWordOnly: { opts: get(t.server.url, words), pids: viaServer },
        meiliWordOnly: { opts: post(words), pids: { meili: t.meiliPid } },
        passthroughWordOnly: { opts: get(pass.url, words), pids: viaPass },
        expressFloorWordOnly: { opts: get(floor.url, words), pids: viaFloor },
      },
      cannonSeconds,
      slices,
    );
  } finally {
    pass.stop();
    floor.stop();
  }
  const { server: acServer, meili: acMeili, passthrough: acPass, expressFloor: acFloor, serverWordOnly: acServerWord, meiliWordOnly: acMeiliWord, passthroughWordOnly: acPassWord, expressFloorWordOnly: acFloorWord } = ac;
  return {
    rounds,
    samples: server.length,
    p50Ms: pct(server, 50),
    p95Ms: pct(server, 95),
    p99Ms: pct(server, 99),
    meiliP50Ms: pct(meili, 50),
    meiliP95Ms: pct(meili, 95),
    meiliP99Ms: pct(meili, 99),
    overheadP50Ms: round(pct(server, 50) - pct(meili, 50), 2),
    meiliViaClientP50Ms: pct(viaClient, 50),
    meiliViaClientP99Ms: pct(viaClient, 99),
    clientNote: "latencies measured with node:http keep-alive; meiliViaClient* = the same direct requests through the server's own client (meilisearch-js over node:http, core/meili/transport.ts)",
    wordOnly: {
      p50Ms: pct(serverWord, 50),
      p95Ms: pct(serverWord, 95),
      p99Ms: pct(serverWord, 99),
      meiliP50Ms: pct(meiliWord, 50),
      meiliP99Ms: pct(meiliWord, 99),
      overheadP50Ms: round(pct(serverWord, 50) - pct(meiliWord, 50), 2),
      rps: acServerWord.rps,
      meiliRps: acMeiliWord.rps,
      throughputRatio: ratio(acServerWord.rps, acMeiliWord.rps),
      passthroughRps: acPassWord.rps,
      passthroughRatio: ratio(acPassWord.rps, acMeiliWord.rps),
      expressFloorRps: acFloorWord.rps,
      expressFloorRatio: ratio(acFloorWord.rps, acMeiliWord.rps),
      errors: acServerWord.errors + acServerWord.non2xx + acMeiliWord.errors + acMeiliWord.non2xx,
    },
    rps: acServer.rps,
    meiliRps: acMeili.rps,
    throughputRatio: ratio(acServer.rps, acMeili.rps),
    // the same requests through a bare Node hop that only forwards (bench/passthrough.ts): the
    // rate any server in front of Meilisearch on these cores can reach, to read throughputRatio against
    passthroughRps: acPass.rps,
    passthroughRatio: ratio(acPass.rps, acMeili.rps),
    // Express + the official client, forwarding the same multi-searches and nothing else
    // (bench/expressFloor.ts): the rate a server built from the project's required parts can reach
    expressFloorRps: acFloor.rps,
    expressFloorRatio: ratio(acFloor.rps, acMeili.rps),
    errors: errors + acServer.errors + acServer.non2xx + acMeili.errors + acMeili.non2xx,
    autocannon: { ...ac, seconds: cannonSeconds, slices, connections: 16 },
    perQuery,
  };
}

// ------------------------------------------------------------------ 4. analytics

const ALL_SECTORS = ["hospital", "school", "enterprise", "agency", "other"];
/** The i-th permutation of all sectors: the same subcorpus as no filter, but another cache key. */
function sectorPermutation(i: number): string {
  const pool = [...ALL_SECTORS];
  const out: string[] = [];
  let k = i;
  while (pool.length) {
    const j = k % pool.length;
    k = Math.floor(k / pool.length);
    out.push(pool.splice(j, 1)[0]);
  }
  return out.join(",");
}

export const KWIC_TERM = "职工";
/**
 * Each endpoint: its request, and the i-th variant that computes the same thing under another
 * cache key (server/routes/analytics.ts caches results per query string): limit/perPage + i, or
 * (for endpoints without one) an all-sectors filter in another order.
 */
const ANALYTICS: { name: string; path: string; variant: (i: number) => Record<string, string> }[] = [
  { name: "kwic", path: "kwic", variant: (i) => ({ term: KWIC_TERM, perPage: String(50 + i) }) },
  { name: "breakdown", path: "breakdown", variant: (i) => ({ term: "送温暖", by: "sector", ...(i ? { sector: sectorPermutation(i) } : {}) }) },
  { name: "frequency", path: "frequency", variant: (i) => ({ limit: String(100 + i) }) },
  { name: "keyness", path: "keyness", variant: (i) => ({ "a.sector": "hospital", "b.sector": "school", limit: String(100 + i) }) },
  { name: "ngrams", path: "ngrams", variant: (i) => ({ n: "3", limit: String(100 + i) }) },
  { name: "collocates", path: "collocates", variant: (i) => ({ term: KWIC_TERM, limit: String(50 + i) }) },
  { name: "themes", path: "themes", variant: (i) => ({ by: "sector", ...(i ? { sector: sectorPermutation(i) } : {}) }) },
  { name: "phrasing", path: "phrasing", variant: (i) => ({ term: "送温暖", limit: String(20 + i) }) },
];

async function benchAnalytics(server: Server, runs: number) {
  const out: Record<string, { p50Ms: number; firstMs: number; cold: Stat; warmP50Ms: number; warm: Stat; status: number }> = {};
  for (const a of ANALYTICS) {
    const url = (i: number) => `${server.url}/api/${a.path}?${new URLSearchParams(a.variant(i)).toString()}`;
    const first = await timedHttp(url(0));
    if (first.status !== 200) log(`analytics ${a.name}: HTTP ${first.status} ${first.body.slice(0, 200)}`);
    const cold: number[] = [];
    for (let i = 1; i <= runs; i++) cold.push((await timedHttp(url(i))).ms);
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push((await timedHttp(url(0))).ms);
    const c = stat(cold);
    const w = stat(warm);
    out[a.name] = { p50Ms: round(c.median, 1), firstMs: round(first.ms, 1), cold: c, warmP50Ms: round(w.median, 2), warm: w, status: first.status };
  }
  return out;
}

const DRAFT = "医院工会坚持以职工为中心的发展思想，深入开展送温暖活动，切实维护职工合法权益，推进院务公开和职代会制度建设，关心关爱困难职工和女职工，组织开展劳动竞赛和技能比武，加强职工之家建设，不断增强工会组织的凝聚力和服务能力。";

/** The six heavy analyses of issue 13, with distinct parameters per round (nothing cached). */
function heavyAnalytics(round: number): string[] {
  return [
    `formulas?min=2&limit=${500 - (round % 400)}`,
    `phrasing?term=${encodeURIComponent("送温暖")}&limit=${100 - (round % 80)}`,
    `similar?text=${encodeURIComponent(DRAFT.repeat(3))}&limit=${100 - (round % 80)}`,
    `ngrams?n=5&limit=${1000 - (round % 800)}`,
    `keyness?a.sector=hospital&b.sector=school&limit=${1000 - (round % 800)}`,
    `collocates?term=${encodeURIComponent(KWIC_TERM)}&limit=${1000 - (round % 800)}`,
  ];
}

/**
 * Issue 13: /api/health and /api/search word queries, one after another, while the six heavy
 * analyses run at once (a new round of six as soon as one round ends), for `seconds`.
 */
async function benchUnderLoad(t: SearchTarget, seconds: number) {
  const words = searchRequests(t, SEARCH_QUERIES.filter((q) => q.match !== "substring"));
  const health: number[] = [];
  const search: number[] = [];
  const heavy: { ms: number; status: number }[] = [];
  const until = performance.now() + seconds * 1000;
  let round = 0;
  let inFlight = 0;
  const launch = () => {
    const paths = heavyAnalytics(round++);
    inFlight += paths.length;
    for (const p of paths) {
      void timedHttp(`${t.server.url}/api/${p}`).then((r) => {
        heavy.push({ ms: r.ms, status: r.status });
        if (--inFlight === 0 && performance.now() < until) launch();
      });
    }
  };
  launch();
  await sleep(200);
  for (let i = 0; performance.now() < until; i++) {
    health.push((await timedHttp(`${t.server.url}/api/health`)).ms);
    search.push((await timedHttp(t.server.url + words[i % words.length].path)).ms);
  }
  while (inFlight > 0) await sleep(100);
  const statuses: Record<string, number> = {};
  for (const h of heavy) statuses[h.status] = (statuses[h.status] ?? 0) + 1;
  return {
    seconds,
    rounds: round,
    healthP50Ms: round2(pct(health, 50)),
    healthP99Ms: round2(pct(health, 99)),
    searchP50Ms: round2(pct(search, 50)),
    searchP99Ms: round2(pct(search, 99)),
    samples: health.length,
    heavyStatuses: statuses,
    heavyP50Ms: round2(pct(heavy.map((h) => h.ms), 50)),
    heavyMaxMs: round2(Math.max(...heavy.map((h) => h.ms))),
    targets: { healthP99Ms: 50, searchP99Ms: 100 },
  };
}

const round2 = (x: number) => round(x, 2);

/**
 * One timed ripgrep run, asynchronous: a synchronous child (execFileSync) held the bench's event loop
 * for seconds at 100k, the server closed the idle keep-alive sockets meanwhile, and the next request
 * went out on a closed one before the loop had seen it close ("socket hang up"). rg exits 1 when
 * nothing matches; its output is still the count.
 */
function timedRg(rg: string, args: string[]): Promise<{ ms: number; out: string }> {
  const t0 = performance.now();
  return new Promise((ok) => {
    execFile(rg, args, { encoding: "utf8", maxBuffer: 1 << 28 }, (_err, stdout) => ok({ ms: performance.now() - t0, out: String(stdout ?? "") }));
  });
}

async function benchRg(corpusDir: string, runs: number): Promise<{ rgMs: Stat | null; note?: string; lines?: number }> {
  let rg: string;
  try {
    rg = execFileSync("sh", ["-c", "command -v rg"], { encoding: "utf8" }).trim();
    if (!rg) throw new Error("no rg");
  } catch {
    return { rgMs: null, note: "ripgrep (rg) is not installed: kwicVsRg skipped. Install it with `apt-get install -y ripgrep`." };
  }
  const count = async () => {
    const { ms, out } = await timedRg(rg, ["-c", KWIC_TERM, corpusDir]);
    return { ms, lines: out.split("\n").reduce((n, l) => n + Number(l.slice(l.lastIndexOf(":") + 1) || 0), 0) };
  };
  const warm = await count(); // page cache
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push((await count()).ms);
  return { rgMs: stat(xs), lines: warm.lines };
}

/**
 * Issue 18: the two CQL queries through /api/kwic — the first page (count=false, what the
 * concordance asks first) and the exact totals (count=true, distinct perPage per run so the cache
 * does not answer) — against ripgrep's count of the nearest regular expression over the raw pages,
 * in the same run. rg cannot know jieba's tokens or tags, so its expressions approximate the
 * patterns (one word ≈ 1–4 characters; a verb ≈ two Han characters).
 */
const CQL_QUERIES = [
  { cql: '"开展" [] "活动"', rg: "开展[^\\s。！？；，、]{1,4}活动" },
  { cql: '[tag="v"] "职工"', rg: "\\p{Han}{2}职工" },
];

async function benchCql(server: Server, corpusDir: string, runs: number) {
  const out = [];
  for (const q of CQL_QUERIES) {
    const url = (count: boolean, i: number) => `${server.url}/api/kwic?${new URLSearchParams({ match: "cql", term: q.cql, count: String(count), perPage: String(50 - i) })}`;
    const first: number[] = [];
    const counted: number[] = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      first.push((await timedHttp(url(false, i))).ms);
      const r = await timedHttp(url(true, i));
      counted.push(r.ms);
      total = (JSON.parse(r.body) as { total: number }).total;
    }
    const rgRuns: number[] = [];
    let rgTotal = 0;
    for (let i = 0; i <= runs; i++) {
      const { ms, out: text } = await timedRg("rg", ["--count-matches", "--no-filename", "-e", q.rg, corpusDir]);
      if (i > 0) rgRuns.push(ms); // the first warms the page cache
      rgTotal = text.split("\n").filter(Boolean).reduce((n, l) => n + Number(l), 0);
    }
    const c = stat(counted);
    const r = stat(rgRuns);
    out.push({ query: q.cql, rgRegex: q.rg, matches: total, rgMatches: rgTotal, firstPage: stat(first), count: c, rg: r, countVsRg: ratio(c.median, r.median) });
  }
  return out;
}

// ------------------------------------------------------------------ per size

interface Options {
  quick: boolean;
  profile: boolean;
  seed: number;
  /** skip loading the pipeline's documents into a second, bare Meilisearch */
  pipelineOnly: boolean;
  /** after the largest size's analytics, run the issue-8 load + soak on the same server */
  thenLoad?: { soakSeconds: number };
  /** stop after the search figures and the memory after them (a quick loop on the serving path) */
  searchOnly?: boolean;
}

async function benchSize(size: number, opts: Options, ctx: Omit<IngestContext, "corpusDir">, last: boolean) {
  const corpusDir = join(tmpRoot, `corpus-${size}`);
  log(`size ${size}: synthesising …`);
  const synth = await synthesize({ reports: size, seed: opts.seed, out: corpusDir });
  log(`  ${synth.files} files, ${(synth.bytes / 1048576).toFixed(1)} MB in ${synth.seconds.toFixed(1)} s`);
  const ictx: IngestContext = { ...ctx, corpusDir };
  const runs = opts.quick ? 1 : size <= 1000 ? 3 : size <= 5000 ? 2 : 1;

  const pipelineS: number[] = [];
  const meiliS: number[] = [];
  const phases: Record<string, number>[] = [];
  let kept: Awaited<ReturnType<typeof ingestPipeline>> | null = null;
  let keptDir = "";
  let built: Built | null = null;
  let summary: Awaited<ReturnType<typeof ingestPipeline>>["summary"] | null = null;
  const direct = async (r: number) => {
    if (opts.pipelineOnly) return;
    log(`  ingest run ${r + 1}/${runs}: the same ${built!.reports} report + ${built!.passages} passage documents (${(built!.bytes / 1048576).toFixed(0)} MB NDJSON) straight into a fresh Meilisearch …`);
    const s = await ingestDirect(built!, ctx.names, join(tmpRoot, `direct-${size}-${r}`));
    meiliS.push(s);
    log(`    ${s.toFixed(1)} s`);
  };
  for (let r = 0; r < runs; r++) {
    // Odd runs load Meilisearch alone first, so neither side always runs on a warmer machine.
    if (r % 2 === 1) await direct(r);
    const dirA = join(tmpRoot, `pipeline-${size}-${r}`);
    log(`  ingest run ${r + 1}/${runs}: full pipeline (runIndexer) into a fresh Meilisearch …`);
    const p = await ingestPipeline(ictx, dirA);
    pipelineS.push(p.seconds);
    phases.push(p.phases);
    summary = p.summary;
    log(`    ${p.seconds.toFixed(1)} s ${JSON.stringify(p.phases)}`);
    if (!opts.pipelineOnly) built ??= documentsFromStore(dirA, join(tmpRoot, `payload-${size}`), ctx.segmenter, ctx.synonyms);
    if (kept) {
      await stopMeili(kept.meili.meili);
      rmSync(keptDir, { recursive: true, force: true });
    }
    kept = p;
    keptDir = dirA;
    if (r % 2 === 0) await direct(r);
  }
  const ndjsonMB = built ? built.bytes / 1048576 : 0;
  const docs = summary ? summary.reports + summary.excerpts : 0;
  const pStat = stat(pipelineS);
  const mStat = stat(meiliS);
  const ingest = {
    runs,
    pipelineS: round(pStat.median, 2),
    meiliS: round(mStat.median, 2),
    ratioVsMeili: ratio(pStat.median, mStat.median),
    pipeline: pStat,
    meili: mStat,
    inputMB: round(synth.bytes / 1048576, 1),
    textMB: summary ? round(summary.chars * 3 / 1048576, 1) : null,
    meiliPayloadMB: round(ndjsonMB, 1),
    pipelineMBs: round(synth.bytes / 1048576 / pStat.median, 2),
    meiliMBs: round(synth.bytes / 1048576 / mStat.median, 2),
    docsPerS: round(docs / pStat.median, 1),
    meiliDocsPerS: round(docs / mStat.median, 1),
    reports: summary?.reports,
    excerpts: summary?.excerpts,
    duplicates: summary?.duplicates,
    passages: summary?.passages,
    files: synth.files,
    phases: Object.fromEntries(Object.keys(phases[0]).map((k) => [k, stat(phases.map((p) => p[k]))])),
    note: "MB/s = raw input bytes per second; docs = report + excerpt pieces. meiliS loads the pipeline's own final documents, serialised beforehand into the same NDJSON batches, into a fresh Meilisearch with the same settings (IndexLoader.addBatch).",
  };
  if (built) rmSync(join(tmpRoot, `payload-${size}`), { recursive: true, force: true });
  built = null;

  // Serve the last pipeline run's data.
  const served = await benchServer(size, { corpusDir, dataDir: keptDir, meili: kept!.meili, files: synth.files, bytes: synth.bytes }, opts, ctx, last);
  await stopMeili(kept!.meili.meili);
  // --keep keeps the served data too: a failure seen in the figures can be replayed on it
  if (!keepTmp) {
    rmSync(keptDir, { recursive: true, force: true });
    rmSync(corpusDir, { recursive: true, force: true });
  }
  return { synth, ingest, ...served };
}

/** What a served instance measures: search against Meilisearch, analytics, under load, CQL, memory. */
async function benchServer(
  size: number,
  inst: { corpusDir: string; dataDir: string; meili: { meili: RunningMeili; master: Meilisearch }; files: number; bytes: number },
  opts: Options,
  ctx: Omit<IngestContext, "corpusDir">,
  last: boolean,
) {
  const { corpusDir, dataDir, meili: m } = inst;
  const profileDir = opts.profile ? join(tmpRoot, `prof-${size}`) : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  log(`  starting the server (child process) …`);
  const serverEnv = { WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: corpusDir, MEILI_URL: m.meili.url, MEILI_MASTER_KEY: m.meili.masterKey };
  // The first start derives the corpus image from the store; the figures are a restart's, which loads it.
  const first = await startServer(serverEnv, null, "inherit");
  const firstStartS = first.startS;
  await first.stop();
  log(`  first start (builds the corpus image) ${firstStartS} s`);
  const server = await startServer(serverEnv, profileDir);
  await sleep(500);
  const rssStart = rssMB(server.pid);
  const settled = await settledRss(server.pid);
  log(`  server up in ${server.startS} s, RSS ${rssStart} MB; over the next 15 s peak ${settled.peakMB} MB, then ${settled.settledMB} MB`);
  const searchKey = await searchClient(m.master, [ctx.names.reports, ctx.names.passages]);
  const target: SearchTarget = { server, meiliUrl: m.meili.url, meiliPid: m.meili.pid, search: searchKey, segmenter: ctx.segmenter, synonyms: ctx.synonyms, names: ctx.names };
  log(`  search: 30 queries × ${opts.quick ? 3 : 7} rounds, /api/search vs Meilisearch …`);
  const search = await benchSearch(target, opts.quick ? 3 : 7, opts.quick ? 5 : 20);
  const rssAfterSearch = rssMB(server.pid);
  log(`  search p50 ${search.p50Ms} ms (Meilisearch ${search.meiliP50Ms}), ${search.rps} rps vs ${search.meiliRps}`);
  log(`  analytics …`);
  const analytics = await benchAnalytics(server, opts.quick ? 3 : 5);
  const rssAfterAnalytics = rssMB(server.pid);
  log(`  the same aggregations in DuckDB over the Parquet export …`);
  // a failure here is recorded, not fatal, like the CQL figures below
  const duckdb: DuckdbResult | { error: string } = await benchDuckdb(server.url, opts.quick ? 3 : 5).catch((e: Error) => ({ error: e.message }));
  if ("error" in duckdb) log(`  DuckDB failed: ${duckdb.error}`);
  else for (const p of duckdb.pairs) log(`    ${p.name}: Wenyuan ${p.wenyuanMs} ms, DuckDB ${p.duckdbMs} ms → ${p.ratio}× (${p.equal ? "counts equal" : `COUNTS DIFFER: ${p.note}`}, ${p.rows} rows)`);
  log(`  health and search while six heavy analyses run …`);
  const underLoad = await benchUnderLoad(target, opts.quick ? 10 : 30);
  const rssAfterUnderLoad = rssMB(server.pid);
  log(`  under load: health p99 ${underLoad.healthP99Ms} ms, search p99 ${underLoad.searchP99Ms} ms, heavy ${JSON.stringify(underLoad.heavyStatuses)}`);
  log(`  CQL through /api/kwic vs rg …`);
  // a failure here is recorded, not fatal: the figures measured so far are still written
  const cql = await benchCql(server, corpusDir, opts.quick ? 3 : 5).catch((e: Error) => {
    log(`  CQL failed: ${e.message}`);
    return [{ query: "", error: e.message, firstPage: stat([]), count: stat([]), rg: stat([]), countVsRg: null, matches: 0 }];
  });
  for (const c of cql) log(`    ${c.query}: first page ${c.firstPage.median} ms, with totals ${c.count.median} ms (${c.matches}), rg ${c.rg.median} ms; ratio ${c.countVsRg}`);
  const rg = await benchRg(corpusDir, 5);
  if (rg.note) log(`  ${rg.note}`);
  const kwicVsRg = rg.rgMs ? ratio(analytics.kwic.p50Ms, rg.rgMs.median) : null;
  const loadResult = last && opts.thenLoad ? { size, inputMB: round(inst.bytes / 1048576, 1), ...(await loadAndSoak(server, target, opts.thenLoad.soakSeconds)) } : null;
  await server.stop();
  let profile = null;
  if (profileDir) {
    profile = busiestProfile(profileDir);
  }
  return {
    search,
    cql,
    analytics: { ...analytics, kwicVsRg, kwicVsRgNote: rg.note ?? `kwic cold p50 / \`rg -c ${KWIC_TERM}\` over the ${inst.files} raw files`, rgMs: rg.rgMs, rgMatchingLines: rg.lines },
    duckdb,
    underLoad,
    memory: { rssMB: rssAfterAnalytics, startupRssMB: rssStart, startupPeakRssMB: settled.peakMB, startupSettledRssMB: settled.settledMB, afterSearchRssMB: rssAfterSearch, afterAnalyticsRssMB: rssAfterAnalytics, afterUnderLoadRssMB: rssAfterUnderLoad, serverStartS: server.startS, firstStartS, imageBuildS: firstStartS - server.startS },
    profile,
    loadResult,
  };
}

/** `--search-only` (with --data): the search figures and the server's memory around them, nothing else — a quick loop on the serving path. */
async function benchSearchOnly(inst: { corpusDir: string; dataDir: string; meili: { meili: RunningMeili; master: Meilisearch } }, opts: Options, ctx: Omit<IngestContext, "corpusDir">) {
  const { meili: m } = inst;
  const profileDir = opts.profile ? join(tmpRoot, "prof-search") : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const server = await startServer({ WENYUAN_DATA_DIR: inst.dataDir, WENYUAN_CORPUS_DIR: inst.corpusDir, MEILI_URL: m.meili.url, MEILI_MASTER_KEY: m.meili.masterKey }, profileDir, "inherit");
  let stopped = false;
  try {
    await sleep(500);
    const startupRssMB = rssMB(server.pid);
    const settled = await settledRss(server.pid);
    const searchKey = await searchClient(m.master, [ctx.names.reports, ctx.names.passages]);
    const target: SearchTarget = { server, meiliUrl: m.meili.url, meiliPid: m.meili.pid, search: searchKey, segmenter: ctx.segmenter, synonyms: ctx.synonyms, names: ctx.names };
    const search = await benchSearch(target, opts.quick ? 3 : 7, opts.quick ? 5 : 20);
    log(`  search p50 ${search.p50Ms} ms (Meilisearch ${search.meiliP50Ms}), ${search.rps} rps vs ${search.meiliRps} = ${search.throughputRatio}× (a bare pass-through: ${search.passthroughRps} rps = ${search.passthroughRatio}×; Express + the official client: ${search.expressFloorRps} rps = ${search.expressFloorRatio}×)`);
    const memory = { startupRssMB, startupPeakRssMB: settled.peakMB, startupSettledRssMB: settled.settledMB, afterSearchRssMB: rssMB(server.pid), serverStartS: server.startS };
    await server.stop();
    stopped = true;
    return { search, memory, profile: profileDir ? busiestProfile(profileDir) : null };
  } finally {
    if (!stopped) await server.stop();
  }
}

/** `--data DIR --corpus DIR`: the serving figures of an instance indexed beforehand; DIR is left as it was. */
async function benchExisting(dataDir: string, corpusDir: string, opts: Options, ctx: Omit<IngestContext, "corpusDir">) {
  const manifest = JSON.parse(readFileSync(join(dataDir, "store", "manifest.json"), "utf8")) as { reports: number };
  const listing = execFileSync("find", [corpusDir, "-type", "f", "-printf", "%s\\n"], { encoding: "utf8", maxBuffer: 1 << 28 }).split("\n").filter(Boolean);
  const bytes = listing.reduce((n, l) => n + Number(l), 0);
  log(`existing instance: ${dataDir} (${manifest.reports} store entries), corpus ${corpusDir} (${listing.length} files, ${(bytes / 1048576).toFixed(1)} MB)`);
  const meili = await newMeili(dataDir);
  try {
    if (opts.searchOnly) return { entries: manifest.reports, ...(await benchSearchOnly({ dataDir, corpusDir, meili }, opts, ctx)) };
    return { entries: manifest.reports, files: listing.length, inputMB: round(bytes / 1048576, 1), ...(await benchServer(manifest.reports, { corpusDir, dataDir, meili, files: listing.length, bytes }, opts, ctx, true)) };
  } finally {
    await stopMeili(meili.meili);
  }
}

// ------------------------------------------------------------------ load (issue 8)

function loadMix(t: SearchTarget): AcRequest[] {
  const search = searchRequests(t, SEARCH_QUERIES.filter((q) => q.match !== "substring")).map((q) => q.path);
  const substring = searchRequests(t, SEARCH_QUERIES.filter((q) => q.match === "substring").slice(0, 2)).map((q) => q.path);
  const a = (path: string, p: Record<string, string>) => `/api/${path}?${new URLSearchParams(p).toString()}`;
  const analytics = [
    a("kwic", { term: "职工" }),
    a("kwic", { term: "送温暖", sort: "R1" }),
    a("breakdown", { term: "职代会", by: "year" }),
    a("frequency", { sector: "school" }),
    a("keyness", { "a.sector": "hospital", "b.sector": "school" }),
    a("collocates", { term: "职工" }),
    a("ngrams", { n: "3" }),
    a("themes", { by: "sector" }),
    a("phrasing", { term: "送温暖" }),
    "/api/stats",
    "/api/reports?sector=hospital",
  ];
  return [...search, ...substring, ...analytics].map((path) => ({ method: "GET", path }));
}

/** issue 8: autocannon c=32 30 s on a search + analytics mix, then a soak at c=8 with RSS samples. */
async function loadAndSoak(server: Server, target: SearchTarget, soakSeconds: number) {
  const mix = loadMix(target);
  await sleep(500);
  const rssStartup = rssMB(server.pid);
  // One pass first: the analytics result cache and the lazily built postings are warm, as on a
  // server that has been up for a while. Its timings are reported too.
  const warmup: { path: string; ms: number; status: number }[] = [];
  for (const r of mix) {
    const x = await timedHttp(server.url + r.path);
    warmup.push({ path: r.path, ms: round(x.ms, 1), status: x.status });
  }
  log(`load: autocannon c=32 30 s on a mix of ${mix.length} requests (search + analytics) …`);
  const load = cannonSummary(await cannon({ url: server.url, connections: 32, duration: 30, requests: mix }));
  const rssAfterLoad = rssMB(server.pid);
  log(`load: ${JSON.stringify(load)}`);
  log(`soak: c=8 for ${soakSeconds} s, RSS every 30 s …`);
  const samples: { s: number; rssMB: number | null }[] = [{ s: 0, rssMB: rssMB(server.pid) }];
  const t0 = performance.now();
  const timer = setInterval(() => samples.push({ s: Math.round((performance.now() - t0) / 1000), rssMB: rssMB(server.pid) }), 30_000);
  const soakRaw = await cannon({ url: server.url, connections: 8, duration: soakSeconds, requests: mix });
  clearInterval(timer);
  samples.push({ s: Math.round((performance.now() - t0) / 1000), rssMB: rssMB(server.pid) });
  const soak = { ...cannonSummary(soakRaw), seconds: soakSeconds, rssStartMB: samples[0].rssMB, rssEndMB: samples[samples.length - 1].rssMB, rssMaxMB: Math.max(...samples.map((s) => s.rssMB ?? 0)), rssSamples: samples };
  log(`soak: ${JSON.stringify({ ...soak, rssSamples: undefined })}`);
  return {
    mix: mix.map((r) => r.path),
    warmup,
    rssStartupMB: rssStartup,
    load: { ...load, connections: 32, seconds: 30, rssAfterMB: rssAfterLoad, targets: { errors: 0, p99Ms: 200 } },
    soak: { ...soak, connections: 8 },
  };
}

async function runLoad(size: number, opts: Options & { soakSeconds: number }, ctx: Omit<IngestContext, "corpusDir">) {
  const corpusDir = join(tmpRoot, `corpus-${size}`);
  log(`load: synthesising ${size} reports …`);
  const synth = await synthesize({ reports: size, seed: opts.seed, out: corpusDir });
  const dataDir = join(tmpRoot, `load-${size}`);
  log(`load: indexing (${(synth.bytes / 1048576).toFixed(0)} MB) …`);
  const p = await ingestPipeline({ ...ctx, corpusDir }, dataDir);
  log(`load: indexed in ${p.seconds.toFixed(1)} s`);
  const profileDir = opts.profile ? join(tmpRoot, "prof-load") : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const server = await startServer({ WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: corpusDir, MEILI_URL: p.meili.meili.url, MEILI_MASTER_KEY: p.meili.meili.masterKey }, profileDir);
  const searchKey = await searchClient(p.meili.master, [ctx.names.reports, ctx.names.passages]);
  const target: SearchTarget = { server, meiliUrl: p.meili.meili.url, meiliPid: p.meili.meili.pid, search: searchKey, segmenter: ctx.segmenter, synonyms: ctx.synonyms, names: ctx.names };
  const ls = await loadAndSoak(server, target, opts.soakSeconds);
  await server.stop();
  let profile = null;
  if (profileDir) {
    profile = busiestProfile(profileDir);
  }
  await stopMeili(p.meili.meili);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(corpusDir, { recursive: true, force: true });
  return {
    size,
    files: synth.files,
    inputMB: round(synth.bytes / 1048576, 1),
    indexS: round(p.seconds, 1),
    ...ls,
    profile,
  };
}

// ------------------------------------------------------------------ report

function pad(s: unknown, n: number) {
  const t = s === null || s === undefined ? "–" : String(s);
  return t.length >= n ? t : " ".repeat(n - t.length) + t;
}

type SizeResult = Awaited<ReturnType<typeof benchSize>>;

function table(results: Record<string, SizeResult>, seg: Awaited<ReturnType<typeof benchSegmentation>>, growth: Record<string, number | null>): string {
  const sizes = Object.keys(results);
  const rows: [string, (r: SizeResult) => unknown][] = [
    ["ingest pipeline s", (r) => r.ingest.pipelineS],
    ["ingest Meilisearch alone s", (r) => r.ingest.meiliS],
    ["ingest ratioVsMeili", (r) => r.ingest.ratioVsMeili],
    ["ingest pipeline MB/s", (r) => r.ingest.pipelineMBs],
    ["ingest pipeline docs/s", (r) => r.ingest.docsPerS],
    ["search p50 ms", (r) => r.search.p50Ms],
    ["search p95 ms", (r) => r.search.p95Ms],
    ["search p99 ms", (r) => r.search.p99Ms],
    ["Meilisearch p50 ms", (r) => r.search.meiliP50Ms],
    ["Meilisearch p99 ms", (r) => r.search.meiliP99Ms],
    ["search overheadP50Ms", (r) => r.search.overheadP50Ms],
    ["  word queries: overhead p50 ms", (r) => r.search.wordOnly.overheadP50Ms],
    ["  word queries: p99 ms", (r) => r.search.wordOnly.p99Ms],
    ["search rps (c=16)", (r) => r.search.rps],
    ["Meilisearch rps (c=16)", (r) => r.search.meiliRps],
    ["throughputRatio", (r) => r.search.throughputRatio],
    ["  word queries: throughputRatio", (r) => r.search.wordOnly.throughputRatio],
    ["  a bare pass-through / Meilisearch", (r) => r.search.passthroughRatio],
    ["  Express + the official client / Meilisearch", (r) => r.search.expressFloorRatio],
    ["search errors", (r) => r.search.errors],
    ...ANALYTICS.flatMap((a): [string, (r: SizeResult) => unknown][] => [
      [`${a.name} p50 ms (uncached)`, (r) => (r.analytics as unknown as Record<string, { p50Ms: number }>)[a.name]?.p50Ms],
      [`  first / cached ms`, (r) => {
        const x = (r.analytics as unknown as Record<string, { firstMs: number; warmP50Ms: number }>)[a.name];
        return x ? `${x.firstMs} / ${x.warmP50Ms}` : null;
      }],
    ]),
    ...["frequency", "keyness hospital vs agency", `breakdown 职工 by sector`, "bigrams"].map((name): [string, (r: SizeResult) => unknown] => [`vs DuckDB: ${name}`, (r) => {
      const p = "pairs" in r.duckdb ? r.duckdb.pairs.find((x) => x.name === name) : undefined;
      return p ? `${p.ratio}×${p.equal ? "" : " ≠"}` : null;
    }]),
    ["DuckDB load s (Parquet → memory)", (r) => ("loadS" in r.duckdb ? r.duckdb.loadS : null)],
    ["rg -c ms", (r) => r.analytics.rgMs?.median],
    ["kwicVsRg", (r) => r.analytics.kwicVsRg],
    ["health p99 ms (6 heavy running)", (r) => r.underLoad.healthP99Ms],
    ["search p99 ms (6 heavy running)", (r) => r.underLoad.searchP99Ms],
    ["server start s (image present)", (r) => r.memory.serverStartS],
    ["first start s (builds the image)", (r) => r.memory.firstStartS],
    ["server RSS startup MB", (r) => r.memory.startupRssMB],
    ["server RSS after heavy load MB", (r) => r.memory.afterUnderLoadRssMB],
    ["server RSS after analytics MB", (r) => r.memory.rssMB],
  ];
  const w = 34;
  const lines = [
    `segmentation MB/s: nodejieba ${seg.nodejiebaMBs}, @node-rs/jieba ${seg.nodeRsMBs}, project ${seg.projectMBs} → ratioVsNodejieba ${seg.ratioVsNodejieba}`,
    "",
    `${"measure".padEnd(w)}${sizes.map((s) => pad(s, 14)).join("")}${pad(`growth ${sizes[sizes.length - 1]}/${sizes[0]}`, 18)}`,
  ];
  for (const [name, get] of rows) lines.push(`${name.padEnd(w)}${sizes.map((s) => pad(get(results[s]), 14)).join("")}${pad(growth[name.trim()], 18)}`);
  return lines.join("\n");
}

function growthOf(results: Record<string, SizeResult>): Record<string, number | null> {
  const sizes = Object.keys(results);
  if (sizes.length < 2) return {};
  const a = results[sizes[0]];
  const b = results[sizes[sizes.length - 1]];
  const g: Record<string, number | null> = {
    "ingest pipeline s": ratio(b.ingest.pipelineS, a.ingest.pipelineS),
    "ingest Meilisearch alone s": ratio(b.ingest.meiliS, a.ingest.meiliS),
    "search p50 ms": ratio(b.search.p50Ms, a.search.p50Ms),
    "search p99 ms": ratio(b.search.p99Ms, a.search.p99Ms),
    "Meilisearch p50 ms": ratio(b.search.meiliP50Ms, a.search.meiliP50Ms),
    "search rps (c=16)": ratio(b.search.rps, a.search.rps),
    "Meilisearch rps (c=16)": ratio(b.search.meiliRps, a.search.meiliRps),
    "rg -c ms": a.analytics.rgMs && b.analytics.rgMs ? ratio(b.analytics.rgMs.median, a.analytics.rgMs.median) : null,
    "server RSS after analytics MB": ratio(b.memory.rssMB ?? NaN, a.memory.rssMB ?? NaN),
    "server RSS startup MB": ratio(b.memory.startupRssMB ?? NaN, a.memory.startupRssMB ?? NaN),
  };
  for (const x of ANALYTICS) {
    const pa = (a.analytics as unknown as Record<string, { p50Ms: number }>)[x.name]?.p50Ms;
    const pb = (b.analytics as unknown as Record<string, { p50Ms: number }>)[x.name]?.p50Ms;
    g[`${x.name} p50 ms (uncached)`] = ratio(pb, pa);
  }
  return g;
}

type LoadText = { size: number; inputMB: number } & Awaited<ReturnType<typeof loadAndSoak>>;
function loadText(res: LoadText): string {
  return [
    `load (${res.size} reports, ${res.inputMB} MB): c=32 30 s on ${res.mix.length} rotating requests`,
    `  rps ${res.load.rps}, p50 ${res.load.p50Ms} ms, p99 ${res.load.p99Ms} ms, max ${res.load.maxMs} ms, errors ${res.load.errors}, non-2xx ${res.load.non2xx}   (target: 0 errors, p99 ≤ 200 ms)`,
    `soak: c=8 ${res.soak.seconds} s: rps ${res.soak.rps}, p50 ${res.soak.p50Ms} ms, p99 ${res.soak.p99Ms} ms, errors ${res.soak.errors}, non-2xx ${res.soak.non2xx}`,
    `  server RSS: startup ${res.rssStartupMB} MB, after load ${res.load.rssAfterMB} MB, soak start ${res.soak.rssStartMB} → end ${res.soak.rssEndMB} MB (max ${res.soak.rssMaxMB})`,
  ].join("\n");
}

// ------------------------------------------------------------------ main

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      load: { type: "boolean", default: false },
      sizes: { type: "string" },
      "soak-seconds": { type: "string", default: "600" },
      "then-load": { type: "boolean", default: false },
      seed: { type: "string", default: "42" },
      profile: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      "pipeline-only": { type: "boolean", default: false },
      data: { type: "string" },
      corpus: { type: "string" },
      "search-only": { type: "boolean", default: false },
    },
  });
  keepTmp = values.keep;
  const t0 = performance.now();
  const sizes = values.sizes
    ? values.sizes.split(",").map((s) => Number(s.trim()))
    : values.load
      ? [20000]
      : values.quick
        ? [200, 1000]
        : [1000, 5000, 20000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--sizes: comma-separated positive integers");
  if (values["search-only"] && !values.data) throw new Error("--search-only measures an instance indexed beforehand: it goes with --data and --corpus");
  const opts: Options = {
    quick: values.quick,
    profile: values.profile,
    pipelineOnly: values["pipeline-only"],
    seed: Number(values.seed),
    searchOnly: values["search-only"],
    ...(values["then-load"] ? { thenLoad: { soakSeconds: Number(values["soak-seconds"]) } } : {}),
  };
  tmpRoot = mkdtempSync("/tmp/wenyuan-bench-");
  log(`temporary folder ${tmpRoot}`);
  const resources = loadResources(ROOT);
  const segmenter = createSegmenter("node-rs", resources.dictionary);
  const ctx = { names: indexNames(""), segmenter, dictionary: resources.dictionary, synonyms: resources.synonyms };
  const resultsDir = join(ROOT, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);

  if (values.load) {
    const soakSeconds = Number(values["soak-seconds"]);
    const res = await runLoad(sizes[sizes.length - 1], { ...opts, soakSeconds }, ctx);
    const out = { machine: machine(), kind: "load", ...res, totalS: round((performance.now() - t0) / 1000, 1) };
    writeFileSync(join(resultsDir, "load-latest.json"), JSON.stringify(out, null, 2) + "\n");
    writeFileSync(join(resultsDir, `load-${stamp}.json`), JSON.stringify(out, null, 2) + "\n");
    console.log(loadText(res));
    console.log(`written bench/results/load-latest.json and load-${stamp}.json`);
    return;
  }

  if (values.data || values.corpus) {
    if (!values.data || !values.corpus) throw new Error("--data and --corpus go together");
    const res = await benchExisting(resolve(values.data), resolve(values.corpus), opts, ctx);
    const out = { machine: machine(), kind: "existing", dataDir: resolve(values.data), ...res, totalS: round((performance.now() - t0) / 1000, 1) };
    writeFileSync(join(resultsDir, `existing-${stamp}.json`), JSON.stringify(out, null, 2) + "\n");
    console.log(JSON.stringify({ ...out, analytics: undefined, search: { ...res.search, queries: undefined } }, null, 2));
    console.log(`written bench/results/existing-${stamp}.json`);
    return;
  }

  log("segmentation …");
  const segmentation = await benchSegmentation(resources.dictionary, opts.quick);
  log(`  nodejieba ${segmentation.nodejiebaMBs} MB/s, node-rs ${segmentation.nodeRsMBs}, project ${segmentation.projectMBs}`);
  const results: Record<string, SizeResult> = {};
  for (const [i, size] of sizes.entries()) results[String(size)] = await benchSize(size, opts, ctx, i === sizes.length - 1);
  const growth = growthOf(results);
  const pick = <K extends keyof SizeResult>(k: K) => Object.fromEntries(Object.entries(results).map(([s, r]) => [s, r[k]]));
  const out = {
    machine: machine(),
    mode: opts.quick ? "quick" : "full",
    sizes,
    segmentation,
    ingest: pick("ingest"),
    search: pick("search"),
    analytics: pick("analytics"),
    memory: pick("memory"),
    underLoad: pick("underLoad"),
    growth,
    synth: pick("synth"),
    profiles: opts.profile ? pick("profile") : undefined,
    load: Object.values(results).find((r) => r.loadResult)?.loadResult ?? undefined,
    totalS: round((performance.now() - t0) / 1000, 1),
  };
  writeFileSync(join(resultsDir, "latest.json"), JSON.stringify(out, null, 2) + "\n");
  writeFileSync(join(resultsDir, `${stamp}${opts.quick ? "-quick" : ""}.json`), JSON.stringify(out, null, 2) + "\n");
  console.log(table(results, segmentation, growth));
  if (out.load) console.log("\n" + loadText(out.load));
  console.log(`\ntotal ${out.totalS} s; written bench/results/latest.json and ${stamp}${opts.quick ? "-quick" : ""}.json`);
}

main()
  .then(() => cleanup())
  .catch(async (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    await cleanup();
    process.exit(1);
  });

// `npx tsx bench/cql.ts [--sizes 20000,100000] [--runs 5]` — issue 18's figures: CQL over the
// in-memory token arrays against ripgrep over the same raw pages, in the same run.
//
// For each size: synthesize pages (bench/synth.ts, seed 42), read each page's text as one report,
// segment and tag it with the project dictionary, build the Corpus and its postings; then time
//   first page  kwic(match=cql, 50 lines, report order, count=false) — the concordance's first
//               request: it stops reading reports once the page is full
//   page+count  the same page with exact totals (count=true, the concordance's second request)
//   count       cqlScan with no callback — the total alone
//   rg          `rg --count-matches` with the nearest regular expression over the raw pages
// rg cannot know jieba's tokens or tags, so its expressions only approximate the patterns:
//   "开展" [] "活动"  ↔  开展[^\s。！？；，、]{1,4}活动    (one word: 1–4 characters)
//   [tag="v"] "职工"  ↔  \p{Han}{2}职工                  (any two characters before 职工)
// Medians of --runs runs (min–max). Results go to bench/results/cql-<time>.json.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createSegmenter } from "../core/text/segment.ts";
import { loadResources } from "../core/resources.ts";
import { buildCorpus, type CorpusEntry } from "../core/corpus/build.ts";
import type { Report } from "../core/model.ts";
import { cqlPattern } from "../core/cql/compile.ts";
import { CorpusIndexes } from "../server/corpus/indexes.ts";
import { cqlScan } from "../server/analytics/cql.ts";
import { kwic } from "../server/analytics/kwic.ts";
import { synthesize } from "./synth.ts";

const ROOT = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { sizes: { type: "string", default: "20000" }, runs: { type: "string", default: "5" } } });
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);

const QUERIES = [
  { cql: '"开展" [] "活动"', rg: "开展[^\\s。！？；，、]{1,4}活动" },
  { cql: '[tag="v"] "职工"', rg: "\\p{Han}{2}职工" },
];

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(s[s.length >> 1]), min: r(s[0]), max: r(s[s.length - 1]) };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const resources = loadResources(ROOT);
const seg = createSegmenter("node-rs", resources.dictionary);
const results: unknown[] = [];

for (const size of sizes) {
  const dir = `/tmp/wenyuan-cql-bench-${size}`;
  if (!existsSync(join(dir, ".done"))) {
    mkdirSync(dir, { recursive: true });
    await synthesize({ reports: size, seed: 42, out: dir });
    writeFileSync(join(dir, ".done"), "");
  }
  const paths = files(dir).filter((p) => !p.endsWith(".done"));
  const [corpus, buildMs] = timed(() => {
    const entries: CorpusEntry[] = paths.map((p, k) => {
      const text = readFileSync(p, "utf8");
      const { tokens, tags } = seg.tag(text);
      const report = { id: `r${k}`, title: p, text, chars: text.length, kind: "report", duplicateOf: null, sector: "other", year: null, docType: "report", level: "unit" } as unknown as Report;
      return { report, tokens, tags };
    });
    return buildCorpus(entries, resources.stopwords);
  });
  const ix = new CorpusIndexes(corpus);
  void ix.docPostings;
  void ix.tokenClasses;
  const docs = corpus.docs;
  const mb = Math.round(docs.reduce((n, d) => n + Buffer.byteLength(d.report.text), 0) / 1e6);
  console.log(`${size} reports: ${paths.length} pages, ${mb} MB, corpus built in ${Math.round(buildMs / 1000)} s`);
  for (const q of QUERIES) {
    const pattern = cqlPattern(q.cql, seg);
    const page: number[] = [];
    const pageCounted: number[] = [];
    const count: number[] = [];
    const rg: number[] = [];
    let total = 0;
    let rgTotal = 0;
    for (let i = 0; i < runs; i++) {
      page.push(timed(() => kwic(corpus, docs, { term: q.cql, alternatives: [], match: "cql", pattern, perPage: 50, count: false }, ix))[1]);
      pageCounted.push(timed(() => kwic(corpus, docs, { term: q.cql, alternatives: [], match: "cql", pattern, perPage: 50 }, ix))[1]);
      const [scan, ms] = timed(() => cqlScan(corpus, docs, pattern, ix));
      count.push(ms);
      total = scan.total;
      const [out, rgMs] = timed(() => execFileSync("rg", ["--count-matches", "--no-filename", "-e", q.rg, dir], { encoding: "utf8", maxBuffer: 1 << 28 }));
      rg.push(rgMs);
      rgTotal = out.split("\n").filter(Boolean).reduce((n, l) => n + Number(l), 0);
    }
    const row = { size, pages: paths.length, mb, query: q.cql, rgRegex: q.rg, matches: total, rgMatches: rgTotal, firstPageMs: stats(page), pageWithCountMs: stats(pageCounted), countMs: stats(count), rgMs: stats(rg), countVsRg: Math.round((stats(count).median / stats(rg).median) * 100) / 100 };
    results.push(row);
    console.log(`  ${q.cql.padEnd(18)} first page ${row.firstPageMs.median} ms, page+count ${row.pageWithCountMs.median} ms, count ${row.countMs.median} ms (${total}), rg ${row.rgMs.median} ms (${rgTotal}); count/rg ${row.countVsRg}`);
  }
}

const outDir = join(ROOT, "bench", "results");
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `cql-${new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19)}.json`);
writeFileSync(file, JSON.stringify({ machine: { cpus: (await import("node:os")).cpus().length }, runs, results }, null, 2) + "\n");
console.log(`→ ${file}`);

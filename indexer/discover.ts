// `npm run dict:discover [-- --write]`: the corpus's recurring words that jieba cuts into single
// characters (core/text/discover.ts), found in the indexed reports (data/store), listed with their
// evidence and the share of single-character word tokens before and after adding them. With
// --write they replace the "discovered" section at the end of corpus/dict.txt — a file to review
// and edit like the rest of the dictionary — and the next `npm run index` re-segments everything
// with it (a new dictionary means a full rebuild), so the indexer, the query parser and analytics
// keep cutting alike, with HMM off.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { resolveConfig } from "../core/config.ts";
import type { Report } from "../core/model.ts";
import { DISCOVERED_FILE, loadResources } from "../core/resources.ts";
import { iterateReports } from "../core/store.ts";
import { discoverWords, rejectedWords, type DiscoveredWord } from "../core/text/discover.ts";
import { createSegmenter, isWord, type Segmenter, type SegmenterEngine } from "../core/text/segment.ts";
import { Worker } from "node:worker_threads";

export const DISCOVERED_MARKER = "# --- discovered (npm run dict:discover) ---";
/** High enough to win over single characters, low enough not to break established words (统一是 stays 统一 | 是). */
const DISCOVERED_FREQ = 3000;

export { rejectedWords };

/** The dictionary with its discovered section replaced by `words` (less the rejected ones). */
export function withDiscovered(dictionary: string, words: readonly DiscoveredWord[]): string {
  const at = dictionary.indexOf(DISCOVERED_MARKER);
  const curated = (at < 0 ? dictionary : dictionary.slice(0, at)).replace(/\s*$/, "\n");
  const rejected = rejectedWords(curated);
  const lines = words.filter((w) => !rejected.has(w.word)).map((w) => `${w.word} ${DISCOVERED_FREQ} ${/^[一二三四五六七八九十]是$/.test(w.word) ? "c" : "n"}`);
  return [
    curated,
    DISCOVERED_MARKER,
    "# Words the corpus repeats that jieba (HMM off) cut into single characters: ≥ 5 occurrences in ≥ 3 reports,",
    "# cohesion (minimum PMI over the split points) ≥ 4 bits, left and right boundary entropy ≥ 2 bits, no function",
    "# character at either edge except the enumerators 一是 … 十是 (core/text/discover.ts). Review them: to drop a",
    "# word for good, list it on a '# not a word:' line above this section; to keep one whatever discovery finds,",
    "# move its line above this section.",
    ...lines,
    "",
  ].join("\n");
}

/**
 * Discovery at index time reads at most this many characters (about 25 s and a few hundred MB on
 * this machine): every report of a corpus up to ~3,000 reports, an even, deterministic sample of a
 * larger one — a word that recurs is found in a sample too.
 */
export const DISCOVERY_MAX_CHARS = 10_000_000;

/** The canonical reports' texts discovery reads: all of them, or every k-th by id within the budget. */
export function discoveryTexts(reports: readonly Report[], maxChars = DISCOVERY_MAX_CHARS): string[] {
  const canonical = reports.filter((r) => r.kind === "report" && r.duplicateOf === null).sort((a, b) => (a.id < b.id ? -1 : 1));
  const total = canonical.reduce((s, r) => s + r.text.length, 0);
  const step = Math.max(1, Math.ceil(total / maxChars));
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; i < canonical.length && chars < maxChars; i += step) {
    out.push(canonical[i].text);
    chars += canonical[i].text.length;
  }
  return out;
}

/**
 * The text of data/dictionary.discovered.txt: one word a line in jieba's format with its evidence
 * as a comment, the reviewer's `# not a word:` lines of the previous file kept (and their words left out).
 */
export function discoveredFileText(words: readonly DiscoveredWord[], rejected: ReadonlySet<string>, previous: string): string {
  const kept = previous.split(/\r?\n/).filter((l) => /^#\s*not a word:/.test(l));
  return [
    "# Words this corpus repeats that jieba (HMM off) cuts into single characters, found by the indexer on its",
    "# last full build (core/text/discover.ts): ≥ 5 occurrences in ≥ 3 reports, cohesion (minimum PMI over the",
    "# split points) ≥ 4 bits, left and right boundary entropy ≥ 2 bits. The indexer, the query parser and",
    "# analytics add them to corpus/dict.txt. To drop a word for good, add a line '# not a word: 词 词' (here or",
    "# in corpus/dict.txt); to keep one whatever discovery finds, move it to corpus/dict.txt. An edit here",
    "# re-segments the corpus on the next run; `npm run index -- --rediscover` runs discovery again.",
    ...kept,
    ...words
      .filter((w) => !rejected.has(w.word))
      .map((w) => `${w.word} ${DISCOVERED_FREQ} ${/^[一二三四五六七八九十]是$/.test(w.word) ? "c" : "n"} # ${w.freq} times in ${w.docs} reports, PMI ${w.pmi.toFixed(1)}, left ${w.left.toFixed(1)} right ${w.right.toFixed(1)} bits`),
    "",
  ].join("\n");
}

/**
 * Index-time discovery (indexer/run.ts, on a full build): the words of `reports` that a segmenter
 * with the curated dictionary alone cuts into characters, written to the data folder's discovered
 * file. The counting runs in a worker thread (discover-worker.mjs), so an indexer running inside
 * the server never holds its event loop for the seconds it takes. Returns the words written.
 */
export async function rediscover(dataDir: string, curated: string, reports: readonly Report[], engine: SegmenterEngine): Promise<DiscoveredWord[]> {
  const path = join(dataDir, DISCOVERED_FILE);
  const previous = existsSync(path) ? readFileSync(path, "utf8") : "";
  const rejected = rejectedWords(`${curated}\n${previous}`);
  const found = await discoverOffThread(discoveryTexts(reports), curated, engine);
  const words = found.filter((w) => !rejected.has(w.word));
  writeFileSync(`${path}.tmp`, discoveredFileText(words, rejected, previous));
  renameSync(`${path}.tmp`, path);
  return words;
}

function discoverOffThread(texts: string[], dictionary: string, engine: SegmenterEngine): Promise<DiscoveredWord[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./discover-worker.mjs", import.meta.url), { workerData: { texts, dictionary, engine } });
    worker.once("message", (m: { ok: true; words: DiscoveredWord[] } | { ok: false; reason: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.words);
      else reject(new Error(`new-word discovery failed: ${m.reason}`));
    });
    worker.once("error", reject);
  });
}

/** Share of word tokens that are one character long. */
export function singleCharShare(texts: readonly string[], segmenter: Segmenter): number {
  let words = 0;
  let single = 0;
  for (const t of texts) {
    for (const tok of segmenter.cut(t)) {
      if (!isWord(tok)) continue;
      words++;
      if ([...tok].length === 1) single++;
    }
  }
  return words ? single / words : 0;
}

function main(): void {
  const { values } = parseArgs({ options: { write: { type: "boolean", default: false } } });
  const config = resolveConfig();
  const resources = loadResources(config.projectRoot);
  const texts: string[] = [];
  for (const r of iterateReports(config.dataDir)) if (r && r.kind === "report" && r.duplicateOf === null) texts.push(r.text);
  if (!texts.length) {
    console.error("No indexed reports: run `npm run index` first.");
    process.exitCode = 1;
    return;
  }
  // discovery runs against the curated dictionary alone, so a word dropped from the section can come back only by evidence
  const at = resources.dictionary.indexOf(DISCOVERED_MARKER);
  const curated = at < 0 ? resources.dictionary : resources.dictionary.slice(0, at);
  const before = createSegmenter(config.segmenter, curated);
  const words = discoverWords(texts, (t) => before.cut(t));
  const next = withDiscovered(resources.dictionary, words);
  const after = createSegmenter(config.segmenter, next);
  for (const w of words) console.log(`${w.word}\t${w.freq} times in ${w.docs} reports\tPMI ${w.pmi.toFixed(1)}\tleft ${w.left.toFixed(1)} right ${w.right.toFixed(1)} bits`);
  console.log(`single-character word tokens: ${(100 * singleCharShare(texts, before)).toFixed(2)} % before, ${(100 * singleCharShare(texts, after)).toFixed(2)} % after (${texts.length} reports)`);
  if (values.write) {
    writeFileSync(join(config.projectRoot, "corpus", "dict.txt"), next);
    console.log(`corpus/dict.txt: ${words.length} discovered words written; run \`npm run index\` to re-segment the corpus.`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();

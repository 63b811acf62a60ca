// `npm run dict:discover [-- --write]`: the corpus's recurring words that jieba cuts into single
// characters (core/text/discover.ts), found in the indexed reports (data/store), listed with their
// evidence and the share of single-character word tokens before and after adding them. With
// --write they replace the "discovered" section at the end of corpus/dict.txt — a file to review
// and edit like the rest of the dictionary — and the next `npm run index` re-segments everything
// with it (a new dictionary means a full rebuild), so the indexer, the query parser and analytics
// keep cutting alike, with HMM off.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { resolveConfig } from "../core/config.ts";
import { loadResources } from "../core/resources.ts";
import { iterateReports } from "../core/store.ts";
import { discoverWords, type DiscoveredWord } from "../core/text/discover.ts";
import { createSegmenter, isWord, type Segmenter } from "../core/text/segment.ts";

export const DISCOVERED_MARKER = "# --- discovered (npm run dict:discover) ---";
/** High enough to win over single characters, low enough not to break established words (统一是 stays 统一 | 是). */
const DISCOVERED_FREQ = 3000;

/** Words a reviewer rejected: `# not a word: 必访 率达` lines anywhere in the dictionary. */
export function rejectedWords(dictionary: string): Set<string> {
  const out = new Set<string>();
  for (const m of dictionary.matchAll(/^#\s*not a word:(.*)$/gm)) for (const w of m[1].trim().split(/\s+/)) if (w) out.add(w);
  return out;
}

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

// The project's language resources under corpus/: one loader so the indexer,
// the server and the tests agree on them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { rejectedWords } from "./text/discover.ts";

export interface Resources {
  /** corpus/dict.txt, jieba user-dictionary format */
  dictionary: string;
  /** corpus/synonyms.json: word → words that mean the same */
  synonyms: Record<string, string[]>;
  /** corpus/stopwords.txt */
  stopwords: string[];
  themesPath: string;
}

export function loadResources(projectRoot: string): Resources {
  const dir = join(projectRoot, "corpus");
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : "");
  const synonymsText = read("synonyms.json");
  return {
    dictionary: read("dict.txt"),
    synonyms: synonymsText ? (JSON.parse(synonymsText) as Record<string, string[]>) : {},
    stopwords: read("stopwords.txt")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")),
    themesPath: join(dir, "themes.yaml"),
  };
}

/** In the data folder: the words the indexer discovered in this corpus (indexer/discover.ts writes it). */
export const DISCOVERED_FILE = "dictionary.discovered.txt";

/** The discovered words in force: the data folder's file, less any word a `# not a word:` line rejects. */
export function discoveredEntries(curated: string, dataDir: string): string[] {
  const path = join(dataDir, DISCOVERED_FILE);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, "utf8");
  const rejected = rejectedWords(`${curated}\n${text}`);
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, "").trim())
    .filter((l) => l && !rejected.has(l.split(/\s+/)[0]));
}

/**
 * The dictionary EVERY segmenter is built with — the indexer's, the query parser's, the analytics':
 * corpus/dict.txt (curated, reviewed, versioned) followed by the corpus's discovered words.
 */
export function segmentationDictionary(curated: string, dataDir: string): string {
  const entries = discoveredEntries(curated, dataDir);
  return entries.length ? `${curated.replace(/\s*$/, "\n")}${entries.join("\n")}\n` : curated;
}

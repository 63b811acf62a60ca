// The project's language resources under corpus/: one loader so the indexer,
// the server and the tests agree on them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

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

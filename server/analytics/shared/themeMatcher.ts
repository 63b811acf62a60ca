// Counts theme-term occurrences in a document. All terms of all themes are indexed by their first
// token id, longest first, so a document is scanned once: O(tokens · candidates per first token).
// Within one theme occurrences do not overlap and the longest term wins (送温暖活动 is one
// mention, not also 送温暖); a term listed under two themes counts for both.
import type { Corpus, CorpusDoc } from "../../../core/corpus/types.ts";
import type { ThemeDef } from "../themes-file.ts";
import { compileTerm, matchAt } from "../../../core/corpus/match.ts";

interface Candidate {
  seq: readonly number[];
  themes: number[];
}

export interface ThemeMatcher {
  /** adds each theme's occurrences in doc to counts[themeIndex] */
  count(doc: CorpusDoc, counts: Uint32Array): void;
}

export function themeMatcher(corpus: Corpus, defs: readonly ThemeDef[]): ThemeMatcher {
  const byKey = new Map<string, Candidate>();
  defs.forEach((def, t) => {
    for (const tokens of def.termTokens) {
      const [seq] = compileTerm(corpus, [tokens]);
      if (!seq) continue; // a term the corpus never uses
      const key = seq.join(",");
      const c = byKey.get(key) ?? { seq, themes: [] };
      if (!c.themes.includes(t)) c.themes.push(t);
      byKey.set(key, c);
    }
  });
  const byFirst = new Map<number, Candidate[]>();
  for (const c of byKey.values()) {
    const list = byFirst.get(c.seq[0]) ?? [];
    list.push(c);
    byFirst.set(c.seq[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.seq.length - a.seq.length);

  const nextFree = new Int32Array(defs.length);
  return {
    count(doc, counts) {
      nextFree.fill(0);
      const ids = doc.tokenIds;
      for (let i = 0; i < ids.length; i++) {
        const list = byFirst.get(ids[i]);
        if (!list) continue;
        for (const c of list) {
          const end = c.seq.length === 1 ? i + 1 : matchAt(ids, i, c.seq, corpus.isSpace);
          if (end < 0) continue;
          for (const t of c.themes) {
            if (i < nextFree[t]) continue;
            counts[t]++;
            nextFree[t] = end;
          }
        }
      }
    },
  };
}

// Theme × group matrix: how often each theme is mentioned, in how many reports, per 10k chars.
// O(tokens of docs · candidates per token) time, O(themes · groups) memory.
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { compareGroupKeys, groupKey } from "./shared/groupKey.ts";
import { rates } from "./shared/rates.ts";
import { themeMatcher } from "./shared/themeMatcher.ts";
import type { ThemeDef } from "./themes-file.ts";

export interface ThemesOptions {
  by: "sector" | "year" | "docType";
}

export type ThemesResult = {
  themes: { id: string; name: string; nameEn: string; terms: string[] }[];
  /** chars = report.chars summed over the group's docs; tokens = their word tokens */
  groups: { key: string; docs: number; chars: number; tokens: number }[];
  /**
   * one cell per theme × group, zeros included; count = term occurrences, docs = reports mentioning
   * any term; per10k / perMillion = count per 10,000 chars / per million word tokens of the group
   */
  cells: { theme: string; group: string; docs: number; count: number; per10k: number; perMillion: number }[];
};

export function themes(corpus: Corpus, docs: CorpusDoc[], defs: ThemeDef[], options: ThemesOptions): ThemesResult {
  const matcher = themeMatcher(corpus, defs);
  const perDoc = new Uint32Array(defs.length);
  const groups = new Map<string, { key: string; docs: number; chars: number; tokens: number; counts: Uint32Array; docsWith: Uint32Array }>();
  for (const doc of docs) {
    const key = groupKey(doc.report, options.by);
    let g = groups.get(key);
    if (!g) {
      g = { key, docs: 0, chars: 0, tokens: 0, counts: new Uint32Array(defs.length), docsWith: new Uint32Array(defs.length) };
      groups.set(key, g);
    }
    g.docs++;
    g.chars += doc.report.chars;
    g.tokens += doc.wordCount;
    perDoc.fill(0);
    matcher.count(doc, perDoc);
    for (let t = 0; t < defs.length; t++) {
      g.counts[t] += perDoc[t];
      if (perDoc[t]) g.docsWith[t]++;
    }
  }
  const order = compareGroupKeys(options.by);
  const sorted = [...groups.values()].sort((a, b) => order(a.key, b.key));
  return {
    themes: defs.map(({ id, name, nameEn, terms }) => ({ id, name, nameEn, terms })),
    groups: sorted.map(({ key, docs, chars, tokens }) => ({ key, docs, chars, tokens })),
    cells: defs.flatMap((def, t) =>
      sorted.map((g) => ({
        theme: def.id,
        group: g.key,
        docs: g.docsWith[t],
        count: g.counts[t],
        ...rates(g.counts[t], g.chars, g.tokens),
      })),
    ),
  };
}

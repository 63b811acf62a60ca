// How often a term occurs per sector / year / doc type / level. O(tokens of docs).
// Rows cover every group present in the docs (zero counts included), so they sum to the totals.
import type { Corpus, CorpusDoc } from "../corpus/types.ts";
import { forEachOccurrence } from "./shared/forEachOccurrence.ts";
import { compareGroupKeys, groupKey } from "./shared/groupKey.ts";
import type { GroupBy } from "./shared/groupKey.ts";
import { termSequence } from "./shared/termSequence.ts";
import { tokenClasses } from "./shared/tokenClasses.ts";

export interface BreakdownOptions {
  /** the segmenter's tokens of the term; matched as a word sequence, like kwic's word mode */
  tokens: string[];
  by: GroupBy;
}

export type BreakdownRow = {
  key: string;
  /** occurrences of the term */
  count: number;
  /** docs containing it */
  docs: number;
  /** docs in the group */
  totalDocs: number;
  /** word tokens in the group */
  tokens: number;
  perMillion: number;
};

export function breakdown(corpus: Corpus, docs: CorpusDoc[], options: BreakdownOptions): { rows: BreakdownRow[] } {
  const seq = termSequence(corpus, options.tokens);
  const flags = tokenClasses(corpus);
  const groups = new Map<string, BreakdownRow>();
  for (const doc of docs) {
    const key = groupKey(doc.report, options.by);
    let row = groups.get(key);
    if (!row) groups.set(key, (row = { key, count: 0, docs: 0, totalDocs: 0, tokens: 0, perMillion: 0 }));
    const n = seq ? forEachOccurrence(doc, seq, flags, () => {}) : 0;
    row.count += n;
    if (n) row.docs++;
    row.totalDocs++;
    row.tokens += doc.wordCount;
  }
  const order = compareGroupKeys(options.by);
  const rows = [...groups.values()].sort((a, b) => order(a.key, b.key));
  for (const row of rows) row.perMillion = row.tokens ? (row.count / row.tokens) * 1e6 : 0;
  return { rows };
}

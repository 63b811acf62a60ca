// How often a term occurs per sector / year / doc type / level. O(docs) for a one-word term (counts
// from the doc postings), plus the tokens of the docs holding it for a multi-word term.
// Rows cover every group present in the docs (zero counts included), so they sum to the totals.
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { forEachOccurrence } from "./shared/forEachOccurrence.ts";
import { compareGroupKeys, groupKey } from "./shared/groupKey.ts";
import type { GroupBy } from "./shared/groupKey.ts";
import { docPostings } from "./shared/docPostings.ts";
import { termSequence } from "./shared/termSequence.ts";
import { rates } from "./shared/rates.ts";
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
  /** characters of the group's clean text (report.chars summed) */
  chars: number;
  /** count per 10,000 chars of the group, then per million word tokens (shared/rates.ts) */
  per10k: number;
  perMillion: number;
};

export function breakdown(corpus: Corpus, docs: CorpusDoc[], options: BreakdownOptions): { rows: BreakdownRow[] } {
  const seq = termSequence(corpus, options.tokens);
  const flags = tokenClasses(corpus);
  // Per doc, the count of the term's rarest token (from the postings, as kwic does): exact for a
  // one-word term, and for longer terms only docs holding it are scanned.
  const perDoc = new Uint32Array(corpus.docs.length);
  const P = seq ? docPostings(corpus) : null;
  if (seq && P) {
    const rarest = seq.reduce((a, b) => (P.offsets[b + 1] - P.offsets[b] < P.offsets[a + 1] - P.offsets[a] ? b : a));
    for (let p = P.offsets[rarest]; p < P.offsets[rarest + 1]; p++) perDoc[P.doc[p]] = P.count[p];
  }
  const groups = new Map<string, BreakdownRow>();
  for (const doc of docs) {
    const key = groupKey(doc.report, options.by);
    let row = groups.get(key);
    if (!row) groups.set(key, (row = { key, count: 0, docs: 0, totalDocs: 0, tokens: 0, chars: 0, per10k: 0, perMillion: 0 }));
    const upper = seq && P ? perDoc[P.docIndex.get(doc) ?? -1] ?? 0 : 0;
    const n = !seq || !upper ? 0 : seq.length === 1 ? upper : forEachOccurrence(doc, seq, flags, () => {});
    row.count += n;
    if (n) row.docs++;
    row.totalDocs++;
    row.tokens += doc.wordCount;
    row.chars += doc.report.chars;
  }
  const order = compareGroupKeys(options.by);
  const rows = [...groups.values()].sort((a, b) => order(a.key, b.key));
  for (const row of rows) Object.assign(row, rates(row.count, row.chars, row.tokens));
  return { rows };
}

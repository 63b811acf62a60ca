// How often a term occurs per sector / year / doc type / level. O(docs) for a one-word term (counts
// from the doc postings), plus the tokens of the docs holding it for a multi-word term.
// Rows cover every group present in the docs (zero counts included), so they sum to the totals.
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { compileTerm, forEachMatch } from "../../core/corpus/match.ts";
import { compareGroupKeys, groupKey } from "./shared/groupKey.ts";
import type { GroupBy } from "./shared/groupKey.ts";
import { rates } from "./shared/rates.ts";
import { rarestTokenCounts } from "./shared/docPostings.ts";
import type { Pattern } from "../../core/cql/ast.ts";
import { cqlScan } from "./cql.ts";

export interface BreakdownOptions {
  /** the term and its synonyms as token sequences (core/query.ts parseTerm), matched as kwic's word mode */
  alternatives: string[][];
  by: GroupBy;
  /** a second grouping inside each group of `by` (batch's then=): rows are keyed by both */
  then?: GroupBy;
  /** match=cql: count the matches of this corpus query instead of the term (server/analytics/cql.ts) */
  pattern?: Pattern;
  /** hits to leave out per report id (a coding's excluded lines, server/corpus/codings.ts): each subtracts one */
  excluded?: Readonly<Record<string, number>>;
}

export type BreakdownRow = {
  key: string;
  /** with `then`: the group inside `key` */
  key2?: string;
  /** by=report: the report's title */
  label?: string;
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

export function breakdown(corpus: Corpus, docs: CorpusDoc[], options: BreakdownOptions, ix: Pick<CorpusIndexes, "tokenClasses" | "docPostings" | "sentenceIndex">): { rows: BreakdownRow[] } {
  const term = compileTerm(corpus, options.alternatives);
  // from the postings: exact when every alternative is one word; otherwise only docs holding some are scanned
  const P = ix.docPostings;
  const perDoc = rarestTokenCounts(P, term, corpus.docs.length);
  let exact = term.every((seq) => seq.length === 1);
  if (options.pattern) {
    // the pattern's matches per doc, counted once by the evaluator: exact like one-word postings
    perDoc.fill(0);
    cqlScan(corpus, docs, options.pattern, ix, (d) => perDoc[P.docIndex.get(docs[d]) ?? 0]++);
    exact = true;
  }
  const groups = new Map<string, BreakdownRow>();
  for (const doc of docs) {
    const key = groupKey(doc.report, options.by);
    const key2 = options.then ? groupKey(doc.report, options.then) : undefined;
    const id = key2 === undefined ? key : `${key}\u0001${key2}`;
    let row = groups.get(id);
    if (!row) groups.set(id, (row = { key, ...(key2 !== undefined ? { key2 } : {}), ...(options.by === "report" ? { label: doc.report.title } : {}), count: 0, docs: 0, totalDocs: 0, tokens: 0, chars: 0, per10k: 0, perMillion: 0 }));
    const upper = perDoc[P.docIndex.get(doc) ?? -1] ?? 0;
    const found = !upper ? 0 : exact ? upper : forEachMatch(corpus, doc, term);
    // a report whose every hit is left out no longer holds the term
    const n = options.excluded ? Math.max(0, found - (options.excluded[doc.report.id] ?? 0)) : found;
    row.count += n;
    if (n) row.docs++;
    row.totalDocs++;
    row.tokens += doc.wordCount;
    row.chars += doc.report.chars;
  }
  const order = compareGroupKeys(options.by);
  const order2 = options.then ? compareGroupKeys(options.then) : () => 0;
  const rows = [...groups.values()].sort((a, b) => order(a.key, b.key) || order2(a.key2 ?? "", b.key2 ?? ""));
  for (const row of rows) Object.assign(row, rates(row.count, row.chars, row.tokens));
  return { rows };
}

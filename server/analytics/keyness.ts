// Keywords of docs A against docs B (quanteda textstat_keyness). O(tokens of A and B + V log V).
//
// g2 is the two-cell log-likelihood of Rayson & Garside (2000), the form UCREL's LL wizard uses:
//   E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2))
// with c, d the word tokens of A and B. It is NOT quanteda's measure = "lr", which sums all four
// cells of the 2×2 table (and applies a Williams correction by default); values differ slightly.
// The sign marks the direction: positive = relatively more frequent in A, negative = in B.
// logRatio is Hardie's (2014) Log Ratio, log2((a/c)/(b/d)), with a zero count replaced by 0.5 so
// that a term absent from one side still gets a finite effect size.
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { countTerms } from "./shared/countTerms.ts";
import { keynessStats } from "./shared/keynessStats.ts";
import { rates, type Rates } from "./shared/rates.ts";

export interface KeynessOptions {
  /** minimum frequency in A and B together; default 5 */
  min?: number;
  /** rows per side: the `limit` most A-key terms, then the `limit` most B-key terms; default 50 */
  limit?: number;
}

export type KeynessRow = {
  term: string;
  /** count in A, per 10,000 chars of A, per million word tokens of A (shared/rates.ts) */
  a: { count: number } & Rates;
  b: { count: number } & Rates;
  g2: number;
  logRatio: number;
};

export type KeynessResult = {
  /** word tokens of A and B: the c and d of the statistics */
  totals: { a: number; b: number };
  /** characters of A's and B's clean text: the per10k bases */
  chars: { a: number; b: number };
  /** sorted by signed g2, descending: A's keywords first, B's (negative) last */
  rows: KeynessRow[];
};

export function keyness(corpus: Corpus, docsA: CorpusDoc[], docsB: CorpusDoc[], options: KeynessOptions = {}): KeynessResult {
  const min = options.min ?? 5;
  const limit = options.limit ?? 50;
  const A = countTerms(corpus, docsA);
  const B = countTerms(corpus, docsB);
  const c = A.words;
  const d = B.words;
  const totals = { a: c, b: d };
  const chars = { a: A.chars, b: B.chars };
  if (!c || !d) return { totals, chars, rows: [] };
  const rows: KeynessRow[] = [];
  for (let id = 0; id < corpus.vocab.length; id++) {
    const a = A.counts[id];
    const b = B.counts[id];
    if (a + b < min || !corpus.isWord[id]) continue;
    const { g2, logRatio } = keynessStats(a, b, c, d);
    rows.push({
      term: corpus.vocab[id],
      a: { count: a, ...rates(a, A.chars, c) },
      b: { count: b, ...rates(b, B.chars, d) },
      g2,
      logRatio,
    });
  }
  const byG2 = (x: KeynessRow, y: KeynessRow) => y.g2 - x.g2 || (x.term < y.term ? -1 : 1);
  const forA = rows.filter((r) => r.g2 > 0).sort(byG2).slice(0, limit);
  const forB = rows.filter((r) => r.g2 < 0).sort(byG2).slice(-limit);
  return { totals, chars, rows: [...forA, ...forB] };
}

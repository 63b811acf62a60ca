// Collocates of a node term (quanteda textstat_collocations / #LancsBox GraphColl style).
// Time O(tokens of docs + hits · window), memory O(V) typed arrays.
//
// Windows count word tokens only: punctuation and spaces are not positions, and a window stops
// at a sentence end (。！？；… or a paragraph break) because words across it are not "near" in
// any linguistic sense. Commas do not stop it. The node's own tokens are not counted; another
// occurrence of the node inside the window is.
//
// With O = co-occurrences, f(n) = node occurrences, f(c) = collocate frequency in docs,
// N = word tokens in docs, span = 2·window:
//   E = f(n)·f(c)·span/N     MI = log2(O/E)     t = (O − E)/√O
//   logDice = 14 + log2(2·O/(f(n) + f(c)))
//   llr = G² over the 2×2 table with rows "in a window / not" and columns "collocate / other":
//         O11 = O, O12 = f(n)·span − O, O21 = f(c) − O, O22 = N − f(n)·span − f(c) + O
//         (cells clamped at 0), E_ij from the margins — so E11 is the same E as in MI.
//   llr is signed negative when O < E (the words avoid each other).
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { countTerms } from "./shared/countTerms.ts";
import { forEachOccurrence } from "./shared/forEachOccurrence.ts";
import { logLikelihood } from "./shared/logLikelihood.ts";
import { termSequence } from "./shared/termSequence.ts";
import { SENTENCE_END, tokenClasses, WORD } from "./shared/tokenClasses.ts";

export type CollocateMeasure = "mi" | "llr" | "t" | "logdice";

export interface CollocatesOptions {
  tokens: string[];
  /** word positions each side; default 5 */
  window?: number;
  /** minimum co-occurrences; default 3 */
  min?: number;
  measure?: CollocateMeasure;
  limit?: number;
}

export type CollocateRow = {
  term: string;
  count: number;
  mi: number;
  llr: number;
  t: number;
  logdice: number;
};

export type CollocatesResult = {
  /** f(n): occurrences of the node */
  node: number;
  /** N: word tokens in the docs */
  totalTokens: number;
  rows: CollocateRow[];
};

export function collocates(corpus: Corpus, docs: CorpusDoc[], options: CollocatesOptions): CollocatesResult {
  const window = options.window ?? 5;
  const min = options.min ?? 3;
  const measure = options.measure ?? "logdice";
  const flags = tokenClasses(corpus);
  const seq = termSequence(corpus, options.tokens);
  const { counts: freq, words: N } = countTerms(corpus, docs);
  if (!seq) return { node: 0, totalTokens: N, rows: [] };

  const observed = new Uint32Array(corpus.vocab.length);
  let fn = 0;
  for (const doc of docs) {
    const ids = doc.tokenIds;
    fn += forEachOccurrence(doc, seq, flags, (start, end) => {
      for (let i = start - 1, k = 0; i >= 0 && k < window; i--) {
        const f = flags[ids[i]];
        if (f & SENTENCE_END) break;
        if (f & WORD) {
          observed[ids[i]]++;
          k++;
        }
      }
      for (let i = end, k = 0; i < ids.length && k < window; i++) {
        const f = flags[ids[i]];
        if (f & SENTENCE_END) break;
        if (f & WORD) {
          observed[ids[i]]++;
          k++;
        }
      }
    });
  }

  const span = 2 * window;
  const rows: CollocateRow[] = [];
  for (let id = 0; id < observed.length; id++) {
    const O = observed[id];
    if (O < min || O === 0) continue;
    rows.push({ term: corpus.vocab[id], count: O, ...scores(O, fn, freq[id], N, span) });
  }
  rows.sort((x, y) => y[measure] - x[measure] || y.count - x.count || (x.term < y.term ? -1 : 1));
  return { node: fn, totalTokens: N, rows: rows.slice(0, options.limit ?? rows.length) };
}

function scores(O: number, fn: number, fc: number, N: number, span: number): Omit<CollocateRow, "term" | "count"> {
  const E = (fn * fc * span) / N;
  const R1 = fn * span;
  const cells = [O, R1 - O, fc - O, N - R1 - fc + O].map((x) => Math.max(0, x));
  const r1 = cells[0] + cells[1];
  const r2 = cells[2] + cells[3];
  const c1 = cells[0] + cells[2];
  const c2 = cells[1] + cells[3];
  const total = r1 + r2;
  const expected = [(r1 * c1) / total, (r1 * c2) / total, (r2 * c1) / total, (r2 * c2) / total];
  const g2 = logLikelihood(cells, expected);
  return {
    mi: Math.log2(O / E),
    t: (O - E) / Math.sqrt(O),
    logdice: 14 + Math.log2((2 * O) / (fn + fc)),
    llr: O < E ? -g2 : g2,
  };
}

// Collocates of a node term: Evert's (2008) surface co-occurrence with a window-based span.
// Time O(tokens of docs + hits · window), memory O(V) typed arrays plus one mark per token of the
// longest doc.
//
// A window is `window` word positions each side of a node occurrence: punctuation and whitespace
// are not positions (they are skipped, so commas, 、 and quotes do not stop it), and a window stops
// at a sentence end (。！？；!?;… or a paragraph break) and at the report's ends, because words
// across them are not "near". Stopwords are positions and can be collocates. The node occurrence's
// own tokens are not in its window; another occurrence of the node inside the window is.
//
// Windows of nearby occurrences overlap; a token position covered by several windows counts once.
// So, over the docs:
//   W = distinct word positions covered by the node's windows (≤ 2·window·f(n): windows are cut at
//       bounds and overlap), O = those positions holding the collocate c, f(c) = c's occurrences,
//       f(n) = node occurrences, N = word tokens
//   E = W·f(c)/N     MI = log2(O/E)     t = (O − E)/√O     logDice = 14 + log2(2·O/(f(n) + f(c)))
//   llr = G² over the 2×2 table of positions, rows "in a window / not", columns "c / other":
//         O11 = O, O12 = W − O, O21 = f(c) − O, O22 = N − W − f(c) + O — all ≥ 0 because each
//         position is counted once — with E_ij from the margins (E11 is the E above).
//   llr is signed negative when O < E (the words avoid each other).
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { countTerms } from "./shared/countTerms.ts";
import { compileTerm, forEachMatch } from "../../core/corpus/match.ts";
import { logLikelihood } from "./shared/logLikelihood.ts";
import { rates } from "./shared/rates.ts";
import { SENTENCE_END, WORD } from "./shared/tokenClasses.ts";

export type CollocateMeasure = "mi" | "llr" | "t" | "logdice";

export interface CollocatesOptions {
  /** the node and its synonyms as token sequences (core/query.ts parseTerm) */
  alternatives: string[][];
  /** word positions each side; default 5 */
  window?: number;
  /** minimum co-occurrences; default 3 */
  min?: number;
  measure?: CollocateMeasure;
  limit?: number;
}

export type CollocateRow = {
  term: string;
  /** O: window positions holding the collocate, each position once */
  count: number;
  /** f(c): the collocate's occurrences in the docs */
  freq: number;
  /** E = W·f(c)/N: O expected if the collocate were spread evenly */
  expected: number;
  /** f(c) per 10,000 chars and per million word tokens of the docs (shared/rates.ts) */
  per10k: number;
  perMillion: number;
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
  /** characters of the docs' clean text */
  totalChars: number;
  /** W: distinct word positions covered by the node's windows */
  windowTokens: number;
  rows: CollocateRow[];
};

export function collocates(corpus: Corpus, docs: CorpusDoc[], options: CollocatesOptions, ix: Pick<CorpusIndexes, "tokenClasses">): CollocatesResult {
  const window = options.window ?? 5;
  const min = options.min ?? 3;
  const measure = options.measure ?? "logdice";
  const flags = ix.tokenClasses;
  const term = compileTerm(corpus, options.alternatives);
  const { counts: freq, words: N, chars } = countTerms(corpus, docs);
  if (!term.length) return { node: 0, totalTokens: N, totalChars: chars, windowTokens: 0, rows: [] };

  const observed = new Uint32Array(corpus.vocab.length);
  // covered[i] === stamp: position i of the current doc is already in some window
  let covered = new Uint32Array(0);
  let W = 0;
  let fn = 0;
  docs.forEach((doc, d) => {
    const ids = doc.tokenIds;
    const stamp = d + 1;
    if (covered.length < ids.length) covered = new Uint32Array(Math.max(ids.length, 2 * covered.length));
    const cover = (i: number) => {
      if (covered[i] === stamp) return;
      covered[i] = stamp;
      observed[ids[i]]++;
      W++;
    };
    fn += forEachMatch(corpus, doc, term, (start, end) => {
      for (let i = start - 1, k = 0; i >= 0 && k < window; i--) {
        const f = flags[ids[i]];
        if (f & SENTENCE_END) break;
        if (f & WORD) {
          cover(i);
          k++;
        }
      }
      for (let i = end, k = 0; i < ids.length && k < window; i++) {
        const f = flags[ids[i]];
        if (f & SENTENCE_END) break;
        if (f & WORD) {
          cover(i);
          k++;
        }
      }
    });
  });

  const rows: CollocateRow[] = [];
  for (let id = 0; id < observed.length; id++) {
    const O = observed[id];
    if (O < min || O === 0) continue;
    const fc = freq[id];
    rows.push({ term: corpus.vocab[id], count: O, freq: fc, expected: (W * fc) / N, ...rates(fc, chars, N), ...scores(O, fn, fc, N, W) });
  }
  rows.sort((x, y) => y[measure] - x[measure] || y.count - x.count || (x.term < y.term ? -1 : 1));
  return { node: fn, totalTokens: N, totalChars: chars, windowTokens: W, rows: rows.slice(0, options.limit ?? rows.length) };
}

function scores(O: number, fn: number, fc: number, N: number, W: number): Pick<CollocateRow, "mi" | "llr" | "t" | "logdice"> {
  const cells = [O, W - O, fc - O, N - W - fc + O];
  const r1 = W;
  const r2 = N - W;
  const c1 = fc;
  const c2 = N - fc;
  const expected = [(r1 * c1) / N, (r1 * c2) / N, (r2 * c1) / N, (r2 * c2) / N];
  const E = expected[0];
  const g2 = logLikelihood(cells, expected);
  return {
    mi: Math.log2(O / E),
    t: (O - E) / Math.sqrt(O),
    logdice: 14 + Math.log2((2 * O) / (fn + fc)),
    llr: O < E ? -g2 : g2,
  };
}

// Signed two-cell G² and Log Ratio for one term: a of c words in A, b of d words in B.
// See keyness.ts for which formulas and why.
import { logLikelihood } from "./logLikelihood.ts";

export function keynessStats(a: number, b: number, c: number, d: number): { g2: number; logRatio: number } {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const g2 = logLikelihood([a, b], [e1, e2]);
  const logRatio = Math.log2(((a || 0.5) / c) / ((b || 0.5) / d));
  return { g2: a / c >= b / d ? g2 : -g2, logRatio };
}

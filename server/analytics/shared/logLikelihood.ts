// G² = 2 Σ O·ln(O/E). Cells with O = 0 contribute 0 (the limit of x·ln x), as in Rayson's LL wizard.
export function logLikelihood(observed: readonly number[], expected: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < observed.length; i++) {
    const o = observed[i];
    if (o > 0 && expected[i] > 0) sum += o * Math.log(o / expected[i]);
  }
  return 2 * sum;
}

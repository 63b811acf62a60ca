// Longest common subsequence of two short id sequences, with the matched index pairs.
// O(|a|·|b|) time and memory; callers keep sequences short (a clipped sentence, ≤ ~60 words).

export function lcs(a: ArrayLike<number>, b: ArrayLike<number>): { length: number; inA: number[]; inB: number[] } {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = a[i] === b[j] ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
    }
  }
  const inA: number[] = [];
  const inB: number[] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      inA.push(i++);
      inB.push(j++);
    } else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
    else j++;
  }
  return { length: dp[0], inA, inB };
}

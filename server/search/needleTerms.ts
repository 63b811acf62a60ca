// Which vocabulary terms an occurrence of a string can lie in, start in or run through.
// A report's tokens concatenate exactly to its text, so an occurrence of s of length m
// either lies inside one token, or starts in a token that ends with s[0,k) (0 < k < m)
// and goes on over whole tokens equal to the next pieces of s, up to a token that
// starts with what is left. One pass over the vocabulary (short strings) finds them all.

export interface NeedleTerms {
  /** terms holding s whole, with how many times (non-overlapping) */
  inner: { id: number; times: number }[];
  /** heads[k], 0 < k < m: terms ending with s[0,k) */
  heads: number[][];
  /** tails[j], 0 < j < m: terms starting with s[j,m) */
  tails: number[][];
  /** pieces[j], 0 < j < m: terms equal to s[j, j + length) and ending before m */
  pieces: number[][];
}

export function needleTerms(vocab: readonly string[], s: string): NeedleTerms {
  const m = s.length;
  const lists = () => Array.from({ length: m }, (): number[] => []);
  const out: NeedleTerms = { inner: [], heads: lists(), tails: lists(), pieces: lists() };
  // Where each code unit stands in s: a term can be a piece or a tail only where s has its first unit.
  const at = new Map<number, number[]>();
  for (let j = 1; j < m; j++) {
    const c = s.charCodeAt(j);
    const list = at.get(c);
    if (list) list.push(j);
    else at.set(c, [j]);
  }
  const first = s.charCodeAt(0);
  for (let id = 0; id < vocab.length; id++) {
    const t = vocab[id];
    const n = t.length;
    if (n >= m) {
      let times = 0;
      for (let i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + m)) times++;
      if (times) out.inner.push({ id, times });
    }
    for (let k = 1; k < m && k <= n; k++) {
      if (t.charCodeAt(n - k) === first && t.endsWith(s.slice(0, k))) out.heads[k].push(id);
    }
    for (const j of at.get(t.charCodeAt(0)) ?? []) {
      if (n >= m - j) {
        if (t.startsWith(s.slice(j))) out.tails[j].push(id);
      } else if (s.startsWith(t, j)) out.pieces[j].push(id);
    }
  }
  return out;
}

/** Whether some proper prefix of s is also its suffix: only then can two occurrences overlap. */
export function hasBorder(s: string): boolean {
  for (let k = 1; k < s.length; k++) if (s.startsWith(s.slice(s.length - k))) return true;
  return false;
}

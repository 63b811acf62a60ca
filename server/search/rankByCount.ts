// Items in descending count, ties in input order, without counting every item first.
// Some counts are only upper bounds (a frequent string's occurrences that may cross
// token boundaries); an item is counted exactly only when its bound reaches the top
// of a max-heap, so the first page of 工会 over 20k reports reads a few hundred
// reports instead of all of them. Same order as a stable sort on exact counts.

export interface CountRanking {
  /** indices of the first n items in rank order (fewer when there are fewer items) */
  take(n: number): number[];
}

export function rankByCount(counts: ArrayLike<number>, exact: ArrayLike<number>, countExactly: (i: number) => number): CountRanking {
  const n = counts.length;
  const value = Float64Array.from(counts);
  const known = Uint8Array.from(exact);
  const heap = new Int32Array(n);
  for (let i = 0; i < n; i++) heap[i] = i;
  let size = n;
  const ranked: number[] = [];

  // a ranks before b: higher count, or the same count and earlier
  const before = (a: number, b: number) => value[a] > value[b] || (value[a] === value[b] && a < b);
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      if (l >= size) return;
      const c = l + 1 < size && before(heap[l + 1], heap[l]) ? l + 1 : l;
      if (!before(heap[c], heap[at])) return;
      [heap[c], heap[at]] = [heap[at], heap[c]];
      at = c;
    }
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);

  return {
    take(want: number): number[] {
      while (ranked.length < want && size > 0) {
        const top = heap[0];
        if (!known[top]) {
          // Its exact count is at most its bound: it sinks to where it belongs.
          value[top] = countExactly(top);
          known[top] = 1;
        } else {
          ranked.push(top);
          heap[0] = heap[--size];
        }
        down(0);
      }
      return ranked.slice(0, want);
    },
  };
}

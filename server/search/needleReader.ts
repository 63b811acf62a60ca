// Reading a text for a string from one of its cheaper characters. indexOf stops wherever
// the pattern's first character might be, and in these reports that is often 会 or ，:
// over 20k reports, includes("会开展") takes ~100 ms and includes("开展") ~20 ms.
// So the reader looks for s[at, m) and checks that s[0, at) comes before it. Only for
// strings that cannot overlap themselves (no border): then every occurrence counts,
// as the left-to-right scan that skips past each match counts them.

export interface NeedleReader {
  /** start offsets of the non-overlapping occurrences, ascending: what an indexOf scan finds */
  occurrences(text: string): number[];
  count(text: string): number;
}

/** `at` > 0 only for a string without a border (see hasBorder). */
export function needleReader(needle: string, at: number): NeedleReader {
  const m = needle.length;
  const head = needle.slice(0, at);
  const rest = needle.slice(at);
  const visit = (text: string, f: (start: number) => void) => {
    if (!m) return;
    if (at === 0) {
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + m)) f(i);
      return;
    }
    for (let i = text.indexOf(rest, at); i >= 0; i = text.indexOf(rest, i + 1)) if (text.startsWith(head, i - at)) f(i - at);
  };
  return {
    occurrences(text) {
      const out: number[] = [];
      visit(text, (i) => out.push(i));
      return out;
    },
    count(text) {
      let n = 0;
      visit(text, () => n++);
      return n;
    },
  };
}

// Turning text + character ranges into plain / marked segments. The server sends
// ranges, never HTML, and we render segments as React text nodes.

export type Range = readonly [number, number];
export interface Segment {
  text: string;
  marked: boolean;
}

/** Split `text` by `marks` ([start, end) ranges; unsorted, overlapping, out-of-range tolerated). */
export function segments(text: string, marks: readonly Range[]): Segment[] {
  const ranges = marks
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (e <= pos) continue;
    const last = out[out.length - 1];
    if (s <= pos && last?.marked) {
      // overlapping or touching the previous mark: extend it
      last.text += text.slice(pos, e);
    } else {
      const start = Math.max(s, pos);
      if (start > pos) out.push({ text: text.slice(pos, start), marked: false });
      out.push({ text: text.slice(start, e), marked: true });
    }
    pos = e;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), marked: false });
  return out.filter((seg, i) => seg.text !== "" || i === 0);
}

/** The marks that fall inside [start, end), shifted to be relative to `start`. */
export function marksWithin(marks: readonly Range[], start: number, end: number): Range[] {
  const out: Range[] = [];
  for (const [s, e] of marks) {
    if (e <= start || s >= end) continue;
    out.push([Math.max(s, start) - start, Math.min(e, end) - start]);
  }
  return out;
}

// An independent CQL matcher for tests: token strings, sentences cut at 。！？；… and line breaks
// (within s), whitespace skipped, each start tried left to right, the longest match at a start kept,
// repetition counts enumerated by brute force. Nothing here comes from the code under test.

export type Step = { ok: (w: string, tag: string) => boolean; min: number; max: number };

/** [first token, end token) of every match in one text. */
export function naiveMatches(tokens: readonly string[], tags: readonly string[], steps: Step[], within: "s" | "text" = "s"): [number, number][] {
  const spans: number[][] = [[]];
  tokens.forEach((t, i) => {
    if (/^\s+$/.test(t) && !(within === "s" && t.includes("\n"))) return;
    if (within === "s" && (/^[。！？；!?;…]+$/.test(t) || t.includes("\n"))) spans.push([]);
    else spans[spans.length - 1].push(i);
  });
  const out: [number, number][] = [];
  for (const pos of spans) {
    const ends = (k: number, at: number): number[] => {
      if (k === steps.length) return [at];
      const res: number[] = [];
      for (let c = 0; c <= steps[k].max; c++) {
        if (c >= steps[k].min) res.push(...ends(k + 1, at + c));
        if (at + c >= pos.length || !steps[k].ok(tokens[pos[at + c]], tags[pos[at + c]] ?? "")) break;
      }
      return res;
    };
    for (let s = 0; s < pos.length; ) {
      const e = Math.max(-1, ...ends(0, s));
      if (e > s) {
        out.push([pos[s], pos[e - 1] + 1]);
        s = e;
      } else s++;
    }
  }
  return out;
}

export const is = (w: string) => (t: string) => t === w;
export const any = () => true;

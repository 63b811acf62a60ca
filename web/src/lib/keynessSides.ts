// Keyness read as Sketch Engine shows it: the keywords of A and the keywords of B as two lists,
// each ranked by the chosen measure from its strongest end, after a minimum effect size. The API
// answers one list ordered by signed G² (A's keywords first, B's strongest last); reading its first
// negative rows as "B's top" showed B's weakest keywords (issue 16).
export interface KeyRow {
  term: string;
  a: { count: number; per10k: number };
  b: { count: number; per10k: number };
  g2: number;
  logRatio: number;
}

export const KEYNESS_SORTS = ["g2", "lr", "a", "b", "term"] as const;
export type KeynessSort = (typeof KEYNESS_SORTS)[number];

/** A row's strength on its own side under a sort: larger = shown first. */
function strength(r: KeyRow, sort: KeynessSort, side: "a" | "b"): number {
  const sign = side === "a" ? 1 : -1;
  switch (sort) {
    case "g2":
      return sign * r.g2;
    case "lr":
      return sign * r.logRatio;
    case "a":
      return r.a.per10k;
    case "b":
      return r.b.per10k;
    default:
      return 0;
  }
}

/**
 * A's keywords (more frequent in A, G² > 0) and B's (G² < 0), each with |log ratio| ≥ `minLogRatio`,
 * ranked by `sort` from the side's strongest end (ties: larger |G²|, then the term).
 */
export function keynessSides<R extends KeyRow>(rows: readonly R[], sort: KeynessSort, minLogRatio: number): { a: R[]; b: R[] } {
  const side = (which: "a" | "b") => {
    const sign = which === "a" ? 1 : -1;
    return rows
      .filter((r) => sign * r.g2 > 0 && sign * r.logRatio >= minLogRatio)
      .sort((x, y) => {
        if (sort === "term") return x.term < y.term ? -1 : x.term > y.term ? 1 : 0;
        return strength(y, sort, which) - strength(x, sort, which) || Math.abs(y.g2) - Math.abs(x.g2) || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0);
      });
  };
  return { a: side("a"), b: side("b") };
}

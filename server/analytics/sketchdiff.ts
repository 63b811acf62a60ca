// Sketch difference (Kilgarriff et al. 2004; Sketch Engine's "sketch diff"): the frames of one term
// in two subcorpora (hospital vs agency, 2015–2018 vs 2019–2024), or of two terms in one (职代会 vs
// 教代会), as one list per relation. Each side is exactly /api/frames of that side (frames.ts,
// called once per side on the one selection; no counting of its own): a collocate's count, reports,
// logDice and best example (GDEX) on each side, and diff = logDiceA − logDiceB. A collocate absent
// on one side scores 0 there (logDice's floor for a pair seen at all at these corpus sizes; 0 = no
// association), so a one-sided collocate's difference is its logDice on the side it is seen on.
// side: a when diff ≥ 1 (A's term is at least twice as typical with it, logDice being log2 of a
// Dice coefficient), b when diff ≤ −1, both in between. A row is ranked when at least one side has
// rankMin occurrences (a word seen once has a high logDice by chance); `limit` keeps the rows with
// the largest |diff|, ranked ones first, listed from the most A-preferred to the most B-preferred,
// then the unranked ones in the same order. O(rows of both sides) beyond the two frames.
import { FRAME_RELATIONS, type SketchDiffResponse } from "../../core/api/schema.ts";
import type { FramesResult } from "./frames.ts";

type Row = SketchDiffResponse["relations"][number]["rows"][number];

/** |diff| at which a side prefers a collocate (logDice is a log2: a factor of two) */
export const SIDE_THRESHOLD = 1;

export interface SketchDiffOptions {
  limit: number;
  min: number;
  rankMin: number;
}

export function sketchDiff(a: FramesResult, b: FramesResult, options: SketchDiffOptions): Pick<SketchDiffResponse, "relations"> {
  return {
    relations: FRAME_RELATIONS.map((name) => {
      const ra = a.relations.find((r) => r.name === name)!;
      const rb = b.relations.find((r) => r.name === name)!;
      const inA = new Map(ra.rows.map((r) => [r.word, r]));
      const inB = new Map(rb.rows.map((r) => [r.word, r]));
      const rows: Row[] = [];
      for (const word of new Set([...inA.keys(), ...inB.keys()])) {
        const x = inA.get(word);
        const y = inB.get(word);
        const countA = x?.count ?? 0;
        const countB = y?.count ?? 0;
        if (countA + countB < options.min) continue;
        const diff = (x?.logDice ?? 0) - (y?.logDice ?? 0);
        rows.push({
          word,
          countA,
          countB,
          reportsA: x?.reports ?? 0,
          reportsB: y?.reports ?? 0,
          logDiceA: x ? x.logDice : null,
          logDiceB: y ? y.logDice : null,
          diff,
          side: diff >= SIDE_THRESHOLD ? "a" : diff <= -SIDE_THRESHOLD ? "b" : "both",
          ranked: countA >= options.rankMin || countB >= options.rankMin,
          formsA: x?.variants ?? [],
          formsB: y?.variants ?? [],
          exampleA: x?.example ?? null,
          exampleB: y?.example ?? null,
        });
      }
      const byStrength = (p: Row, q: Row) => Math.abs(q.diff) - Math.abs(p.diff) || q.countA + q.countB - (p.countA + p.countB) || (p.word < q.word ? -1 : 1);
      const byDiff = (p: Row, q: Row) => q.diff - p.diff || q.countA + q.countB - (p.countA + p.countB) || (p.word < q.word ? -1 : 1);
      const kept = [...rows.filter((r) => r.ranked).sort(byStrength), ...rows.filter((r) => !r.ranked).sort(byStrength)].slice(0, options.limit);
      return { name, totalA: ra.total, totalB: rb.total, rows: [...kept.filter((r) => r.ranked).sort(byDiff), ...kept.filter((r) => !r.ranked).sort(byDiff)] };
    }),
  };
}

// forEachMatch finds each alternative's starts with the native indexOf and merges them; this checks
// it against the plain rule written out here: at every token, try the alternatives longest first,
// take the first that matches within [from, to), and go on after it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forEachMatch, type CompiledTerm } from "../../core/corpus/match.ts";

// vocabulary: ids 0–5 words, 6 a space (stepped over inside a sequence)
const isSpace = Uint8Array.from({ length: 7 }, (_, id) => (id === 6 ? 1 : 0));

function recount(ids: Uint16Array, term: CompiledTerm, from: number, to: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = from; i < to; i++) {
    for (let a = 0; a < term.length; a++) {
      const seq = term[a];
      let j = i;
      let ok = true;
      for (let k = 0; k < seq.length; k++) {
        if (k > 0) while (j < ids.length && isSpace[ids[j]]) j++;
        if (j >= ids.length || ids[j] !== seq[k]) {
          ok = false;
          break;
        }
        j++;
      }
      if (!ok || j > to) continue;
      out.push([i, j, a]);
      i = j - 1;
      break;
    }
  }
  return out;
}

describe("forEachMatch", () => {
  it("several alternatives: the same matches as trying each at every token", () => {
    const seq = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 }), fc.array(seq, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (tokens, alts, x, y) => {
        const ids = Uint16Array.from(tokens);
        const term = [...alts].sort((a, b) => b.length - a.length);
        const from = tokens.length ? x % (tokens.length + 1) : 0;
        const to = from + (tokens.length ? y % (tokens.length - from + 1) : 0);
        const got: [number, number, number][] = [];
        const n = forEachMatch({ isSpace }, { tokenIds: ids }, term, (s, e, a) => got.push([s, e, a]), from, to);
        const want = recount(ids, term, from, to);
        expect(got).toEqual(want);
        expect(n).toBe(want.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("synonyms: 职代会 and 职工 代表大会 (split, with a space between) both found, longest first", () => {
    // 0 职代会, 1 职工, 2 代表大会, 3 召开, 6 space
    const ids = Uint16Array.from([3, 0, 1, 2, 3, 1, 6, 2, 1, 3]);
    const got: [number, number][] = [];
    forEachMatch({ isSpace }, { tokenIds: ids }, [[1, 2], [0]], (s, e) => got.push([s, e]));
    expect(got).toEqual([[1, 2], [2, 4], [5, 8]]);
  });
});
